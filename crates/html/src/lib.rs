//! Main-text and metadata extraction from news HTML.
//!
//! The page is first stripped of scripts, styles, comments, navigation, footers, asides,
//! figures and other parts that seldom hold article text (JSON-LD blocks are kept aside for the
//! metadata); the main text then comes from the `dom_smoothie` crate (a Readability port), with
//! the `trafilatura` crate (a port of go-trafilatura) as the fallback when the primary yields
//! almost nothing. The extractor's clean HTML is turned into paragraphs here, leaving out
//! furniture (captions, bylines, share bars, "Related:" lines, see `lexicon/`), and the page's
//! headline (and the standfirst right under it) are taken off the top of the text: the title is
//! returned separately.
//!
//! Metadata (title, publication date, site name, canonical URL) is read with a small tag
//! scanner over the stripped page, so the page is parsed into a DOM only once.

mod meta;
mod prepare;
mod render;
mod scan;

pub use meta::{strip_site_suffix, url_date};
use render::Para;
use std::sync::LazyLock;

/// What a page yields: the main text as paragraphs separated by blank lines, and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub text: String,
    pub title: Option<String>,
    /// As found in the page (ISO 8601 date or date-time where possible).
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The standfirst (dek) shown under the headline, when the page has one as a heading right
    /// below it; it is not part of `text`.
    pub standfirst: Option<String>,
}

/// Which main-text extractor to run. [`extract`] uses [`Engine::default`]; the others are
/// here so the evaluation can measure the candidates through the same code path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Engine {
    /// `dom_smoothie` (Readability), leaving out captions, bylines, share bars and similar
    /// furniture recognised by class name; `trafilatura` when that yields almost nothing.
    #[default]
    DomSmoothie,
    /// `trafilatura` with its own readability/justext fallback, then `dom_smoothie` when
    /// that yields almost nothing.
    Trafilatura,
    /// `trafilatura` without its internal fallback (faster), then `dom_smoothie`.
    TrafilaturaFast,
}

/// Pages beyond this many bytes are cut (at a character boundary) before extraction.
const MAX_PAGE_BYTES: usize = 8 << 20;
/// Below this many characters of main text, the fallback extractor is tried.
const MIN_TEXT_CHARS: usize = 250;

/// Extract the main text and metadata of a page.
pub fn extract(html: &str, url: Option<&str>) -> HtmlArticle {
    extract_with(html, url, Engine::default())
}

/// [`extract`] with a chosen main-text extractor. Never panics: a failing extractor yields an
/// empty text (metadata is still read).
pub fn extract_with(html: &str, url: Option<&str>, engine: Engine) -> HtmlArticle {
    let html = cut(html, MAX_PAGE_BYTES);
    let mut prep = prepare::strip(html);
    // The metadata pass also measures the nesting depth; a page nested too deep is flattened
    // and its metadata read again from the flattened page (as the extractors will see it).
    let read = |h: &str, json_ld: &[&str]| {
        std::panic::catch_unwind(|| meta::read_with_depth(h, json_ld, url)).ok()
    };
    let first = read(&prep.html, &prep.json_ld);
    let depth = match &first {
        Some((_, Some(d))) => *d,
        _ => prepare::max_depth(&prep.html),
    };
    let page = if depth > prepare::MAX_DEPTH {
        prep.html = prepare::flatten(&prep.html);
        read(&prep.html, &prep.json_ld).map(|r| r.0)
    } else {
        first.map(|r| r.0)
    }
    .unwrap_or_default();
    // Readability reads nothing but the favicon from the head's `<link>` tags.
    let for_dom = match engine {
        Engine::DomSmoothie => prepare::without_head_links(&prep.html),
        _ => None,
    };
    let for_dom = for_dom.as_deref().unwrap_or(&prep.html);
    let mut paras = match engine {
        Engine::DomSmoothie => dom_smoothie(for_dom, url),
        Engine::Trafilatura => trafilatura(&prep.html, true),
        Engine::TrafilaturaFast => trafilatura(&prep.html, false),
    };
    if chars(&paras) < MIN_TEXT_CHARS {
        let other = match engine {
            Engine::DomSmoothie => trafilatura(&prep.html, true),
            _ => dom_smoothie(for_dom, url),
        };
        if chars(&other) > chars(&paras) {
            paras = other;
        }
    }
    let standfirst = drop_headline(
        &mut paras,
        page.title.as_deref(),
        page.description.as_deref(),
    );
    paras.retain(|p| !is_furniture(&p.text));
    let mut text = String::with_capacity(paras.iter().map(|p| p.text.len() + 2).sum());
    for p in &paras {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&p.text);
    }
    HtmlArticle {
        text,
        title: page.title,
        published: page.published,
        source: page.source,
        url: page.url,
        standfirst,
    }
}

fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn chars(p: &[Para]) -> usize {
    p.iter().map(|p| p.text.len()).sum()
}

fn trafilatura(html: &str, fallback: bool) -> Vec<Para> {
    let run = || {
        let mut opts = trafilatura::Options::default();
        opts.enable_fallback = fallback;
        // Comments are not wanted, and the metadata is read here: skip both.
        opts.exclude_comments = true;
        opts.html_date_mode = trafilatura::HtmlDateMode::Disabled;
        trafilatura::extract(html, &opts)
            .map(|r| render::paragraphs(&r.content_html))
            .unwrap_or_default()
    };
    std::panic::catch_unwind(run).unwrap_or_default()
}

