//! The briefing pack filed with the committee's minutes: every slide as a PNG (1920×1080 by
//! default) and all of them as one tagged PDF with real text, drawn off-screen by the same code
//! that draws them in the window ([`crate::ui::slides::slide_ui`]): the PNG painted on the CPU
//! ([`raster`]), the PDF page written from the same shapes ([`pdf`]): no screen, no GPU, no
//! screen capture. `avance slides` and Archivo → Exportar presentación… both write it.
//!
//! Slides are made, drawn and written one at a time (the PNG to its file, the page to the PDF
//! as it grows, a few kilobytes of vectors and text a page, written out at the end): memory
//! holds one slide's pixels, whatever the plan's size. The pack is written all or
//! nothing ([`crate::io::file_set`]): beside the folder's files first, then put in place; a
//! failure leaves the previous pack as it was and names what failed.
//!
//! Layer: uses the panels (`ui`), `view`, the core and `i18n`; used by the command line and the
//! window.

pub mod pdf;
pub mod raster;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::io::SystemError;
use crate::io::file_set::{SetError, Staging};
use crate::io::safe_write::{self, WriteError};
use crate::model::{Cut, Language, Plan, PlanProgress};
use crate::view::slides::{Slide, SlideOrder, file_stems};

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
    /// Writes the image as PNG to `out`.
    pub fn write_png(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut encoder = png::Encoder::new(out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Balanced);
        let mut writer = encoder.write_header().map_err(std::io::Error::other)?;
        writer
            .write_image_data(&self.rgba)
            .map_err(std::io::Error::other)?;
        writer.finish().map_err(std::io::Error::other)
    }
}

/// Draws slides off-screen: one egui context for the whole pack, so fonts are laid out once.
pub struct SlideRenderer {
    egui_ctx: egui::Context,
    textures: raster::Textures,
    /// What the last drawing freed, dropped once it is painted.
    to_free: egui::TexturesDelta,
    pixels_per_point: f32,
}

impl Default for SlideRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl SlideRenderer {
    /// A renderer with egui's default fonts, in the light theme slides are designed in.
    pub fn new() -> Self {
        let egui_ctx = egui::Context::default();
        egui_ctx.set_theme(egui::Theme::Light);
        Self {
            egui_ctx,
            textures: raster::Textures::default(),
            to_free: egui::TexturesDelta::default(),
            pixels_per_point: 1.0,
        }
    }

    /// Lays `slide` out at `size` pixels: egui's shapes, and what each text is.
    pub fn draw(&mut self, slide: &Slide, language: Language, size: [u32; 2]) -> pdf::SlideDrawing {
        let [width, height] = size;
        let screen =
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width as f32, height as f32));
        let mut shapes = Vec::new();
        let mut marks = crate::ui::slides::SlideMarks::default();
        // The first pass lays the texts out (and fills the font atlas); the second draws them
        // where the first measured them.
        for _ in 0..2 {
            let input = egui::RawInput {
                screen_rect: Some(screen),
                ..Default::default()
            };
            let mut output = self.egui_ctx.run_ui(input, |ui| {
                egui::CentralPanel::no_frame().show(ui, |ui| {
                    marks = crate::ui::slides::slide_ui(ui, slide, language);
                });
            });
            self.textures.set(&output.textures_delta);
            // What a pass frees goes after the painting, when nothing may use it any more.
            self.to_free.free.extend(output.textures_delta.free.drain());
            output.textures_delta.clear();
            shapes = output.shapes;
            self.pixels_per_point = output.pixels_per_point;
        }
        pdf::SlideDrawing {
            shapes,
            marks,
            size,
        }
    }

    /// Paints a drawn slide on the CPU.
    pub fn paint(&mut self, drawing: &pdf::SlideDrawing) -> SlideImage {
        let [width, height] = drawing.size;
        let primitives = self
            .egui_ctx
            .tessellate(drawing.shapes.clone(), self.pixels_per_point);
        let mut canvas = raster::Canvas::new(
            width as usize,
            height as usize,
            crate::theme::slide::BACKGROUND,
        );
        canvas.paint(&self.textures, &primitives, self.pixels_per_point);
        self.release();
        let rgba = canvas.to_rgba8();
        SlideImage {
            width,
            height,
            rgba,
        }
    }

    /// Frees the textures the last drawing no longer uses.
    fn release(&mut self) {
        self.textures.free(&self.to_free);
        self.to_free.clear();
    }

    /// Draws `slide` at `size` pixels.
    pub fn render(&mut self, slide: &Slide, language: Language, size: [u32; 2]) -> SlideImage {
        let drawing = self.draw(slide, language, size);
        self.paint(&drawing)
    }
}

