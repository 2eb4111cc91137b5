//! The briefing pack's PDF: one page per slide, with real text and structure, so the figures
//! can be found and copied into the minutes (actas) and a screen reader reads the slides (PDF/UA-1,
//! which Colombia's accessibility rules for public documents point to).
//!
//! How: each page is the slide exactly as drawn for the PNG. The same egui shapes that the
//! rasterizer paints ([`super::SlideRenderer::draw`]) are written as PDF vectors: every text
//! (a laid-out galley) as text in egui's own font, glyph by glyph where egui placed it, and every
//! rectangle, line and polygon as a path. The layout is worked out once, in
//! [`crate::ui::slides`]; drawing the PDF again from the `Slide` would copy every layout number
//! (and drift from the PNG the first time one changed). The structure comes from the same
//! drawing: each text is put with its role ([`Role`]: title, table cell, chart, reason, …), and
//! the page's tags are built from those roles in reading order: a heading, the objective's
//! text and figure, the indicators' table (a row each, a cell a column), the trend as a figure
//! whose alternative text gives its points in words, the reasons as a list, the footer with the
//! legend as a list. Grid lines, bands and bars are decoration (artifacts): what they show is
//! in the table's text.
//!
//! krilla (from the Typst project) writes the file: it subsets the font, compresses, tags and
//! checks PDF/UA-1 as it writes; it keeps the document in memory until it is finished, a few
//! kilobytes a page. At 96 pixels to the inch, as before: a 1920×1080 slide is a 20 × 11,25 in
//! page, so it prints and projects as drawn.

use std::collections::HashMap;
use std::num::NonZeroU16;

use egui::epaint::{ClippedShape, Color32, Pos2, RectShape, Shape, TextShape};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::model::Language;
use crate::ui::slides::{Role, SlideMarks};

/// Points per pixel at 96 pixels per inch.
const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;

/// A slide as drawn off-screen: egui's shapes (points, at one pixel a point), what each text
/// is, and the page's size in pixels.
pub struct SlideDrawing {
    pub shapes: Vec<ClippedShape>,
    pub marks: SlideMarks,
    pub size: [u32; 2],
}

/// The pack's PDF, page by page.
pub struct PdfDeck {
    document: Document,
    fonts: Fonts,
    /// Each page's structure, in order.
    pages: Vec<Node>,
    outline: Outline,
}

impl Default for PdfDeck {
    fn default() -> Self {
        Self::new()
    }
}

impl PdfDeck {
    /// An empty PDF/UA-1 document, tagged, in egui's default fonts.
    pub fn new() -> Self {
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .with_version(PdfVersion::Pdf17)
            .finish()
            .unwrap_or_default();
        let settings = SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        };
        Self {
            document: Document::new_with(settings),
            fonts: Fonts::new(),
            pages: Vec::new(),
            outline: Outline::new(),
        }
    }

    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether there is no page.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Adds a slide as the next page; `chart_words` is the alternative text of its trend chart.
    pub fn add(&mut self, drawing: &SlideDrawing, chart_words: Option<&str>, language: Language) {
        let [w, h] = drawing.size;
        let settings = PageSettings::from_wh(
            (w.max(1) as f32) * POINTS_PER_PIXEL,
            (h.max(1) as f32) * POINTS_PER_PIXEL,
        )
        .unwrap_or_default();
        let mut page = self.document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(POINTS_PER_PIXEL, POINTS_PER_PIXEL));
        let mut writer = PageWriter {
            fonts: &mut self.fonts,
            marks: &drawing.marks,
            texts: Vec::new(),
            chart: Vec::new(),
            lang: lang_tag(language),
            title: None,
        };
        for clipped in &drawing.shapes {
            writer.shape(&mut surface, &clipped.shape);
        }
        surface.pop();
        surface.finish();
        page.finish();
        let structure = writer.structure(chart_words);
        // The outline lists the slides by their title (PDF/UA asks for one).
        let index = self.pages.len();
        let title = writer
            .title
            .take()
            .unwrap_or_else(|| format!("{}", index + 1));
        self.outline.push_child(OutlineNode::new(
            title,
            XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
        ));
        self.pages.push(structure.into());
    }

    /// Ends the PDF, titled `title`, in `language`: its bytes, or why krilla refused it.
    pub fn finish(mut self, title: &str, language: Language) -> Result<Vec<u8>, String> {
        let lang = lang_tag(language);
        self.document.set_metadata(
            Metadata::new()
                .title(title.to_owned())
                .language(lang.to_owned())
                .creator("Avance".to_owned()),
        );
        self.document.set_outline(std::mem::take(&mut self.outline));
        let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
        tree.children = std::mem::take(&mut self.pages);
        self.document.set_tag_tree(tree);
        self.document.finish().map_err(|e| format!("{e:?}"))
    }
}

