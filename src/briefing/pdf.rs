//! The briefing pack's PDF: one page per slide, each page the slide's image, 96 pixels to the
//! inch (a 1920×1080 slide is a 20 × 11,25 in page), so it prints and projects as drawn.
//!
//! Written as the slides are drawn, one page at a time, straight to its file: memory holds one
//! page, whatever the number of slides. Each object is made by pdf-writer; the file's frame
//! (header, cross-reference table, trailer) is written here, since pdf-writer's `Pdf` keeps the
//! whole document in memory to write it.

use std::io::{self, Write};

use pdf_writer::writers::{Catalog, DocumentInfo};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, TextStr};

use super::SlideImage;

/// Points per pixel at 96 pixels per inch.
const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;

/// The objects written before the pages: the catalog, the page tree and the document's
/// information; each page then takes three (the page, its image, its contents).
const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);

/// A PDF being written page by page to `out`.
pub struct PdfStream<W: Write> {
    out: W,
    /// Bytes written so far: where the next object starts.
    written: usize,
    /// Where each object starts, by number (1, 2, …).
    offsets: Vec<usize>,
    pages: Vec<Ref>,
}

impl<W: Write> PdfStream<W> {
    /// Starts the PDF: its header.
    pub fn new(out: W) -> io::Result<Self> {
        let mut stream = Self {
            out,
            written: 0,
            offsets: vec![0; 3],
            pages: Vec::new(),
        };
        // As pdf-writer writes it: the version, and bytes above 127 so that programs treat the
        // file as binary.
        stream.put(b"%PDF-1.7\n%\x80\x80\x80\x80\n\n")?;
        Ok(stream)
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.written += bytes.len();
        Ok(())
    }

    /// Writes one object: `id`, made by `make` into a chunk of its own.
    fn object(&mut self, id: Ref, make: impl FnOnce(&mut Chunk)) -> io::Result<()> {
        let index = usize::try_from(id.get()).unwrap_or(0);
        if self.offsets.len() < index {
            self.offsets.resize(index, 0);
        }
        self.offsets[index - 1] = self.written;
        let mut chunk = Chunk::new();
        make(&mut chunk);
        self.put(chunk.as_bytes())
    }

    /// A new object number.
    fn new_ref(&mut self) -> Ref {
        self.offsets.push(0);
        Ref::new(i32::try_from(self.offsets.len()).unwrap_or(i32::MAX))
    }

    /// Adds a slide as the next page (its alpha dropped: slides are opaque), compressed.
    pub fn add(&mut self, image: &SlideImage) -> io::Result<()> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        for row in image.rgba.chunks(4 * 4096) {
            let rgb: Vec<u8> = row
                .chunks_exact(4)
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect();
            encoder.write_all(&rgb)?;
        }
        let rgb_deflated = encoder.finish()?;
        let (page_id, image_id, content_id) = (self.new_ref(), self.new_ref(), self.new_ref());
        let (w, h) = (
            image.width as f32 * POINTS_PER_PIXEL,
            image.height as f32 * POINTS_PER_PIXEL,
        );
        let image_name = Name(b"Slide");
        self.object(page_id, |chunk| {
            let mut page = chunk.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, w, h));
            page.parent(PAGE_TREE);
            page.contents(content_id);
            page.resources().x_objects().pair(image_name, image_id);
            page.finish();
        })?;
        self.object(image_id, |chunk| {
            let mut xobject = chunk.image_xobject(image_id, &rgb_deflated);
            xobject.filter(Filter::FlateDecode);
            xobject.width(image.width as i32);
            xobject.height(image.height as i32);
            xobject.color_space().device_rgb();
            xobject.bits_per_component(8);
            xobject.finish();
        })?;
        let mut content = Content::new();
        content.save_state();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        content.x_object(image_name);
        content.restore_state();
        let content = content.finish();
        self.object(content_id, |chunk| {
            chunk.stream(content_id, &content);
        })?;
        self.pages.push(page_id);
        Ok(())
    }

    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether there is no page.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Ends the PDF, titled `title`: the page tree, the catalog, the information, the
    /// cross-reference table and the trailer. Returns the writer, flushed.
    pub fn finish(mut self, title: &str) -> io::Result<W> {
        let pages = std::mem::take(&mut self.pages);
        self.object(PAGE_TREE, |chunk| {
            chunk
                .pages(PAGE_TREE)
                .kids(pages.iter().copied())
                .count(pages.len() as i32);
        })?;
        self.object(CATALOG, |chunk| {
            chunk.indirect(CATALOG).start::<Catalog>().pages(PAGE_TREE);
        })?;
        self.object(INFO, |chunk| {
            chunk
                .indirect(INFO)
                .start::<DocumentInfo>()
                .title(TextStr(title))
                .producer(TextStr("Avance"));
        })?;
        let xref_at = self.written;
        let size = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f\r\n");
        for offset in &self.offsets {
            table.push_str(&format!("{offset:010} 00000 n\r\n"));
        }
        table.push_str(&format!(
            "trailer\n<<\n  /Size {size}\n  /Root {} 0 R\n  /Info {} 0 R\n>>\nstartxref\n{xref_at}\n%%EOF",
            CATALOG.get(),
            INFO.get()
        ));
        self.put(table.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_starts_where_the_cross_reference_table_says() {
        let image = SlideImage {
            width: 4,
            height: 2,
            rgba: vec![200; 4 * 2 * 4],
        };
        let mut pdf = PdfStream::new(Vec::new()).unwrap();
        pdf.add(&image).unwrap();
        pdf.add(&image).unwrap();
        assert_eq!(pdf.len(), 2);
        let bytes = pdf.finish("Plan · 31/03/2022").unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let xref_at: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|rest| rest.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(bytes[xref_at..].starts_with(b"xref\n0 10\n"));
        let table = &text[text.find("xref\n0 10\n").unwrap() + 10..];
        for (number, entry) in table.lines().skip(1).take(9).enumerate() {
            let offset: usize = entry[..10].parse().unwrap();
            let header = format!("{} 0 obj", number + 1);
            assert!(
                bytes[offset..].starts_with(header.as_bytes()),
                "object {} at {offset}",
                number + 1
            );
        }
        assert!(text.contains("/Count 2"));
        assert!(text.ends_with("%%EOF"));
    }
}