fn dom_smoothie(html: &str, url: Option<&str>) -> Vec<Para> {
    let run = || {
        let cfg = dom_smoothie::Config {
            keep_classes: true,
            // JSON-LD scripts were taken out of the page beforehand (and read here): spare
            // the extractor a search of the whole tree for them.
            disable_json_ld: true,
            ..Default::default()
        };
        let Ok(mut r) = dom_smoothie::Readability::new(html, url, Some(cfg)) else {
            return Vec::new();
        };
        r.parse()
            .map(|a| render::paragraphs_skipping(&a.content, furniture_attrs))
            .unwrap_or_default()
    };
    std::panic::catch_unwind(run).unwrap_or_default()
}

struct Furniture {
    exact: Vec<String>,
    start: Vec<String>,
    share: Vec<String>,
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let mut f = Furniture {
        exact: Vec::new(),
        start: Vec::new(),
        share: Vec::new(),
    };
    for line in include_str!("../lexicon/furniture.txt").lines() {
        if let Some(x) = line.strip_prefix("exact:") {
            f.exact.push(x.trim().to_lowercase());
        } else if let Some(x) = line.strip_prefix("start:") {
            f.start.push(x.trim().to_lowercase());
        } else if let Some(x) = line.strip_prefix("share:") {
            f.share.push(x.trim().to_lowercase());
        }
    }
    f
});

/// A short paragraph that is page furniture: a listed phrase, a bare e-mail address,
/// or a cookie-consent notice.
fn is_furniture(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if FURNITURE.exact.iter().any(|e| e == bare)
        || FURNITURE
            .start
            .iter()
            .any(|s| lower.starts_with(s.as_str()))
    {
        return true;
    }
    // A row of share buttons: two or more words, all of them network or sharing words.
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_some()
        && lower.split_whitespace().count() >= 2
        && words.all(|w| FURNITURE.share.iter().any(|s| s == w))
    {
        return true;
    }
    // Date lines ("Updated 5:27 am CST, ..."), bylines ("By Jane Doe - 11/18/19"), and photo
    // captions ending in a credit ("... in Hanoi. (AP Photo/Hau Dinh)").
    static DATED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^[|\s]*(?:last\s+)?(?:updated|published|posted|modified)\b[^\n]{0,80}\d",
        )
        .expect("static regex")
    });
    static BYLINE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^(?:[Bb]y|BY)\s+\p{Lu}[^.!?]{0,55}$").expect("static regex")
    });
    static CREDIT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\S.{18,}\((?:ap |afp |reuters |getty )?(?:photo|image|picture|credit)s?\b[^()]*\)\s*$")
            .expect("static regex")
    });
    if (text.len() <= 100 && DATED.is_match(text))
        || (text.len() <= 60 && BYLINE.is_match(text))
        // (The credit pattern ends in `\)\s*$`: only text ending so can match it.)
        || (text.trim_end().ends_with(')') && CREDIT.is_match(text))
    {
        return true;
    }
    // A bare e-mail address (an author's contact line).
    if !lower.trim().contains(char::is_whitespace) && lower.contains('@') && lower.contains('.') {
        return true;
    }
    lower.contains("cookies")
        && (lower.contains("consent")
            || lower.contains("accept")
            || lower.contains("browsing experience"))
}

/// The furniture class words (see `lexicon/furniture_classes.txt`), matched anywhere inside
/// one class or id token, ignoring ASCII case.
static FURNITURE_CLASSES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words: Vec<String> = include_str!("../lexicon/furniture_classes.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        // A word with a space in it can never lie inside one token.
        .filter(|w| !w.contains(|c: char| c.is_ascii_whitespace()))
        .collect();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("furniture class words")
});

/// An element whose class or id names page furniture (captions, share bars, related links).
fn furniture_attrs(attrs: &str) -> bool {
    // The words hold no whitespace, so a match never spans two tokens of the value.
    let hit = |v: &str| FURNITURE_CLASSES.is_match(v);
    scan::attr(attrs, "class").is_some_and(|c| hit(&c))
        || scan::attr(attrs, "id").is_some_and(|i| hit(&i))
}

/// Letters and digits only, lower-cased.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    // Equal, or one holds the other with little around it ("Breaking: " + headline).
    !short.is_empty()
        && (short == long
            || (short.len() >= 20
                && long.len() <= short.len() * 5 / 4 + 12
                && long.contains(short.as_str())))
}

/// Take the headline off the top of the text, and the heading right under it (the standfirst),
/// which is returned. Only headings before the first body paragraph are touched.
fn drop_headline(
    paras: &mut Vec<Para>,
    title: Option<&str>,
    description: Option<&str>,
) -> Option<String> {
    let mut drop = 0;
    let mut saw_headline = false;
    let mut standfirst = None;
    while let Some(p) = paras.get(drop) {
        let is_title = title.is_some_and(|t| same_text(&p.text, t));
        if is_title && (p.heading || drop == 0) {
            saw_headline = true;
        } else if p.heading
            && standfirst.is_none()
            && (saw_headline
                || description.is_some_and(|d| same_text(&p.text, d))
                // A heading opening the text right above body text (the extractor already
                // took the headline off): the standfirst.
                || (drop == 0 && p.text.split_whitespace().count() >= 5 && paras.get(1).is_some_and(|n| !n.heading)))
        {
            standfirst = Some(p.text.clone());
        } else {
            break;
        }
        drop += 1;
    }
    paras.drain(..drop);
    standfirst
}

#[cfg(test)]
mod tests;
