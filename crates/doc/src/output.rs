//! Serialisation of a [`Doc`] to the `dateline/1` contract. This is the only place that knows
//! the output shape; it runs once per document, at the end of the pipeline.

use crate::Doc;
use serde_json::{Value, json};

pub const SCHEMA: &str = "dateline/1";

/// The `f64` nearest to the shortest decimal that reads back as `x`, so that JSON shows an
/// `f32` as written (`0.7`, `2.8`) rather than widened (`0.699999988079071`). Not-a-number
/// and infinities pass through (and are written as `null`).
///
/// Figures with at most two decimals (every confidence, every CAMEO Goldstein score) take a
/// few arithmetic steps; others go through [`f32_shortest_fmt`].
pub(crate) fn f32_shortest(x: f32) -> f64 {
    // Below 10^4 an f32's spacing is under 0.001, so at most one decimal with two or fewer
    // places reads back as `x`; when there is one, it is the shortest form, and `k / 100.0`
    // (a correctly rounded division) is the f64 nearest to it. Near an f32 rounding midpoint
    // `y as f32` could only err by giving up the fast path, never by a wrong figure: a
    // two-decimal number is never within an f64 step of such a midpoint unless it is one.
    if x.abs() < 1e4 {
        let y = (f64::from(x) * 100.0).round() / 100.0;
        if y as f32 == x {
            return y;
        }
    }
    f32_shortest_fmt(x)
}

