//! Windows builds only: the launcher carries Avance's icon and version information, as
//! avance.exe does (see the build.rs beside the workspace's Cargo.toml). It is installed as
//! avance.com. Nothing for other targets.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../../assets/icon/avance.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("../../assets/icon/avance.ico")
        .set("ProductName", "Avance")
        .set("FileDescription", "Avance (consola)")
        .set("InternalName", "avance-console")
        .set("OriginalFilename", "avance.com")
        // Spanish (Colombia).
        .set_language(0x240A);
    if let Err(e) = resource.compile_for("avance-console") {
        panic!("windres could not compile the launcher's icon and version information: {e}");
    }
}
