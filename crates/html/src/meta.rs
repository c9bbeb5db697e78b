//! Page metadata: title, publication date, site name, canonical URL and description, read
//! from `<meta>`/`<link>`/`<title>`/`<h1>`/`<time>` tags, JSON-LD and the URL itself.

use crate::prepare::{Depth, find_ci};
use crate::scan::{Scanner, Token, attr, clean_text};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
}

#[derive(Default)]
struct Found {
    og_title: Option<String>,
    ld_headline: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    ld_date: Option<String>,
    meta_date: Option<(u8, String)>,
    itemprop_date: Option<String>,
    time_date: Option<(bool, String)>,
    og_site: Option<String>,
    ld_publisher: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    description: Option<String>,
}

/// `<meta>` names that carry the publication date, best first.
const DATE_METAS: [&str; 12] = [
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
];

fn set<T>(slot: &mut Option<T>, v: T) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// Read the metadata of a page (already stripped of scripts) plus its JSON-LD blocks, also
/// measuring the page's nesting depth (as `prepare::max_depth` does) in the
/// same pass; `None` for the depth when it could not be told from this pass.
pub fn read_with_depth(
    html: &str,
    json_ld: &[&str],
    page_url: Option<&str>,
) -> (PageMeta, Option<usize>) {
    let mut f = Found::default();
    let mut sc = Scanner::new(html);
    let mut in_h1: Option<String> = None;
    let mut h1_depth = 0usize;
    let mut depth = Depth::default();
    let mut depth_known = true;
    while let Some(tok) = sc.next() {
        depth.see(&tok);
        match tok {
            Token::Open { name, attrs } => {
                if let Some(h) = in_h1.as_mut() {
                    if name.eq_ignore_ascii_case("h1") {
                        h1_depth += 1;
                    }
                    if is_break(name) {
                        h.push(' ');
                    }
                }
                if name.eq_ignore_ascii_case("meta") {
                    meta_tag(&mut f, attrs);
                } else if name.eq_ignore_ascii_case("link") {
                    if f.canonical.is_none()
                        && attr(attrs, "rel")
                            .is_some_and(|r| r.trim().eq_ignore_ascii_case("canonical"))
                        && let Some(h) = attr(attrs, "href")
                    {
                        f.canonical = non_empty(h.trim().to_string());
                    }
                } else if name.eq_ignore_ascii_case("title") {
                    let from = sc.pos();
                    let raw = sc.raw_until_close("title");
                    // The depth count sees every token of the page, the title's too.
                    let mut sub = Scanner::at(html, from);
                    while sub.pos() < sc.pos() {
                        match sub.next() {
                            Some(t) => depth.see(&t),
                            None => break,
                        }
                    }
                    depth_known &= sub.pos() == sc.pos();
                    if f.title_tag.is_none() {
                        f.title_tag = non_empty(clean_text(raw));
                    }
                } else if name.eq_ignore_ascii_case("h1") {
                    if f.h1.is_none() && in_h1.is_none() {
                        in_h1 = Some(String::new());
                        h1_depth = 1;
                    }
                } else if name.eq_ignore_ascii_case("time")
                    && let Some(dt) = attr(attrs, "datetime").filter(|d| has_year(d))
                {
                    let strong = attr(attrs, "pubdate").is_some()
                        || attr(attrs, "itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    let better = match &f.time_date {
                        None => true,
                        Some((s, _)) => strong && !*s,
                    };
                    if better {
                        f.time_date = Some((strong, dt.trim().to_string()));
                    }
                }
                if f.itemprop_date.is_none()
                    && find_ci(attrs, "itemprop").is_some()
                    && attr(attrs, "itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    && let Some(v) = attr(attrs, "content")
                        .or_else(|| attr(attrs, "datetime"))
                        .filter(|d| has_year(d))
                {
                    f.itemprop_date = Some(v.trim().to_string());
                }
            }
            Token::Close { name } => {
                if in_h1.is_some() && name.eq_ignore_ascii_case("h1") {
                    h1_depth = h1_depth.saturating_sub(1);
                    if h1_depth == 0 {
                        let t = clean_text(&in_h1.take().unwrap_or_default());
                        f.h1 = non_empty(t);
                    }
                }
            }
            Token::Text(t) => {
                if let Some(h) = in_h1.as_mut()
                    && h.len() < 2000
                {
                    h.push_str(t);
                }
            }
        }
    }
    for block in json_ld {
        read_json_ld(&mut f, block);
    }

    let source = f.og_site.clone().or(f.ld_publisher.clone());
    // The first candidate that is not just the site's name.
    let title = [&f.og_title, &f.ld_headline, &f.title_tag, &f.h1]
        .into_iter()
        .flatten()
        .find(|t| source.as_deref().is_none_or(|s| squash(t) != squash(s)))
        .or(f.og_title.as_ref())
        .cloned();
    let title = title.map(|t| strip_site_suffix(&t, source.as_deref(), page_url));
    let url = f
        .canonical
        .as_deref()
        .and_then(|c| absolute(c, page_url))
        .or_else(|| f.og_url.as_deref().and_then(|c| absolute(c, page_url)));
    let published = f
        .ld_date
        .or(f.meta_date.map(|(_, d)| d))
        .or(f.itemprop_date)
        .or(f.time_date.map(|(_, d)| d))
        .map(|d| normalise_date(&d))
        .or_else(|| page_url.and_then(url_date))
        .or_else(|| url.as_deref().and_then(url_date));
    let page = PageMeta {
        title,
        published,
        source,
        url,
        description: f.description,
    };
    (page, depth_known.then_some(depth.max))
}

fn is_break(name: &str) -> bool {
    name.eq_ignore_ascii_case("br")
        || name.eq_ignore_ascii_case("span")
        || name.eq_ignore_ascii_case("div")
}

fn meta_tag(f: &mut Found, attrs: &str) {
    let key = attr(attrs, "property")
        .or_else(|| attr(attrs, "name"))
        .or_else(|| attr(attrs, "itemprop"));
    let Some(key) = key else { return };
    let Some(content) = attr(attrs, "content") else {
        return;
    };
    let key = key.trim().to_ascii_lowercase();
    let value = clean_text(&content);
    if value.is_empty() {
        return;
    }
    match key.as_str() {
        "og:title" => set(&mut f.og_title, value),
        "og:site_name" => set(&mut f.og_site, value),
        "og:url" => set(&mut f.og_url, value),
        "og:description" => f.description = Some(value),
        "description" | "twitter:description" => set(&mut f.description, value),
        k => {
            if let Some(rank) = DATE_METAS.iter().position(|m| *m == k)
                && has_year(&value)
            {
                let rank = rank as u8;
                if f.meta_date.as_ref().is_none_or(|(r, _)| rank < *r) {
                    f.meta_date = Some((rank, value));
                }
            }
        }
    }
}

fn read_json_ld(f: &mut Found, block: &str) {
    let t = block.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t);
    let t = t.trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("//]]>").unwrap_or(t);
    let Ok(v) = serde_json::from_str::<Value>(t.trim()) else {
        return;
    };
    let mut objects = Vec::new();
    collect_objects(&v, &mut objects, 0);
    // Article-like objects first, then anything else carrying the fields.
    for pass in 0..2 {
        for o in &objects {
            if (pass == 0) != is_article(o) {
                continue;
            }
            if let Some(d) = o
                .get("datePublished")
                .and_then(Value::as_str)
                .filter(|d| has_year(d))
            {
                set(&mut f.ld_date, d.trim().to_string());
            }
            if let Some(h) = o
                .get("headline")
                .and_then(Value::as_str)
                .and_then(|h| non_empty(clean_text(h)))
            {
                set(&mut f.ld_headline, h);
            }
            match o.get("publisher") {
                Some(Value::Object(p)) => {
                    if let Some(n) = p
                        .get("name")
                        .and_then(Value::as_str)
                        .and_then(|n| non_empty(clean_text(n)))
                    {
                        set(&mut f.ld_publisher, n);
                    }
                }
                Some(Value::String(n)) => {
                    if let Some(n) = non_empty(clean_text(n)) {
                        set(&mut f.ld_publisher, n);
                    }
                }
                _ => {}
            }
        }
    }
}

