//! The dateline document model.
//!
//! A [`Doc`] owns the clean article text, which never changes once the document is built.
//! Every later stage adds a *layer* of spans over that text (sentences, tokens, entities,
//! places, times, events, casualties, quotes). Spans are UTF-8 byte offsets, end exclusive,
//! and always fall on character boundaries: [`Doc::new`] and [`Doc::check_spans`] enforce it.
//! Layers refer to each other by index into their `Vec`; identifiers such as `e1` or `v3` are
//! made only when the document is serialised to `dateline/1` (see [`output`]).

pub mod output;

#[cfg(any(test, feature = "fixtures"))]
#[doc(hidden)]
pub mod fixtures;

use jiff::civil::Date;
use serde::Serialize;

/// A byte range into [`Doc::text`], end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where the publication date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// Given by the caller (`--published`, a JSONL field).
    Input,
    /// Found in the article (HTML metadata, a dateline in the text).
    Text,
    #[default]
    None,
}

/// Article-level metadata, filled by the input and cleaning stages.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub standfirst: Option<String>,
    pub published: Option<Date>,
    pub published_from: PublishedFrom,
    pub language: String,
}

/// Something taken out of the article as page furniture, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: String,
}

/// The role of a block (paragraph-level unit) of the clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Standfirst,
    Heading,
    Paragraph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    #[serde(flatten)]
    pub span: Span,
}

/// One cleaned paragraph-level unit before the document text exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockText {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Doc::blocks`].
    pub block: usize,
}

/// A coarse token class, enough for the rule-based stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
    Nationality,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
    pub title: Option<String>,
    pub actor: Option<Actor>,
    /// Index into [`Doc::places`] when the entity is (or is bound to) a place.
    pub place: Option<usize>,
    pub mentions: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    City,
    Admin1,
    Admin2,
    Country,
    Region,
    Water,
    Landmark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub geonameid: Option<u64>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature: Option<Feature>,
    pub mentions: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
}

/// A normalised time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Time {
    pub span: Span,
    /// ISO 8601: `2016-10-15`, `2016-09`, `2016`, `2016-W41`, `201X`, or `A/B` for intervals.
    pub value: String,
    pub precision: Precision,
    /// For expressions that denote an interval ("since September 22"): from/to, ISO 8601.
    pub range: Option<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Occurred,
    Negated,
    Planned,
    Hypothetical,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Text,
    Published,
    Sentence,
    Article,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// Index into [`Doc::entities`].
    pub entity: Option<usize>,
    pub code: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRef {
    pub value: String,
    pub precision: Precision,
    /// Index into [`Doc::times`].
    pub time: Option<usize>,
    pub basis: Basis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceRef {
    /// Index into [`Doc::places`].
    pub place: usize,
    pub basis: Basis,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plover {
    pub kind: String,
    pub mode: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    pub trigger: Span,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<Plover>,
    pub status: Status,
    pub source: Vec<Argument>,
    pub target: Vec<Argument>,
    pub date: Option<DateRef>,
    pub place: Option<PlaceRef>,
    /// Index into [`Doc::entities`].
    pub reported_by: Option<usize>,
    /// The estimate that the event is real, 0-1 (`dateline_events`' `confidence.rs`).
    pub confidence: f32,
    pub rule: String,
    /// Index of an earlier event this one repeats (headline/standfirst/body mentions of one event).
    pub same_as: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CasualtyKind {
    Killed,
    Injured,
    Missing,
    Arrested,
    Kidnapped,
    Displaced,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Casualty {
    pub sentence: usize,
    pub span: Span,
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approx: bool,
    pub group: Option<String>,
    /// Index into [`Doc::casualties`].
    pub part_of: Option<usize>,
    /// Index into [`Doc::events`].
    pub event: Option<usize>,
    /// Index into [`Doc::places`].
    pub place: Option<usize>,
    pub date: Option<DateRef>,
    /// Index into [`Doc::entities`].
    pub reported_by: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// Index into [`Doc::entities`].
    pub speaker: Option<usize>,
    pub speaker_name: Option<String>,
    pub cue: Option<Span>,
    /// Index into [`Doc::events`].
    pub event: Option<usize>,
}

/// One article and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    text: String,
    pub meta: Meta,
    pub removed: Vec<Removed>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub places: Vec<Place>,
    pub times: Vec<Time>,
    pub events: Vec<Event>,
    pub casualties: Vec<Casualty>,
    pub quotes: Vec<Quote>,
}

/// Separator between blocks in the clean text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Doc {
    /// Build a document from cleaned blocks: the text is the blocks joined by blank lines,
    /// and [`Doc::blocks`] records where each one lies. Empty blocks are skipped.
    pub fn from_blocks(meta: Meta, blocks: &[BlockText], removed: Vec<Removed>) -> Doc {
        // The text's final length, so that it is allocated once rather than regrown.
        let len: usize = blocks
            .iter()
            .map(|b| b.text.trim().len() + BLOCK_SEPARATOR.len())
            .sum();
        let mut text = String::with_capacity(len);
        let mut spans = Vec::with_capacity(blocks.len());
        for b in blocks {
            let t = b.text.trim();
            if t.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str(BLOCK_SEPARATOR);
            }
            let start = text.len();
            text.push_str(t);
            spans.push(Block {
                kind: b.kind,
                span: Span::new(start, text.len()),
            });
        }
        Doc {
            text,
            meta,
            removed,
            blocks: spans,
            ..Doc::default()
        }
    }

    /// The clean article text. It never changes after the document is built.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under a span. Panics if the span is out of range or off a character
    /// boundary, which would be a bug in the stage that made it.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The sentence index containing a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Indices of the tokens of one sentence (tokens are stored in text order).
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.sentence < sentence);
        let hi = self.tokens.partition_point(|t| t.sentence <= sentence);
        &self.tokens[lo..hi]
    }

    /// Every span in every layer, with the layer's name, for invariant checks.
    pub fn all_spans(&self) -> Vec<(&'static str, Span)> {
        let mut v = Vec::new();
        v.extend(self.blocks.iter().map(|b| ("blocks", b.span)));
        v.extend(self.sentences.iter().map(|s| ("sentences", s.span)));
        v.extend(self.tokens.iter().map(|t| ("tokens", t.span)));
        for e in &self.entities {
            v.extend(e.mentions.iter().map(|m| ("entities", *m)));
        }
        for p in &self.places {
            v.extend(p.mentions.iter().map(|m| ("places", *m)));
        }
        v.extend(self.times.iter().map(|t| ("times", t.span)));
        for e in &self.events {
            v.push(("events.trigger", e.trigger));
            v.extend(e.source.iter().map(|a| ("events.source", a.span)));
            v.extend(e.target.iter().map(|a| ("events.target", a.span)));
        }
        v.extend(self.casualties.iter().map(|c| ("casualties", c.span)));
        for q in &self.quotes {
            v.push(("quotes", q.span));
            if let Some(c) = q.cue {
                v.push(("quotes.cue", c));
            }
        }
        v
    }

    /// Check the span invariant: every span lies inside the text, on character boundaries,
    /// with start <= end. Returns the first offending layer and span.
    pub fn check_spans(&self) -> Result<(), String> {
        for (layer, s) in self.all_spans() {
            if s.start > s.end
                || s.end > self.text.len()
                || !self.text.is_char_boundary(s.start)
                || !self.text.is_char_boundary(s.end)
            {
                return Err(format!("{layer}: span {}..{} is invalid", s.start, s.end));
            }
        }
        Ok(())
    }
}

