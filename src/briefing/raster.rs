//! A software rasterizer for egui's triangle meshes: the briefing pack draws its slides on the
//! CPU, so `avance slides` runs on a server without screen, GPU or graphics drivers.
//!
//! It paints what egui's own GPU renderers paint (`egui_wgpu`'s shader, gamma-space
//! framebuffer): each vertex colour (premultiplied sRGBA) times the texture sampled bilinearly,
//! blended "premultiplied over" the pixels below, inside the clip rectangle rounded to pixels.
//! Anti-aliasing is in egui's meshes (feathered edges), so one sample per pixel centre is what
//! a GPU takes too. Shared triangle edges follow the top-left rule: no pixel is painted twice by
//! one mesh, so translucent shapes show no seams. Crates that do this (egui_software_backend,
//! dream-soft-render) are built for older egui versions; this one is kept to what egui 0.37
//! outputs: meshes, no paint callbacks.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, Primitive, TextureId, Vertex};
use egui::{Color32, TextureFilter, TexturesDelta};

/// An RGBA image being painted, premultiplied, one `[f32; 4]` (0..1, gamma space) per pixel.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pixels: Vec<[f32; 4]>,
}

impl Canvas {
    /// A canvas filled with `background`.
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![rgba(background); width * height],
        }
    }

    /// The pixels as 8-bit RGBA rows, top first (opaque where the slide painted its background).
    pub fn to_rgba8(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.pixels.len() * 4);
        for p in &self.pixels {
            let alpha = p[3].clamp(0.0, 1.0);
            // Back from premultiplied; an opaque pixel keeps its colour as it is.
            let unmultiply = if alpha > 0.0 && alpha < 1.0 {
                1.0 / alpha
            } else {
                1.0
            };
            bytes.push((p[0] * unmultiply).clamp(0.0, 1.0).mul_add(255.0, 0.5) as u8);
            bytes.push((p[1] * unmultiply).clamp(0.0, 1.0).mul_add(255.0, 0.5) as u8);
            bytes.push((p[2] * unmultiply).clamp(0.0, 1.0).mul_add(255.0, 0.5) as u8);
            bytes.push(alpha.mul_add(255.0, 0.5) as u8);
        }
        bytes
    }

    /// Paints egui's tessellated output at `pixels_per_point`.
    pub fn paint(
        &mut self,
        textures: &Textures,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
    ) {
        for clipped in primitives {
            let Primitive::Mesh(mesh) = &clipped.primitive else {
                // Paint callbacks draw with a GPU; slides use none.
                continue;
            };
            let Some(texture) = textures.get(mesh.texture_id) else {
                continue;
            };
            let clip = clipped.clip_rect;
            let clip = PixelRect {
                x0: ((clip.min.x * pixels_per_point).round().max(0.0) as usize).min(self.width),
                y0: ((clip.min.y * pixels_per_point).round().max(0.0) as usize).min(self.height),
                x1: ((clip.max.x * pixels_per_point).round().max(0.0) as usize).min(self.width),
                y1: ((clip.max.y * pixels_per_point).round().max(0.0) as usize).min(self.height),
            };
            if clip.x0 >= clip.x1 || clip.y0 >= clip.y1 {
                continue;
            }
            for triangle in mesh.indices.chunks_exact(3) {
                let vertex = |i: u32| mesh.vertices.get(i as usize);
                if let (Some(a), Some(b), Some(c)) = (
                    vertex(triangle[0]),
                    vertex(triangle[1]),
                    vertex(triangle[2]),
                ) {
                    self.triangle([a, b, c], pixels_per_point, texture, &clip);
                }
            }
        }
    }

    fn triangle(
        &mut self,
        vertices: [&Vertex; 3],
        pixels_per_point: f32,
        texture: &Texture,
        clip: &PixelRect,
    ) {
        let p = vertices.map(|v| [v.pos.x * pixels_per_point, v.pos.y * pixels_per_point]);
        let mut area = edge(p[0], p[1], p[2]);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        // One winding for every triangle: counter-clockwise in screen terms.
        let (mut v, mut p) = (vertices, p);
        if area < 0.0 {
            v.swap(1, 2);
            p.swap(1, 2);
            area = -area;
        }
        let min_x = p.iter().map(|q| q[0]).fold(f32::INFINITY, f32::min);
        let max_x = p.iter().map(|q| q[0]).fold(f32::NEG_INFINITY, f32::max);
        let min_y = p.iter().map(|q| q[1]).fold(f32::INFINITY, f32::min);
        let max_y = p.iter().map(|q| q[1]).fold(f32::NEG_INFINITY, f32::max);
        // Pixels whose centre (x + 0.5) may lie inside.
        let x0 = ((min_x - 0.5).ceil().max(clip.x0 as f32)) as usize;
        let x1 = ((max_x - 0.5).floor() + 1.0).clamp(0.0, clip.x1 as f32) as usize;
        let y0 = ((min_y - 0.5).ceil().max(clip.y0 as f32)) as usize;
        let y1 = ((max_y - 0.5).floor() + 1.0).clamp(0.0, clip.y1 as f32) as usize;
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let colors = v.map(|vertex| rgba(vertex.color));
        let uvs = v.map(|vertex| [vertex.uv.x, vertex.uv.y]);
        let flat_color = colors[0] == colors[1] && colors[1] == colors[2];
        let flat_uv = uvs[0] == uvs[1] && uvs[1] == uvs[2];
        let flat_texel = flat_uv.then(|| texture.sample(uvs[0]));
        // Edge i is the one facing vertex i; its weight is vertex i's barycentric coordinate.
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        let top_left = edges.map(|(a, b)| is_top_left(a, b));
        let weights = |q: [f32; 2]| edges.map(|(a, b)| edge(a, b, q));
        // Inside, or on a top or left edge (so shared edges are painted once).
        let covers = |w: [f32; 3]| (0..3).all(|i| w[i] > 0.0 || (w[i] == 0.0 && top_left[i]));
        // One colour and one texel over the whole triangle: one source colour for every pixel.
        let flat = flat_texel
            .filter(|_| flat_color)
            .map(|texel| std::array::from_fn::<f32, 4, _>(|c| colors[0][c] * texel[c]));
        for y in y0..y1 {
            let py = y as f32 + 0.5;
            let Some((from, to)) = span(&edges, py, x0, x1, |x| {
                covers(weights([x as f32 + 0.5, py]))
            }) else {
                continue;
            };
            let row = &mut self.pixels[y * self.width + from..y * self.width + to];
            match flat {
                // A solid, opaque shape (backgrounds, bars): the pixels are its colour.
                Some(src) if src[3] >= 1.0 => row.fill(src),
                Some(src) => row.iter_mut().for_each(|dst| blend(dst, src)),
                None => {
                    for (x, dst) in (from..to).zip(row.iter_mut()) {
                        let w = weights([x as f32 + 0.5, py]);
                        let l = [w[0] / area, w[1] / area, w[2] / area];
                        let color = if flat_color {
                            colors[0]
                        } else {
                            mix3(&colors, l)
                        };
                        let texel = match flat_texel {
                            Some(texel) => texel,
                            None => texture.sample([
                                uvs[0][0] * l[0] + uvs[1][0] * l[1] + uvs[2][0] * l[2],
                                uvs[0][1] * l[0] + uvs[1][1] * l[1] + uvs[2][1] * l[2],
                            ]),
                        };
                        blend(dst, std::array::from_fn(|c| color[c] * texel[c]));
                    }
                }
            }
        }
    }
}