/// The document's language as a BCP 47 tag.
fn lang_tag(language: Language) -> &'static str {
    match language {
        Language::Es => "es-CO",
        Language::En => "en",
    }
}

/// A text written on the page: its role, where it is, and the tagged content of each row.
struct PlacedText {
    role: Role,
    rect: egui::Rect,
    /// Its characters, rows joined by spaces (a heading's title).
    text: String,
    content: Vec<Identifier>,
}

/// A row of the table (`None`: the headings') and its texts by column.
type TableRow = (Option<usize>, Vec<(usize, PlacedText)>);

/// One page being written.
struct PageWriter<'a> {
    fonts: &'a mut Fonts,
    marks: &'a SlideMarks,
    texts: Vec<PlacedText>,
    /// The chart's drawings (bars, lines), tagged as part of its figure.
    chart: Vec<Identifier>,
    lang: &'static str,
    /// The page's title (its first heading), for the document's outline.
    title: Option<String>,
}

impl PageWriter<'_> {
    fn shape(&mut self, surface: &mut Surface, shape: &Shape) {
        match shape {
            Shape::Vec(shapes) => {
                for shape in shapes {
                    self.shape(surface, shape);
                }
            }
            Shape::Text(text) => self.text(surface, text),
            Shape::Noop | Shape::Callback(_) | Shape::Mesh(_) => {}
            other => {
                let bounds = other.visual_bounding_rect();
                let in_chart = self
                    .marks
                    .chart
                    .is_some_and(|chart| chart.contains(bounds.center()));
                if in_chart {
                    let id = surface.start_tagged(ContentTag::Other);
                    draw_graphic(surface, other);
                    surface.end_tagged();
                    self.chart.push(id);
                } else {
                    surface.start_tagged(ContentTag::Artifact(
                        krilla::tagging::Artifact::with_kind(ArtifactType::Other),
                    ));
                    draw_graphic(surface, other);
                    surface.end_tagged();
                }
            }
        }
    }

    /// A laid-out text: each row as glyphs of egui's fonts at egui's positions, tagged as a
    /// span of its role (decoration as an artifact).
    fn text(&mut self, surface: &mut Surface, shape: &TextShape) {
        let rect = shape.visual_bounding_rect();
        let galley_rect = egui::Rect::from_min_size(shape.pos, shape.galley.size());
        let role = self
            .marks
            .marks
            .iter()
            .find(|m| (m.rect.min - galley_rect.min).length() < 1.0)
            .map_or(Role::Decoration, |m| m.role);
        let size = shape
            .galley
            .job
            .sections
            .first()
            .map_or(14.0, |s| s.format.font_id.size);
        let mut content = Vec::new();
        let mut words = String::new();
        for placed in &shape.galley.rows {
            let row = &placed.row;
            if row.glyphs.is_empty() {
                continue;
            }
            let origin = shape.pos + placed.pos.to_vec2();
            if !words.is_empty() {
                words.push(' ');
            }
            words.extend(row.glyphs.iter().map(|g| g.chr));
            let tagged = match role {
                Role::Decoration => {
                    surface.start_tagged(ContentTag::Artifact(
                        krilla::tagging::Artifact::with_kind(ArtifactType::Other),
                    ));
                    None
                }
                _ => Some(surface.start_tagged(ContentTag::Span(
                    SpanTag::empty().with_lang(Some(self.lang)),
                ))),
            };
            // Runs of glyphs of one font and one colour.
            let mut start = 0;
            while start < row.glyphs.len() {
                let first = &row.glyphs[start];
                let (face, _) = self.fonts.glyph(first.chr);
                let color = glyph_color(row, start, shape.fallback_color);
                let mut end = start + 1;
                while end < row.glyphs.len()
                    && self.fonts.glyph(row.glyphs[end].chr).0 == face
                    && glyph_color(row, end, shape.fallback_color) == color
                {
                    end += 1;
                }
                self.run(surface, &row.glyphs[start..end], face, size, origin, color);
                start = end;
            }
            surface.end_tagged();
            content.extend(tagged);
        }
        if role != Role::Decoration {
            self.texts.push(PlacedText {
                role,
                rect: rect.intersect(galley_rect.expand(1.0)),
                text: words,
                content,
            });
        }
    }

    /// Glyphs of one face and colour, from `origin` (the row's top left).
    fn run(
        &mut self,
        surface: &mut Surface,
        glyphs: &[egui::epaint::text::Glyph],
        face: usize,
        size: f32,
        origin: Pos2,
        color: Color32,
    ) {
        let Some(first) = glyphs.first() else {
            return;
        };
        let face_size = size * self.fonts.faces[face].scale;
        let mut text = String::new();
        let mut placed = Vec::with_capacity(glyphs.len());
        let mut i = 0;
        while i < glyphs.len() {
            // A cluster: a glyph and the zero-width ones egui adds for the characters a
            // ligature ("fi") or a mark joined to it. Each character is written with its own
            // glyph, the cluster's width shared by their widths: the same text, the same room.
            let glyph = &glyphs[i];
            let mut end = i + 1;
            while end < glyphs.len() && glyphs[end].advance_width == 0.0 {
                end += 1;
            }
            // The cluster's advance is where egui put the next one (kerning included).
            let advance = glyphs
                .get(end)
                .map_or(glyph.advance_width, |next| next.pos.x - glyph.pos.x)
                / face_size;
            let ids: Vec<u32> = glyphs[i..end]
                .iter()
                .map(|g| self.fonts.glyph(g.chr).1)
                .collect();
            let natural: Vec<f32> = ids.iter().map(|id| self.fonts.advance(face, *id)).collect();
            let total: f32 = natural.iter().sum();
            for (k, (g, id)) in glyphs[i..end].iter().zip(&ids).enumerate() {
                let from = text.len();
                text.push(g.chr);
                let share = if end - i == 1 {
                    advance
                } else if total > 0.0 {
                    advance * natural[k] / total
                } else if k == 0 {
                    advance
                } else {
                    0.0
                };
                placed.push(KrillaGlyph {
                    glyph_id: GlyphId::new(*id),
                    text_range: from..text.len(),
                    x_advance: share,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                });
            }
            i = end;
        }
        let font = self.fonts.faces[face].font.clone();
        surface.set_fill(Some(fill(color)));
        surface.set_stroke(None);
        surface.draw_glyphs(
            Point::from_xy(origin.x + first.pos.x, origin.y + first.pos.y),
            &placed,
            font,
            &text,
            face_size,
            false,
        );
    }

    /// The page's structure in reading order, from the texts' roles.
    fn structure(&mut self, chart_words: Option<&str>) -> TagGroup {
        // Within a part, top to bottom and left to right.
        self.texts.sort_by(|a, b| {
            (a.rect.min.y.round(), a.rect.min.x)
                .total_cmp_pair((b.rect.min.y.round(), b.rect.min.x))
        });
        let mut section = TagGroup::new(Tag::Section);
        let mut take = |wanted: &dyn Fn(Role) -> bool| -> Vec<PlacedText> {
            let (taken, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.texts)
                .into_iter()
                .partition(|t| wanted(t.role));
            self.texts = kept;
            taken
        };
        let heading = |level: u16, text: &PlacedText| -> TagKind {
            let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(text.text.clone())).into()
        };
        for text in take(&|r| r == Role::Title) {
            self.title.get_or_insert_with(|| text.text.clone());
            section.push_opt(group(heading(1, &text), vec![text]));
        }
        for text in take(&|r| r == Role::Lead) {
            section.push_opt(group(Tag::P.into(), vec![text]));
        }
        for text in take(&|r| r == Role::Figure) {
            section.push_opt(group(Tag::P.into(), vec![text]));
        }
        // The table: the headings' row, then a row per indicator, a cell per column.
        section.push_opt(table(take(&|r| matches!(r, Role::Cell { .. }))));
        // The trend: a figure, its points in words.
        let chart_texts = take(&|r| r == Role::Chart);
        if !chart_texts.is_empty() || !self.chart.is_empty() {
            let mut figure = TagGroup::new(Tag::Figure(chart_words.map(str::to_owned)));
            for text in chart_texts {
                figure
                    .children
                    .extend(text.content.into_iter().map(Node::from));
            }
            figure
                .children
                .extend(std::mem::take(&mut self.chart).into_iter().map(Node::from));
            section.push(figure);
        }
        // The reasons: a heading and a list.
        for text in take(&|r| r == Role::ReasonsHeading) {
            section.push_opt(group(heading(2, &text), vec![text]));
        }
        let mut reasons = take(&|r| matches!(r, Role::Reason(_)));
        reasons.sort_by_key(|t| match t.role {
            Role::Reason(i) => i,
            _ => 0,
        });
        section.push_opt(list(reasons));
        for text in take(&|r| r == Role::ReasonsNote) {
            section.push_opt(group(Tag::P.into(), vec![text]));
        }
        // The footer: the cut and the plan, the legend, the slide's number.
        let mut footer = take(&|r| matches!(r, Role::Footer | Role::Legend(_)));
        // One line: left to right.
        footer.sort_by(|a, b| a.rect.min.x.total_cmp(&b.rect.min.x));
        let mut legend = Vec::new();
        for text in footer {
            if matches!(text.role, Role::Legend(_)) {
                legend.push(text);
                continue;
            }
            if !legend.is_empty() {
                section.push_opt(list(std::mem::take(&mut legend)));
            }
            section.push_opt(group(Tag::P.into(), vec![text]));
        }
        section.push_opt(list(legend));
        // Anything left (none today) is read last.
        for text in std::mem::take(&mut self.texts) {
            section.push_opt(group(Tag::P.into(), vec![text]));
        }
        section
    }
}