/// Why a pack was not (completely) written.
#[derive(Debug)]
pub enum PackError {
    /// A file of the pack is there already and replacing was not asked for.
    Exists(PathBuf),
    /// The folder could not be made.
    Folder(PathBuf, SystemError),
    /// The path given for the folder is a file (`-o plan.ron`).
    NotAFolder(PathBuf),
    /// A file of the pack could not be written, or the file there could not be replaced (it
    /// is read-only, or another program holds it): nothing in the folder changed.
    Write(PathBuf, WriteError),
    /// Putting the pack in place failed and undoing it failed too: the previous version of
    /// `file` is in `kept_in`.
    Stranded {
        file: PathBuf,
        source: WriteError,
        kept_in: PathBuf,
    },
    /// The PNG encoder failed (out of memory): its own words.
    Encode(String),
    /// The PDF could not be made (a slide that breaks its accessibility rules): krilla's words.
    Pdf(String),
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
                file = file_name(path),
                detail = error.message(language),
                path = path.display().to_string()
            ),
            PackError::Stranded {
                file,
                source,
                kept_in,
            } => crate::tr!(
                language,
                "slides-stranded",
                file = file_name(file),
                detail = source.message(language),
                kept_in = kept_in.display().to_string(),
                path = file.display().to_string()
            ),
            PackError::Encode(detail) => {
                crate::tr!(language, "slides-encode-failed", detail = detail.as_str())
            }
            PackError::Pdf(detail) => {
                crate::tr!(language, "slides-pdf-failed", detail = detail.as_str())
            }
        }
    }
}

/// A file's name alone, for messages.
fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

impl From<SetError> for PackError {
    fn from(error: SetError) -> Self {
        match error {
            SetError::Folder(path, e) => PackError::Folder(path, SystemError::of(&e)),
            SetError::Write(path, e) | SetError::Place(path, e) => PackError::Write(path, e),
            SetError::Stranded {
                file,
                source,
                kept_in,
            } => PackError::Stranded {
                file,
                source,
                kept_in,
            },
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
/// the same cut: both come from [`PlanProgress::compute`]. All or nothing: on any failure the
/// folder's files are as they were.
pub fn write_pack(
    plan: &Plan,
    cut: Cut,
    folder: &Path,
    options: &PackOptions,
) -> Result<Pack, PackError> {
    let language = options.language;
    let progress = PlanProgress::compute(plan, cut);
    let png_names: Vec<String> = file_stems(plan, &progress, options.order, language)
        .into_iter()
        .map(|stem| format!("{stem}.png"))
        .collect();
    let pdf_name = pdf_name(cut, language);
    let mut names: Vec<String> = Vec::new();
    if options.format.png() {
        names.extend(png_names.iter().cloned());
    }
    if options.format.pdf() {
        names.push(pdf_name.clone());
    }
    if !options.replace
        && let Some(existing) = names
            .iter()
            .map(|name| folder.join(name))
            .find(|path| safe_write::exists(path))
    {
        return Err(PackError::Exists(existing));
    }
    if safe_write::exists(folder) && !folder.is_dir() {
        return Err(PackError::NotAFolder(folder.to_path_buf()));
    }
    // Replacing: every file in the way must be replaceable before any is written.
    for name in &names {
        let path = folder.join(name);
        safe_write::replaceable(&path).map_err(|e| PackError::Write(path, e))?;
    }
    let staging = Staging::begin(folder)?;
    let mut deck = Slide::deck(plan, &progress, options.order, language).into_iter();
    let mut renderer = SlideRenderer::new();
    let mut pdf = options.format.pdf().then(pdf::PdfDeck::new);
    let mut written = Vec::new();
    let mut slides = 0;
    for png_name in &png_names {
        let Some(slide) = deck.next() else {
            continue;
        };
        let drawing = renderer.draw(&slide, language, options.size);
        if let Some(pdf) = &mut pdf {
            pdf.add(
                &drawing,
                slide.chart_in_words(language).as_deref(),
                language,
            );
        }
        if options.format.png() {
            let image = renderer.paint(&drawing);
            staging.write(png_name, |out| image.write_png(out))?;
            written.push(png_name.clone());
        } else {
            renderer.release();
        }
        slides += 1;
    }
    if let Some(pdf) = pdf {
        let bytes = pdf
            .finish(&format!("{} · {}", plan.title, cut.date()), language)
            .map_err(PackError::Pdf)?;
        staging.write(&pdf_name, |out| out.write_all(&bytes))?;
        written.push(pdf_name.clone());
    }
    staging.commit(&written)?;
    Ok(Pack {
        pngs: written
            .iter()
            .filter(|name| name.ends_with(".png"))
            .map(|name| folder.join(name))
            .collect(),
        pdf: options.format.pdf().then(|| folder.join(&pdf_name)),
        slides,
    })
}