/// The lower-case names these enumerations are written with in `dateline/1` (their serde
/// names), for readers that store them without writing JSON.
macro_rules! written_names {
    ($($ty:ident { $($v:ident => $n:literal),* $(,)? })*) => {$(
        impl $ty {
            /// The name the record writes.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$v => $n,)*
                }
            }
        }
    )*};
}

written_names! {
    Status { Occurred => "occurred", Negated => "negated", Planned => "planned", Hypothetical => "hypothetical" }
    Basis { Text => "text", Published => "published", Sentence => "sentence", Article => "article" }
    Precision { Day => "day", Week => "week", Month => "month", Season => "season", Year => "year", Decade => "decade" }
    Feature { City => "city", Admin1 => "admin1", Admin2 => "admin2", Country => "country", Region => "region", Water => "water", Landmark => "landmark" }
    CasualtyKind { Killed => "killed", Injured => "injured", Missing => "missing", Arrested => "arrested", Kidnapped => "kidnapped", Displaced => "displaced" }
}

#[cfg(test)]
mod tests {

    #[test]
    fn written_names_are_the_serde_names() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for x in [
            Status::Occurred,
            Status::Negated,
            Status::Planned,
            Status::Hypothetical,
        ] {
            assert_eq!(x.as_str(), name(serde_json::to_value(x).unwrap()));
        }
        for x in [
            Basis::Text,
            Basis::Published,
            Basis::Sentence,
            Basis::Article,
        ] {
            assert_eq!(x.as_str(), name(serde_json::to_value(x).unwrap()));
        }
        for x in [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Year,
            Precision::Decade,
        ] {
            assert_eq!(x.as_str(), name(serde_json::to_value(x).unwrap()));
        }
        for x in [
            Feature::City,
            Feature::Admin1,
            Feature::Admin2,
            Feature::Country,
            Feature::Region,
            Feature::Water,
            Feature::Landmark,
        ] {
            assert_eq!(x.as_str(), name(serde_json::to_value(x).unwrap()));
        }
        for x in [
            CasualtyKind::Killed,
            CasualtyKind::Injured,
            CasualtyKind::Missing,
            CasualtyKind::Arrested,
            CasualtyKind::Kidnapped,
            CasualtyKind::Displaced,
        ] {
            assert_eq!(x.as_str(), name(serde_json::to_value(x).unwrap()));
        }
    }

    use super::*;

    #[test]
    fn blocks_are_joined_by_blank_lines() {
        let doc = Doc::from_blocks(
            Meta::default(),
            &[
                BlockText {
                    kind: BlockKind::Title,
                    text: "Title".into(),
                },
                BlockText {
                    kind: BlockKind::Paragraph,
                    text: "  ".into(),
                },
                BlockText {
                    kind: BlockKind::Paragraph,
                    text: "Body — text.".into(),
                },
            ],
            vec![],
        );
        assert_eq!(doc.text(), "Title\n\nBody — text.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.slice(doc.blocks[1].span), "Body — text.");
        assert!(doc.check_spans().is_ok());
    }

    #[test]
    fn off_boundary_span_is_reported() {
        let mut doc = Doc::from_blocks(
            Meta::default(),
            &[BlockText {
                kind: BlockKind::Paragraph,
                text: "é".into(),
            }],
            vec![],
        );
        doc.sentences.push(Sentence {
            span: Span::new(0, 1),
            block: 0,
        });
        assert!(doc.check_spans().unwrap_err().contains("sentences"));
    }
}