/// A tag holding the texts' content; `None` when they hold none.
fn group(tag: TagKind, texts: Vec<PlacedText>) -> Option<TagGroup> {
    let mut group = TagGroup::new(tag);
    for text in texts {
        group
            .children
            .extend(text.content.into_iter().map(Node::from));
    }
    (!group.children.is_empty()).then_some(group)
}

/// The indicators' table: the headings' row (row `None`), then a row per indicator, a cell per
/// column (texts of one column together); `None` when there are no cells.
fn table(cells: Vec<PlacedText>) -> Option<TagGroup> {
    let mut rows: Vec<TableRow> = Vec::new();
    for text in cells {
        let Role::Cell { row, column } = text.role else {
            continue;
        };
        match rows.iter_mut().find(|(r, _)| *r == row) {
            Some((_, cells)) => cells.push((column, text)),
            None => rows.push((row, vec![(column, text)])),
        }
    }
    rows.sort_by_key(|(row, _)| row.map_or(0, |r| r + 1));
    let mut table = TagGroup::new(Tag::Table);
    for (row, mut cells) in rows {
        cells.sort_by_key(|(column, _)| *column);
        let mut tr = TagGroup::new(Tag::TR);
        let mut columns: Vec<(usize, Vec<PlacedText>)> = Vec::new();
        for (column, text) in cells {
            match columns.last_mut() {
                Some((c, texts)) if *c == column => texts.push(text),
                _ => columns.push((column, vec![text])),
            }
        }
        for (_, texts) in columns {
            let kind: TagKind = match row {
                None => Tag::TH(krilla::tagging::TableHeaderScope::Column).into(),
                Some(_) => Tag::TD.into(),
            };
            tr.push_opt(group(kind, texts));
        }
        if !tr.children.is_empty() {
            table.push(tr);
        }
    }
    (!table.children.is_empty()).then_some(table)
}

