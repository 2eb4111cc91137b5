//! The briefing pack's PDF: one page per slide, each page the slide's image, 96 pixels to the
//! inch (a 1920×1080 slide is a 20 × 11,25 in page), so it prints and projects as drawn.

use std::io::Write;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::SlideImage;

/// Points per pixel at 96 pixels per inch.
const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;

/// Pages gathered one slide at a time, each kept compressed (a pack of many pages never holds
/// all the raw images at once).
#[derive(Default)]
pub struct PdfPages {
    pages: Vec<Page>,
}

struct Page {
    width: u32,
    height: u32,
    /// RGB samples, zlib-compressed (the PDF's FlateDecode).
    rgb_deflated: Vec<u8>,
}

impl PdfPages {
    /// Adds a slide as the next page (its alpha dropped: slides are opaque).
    pub fn add(&mut self, image: &SlideImage) {
        let mut rgb = Vec::with_capacity(image.rgba.len() / 4 * 3);
        for pixel in image.rgba.chunks_exact(4) {
            rgb.extend_from_slice(&pixel[..3]);
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(&rgb);
        let rgb_deflated = encoder.finish().unwrap_or_default();
        self.pages.push(Page {
            width: image.width,
            height: image.height,
            rgb_deflated,
        });
    }

    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether there is no page.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The PDF file, titled `title`.
    pub fn finish(&self, title: &str) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut new_ref = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let catalog = new_ref();
        let tree = new_ref();
        let info = new_ref();
        let ids: Vec<(Ref, Ref, Ref)> = self
            .pages
            .iter()
            .map(|_| (new_ref(), new_ref(), new_ref()))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.document_info(info)
            .title(TextStr(title))
            .producer(TextStr("Avance"));
        pdf.pages(tree)
            .kids(ids.iter().map(|(page, _, _)| *page))
            .count(self.pages.len() as i32);
        let image_name = Name(b"Slide");
        for (page, (page_id, image_id, content_id)) in self.pages.iter().zip(&ids) {
            let (w, h) = (
                page.width as f32 * POINTS_PER_PIXEL,
                page.height as f32 * POINTS_PER_PIXEL,
            );
            let mut page_writer = pdf.page(*page_id);
            page_writer.media_box(Rect::new(0.0, 0.0, w, h));
            page_writer.parent(tree);
            page_writer.contents(*content_id);
            page_writer
                .resources()
                .x_objects()
                .pair(image_name, *image_id);
            page_writer.finish();

            let mut image = pdf.image_xobject(*image_id, &page.rgb_deflated);
            image.filter(Filter::FlateDecode);
            image.width(page.width as i32);
            image.height(page.height as i32);
            image.color_space().device_rgb();
            image.bits_per_component(8);
            image.finish();

            let mut content = Content::new();
            content.save_state();
            content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
            content.x_object(image_name);
            content.restore_state();
            pdf.stream(*content_id, &content.finish());
        }
        pdf.finish()
    }
}
