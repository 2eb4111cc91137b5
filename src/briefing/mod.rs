//! The briefing pack filed with the committee's minutes: every slide as a PNG (1920×1080 by
//! default) and all of them as one PDF, drawn off-screen by the same code that draws them in the
//! window ([`crate::ui::slides::slide_ui`]) and painted on the CPU ([`raster`]): no screen, no
//! GPU, no screen capture. `avance slides` and Archivo → Exportar presentación… both write it.
//!
//! Layer: uses the panels (`ui`), `view`, the core and `i18n`; used by the command line and the
//! window.

pub mod pdf;
pub mod raster;

use std::path::{Path, PathBuf};

use crate::io::safe_write::{self, WriteError};
use crate::io::{SystemError, write_atomically};
use crate::model::{Cut, Language, Plan, PlanProgress};
use crate::view::slides::{Slide, SlideOrder};

/// The size slides are written at unless asked otherwise: a 1080p projector's.
pub const DEFAULT_SIZE: [u32; 2] = [1920, 1080];

/// What the pack holds: PNG files, the PDF, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PackFormat {
    Png,
    Pdf,
    #[default]
    Both,
}

impl PackFormat {
    fn png(self) -> bool {
        self != PackFormat::Pdf
    }

    fn pdf(self) -> bool {
        self != PackFormat::Png
    }
}

/// How to write a pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackOptions {
    /// Width and height of each slide, in pixels.
    pub size: [u32; 2],
    pub format: PackFormat,
    pub order: SlideOrder,
    pub language: Language,
    /// Replace files of the same names already in the folder.
    pub replace: bool,
}

impl PackOptions {
    /// PNG and PDF at 1920×1080, indicators in plan order.
    pub fn new(language: Language) -> Self {
        Self {
            size: DEFAULT_SIZE,
            format: PackFormat::Both,
            order: SlideOrder::Plan,
            language,
            replace: false,
        }
    }
}

/// A slide drawn: RGBA pixels, rows top first.
pub struct SlideImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl SlideImage {
    /// The image as PNG bytes.
    pub fn png(&self) -> Result<Vec<u8>, PackError> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Balanced);
        let encoded = encoder
            .write_header()
            .and_then(|mut writer| writer.write_image_data(&self.rgba));
        encoded.map_err(|e| PackError::Encode(e.to_string()))?;
        Ok(bytes)
    }
}

/// Draws slides off-screen: one egui context for the whole pack, so fonts are laid out once.
pub struct SlideRenderer {
    ctx: egui::Context,
    textures: raster::Textures,
}

impl Default for SlideRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl SlideRenderer {
    /// A renderer with egui's default fonts, in the light theme slides are designed in.
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        ctx.set_theme(egui::Theme::Light);
        Self {
            ctx,
            textures: raster::Textures::default(),
        }
    }

    /// Draws `slide` at `size` pixels.
    pub fn render(&mut self, slide: &Slide, language: Language, size: [u32; 2]) -> SlideImage {
        let [width, height] = size;
        let screen =
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width as f32, height as f32));
        let mut shapes = Vec::new();
        let mut pixels_per_point = 1.0;
        let mut to_free = egui::TexturesDelta::default();
        // The first pass lays the texts out (and fills the font atlas); the second draws them
        // where the first measured them.
        for _ in 0..2 {
            let input = egui::RawInput {
                screen_rect: Some(screen),
                ..Default::default()
            };
            let mut output = self.ctx.run_ui(input, |ui| {
                egui::CentralPanel::no_frame().show(ui, |ui| {
                    crate::ui::slides::slide_ui(ui, slide, language);
                });
            });
            self.textures.set(&output.textures_delta);
            // What a pass frees goes after the painting, when nothing may use it any more.
            to_free.free.extend(output.textures_delta.free.drain());
            output.textures_delta.clear();
            shapes = output.shapes;
            pixels_per_point = output.pixels_per_point;
        }
        let primitives = self.ctx.tessellate(shapes, pixels_per_point);

        let mut canvas = raster::Canvas::new(
            width as usize,
            height as usize,
            crate::theme::slide::BACKGROUND,
        );
        canvas.paint(&self.textures, &primitives, pixels_per_point);
        self.textures.free(&to_free);
        to_free.clear();
        let rgba = canvas.to_rgba8();
        SlideImage {
            width,
            height,
            rgba,
        }
    }
}

