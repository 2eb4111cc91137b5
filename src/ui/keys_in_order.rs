//! Every key lands where the focus is at that point of the stream of keys, however fast they
//! come.
//!
//! egui hands a frame all the events that arrived since the last one, and each widget reads
//! them while it is drawn: the focused cell takes the Tab (it moves the focus to the next
//! cell), and its text field then takes the text typed *after* the Tab too, since the focus
//! only lands on the next cell once that cell is drawn. At number-pad speed (keys ~30 ms
//! apart, or queued while a slow frame is drawn) `7`, Tab, `8`, Tab gave T1 = 78 and an empty
//! T2. Shortcuts are read before the panels, so Ctrl+Z typed after a figure undid before the
//! figure was typed.
//!
//! So the stream is cut before egui reads it: [`KeysInOrder`], an egui plugin, gives each
//! frame the events up to a key that moves the focus or acts outside the text (Tab, Enter,
//! arrows, Esc, shortcuts, a paste, a click), that key alone in its frame, and keeps the rest
//! for the next frames. While the window says the focus is on its way to a cell (reached by a
//! key, it takes the focus once drawn), what follows waits for it. Whole frames, not single
//! widgets, are cut: every field of the window (the grid's cells, the details, the semáforo
//! form, the dialogs) gets its keys in order, and nothing is re-typed or guessed.

use std::collections::VecDeque;

use egui::{Event, Key, RawInput, ViewportId};

/// How many frames the keys wait for a focus on its way before they go to whatever has the
/// focus (a cell that never comes into view must not hold them back for good).
const MOST_FRAMES_WAITED: u32 = 10;

/// The egui plugin that gives each frame the events of one step of the hands (see the module).
#[derive(Default)]
pub struct KeysInOrder {
    /// Events not given to a frame yet, in the order they came.
    waiting: VecDeque<Event>,
    /// The field the window is moving the focus to: what follows waits for it to land.
    focus_on_its_way: Option<egui::Id>,
    /// How many frames have waited for that focus.
    frames_waited: u32,
}

impl KeysInOrder {
    /// Notes where the focus is going (`None`: nowhere, it is where it should be).
    fn focus_going_to(&mut self, to: Option<egui::Id>) {
        if to != self.focus_on_its_way {
            self.frames_waited = 0;
        }
        self.focus_on_its_way = to;
    }
}

/// Tells the plugin which field the focus is on its way to, if any (installing the plugin on
/// the first call). Called once a frame is drawn; the next frame's events depend on it.
pub fn focus_on_its_way(egui_ctx: &egui::Context, to: Option<egui::Id>) {
    let known = egui_ctx.with_plugin(|keys: &mut KeysInOrder| keys.focus_going_to(to));
    if known.is_none() {
        egui_ctx.add_plugin(KeysInOrder {
            focus_on_its_way: to,
            ..KeysInOrder::default()
        });
    }
}

impl egui::Plugin for KeysInOrder {
    fn debug_name(&self) -> &'static str {
        "avance::keys_in_order"
    }

    fn input_hook(&mut self, egui_ctx: &egui::Context, input: &mut RawInput) {
        // A frame drawn again (a discarded pass) has no events of its own.
        if input.viewport_id != ViewportId::ROOT || egui_ctx.current_pass_index() != 0 {
            return;
        }
        self.waiting.extend(input.events.drain(..));
        let wait = self.focus_on_its_way.is_some() && self.frames_waited < MOST_FRAMES_WAITED;
        if wait {
            self.frames_waited += 1;
        }
        input.events = next_frame(&mut self.waiting, wait);
    }

    fn on_end_pass(&mut self, ui: &mut egui::Ui) {
        if !self.waiting.is_empty() {
            ui.ctx().request_repaint();
        }
    }
}

/// What an event is to the order of the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Goes wherever it is read, in any frame: a key released, the pointer moving, the wheel.
    Passive,
    /// Text for the field that has the focus: typed characters, Backspace.
    Typing,
    /// Moves the focus or acts outside the text: Tab, Enter, arrows, Esc, F-keys, shortcuts,
    /// a paste, a copy, a click.
    Move,
}

