//! Windows builds only: avance.exe carries Avance's icon (assets/icon/avance.ico, what Explorer,
//! the taskbar and the Start menu show) and its version information (File and Product version
//! from Cargo.toml, ProductName, FileDescription: the name Task Manager and "Open with" show).
//! The resource compiler is the target toolchain's: `x86_64-w64-mingw32-windres` from mingw-w64
//! when cross-compiling from Linux (`WINDRES` overrides it). For any other target this does
//! nothing, so Linux and macOS builds need no windres.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=assets/icon/avance.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/avance.ico")
        .set("ProductName", "Avance")
        .set("FileDescription", "Avance")
        .set("InternalName", "avance")
        .set("OriginalFilename", "avance.exe")
        // Spanish (Colombia).
        .set_language(0x240A);
    // Only the window's program: the test and bench binaries need no resources.
    if let Err(e) = resource.compile_for("avance") {
        panic!("windres could not compile avance.exe's icon and version information: {e}");
    }
}