/// The pixels `from..to` of a row (centre height `py`) that a triangle covers, found from its
/// edges and checked with `covers` at both ends, so rounding never adds or drops a pixel.
fn span(
    edges: &[([f32; 2], [f32; 2]); 3],
    py: f32,
    x0: usize,
    x1: usize,
    covers: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let (mut lo, mut hi) = (x0 as f32, x1 as f32);
    for (a, b) in edges {
        // edge(a, b, (qx, py)) = c − d·qx must not be negative.
        let d = b[1] - a[1];
        let c = (b[0] - a[0]) * (py - a[1]) + d * a[0];
        if d > 0.0 {
            hi = hi.min((c / d - 0.5).floor() + 1.0);
        } else if d < 0.0 {
            lo = lo.max((c / d - 0.5).ceil());
        } else if c < 0.0 {
            return None;
        }
    }
    let mut from = (lo.max(x0 as f32) as usize).min(x1);
    let mut to = (hi.max(from as f32) as usize).min(x1);
    // Correct the ends by a pixel or two where the division rounded the other way.
    for _ in 0..3 {
        if from < to && !covers(from) {
            from += 1;
        } else if from > x0 && covers(from - 1) {
            from -= 1;
        }
        if to > from && !covers(to - 1) {
            to -= 1;
        } else if to < x1 && covers(to) {
            to += 1;
        }
    }
    (from < to).then_some((from, to))
}