fn step(event: &Event) -> Step {
    match event {
        Event::Text(_) | Event::Ime(_) => Step::Typing,
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            if modifiers.command || modifiers.ctrl || modifiers.alt || modifiers.mac_cmd {
                Step::Move
            } else if edits_text(*key) {
                Step::Typing
            } else {
                Step::Move
            }
        }
        Event::Key { pressed: false, .. }
        | Event::ModifiersChanged(_)
        | Event::PointerMoved(_)
        | Event::MouseMoved(_)
        | Event::PointerGone
        | Event::MouseWheel { .. }
        | Event::Zoom(_)
        | Event::Rotate(_)
        | Event::WindowFocused(_) => Step::Passive,
        Event::Copy
        | Event::Cut
        | Event::Paste(_)
        | Event::PasteImage(_)
        | Event::MiddleClickPaste { .. }
        | Event::PointerButton { .. }
        | Event::Touch { .. }
        | Event::AccessKitActionRequest(_) => Step::Move,
    }
}

/// Keys that only type or erase a character in the focused field.
fn edits_text(key: Key) -> bool {
    use Key::*;
    matches!(
        key,
        Backspace
            | Space
            | Colon
            | Comma
            | Minus
            | Period
            | Plus
            | Equals
            | Semicolon
            | Backslash
            | Slash
            | Pipe
            | Questionmark
            | Exclamationmark
            | OpenBracket
            | CloseBracket
            | OpenCurlyBracket
            | CloseCurlyBracket
            | Backtick
            | Quote
            | Num0
            | Num1
            | Num2
            | Num3
            | Num4
            | Num5
            | Num6
            | Num7
            | Num8
            | Num9
            | A
            | B
            | C
            | D
            | E
            | F
            | G
            | H
            | I
            | J
            | K
            | L
            | M
            | N
            | O
            | P
            | Q
            | R
            | S
            | T
            | U
            | V
            | W
            | X
            | Y
            | Z
    )
}

/// Takes from the front of `waiting` the events of the next frame: typing up to the next key
/// that moves (not included), or that key alone; with the passive events around them. While
/// the focus is on its way (`wait`), only passive events go.
fn next_frame(waiting: &mut VecDeque<Event>, wait: bool) -> Vec<Event> {
    let mut frame = Vec::new();
    let mut taken = None;
    while let Some(event) = waiting.front() {
        let step = step(event);
        let take = match (step, taken) {
            (Step::Passive, _) => true,
            _ if wait => false,
            (Step::Typing, None | Some(Step::Typing)) => true,
            (Step::Move, None) => true,
            _ => false,
        };
        if !take {
            break;
        }
        if step != Step::Passive {
            taken = Some(step);
        }
        frame.extend(waiting.pop_front());
    }
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    fn key(key: Key, pressed: bool) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    fn frames(events: Vec<Event>) -> Vec<Vec<Event>> {
        let mut waiting: VecDeque<Event> = events.into();
        let mut out = Vec::new();
        while !waiting.is_empty() {
            out.push(next_frame(&mut waiting, false));
        }
        out
    }

    #[test]
    fn seven_tab_eight_tab_is_cut_at_each_tab() {
        let seven = [key(Key::Num7, true), text("7"), key(Key::Num7, false)];
        let tab = [key(Key::Tab, true), key(Key::Tab, false)];
        let eight = [key(Key::Num8, true), text("8"), key(Key::Num8, false)];
        let all = [&seven[..], &tab, &eight, &tab].concat();
        assert_eq!(
            frames(all),
            vec![seven.to_vec(), tab.to_vec(), eight.to_vec(), tab.to_vec()]
        );
    }

    #[test]
    fn a_shortcut_after_typing_waits_for_the_next_frame() {
        let ctrl_z = Event::Key {
            key: Key::Z,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        };
        let all = vec![text("5"), ctrl_z.clone(), text("6")];
        assert_eq!(
            frames(all),
            vec![vec![text("5")], vec![ctrl_z], vec![text("6")]]
        );
    }

    #[test]
    fn while_the_focus_is_on_its_way_only_passive_events_go() {
        let mut waiting: VecDeque<Event> =
            vec![key(Key::Tab, false), text("8"), key(Key::Num8, false)].into();
        assert_eq!(next_frame(&mut waiting, true), vec![key(Key::Tab, false)]);
        assert_eq!(waiting.len(), 2);
        assert_eq!(
            next_frame(&mut waiting, false),
            vec![text("8"), key(Key::Num8, false)]
        );
    }
}