use krilla::tagging::TagKind;

/// Compares two (y, x) pairs.
trait PairOrder {
    fn total_cmp_pair(self, other: Self) -> std::cmp::Ordering;
}

impl PairOrder for (f32, f32) {
    fn total_cmp_pair(self, other: Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.total_cmp(&other.1))
    }
}

/// Adds a group when there is one.
trait PushOpt {
    fn push_opt(&mut self, group: Option<TagGroup>);
}

impl PushOpt for TagGroup {
    fn push_opt(&mut self, group: Option<TagGroup>) {
        if let Some(group) = group {
            self.push(group);
        }
    }
}

/// Texts as a list: an item each.
fn list(items: Vec<PlacedText>) -> Option<TagGroup> {
    let mut list = TagGroup::new(Tag::L(ListNumbering::None));
    for item in items {
        if item.content.is_empty() {
            continue;
        }
        let mut body = TagGroup::new(Tag::LBody);
        body.children
            .extend(item.content.into_iter().map(Node::from));
        let mut li = TagGroup::new(Tag::LI);
        li.push(body);
        list.push(li);
    }
    (!list.children.is_empty()).then_some(list)
}

/// The colour egui gave the `i`-th glyph of `row` (its first vertex's).
fn glyph_color(row: &egui::epaint::text::Row, i: usize, fallback: Color32) -> Color32 {
    let glyph = &row.glyphs[i];
    let color = row
        .visuals
        .mesh
        .vertices
        .get(glyph.first_vertex as usize)
        .map_or(fallback, |v| v.color);
    if color == Color32::PLACEHOLDER {
        fallback
    } else {
        color
    }
}