fn collect_objects<'v>(
    v: &'v Value,
    out: &mut Vec<&'v serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article(o: &serde_json::Map<String, Value>) -> bool {
    let art = |t: &str| t.contains("Article") || t.contains("BlogPosting") || t == "Report";
    match o.get("@type") {
        Some(Value::String(t)) => art(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(art),
        _ => false,
    }
}

fn has_year(s: &str) -> bool {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\D)(?:19|20)\d\d(?:\D|$)").expect("static regex"));
    s.len() < 100 && YEAR.is_match(s)
}

/// `2019/11/20` and `20191120` become `2019-11-20`; dates written with month names
/// ("March 3, 2018, 09:15 PM EST", "4 Mar 2018 10:20 GMT", "Sat Mar 03 2018 11:41:09
/// GMT+0000") become their ISO date; anything else is kept as written.
fn normalise_date(s: &str) -> String {
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?:19|20)\d\d)[/.](\d\d)[/.](\d\d)\b").expect("static regex")
    });
    static COMPACT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^((?:19|20)\d\d)(\d\d)(\d\d)$").expect("static regex"));
    static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
            .expect("static regex")
    });
    static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
            .expect("static regex")
    });
    let s = s.trim();
    if let Some(c) = SLASHED.captures(s).or_else(|| COMPACT.captures(s)) {
        return format!(
            "{}-{}-{}{}",
            &c[1],
            &c[2],
            &c[3],
            &s[c.get(0).map_or(s.len(), |m| m.end())..]
        );
    }
    let named = MONTH_DAY_YEAR
        .captures(s)
        .and_then(|c| Some((month(&c[1])?, c[2].parse::<u8>().ok()?, c[3].to_string())))
        .or_else(|| {
            DAY_MONTH_YEAR
                .captures(s)
                .and_then(|c| Some((month(&c[2])?, c[1].parse::<u8>().ok()?, c[3].to_string())))
        });
    match named {
        Some((m, d, y)) if (1..=31).contains(&d) => format!("{y}-{m:02}-{d:02}"),
        _ => s.to_string(),
    }
}

