//! What the packages carry: the version the command line answers, the window's icon and the
//! icon files the Windows and Linux packages install (assets/icon, made by render.sh).

use std::path::Path;

const SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

#[test]
fn cli_version_answers_cargo_tomls_version() {
    let (code, stdout, _) = crate::avance(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("avance {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_window_icon_is_the_256_px_png() {
    let icon = avance::app::window_icon();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // The middle of the tile is opaque.
    let middle = 4 * (128 * 256 + 128);
    assert_eq!(icon.rgba[middle + 3], 255);
}

#[test]
fn each_hicolor_png_is_the_size_its_folder_says() {
    let hicolor = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/hicolor");
    for size in SIZES {
        let path = hicolor.join(format!("{size}x{size}/apps/avance.png"));
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!(
            (info.width, info.height),
            (size, size),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_windows_icon_holds_16_to_256_px() {
    let ico = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/avance.ico"))
        .unwrap();
    // ICONDIR: reserved 0, type 1 (icon), count; then 16 bytes per image, width first (0 = 256).
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    let widths: Vec<u32> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            w => u32::from(w),
        })
        .collect();
    assert_eq!(widths, [16, 24, 32, 48, 64, 256]);
}