/// [`f32_shortest`] for any `f32`: Rust prints an `f32`'s shortest round-trip digits, read
/// back as an `f64` (rare: only figures with more than two decimals come here).
fn f32_shortest_fmt(x: f32) -> f64 {
    if !x.is_finite() {
        return f64::from(x);
    }
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// An event's confidence as written: rounded to 2 decimals, shortest form.
fn confidence(c: f32) -> f64 {
    f32_shortest((c * 100.0).round() / 100.0)
}

/// The `dateline/1` object for one article, as a `Value` tree (for callers that edit or embed
/// it); [`to_json_string`] writes the same object as text without the tree.
pub fn to_json(doc: &Doc) -> Value {
    serde_json::to_value(direct::DocJson::new(doc)).expect("a document always serialises")
}

/// The `dateline/1` error line for an input that could not be read.
pub fn error_json(input: &str, message: &str) -> Value {
    json!({"schema": SCHEMA, "error": {"input": input, "message": message}})
}

/// The `dateline/1` object for one article as compact JSON text: exactly the bytes of
/// `to_json(doc).to_string()`, written straight from the document without building the
/// `Value` tree (a map allocation per object, a string per key), which took as long as a
/// pipeline stage. An `f32` figure is written in its shortest form (`2.8`), as in `to_json`.
pub fn to_json_string(doc: &Doc) -> Result<String, serde_json::Error> {
    let mut out = Vec::with_capacity(doc.text().len() * 4 + 1024);
    serde_json::to_writer(&mut out, &direct::DocJson::new(doc))?;
    // serde_json writes only valid UTF-8.
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// The record as a store keeps it: [`to_json_string`] without the `text` member of
/// `article` (the store holds the text in a column of its own), the same bytes as cutting that
/// member out of the full record's text.
pub fn to_stored_json_string(doc: &Doc) -> Result<String, serde_json::Error> {
    let mut out = Vec::with_capacity(doc.text().len() * 3 + 1024);
    serde_json::to_writer(&mut out, &direct::DocJson::new(doc).without_text())?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// The identifier the record gives the layer item at `index`: `written_id('v', 0)` is `v1`
/// (`e` entities, `p` places, `v` events, `c` casualties, `q` quotes).
pub fn written_id(prefix: char, index: usize) -> String {
    format!("{prefix}{}", index + 1)
}

/// An event's Goldstein score as the record writes it.
pub fn written_goldstein(g: f32) -> f64 {
    f32_shortest(g)
}

/// An event's confidence as the record writes it (2 decimals).
pub fn written_confidence(c: f32) -> f64 {
    confidence(c)
}

/// A place's latitude or longitude as the record writes it (5 decimals).
pub fn written_coordinate(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// Serialisers for [`to_json_string`]: each object has the keys of its `json!` in
/// [`to_json`], in the same order.
mod direct {
    use crate::{
        Actor, Argument, Basis, CasualtyKind, DateRef, Doc, EntityKind, Feature, Precision,
        PublishedFrom, QuoteKind, Span, Status,
    };
    use serde::Serialize;
    use serde::ser::{SerializeMap, Serializer};

    /// An identifier such as `e3`, written as a JSON string without a `String` of its own.
    struct Id(char, usize);

    impl Serialize for Id {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("{}{}", self.0, self.1 + 1))
        }
    }

    fn opt_id(prefix: char, i: Option<usize>) -> Option<Id> {
        i.map(|i| Id(prefix, i))
    }

    /// A JSON array of whatever the closure's iterator yields.
    struct Seq<F>(F);

    impl<F, I> Serialize for Seq<F>
    where
        F: Fn() -> I,
        I: Iterator,
        I::Item: Serialize,
    {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq((self.0)())
        }
    }

    #[derive(Serialize)]
    struct SpanJ {
        start: usize,
        end: usize,
    }

    fn span(s: Span) -> SpanJ {
        SpanJ {
            start: s.start,
            end: s.end,
        }
    }

    #[derive(Serialize)]
    struct ArticleJ<'a> {
        id: &'a str,
        url: Option<&'a str>,
        source: Option<&'a str>,
        title: Option<&'a str>,
        standfirst: Option<&'a str>,
        published: Option<String>,
        published_from: PublishedFrom,
        language: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct SentenceJ {
        start: usize,
        end: usize,
        block: usize,
    }

    #[derive(Serialize)]
    struct EntityJ<'a, M: Serialize> {
        id: Id,
        kind: EntityKind,
        name: &'a str,
        title: Option<&'a str>,
        actor: Option<&'a Actor>,
        place: Option<Id>,
        mentions: M,
    }

    #[derive(Serialize)]
    struct PlaceJ<'a, M: Serialize> {
        id: Id,
        name: &'a str,
        geonameid: Option<u64>,
        country: Option<&'a str>,
        admin1: Option<&'a str>,
        lat: Option<f64>,
        lon: Option<f64>,
        feature: Option<Feature>,
        mentions: M,
    }

    #[derive(Serialize)]
    struct RangeJ<'a> {
        from: &'a str,
        to: &'a str,
    }

    #[derive(Serialize)]
    struct TimeJ<'a> {
        start: usize,
        end: usize,
        text: &'a str,
        value: &'a str,
        precision: Precision,
        range: Option<RangeJ<'a>>,
    }

    #[derive(Serialize)]
    struct ArgJ<'a> {
        entity: Option<Id>,
        code: Option<&'a str>,
        start: usize,
        end: usize,
    }

    type ArgIter<'a> = std::iter::Map<std::slice::Iter<'a, Argument>, fn(&'a Argument) -> ArgJ<'a>>;

    fn arg(a: &Argument) -> ArgJ<'_> {
        ArgJ {
            entity: opt_id('e', a.entity),
            code: a.code.as_deref(),
            start: a.span.start,
            end: a.span.end,
        }
    }

    fn args<'a>(list: &'a [Argument]) -> Seq<impl Fn() -> ArgIter<'a>> {
        Seq(move || list.iter().map(arg as fn(&'a Argument) -> ArgJ<'a>))
    }

    #[derive(Serialize)]
    struct DateJ<'a> {
        value: &'a str,
        precision: Precision,
        time: Option<usize>,
        basis: Basis,
    }

    fn date(d: &Option<DateRef>) -> Option<DateJ<'_>> {
        d.as_ref().map(|d| DateJ {
            value: &d.value,
            precision: d.precision,
            time: d.time,
            basis: d.basis,
        })
    }

    #[derive(Serialize)]
    struct PloverJ<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        mode: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct PlaceRefJ {
        place: Id,
        basis: Basis,
    }

    #[derive(Serialize)]
    struct EventJ<'a, A: Serialize> {
        id: Id,
        sentence: usize,
        trigger: SpanJ,
        text: &'a str,
        cameo: &'a str,
        cameo_root: &'a str,
        quad_class: u8,
        goldstein: f64,
        plover: Option<PloverJ<'a>>,
        status: Status,
        source: A,
        target: A,
        date: Option<DateJ<'a>>,
        place: Option<PlaceRefJ>,
        reported_by: Option<Id>,
        confidence: f64,
        rule: &'a str,
        same_as: Option<Id>,
    }

    #[derive(Serialize)]
    struct CasualtyJ<'a> {
        id: Id,
        sentence: usize,
        start: usize,
        end: usize,
        text: &'a str,
        kind: CasualtyKind,
        min: Option<u64>,
        max: Option<u64>,
        approx: bool,
        group: Option<&'a str>,
        part_of: Option<Id>,
        event: Option<Id>,
        place: Option<Id>,
        date: Option<DateJ<'a>>,
        reported_by: Option<Id>,
    }

    #[derive(Serialize)]
    struct QuoteJ<'a> {
        id: Id,
        start: usize,
        end: usize,
        text: &'a str,
        kind: QuoteKind,
        speaker: Option<Id>,
        speaker_name: Option<&'a str>,
        cue: Option<SpanJ>,
        event: Option<Id>,
    }

    type SpanIter<'a> = std::iter::Map<std::slice::Iter<'a, Span>, fn(&'a Span) -> SpanJ>;

    fn mentions<'a>(list: &'a [Span]) -> Seq<impl Fn() -> SpanIter<'a>> {
        Seq(move || {
            list.iter()
                .map((|s: &Span| span(*s)) as fn(&'a Span) -> SpanJ)
        })
    }

    /// A document's record; `.1` false leaves out `article.text`.
    pub(super) struct DocJson<'a>(pub(super) &'a Doc, pub(super) bool);

    impl<'a> DocJson<'a> {
        pub(super) fn new(doc: &'a Doc) -> Self {
            DocJson(doc, true)
        }

        pub(super) fn without_text(self) -> Self {
            DocJson(self.0, false)
        }
    }

    impl Serialize for DocJson<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let doc = self.0;
            let m = &doc.meta;
            let mut map = s.serialize_map(Some(11))?;
            map.serialize_entry("schema", super::SCHEMA)?;
            map.serialize_entry(
                "article",
                &ArticleJ {
                    id: &m.id,
                    url: m.url.as_deref(),
                    source: m.source.as_deref(),
                    title: m.title.as_deref(),
                    standfirst: m.standfirst.as_deref(),
                    published: m.published.map(|d| d.to_string()),
                    published_from: m.published_from,
                    language: &m.language,
                    text: self.1.then(|| doc.text()),
                },
            )?;
            map.serialize_entry("removed", &doc.removed)?;
            map.serialize_entry("blocks", &doc.blocks)?;
            map.serialize_entry(
                "sentences",
                &Seq(|| {
                    doc.sentences.iter().map(|s| SentenceJ {
                        start: s.span.start,
                        end: s.span.end,
                        block: s.block,
                    })
                }),
            )?;
            map.serialize_entry(
                "entities",
                &Seq(|| {
                    doc.entities.iter().enumerate().map(|(i, e)| EntityJ {
                        id: Id('e', i),
                        kind: e.kind,
                        name: &e.name,
                        title: e.title.as_deref(),
                        actor: e.actor.as_ref(),
                        place: opt_id('p', e.place),
                        mentions: mentions(&e.mentions),
                    })
                }),
            )?;
            let coord = |x: Option<f64>| x.map(super::written_coordinate);
            map.serialize_entry(
                "places",
                &Seq(|| {
                    doc.places.iter().enumerate().map(|(i, p)| PlaceJ {
                        id: Id('p', i),
                        name: &p.name,
                        geonameid: p.geonameid,
                        country: p.country.as_deref(),
                        admin1: p.admin1.as_deref(),
                        lat: coord(p.lat),
                        lon: coord(p.lon),
                        feature: p.feature,
                        mentions: mentions(&p.mentions),
                    })
                }),
            )?;
            map.serialize_entry(
                "times",
                &Seq(|| {
                    doc.times.iter().map(|t| TimeJ {
                        start: t.span.start,
                        end: t.span.end,
                        text: doc.slice(t.span),
                        value: &t.value,
                        precision: t.precision,
                        range: t.range.as_ref().map(|(f, to)| RangeJ { from: f, to }),
                    })
                }),
            )?;
            map.serialize_entry(
                "events",
                &Seq(|| {
                    doc.events.iter().enumerate().map(|(i, e)| EventJ {
                        id: Id('v', i),
                        sentence: e.sentence,
                        trigger: span(e.trigger),
                        text: doc.slice(e.trigger),
                        cameo: &e.cameo,
                        cameo_root: e.cameo.get(..2).unwrap_or(&e.cameo),
                        quad_class: e.quad_class,
                        goldstein: super::f32_shortest(e.goldstein),
                        plover: e.plover.as_ref().map(|p| PloverJ {
                            kind: &p.kind,
                            mode: p.mode.as_deref(),
                        }),
                        status: e.status,
                        source: args(&e.source),
                        target: args(&e.target),
                        date: date(&e.date),
                        place: e.place.map(|p| PlaceRefJ {
                            place: Id('p', p.place),
                            basis: p.basis,
                        }),
                        reported_by: opt_id('e', e.reported_by),
                        confidence: super::confidence(e.confidence),
                        rule: &e.rule,
                        same_as: opt_id('v', e.same_as),
                    })
                }),
            )?;
            map.serialize_entry(
                "casualties",
                &Seq(|| {
                    doc.casualties.iter().enumerate().map(|(i, c)| CasualtyJ {
                        id: Id('c', i),
                        sentence: c.sentence,
                        start: c.span.start,
                        end: c.span.end,
                        text: doc.slice(c.span),
                        kind: c.kind,
                        min: c.min,
                        max: c.max,
                        approx: c.approx,
                        group: c.group.as_deref(),
                        part_of: opt_id('c', c.part_of),
                        event: opt_id('v', c.event),
                        place: opt_id('p', c.place),
                        date: date(&c.date),
                        reported_by: opt_id('e', c.reported_by),
                    })
                }),
            )?;
            map.serialize_entry(
                "quotes",
                &Seq(|| {
                    doc.quotes.iter().enumerate().map(|(i, q)| QuoteJ {
                        id: Id('q', i),
                        start: q.span.start,
                        end: q.span.end,
                        text: doc.slice(q.span),
                        kind: q.kind,
                        speaker: opt_id('e', q.speaker),
                        speaker_name: q.speaker_name.as_deref(),
                        cue: q.cue.map(span),
                        event: opt_id('v', q.event),
                    })
                }),
            )?;
            map.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::full_doc;
    use crate::*;

    #[test]
    fn the_value_tree_and_the_text_are_the_same_object() {
        for doc in [full_doc(), Doc::default()] {
            let direct = to_json_string(&doc).expect("serialises");
            assert_eq!(direct, to_json(&doc).to_string());
        }
        // The f32 figures are written in their shortest form, not widened to f64.
        for text in [
            to_json_string(&full_doc()).unwrap(),
            to_json(&full_doc()).to_string(),
        ] {
            assert!(text.contains("\"goldstein\":2.8,"), "{text}");
            assert!(text.contains("\"goldstein\":-10.0,"), "{text}");
            assert!(text.contains("\"confidence\":0.85,"), "{text}");
            assert!(text.contains("\"confidence\":0.1,"), "{text}");
        }
    }

    #[test]
    fn the_stored_record_is_the_record_without_its_text() {
        for doc in [full_doc(), Doc::default()] {
            let full = to_json_string(&doc).unwrap();
            let text = serde_json::to_string(doc.text()).unwrap();
            let cut = full.replacen(&format!(",\"text\":{text}"), "", 1);
            assert_ne!(cut, full);
            assert_eq!(to_stored_json_string(&doc).unwrap(), cut);
        }
    }

    #[test]
    fn f32_figures_are_written_as_their_shortest_decimal() {
        let mut doc = full_doc();
        doc.events[0].confidence = 0.7;
        doc.events[0].goldstein = -6.5;
        doc.events[1].confidence = 0.29;
        doc.events[1].goldstein = 3.4;
        for text in [to_json_string(&doc).unwrap(), to_json(&doc).to_string()] {
            for want in [
                "\"goldstein\":-6.5,",
                "\"confidence\":0.7,",
                "\"goldstein\":3.4,",
                "\"confidence\":0.29,",
            ] {
                assert!(text.contains(want), "{want} in {text}");
            }
        }
        // Not-a-number and infinities stay null, in both writers alike.
        doc.events[0].goldstein = f32::NAN;
        doc.events[1].goldstein = f32::INFINITY;
        doc.events[1].confidence = f32::NEG_INFINITY;
        let direct = to_json_string(&doc).unwrap();
        assert_eq!(direct, to_json(&doc).to_string());
        assert_eq!(direct.matches("\"goldstein\":null").count(), 2);
        assert!(direct.contains("\"confidence\":null"));
    }

    #[test]
    fn f32_shortest_reads_back_as_the_same_f32() {
        for x in [
            0.0f32,
            -0.0,
            0.7,
            2.8,
            -10.0,
            1.0e-45,
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::MIN,
            16_777_216.0,
            0.1 + 0.2,
        ] {
            let y = f32_shortest(x);
            assert_eq!(y as f32, x, "{x}");
            // The shortest decimal of the f32 is the shortest decimal of the f64.
            assert_eq!(format!("{y:e}"), format!("{x:e}"));
        }
        assert_eq!(f32_shortest(0.7), 0.7);
        assert_eq!(f32_shortest(-6.5), -6.5);
        assert!(f32_shortest(f32::NAN).is_nan());
        assert_eq!(f32_shortest(f32::INFINITY), f64::INFINITY);
        // The arithmetic path agrees with the formatting one: every two-decimal figure up to
        // 10^4, and a spread of f32 bit patterns (all exponents, both signs).
        for k in -1_000_000..=1_000_000i32 {
            let x = k as f32 / 100.0;
            assert_eq!(
                f32_shortest(x).to_bits(),
                f32_shortest_fmt(x).to_bits(),
                "{x}"
            );
        }
        for bits in (0..=u32::MAX).step_by(9973) {
            let x = f32::from_bits(bits);
            let (a, b) = (f32_shortest(x), f32_shortest_fmt(x));
            assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{x}"
            );
        }
        // Every two-decimal confidence comes out as its two-decimal f64.
        for k in 0..=100u8 {
            let c = f32::from(k) / 100.0;
            assert_eq!(confidence(c), f64::from(k) / 100.0, "{k}");
        }
    }
}