/// Month number of an English month name or its three-letter abbreviation.
fn month(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    let i = dateline_time::MONTHS
        .iter()
        .position(|m| *m == n || (n.len() <= 4 && m.starts_with(n.trim_end_matches('.'))))?;
    Some(i as u8 + 1)
}

/// A date written in the URL path: `/2016/10/15/`, `/2016-10-15`, `/20161015/`.
pub fn url_date(url: &str) -> Option<String> {
    static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
            .expect("static regex")
    });
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = &url[path_start..];
    let path = &path[path.find('/')?..];
    let c = PATH_DATE.captures(path)?;
    Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// Resolve a canonical link against the page URL; `None` if neither gives an absolute URL.
fn absolute(link: &str, page_url: Option<&str>) -> Option<String> {
    let link = link.trim();
    if link.starts_with("http://") || link.starts_with("https://") {
        return Some(link.to_string());
    }
    let base = page_url?;
    let scheme_end = base.find("://")? + 3;
    if let Some(rest) = link.strip_prefix("//") {
        return Some(format!("{}{}", &base[..scheme_end], rest));
    }
    if link.starts_with('/') {
        let host_end = base[scheme_end..]
            .find('/')
            .map_or(base.len(), |i| scheme_end + i);
        return Some(format!("{}{}", &base[..host_end], link));
    }
    None
}

/// Letters and digits only, lower-cased: for comparing a title part with a site name.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn host_word(url: &str) -> Option<String> {
    let rest = &url[url.find("://")? + 3..];
    let host = rest.split(['/', ':', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let name = host.split('.').next()?;
    (name.len() >= 2).then(|| squash(name))
}

fn is_site_name(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let p = squash(part);
    if p.is_empty() {
        return false;
    }
    if let Some(s) = site.map(squash).filter(|s| !s.is_empty())
        && (p == s || s.contains(&p) || p.contains(&s))
    {
        return true;
    }
    host.is_some_and(|h| p.contains(h) || h.contains(&p))
}

/// Drop a trailing (or leading) " | Site" / " - Site" part of a page title.
pub fn strip_site_suffix(title: &str, site: Option<&str>, page_url: Option<&str>) -> String {
    const SEPS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • "];
    let host = page_url.and_then(host_word);
    let mut t = title.trim().to_string();
    for _ in 0..2 {
        let Some((sep, at)) = SEPS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (*s, i)))
            .max_by_key(|x| x.1)
        else {
            break;
        };
        let head = t[..at].trim();
        let tail = t[at + sep.len()..].trim();
        if head.is_empty() {
            break;
        }
        // "Site | Headline"
        if let Some((sep1, at1)) = SEPS
            .iter()
            .filter_map(|s| t.find(s).map(|i| (*s, i)))
            .min_by_key(|x| x.1)
        {
            let first = t[..at1].trim();
            if is_site_name(first, site, host.as_deref()) {
                t = t[at1 + sep1.len()..].trim().to_string();
                continue;
            }
        }
        let tail_words = tail.split_whitespace().count();
        let head_words = head.split_whitespace().count();
        let capitalised = tail.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
        if is_site_name(tail, site, host.as_deref())
            || (sep == " | " && tail_words <= 5 && tail_words < head_words)
            || (tail_words <= 3 && capitalised && head_words > tail_words)
        {
            t = head.to_string();
            continue;
        }
        break;
    }
    t
}