/// `src` (premultiplied) over `dst`.
fn blend(dst: &mut [f32; 4], src: [f32; 4]) {
    let keep = 1.0 - src[3];
    for c in 0..4 {
        dst[c] = src[c] + dst[c] * keep;
    }
}

/// A pixel rectangle, `x0..x1` × `y0..y1`.
struct PixelRect {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

/// Twice the signed area of (a, b, q): positive when q is to the left of a→b (y down).
fn edge(a: [f32; 2], b: [f32; 2], q: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0])
}

/// Whether a→b is a top edge (horizontal, the triangle below it) or a left edge, for a
/// triangle wound so that [`edge`] is positive inside (clockwise on screen, y down).
fn is_top_left(a: [f32; 2], b: [f32; 2]) -> bool {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    (dy == 0.0 && dx > 0.0) || dy < 0.0
}

fn mix3(colors: &[[f32; 4]; 3], l: [f32; 3]) -> [f32; 4] {
    std::array::from_fn(|c| colors[0][c] * l[0] + colors[1][c] * l[1] + colors[2][c] * l[2])
}

/// A colour as premultiplied gamma-space floats 0..1 (egui's `Color32` is premultiplied).
fn rgba(color: Color32) -> [f32; 4] {
    color.to_array().map(|c| f32::from(c) / 255.0)
}

/// One texture egui asked for (the font atlas, images), premultiplied.
pub struct Texture {
    width: usize,
    height: usize,
    pixels: Vec<[f32; 4]>,
    filter: TextureFilter,
}

impl Texture {
    /// The texture at `uv` (0..1), filtered as egui asked, clamped at the edges: the same
    /// four-tap bilinear filter as `egui_wgpu`'s predictable filtering.
    fn sample(&self, uv: [f32; 2]) -> [f32; 4] {
        let (w, h) = (self.width as f32, self.height as f32);
        let texel = |x: i64, y: i64| {
            let x = x.clamp(0, self.width as i64 - 1) as usize;
            let y = y.clamp(0, self.height as i64 - 1) as usize;
            self.pixels[y * self.width + x]
        };
        if self.filter == TextureFilter::Nearest {
            return texel((uv[0] * w).floor() as i64, (uv[1] * h).floor() as i64);
        }
        let (fx, fy) = (uv[0] * w - 0.5, uv[1] * h - 0.5);
        let (x, y) = (fx.floor(), fy.floor());
        let (tx, ty) = (fx - x, fy - y);
        let (x, y) = (x as i64, y as i64);
        let (a, b, c, d) = (
            texel(x, y),
            texel(x + 1, y),
            texel(x, y + 1),
            texel(x + 1, y + 1),
        );
        std::array::from_fn(|i| {
            let top = a[i] + (b[i] - a[i]) * tx;
            let bottom = c[i] + (d[i] - c[i]) * tx;
            top + (bottom - top) * ty
        })
    }
}