/// Why a pack was not (completely) written.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// A file of the pack is there already and replacing was not asked for.
    #[error("{}", self.message(Language::Es))]
    Exists(PathBuf),
    /// The folder could not be made.
    #[error("{}", self.message(Language::Es))]
    Folder(PathBuf, SystemError),
    /// The path given for the folder is a file (`-o plan.ron`).
    #[error("{}", self.message(Language::Es))]
    NotAFolder(PathBuf),
    /// A file could not be written.
    #[error("{}", self.message(Language::Es))]
    Write(PathBuf, WriteError),
    /// The PNG encoder failed (out of memory): its own words.
    #[error("{}", self.message(Language::Es))]
    Encode(String),
}

impl PackError {
    /// The problem in words, the path last.
    pub fn message(&self, language: Language) -> String {
        match self {
            PackError::Exists(path) => crate::tr!(
                language,
                "slides-file-exists",
                path = path.display().to_string()
            ),
            PackError::NotAFolder(path) => crate::tr!(
                language,
                "slides-not-a-folder",
                path = path.display().to_string()
            ),
            PackError::Folder(path, error) => crate::tr!(
                language,
                "slides-folder-failed",
                detail = error.message(language),
                path = path.display().to_string()
            ),
            PackError::Write(path, error) => crate::tr!(
                language,
                "slides-write-failed",
                detail = error.message(language),
                path = path.display().to_string()
            ),
            PackError::Encode(detail) => {
                crate::tr!(language, "slides-encode-failed", detail = detail.as_str())
            }
        }
    }
}

/// What a pack wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// One PNG per slide, in order (none when only the PDF was asked for).
    pub pngs: Vec<PathBuf>,
    pub pdf: Option<PathBuf>,
    pub slides: usize,
}

/// The PDF's name in the pack: `presentacion-2022T1.pdf`.
pub fn pdf_name(cut: Cut, language: Language) -> String {
    format!(
        "{}-{}.pdf",
        crate::tr!(language, "slide-file-presentation"),
        cut.file_tag(language)
    )
}

/// Writes the plan's slides at `cut` into `folder` (made if missing): the PNGs named by order,
/// objective and cut, and the PDF with the same pages. Figures are those of `avance report` at
/// the same cut: both come from [`PlanProgress::compute`].
pub fn write_pack(
    plan: &Plan,
    cut: Cut,
    folder: &Path,
    options: &PackOptions,
) -> Result<Pack, PackError> {
    let language = options.language;
    let progress = PlanProgress::compute(plan, cut);
    let slides = Slide::deck(plan, &progress, options.order, language);
    let png_paths: Vec<PathBuf> = slides
        .iter()
        .map(|s| folder.join(format!("{}.png", s.file_stem(language))))
        .collect();
    let pdf_path = folder.join(pdf_name(cut, language));
    let mut targets: Vec<&PathBuf> = Vec::new();
    if options.format.png() {
        targets.extend(&png_paths);
    }
    if options.format.pdf() {
        targets.push(&pdf_path);
    }
    if !options.replace
        && let Some(existing) = targets.iter().find(|p| safe_write::exists(p))
    {
        return Err(PackError::Exists((*existing).clone()));
    }
    if folder.is_file() {
        return Err(PackError::NotAFolder(folder.to_path_buf()));
    }
    // Replacing: every file in the way must be replaceable before any is written, so a pack
    // is never left half new and half old by a read-only slide.
    for path in &targets {
        safe_write::replaceable(path).map_err(|e| PackError::Write((*path).clone(), e))?;
    }
    std::fs::create_dir_all(folder)
        .map_err(|e| PackError::Folder(folder.to_path_buf(), SystemError::of(&e)))?;
    // Everything drawn and encoded first; then written, each file whole or not at all.
    let mut renderer = SlideRenderer::new();
    let mut pages = pdf::PdfPages::default();
    let mut files: Vec<(&PathBuf, Vec<u8>)> = Vec::new();
    for (slide, path) in slides.iter().zip(&png_paths) {
        let image = renderer.render(slide, language, options.size);
        if options.format.png() {
            files.push((path, image.png()?));
        }
        if options.format.pdf() {
            pages.add(&image);
        }
    }
    if options.format.pdf() {
        let title = format!("{} · {}", plan.title, cut.date());
        files.push((&pdf_path, pages.finish(&title)));
    }
    for (path, bytes) in &files {
        write_atomically(path, bytes).map_err(|e| PackError::Write((*path).clone(), e))?;
    }
    let pdf = options.format.pdf().then_some(pdf_path.clone());
    Ok(Pack {
        pngs: if options.format.png() {
            png_paths
        } else {
            Vec::new()
        },
        pdf,
        slides: slides.len(),
    })
}
