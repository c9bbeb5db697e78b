//! The dateline pipeline: one raw article in, one [`Doc`] with every layer out.
//!
//! Stages run in this order, each a plain function over the document plus read-only resources:
//!
//! 1. input (`dateline-input`): bytes to text, format detection, errors;
//! 2. html (`dateline-html`): main text and metadata of a page;
//! 3. clean (`dateline-clean`): furniture removal, title, standfirst, headings, credited source;
//!    the clean text becomes the immutable [`Doc`] text here;
//! 4. segment: sentences and tokens;
//! 5. time: time expressions;
//! 6. entities: people, organisations, countries, nationalities, actor codes;
//! 7. geo: place mentions resolved against the embedded gazetteer;
//! 8. events: CAMEO/PLOVER events with status, date and place;
//! 9. toll: casualty counts; 10. quotes: quotations and speakers.

use dateline_doc::{Doc, Meta, PublishedFrom};
use dateline_input::{Body, RawArticle};
use jiff::civil::Date;

pub use dateline_doc::output::{error_json, to_json, to_json_string};

/// Read-only resources shared by every thread.
pub struct Pipeline {
    pub gazetteer: dateline_geo::Gazetteer,
    pub entities: dateline_entities::Resources,
    pub events: dateline_events::Lexicon,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

/// Parse a publication date given as an ISO 8601 date or date-time (with or without offset),
/// or an RFC 2822 date as found in feeds and HTTP headers.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(z.date());
    }
    // "2016-10-15 12:00:00+0000", "2016-10-15T12:00" and similar: take the date part.
    s.get(..10).and_then(|d| d.parse::<Date>().ok())
}

impl Pipeline {
    /// Load every resource. Done once per process.
    pub fn new() -> Pipeline {
        // Compile the clean stage's patterns here, with the other resources, rather than on the
        // first article.
        dateline_clean::init();
        Pipeline {
            gazetteer: dateline_geo::Gazetteer::load(),
            entities: dateline_entities::Resources::load(),
            events: dateline_events::Lexicon::load(),
        }
    }

    /// [`Pipeline::process`] with a panic in any stage caught and turned into an error for this
    /// article alone, so that one bad article never stops a batch. Errors carry the input name.
    pub fn process_guarded(&self, raw: RawArticle) -> Result<Doc, (String, String)> {
        let input = raw.input.clone();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process(raw))) {
            Ok(Ok(doc)) => Ok(doc),
            Ok(Err(msg)) => Err((input, msg)),
            Err(_) => Err((input, "internal error while processing this article".into())),
        }
    }

    /// Run every stage over one article.
    pub fn process(&self, raw: RawArticle) -> Result<Doc, String> {
        let mut meta = Meta {
            id: raw.id,
            url: raw.url,
            source: raw.source,
            language: "en".into(),
            ..Meta::default()
        };
        if let Some(p) = raw.published.as_deref().filter(|p| !p.trim().is_empty()) {
            meta.published =
                Some(parse_date(p).ok_or_else(|| format!("cannot read published date {p:?}"))?);
            meta.published_from = PublishedFrom::Input;
        }
        let cleaned = match raw.body {
            Body::Text(t) => dateline_clean::clean_titled(raw.title.as_deref(), &t),
            Body::Html(h) => {
                let page = dateline_html::extract(&h, meta.url.as_deref());
                if meta.url.is_none() {
                    meta.url = page.url;
                }
                if meta.source.is_none() {
                    meta.source = page.source;
                }
                if meta.published.is_none()
                    && let Some(d) = page.published.as_deref().and_then(parse_date)
                {
                    meta.published = Some(d);
                    meta.published_from = PublishedFrom::Text;
                }
                dateline_clean::clean_article(
                    page.title.as_deref(),
                    page.standfirst.as_deref(),
                    &page.text,
                )
            }
        };
        if meta.source.is_none() {
            meta.source = cleaned.source;
        }
        if meta.published.is_none()
            && let Some(d) = cleaned.published
        {
            meta.published = Some(d);
            meta.published_from = PublishedFrom::Text;
        }
        // Command-line values apply last, to articles that had none of their own.
        let fb = raw.fallback;
        if meta.published.is_none()
            && let Some(p) = fb.published.as_deref().filter(|p| !p.trim().is_empty())
        {
            meta.published =
                Some(parse_date(p).ok_or_else(|| format!("cannot read published date {p:?}"))?);
            meta.published_from = PublishedFrom::Input;
        }
        meta.source = meta.source.or(fb.source);
        meta.url = meta.url.or(fb.url);
        if raw.title.is_some() {
            meta.title = raw.title;
        }
        let mut doc = Doc::from_blocks(meta, &cleaned.blocks, cleaned.removed);
        doc.meta.title = doc.meta.title.take().or_else(|| {
            doc.blocks
                .iter()
                .find(|b| b.kind == dateline_doc::BlockKind::Title)
                .map(|b| doc.slice(b.span).to_string())
        });
        doc.meta.standfirst = doc
            .blocks
            .iter()
            .find(|b| b.kind == dateline_doc::BlockKind::Standfirst)
            .map(|b| doc.slice(b.span).to_string());
        dateline_segment::segment(&mut doc);
        dateline_time::tag(&mut doc);
        dateline_entities::recognise(&mut doc, &self.entities);
        dateline_geo::locate(&mut doc, &self.gazetteer);
        dateline_geo::unresolved(&mut doc);
        dateline_events::code(&mut doc, &self.events);
        dateline_toll::count(&mut doc);
        dateline_quotes::attribute(&mut doc);
        debug_assert!(doc.check_spans().is_ok(), "{:?}", doc.check_spans());
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_they_arrive() {
        let d = Date::constant(2016, 10, 15);
        for s in [
            "2016-10-15",
            "2016-10-15T09:30:00Z",
            "2016-10-15T09:30:00+02:00",
            "2016-10-15T09:30:00",
            "Sat, 15 Oct 2016 09:30:00 +0000",
            "2016-10-15 09:30:00+0000",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("yesterday"), None);
    }
}