/// The textures egui has set up so far.
#[derive(Default)]
pub struct Textures {
    textures: HashMap<TextureId, Texture>,
}

impl Textures {
    fn get(&self, id: TextureId) -> Option<&Texture> {
        self.textures.get(&id)
    }

    /// Takes in the textures a frame set or changed (apply before painting it).
    pub fn set(&mut self, delta: &TexturesDelta) {
        for (id, changes) in &delta.set {
            for change in changes {
                let ImageData::Color(image) = &change.image;
                let pixels: Vec<[f32; 4]> = image.pixels.iter().map(|c| rgba(*c)).collect();
                let [width, height] = image.size;
                match change.pos {
                    None => {
                        self.textures.insert(
                            *id,
                            Texture {
                                width,
                                height,
                                pixels,
                                filter: change.options.magnification,
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(texture) = self.textures.get_mut(id) else {
                            continue;
                        };
                        for row in 0..height {
                            for column in 0..width {
                                let (x, y) = (x0 + column, y0 + row);
                                if x < texture.width && y < texture.height {
                                    texture.pixels[y * texture.width + x] =
                                        pixels[row * width + column];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Drops the textures a frame freed (after painting it).
    pub fn free(&mut self, delta: &TexturesDelta) {
        for id in &delta.free {
            self.textures.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Pos2, Rect};

    fn white_texture() -> Textures {
        let mut textures = Textures::default();
        let mut delta = TexturesDelta::default();
        delta.set.insert(
            TextureId::Managed(0),
            vec![egui::epaint::ImageDelta::full(
                egui::ColorImage::new([2, 2], vec![Color32::WHITE; 4]),
                egui::TextureOptions::LINEAR,
            )]
            .into(),
        );
        textures.set(&delta);
        delta.clear();
        textures
    }

    #[test]
    fn a_rectangle_fills_exactly_its_pixels_and_translucent_halves_meet_without_a_seam() {
        let textures = white_texture();
        let mut canvas = Canvas::new(8, 8, Color32::BLACK);
        let mut mesh = Mesh::default();
        // Half-transparent white over black: the two triangles of the rectangle share a
        // diagonal, which must not be painted twice.
        mesh.add_colored_rect(
            Rect::from_min_max(Pos2::new(2.0, 2.0), Pos2::new(6.0, 6.0)),
            Color32::from_white_alpha(128),
        );
        let primitive = ClippedPrimitive {
            clip_rect: Rect::from_min_max(Pos2::ZERO, Pos2::new(8.0, 8.0)),
            primitive: Primitive::Mesh(mesh),
        };
        canvas.paint(&textures, &[primitive], 1.0);
        let bytes = canvas.to_rgba8();
        let at = |x: usize, y: usize| bytes[(y * 8 + x) * 4];
        for y in 0..8 {
            for x in 0..8 {
                let inside = (2..6).contains(&x) && (2..6).contains(&y);
                assert_eq!(at(x, y), if inside { 128 } else { 0 }, "pixel {x},{y}");
            }
        }
    }

    #[test]
    fn the_clip_rectangle_cuts_what_is_painted() {
        let textures = white_texture();
        let mut canvas = Canvas::new(8, 8, Color32::BLACK);
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(8.0, 8.0)),
            Color32::WHITE,
        );
        let primitive = ClippedPrimitive {
            clip_rect: Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(3.0, 8.0)),
            primitive: Primitive::Mesh(mesh),
        };
        canvas.paint(&textures, &[primitive], 1.0);
        let bytes = canvas.to_rgba8();
        assert_eq!(bytes[2 * 4], 255);
        assert_eq!(bytes[3 * 4], 0);
    }
}