/// A colour as a fill (egui's colours are premultiplied).
fn fill(color: Color32) -> Fill {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn stroke(color: Color32, width: f32) -> Stroke {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        ..Stroke::default()
    }
}

/// Draws a rectangle, line or polygon as a path.
fn draw_graphic(surface: &mut Surface, shape: &Shape) {
    match shape {
        Shape::Rect(rect) => draw_rect(surface, rect),
        Shape::LineSegment { points, stroke: s } => {
            if let Some(path) = polyline(points, false) {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(s.color, s.width)));
                surface.draw_path(&path);
            }
        }
        Shape::Path(path_shape) => {
            let Some(path) = polyline(&path_shape.points, path_shape.closed) else {
                return;
            };
            let filled = path_shape.closed && path_shape.fill != Color32::TRANSPARENT;
            surface.set_fill(filled.then(|| fill(path_shape.fill)));
            let outline = match path_shape.stroke.color {
                egui::epaint::ColorMode::Solid(color)
                    if path_shape.stroke.width > 0.0 && color != Color32::TRANSPARENT =>
                {
                    Some(stroke(color, path_shape.stroke.width))
                }
                _ => None,
            };
            surface.set_stroke(outline);
            surface.draw_path(&path);
        }
        Shape::Circle(circle) => {
            let (c, r) = (circle.center, circle.radius);
            let points: Vec<Pos2> = (0..48)
                .map(|i| {
                    let a = i as f32 * std::f32::consts::TAU / 48.0;
                    Pos2::new(c.x + r * a.cos(), c.y + r * a.sin())
                })
                .collect();
            if let Some(path) = polyline(&points, true) {
                surface.set_fill((circle.fill != Color32::TRANSPARENT).then(|| fill(circle.fill)));
                surface.set_stroke(
                    (circle.stroke.width > 0.0)
                        .then(|| stroke(circle.stroke.color, circle.stroke.width)),
                );
                surface.draw_path(&path);
            }
        }
        _ => {}
    }
}

fn polyline(points: &[Pos2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first.x, first.y);
    for p in rest {
        builder.line_to(p.x, p.y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

/// A rectangle with its rounded corners, filled and outlined as egui draws it.
fn draw_rect(surface: &mut Surface, shape: &RectShape) {
    let r = shape.rect;
    if !(r.width() > 0.0 && r.height() > 0.0) {
        return;
    }
    let radius = f32::from(shape.corner_radius.nw)
        .min(r.width() / 2.0)
        .min(r.height() / 2.0);
    let mut builder = PathBuilder::new();
    if radius > 0.0 {
        // A quarter circle is a cubic with handles at 0.5523 of the radius.
        let k = radius * (1.0 - 0.552_284_8);
        builder.move_to(r.min.x + radius, r.min.y);
        builder.line_to(r.max.x - radius, r.min.y);
        builder.cubic_to(
            r.max.x - k,
            r.min.y,
            r.max.x,
            r.min.y + k,
            r.max.x,
            r.min.y + radius,
        );
        builder.line_to(r.max.x, r.max.y - radius);
        builder.cubic_to(
            r.max.x,
            r.max.y - k,
            r.max.x - k,
            r.max.y,
            r.max.x - radius,
            r.max.y,
        );
        builder.line_to(r.min.x + radius, r.max.y);
        builder.cubic_to(
            r.min.x + k,
            r.max.y,
            r.min.x,
            r.max.y - k,
            r.min.x,
            r.max.y - radius,
        );
        builder.line_to(r.min.x, r.min.y + radius);
        builder.cubic_to(
            r.min.x,
            r.min.y + k,
            r.min.x + k,
            r.min.y,
            r.min.x + radius,
            r.min.y,
        );
        builder.close();
    } else {
        builder.move_to(r.min.x, r.min.y);
        builder.line_to(r.max.x, r.min.y);
        builder.line_to(r.max.x, r.max.y);
        builder.line_to(r.min.x, r.max.y);
        builder.close();
    }
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_fill((shape.fill != Color32::TRANSPARENT).then(|| fill(shape.fill)));
    surface.set_stroke(
        (shape.stroke.width > 0.0 && shape.stroke.color != Color32::TRANSPARENT)
            .then(|| stroke(shape.stroke.color, shape.stroke.width)),
    );
    surface.draw_path(&path);
}

/// egui's default proportional fonts (the slides' only family), in egui's fallback order, for
/// krilla to embed (subset).
struct Fonts {
    faces: Vec<Face>,
    /// Which face and glyph each character was found in.
    found: HashMap<char, (usize, u32)>,
}

struct Face {
    font: Font,
    data: egui::epaint::text::FontData,
    /// egui's size tweak for the face.
    scale: f32,
}

impl Fonts {
    fn new() -> Self {
        let definitions = egui::FontDefinitions::default();
        let faces = definitions
            .families
            .get(&egui::FontFamily::Proportional)
            .into_iter()
            .flatten()
            .filter_map(|name| definitions.font_data.get(name))
            .filter_map(|data| {
                let font = Font::new(data.font.clone().into(), data.index)?;
                Some(Face {
                    font,
                    data: (**data).clone(),
                    scale: data.tweak.scale,
                })
            })
            .collect();
        Self {
            faces,
            found: HashMap::new(),
        }
    }

    /// The natural advance of glyph `id` of face `face`, in ems.
    fn advance(&self, face: usize, id: u32) -> f32 {
        let Some(face) = self.faces.get(face) else {
            return 0.0;
        };
        let bytes: &[u8] = (*face.data.font).as_ref();
        let Ok(font) = skrifa::FontRef::from_index(bytes, face.data.index) else {
            return 0.0;
        };
        let metrics = skrifa::MetadataProvider::glyph_metrics(
            &font,
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let units = skrifa::MetadataProvider::metrics(
            &font,
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        )
        .units_per_em;
        metrics
            .advance_width(skrifa::GlyphId::new(id))
            .map_or(0.0, |w| w / f32::from(units.max(1)))
    }

    /// The face that has `c` (the first, as egui picks it) and its glyph. A character no face
    /// has (an arrow, a script or an emoji egui's fonts lack, a control character) is drawn
    /// with egui's own replacement, ◻ (or `?`), as the window draws it; the text keeps the
    /// character, so copying and reading aloud give it. A missing glyph (glyph 0) is never
    /// drawn: PDF/UA-1 refuses it, and with it the whole pack.
    fn glyph(&mut self, c: char) -> (usize, u32) {
        if let Some(found) = self.found.get(&c) {
            return *found;
        }
        let found = self
            .lookup(c)
            .or_else(|| self.lookup('\u{25FB}'))
            .or_else(|| self.lookup('?'))
            .unwrap_or((0, 0));
        self.found.insert(c, found);
        found
    }

    /// The first face with a glyph for `c`, and that glyph.
    fn lookup(&self, c: char) -> Option<(usize, u32)> {
        if c.is_control() {
            return None;
        }
        self.faces.iter().enumerate().find_map(|(i, face)| {
            let bytes: &[u8] = (*face.data.font).as_ref();
            let font = skrifa::FontRef::from_index(bytes, face.data.index).ok()?;
            let id = skrifa::MetadataProvider::charmap(&font).map(c)?;
            (id.to_u32() != 0).then_some((i, id.to_u32()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Fonts;

    #[test]
    fn a_character_no_font_has_is_drawn_with_a_replacement_never_the_missing_glyph() {
        let mut fonts = Fonts::new();
        assert_ne!(fonts.glyph('a').1, 0);
        // Hebrew, CJK, an arrow, a control character: none of egui's default fonts has all.
        for c in ['ש', '漢', '→', '\u{7}', '\u{10FFFD}'] {
            assert_ne!(
                fonts.glyph(c).1,
                0,
                "{c:?} would break PDF/UA-1 and the pack"
            );
        }
    }
}
