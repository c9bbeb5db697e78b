//! Article identity and date ranges: the values the store keys and filters on.

use jiff::civil::Date;

/// Query parameters that only track the click, never change what the page is.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || matches!(
            n.as_str(),
            "fbclid" | "gclid" | "dclid" | "msclkid" | "mc_cid" | "mc_eid" | "ocid" | "cmpid"
        )
}

/// The canonical form of an article URL, or `None` when it is not an http(s) URL.
///
/// Scheme and host are lower-cased, `www.` dropped, `http` and `https` treated as one, the
/// default port, fragment, tracking parameters (`utm_*`, `fbclid`, ...) and a trailing slash
/// removed; remaining query parameters keep their order.
pub fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower_scheme = url
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let rest = if lower_scheme.starts_with("https://") {
        &url[8..]
    } else if lower_scheme.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let rest = rest.split('#').next().unwrap_or("");
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    // Drop user info; lower-case the host; drop default ports and `www.`.
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_query, None),
    };
    let path = path.trim_end_matches('/');
    let mut out = format!("{host}{path}");
    if let Some(q) = query {
        let kept: Vec<&str> = q
            .split('&')
            .filter(|kv| !kv.is_empty())
            .filter(|kv| !is_tracking_param(kv.split('=').next().unwrap_or("")))
            .collect();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    Some(out)
}

/// A hash of an article's clean text with runs of whitespace folded to one space and the ends
/// trimmed, so that re-wrapped copies of the same text hash alike: 32 hex digits of XXH3-128.
pub fn content_hash(text: &str) -> String {
    // The folded text hashed in one call (the same value as hashing it word by word).
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(folded.as_bytes()))
}

/// The key an article is stored under: `url:` and its canonical URL when it has one, else
/// `text:` and the content hash of its clean text.
pub fn article_key(url: Option<&str>, text: &str) -> String {
    key_of(url, || content_hash(text))
}

/// [`article_key`] with the content hash computed by the caller only when needed.
pub(crate) fn key_of(url: Option<&str>, hash: impl FnOnce() -> String) -> String {
    match url.and_then(canonical_url) {
        Some(u) => format!("url:{u}"),
        None => format!("text:{}", hash()),
    }
}

fn last_day_of_month(y: i16, m: i8) -> Option<Date> {
    Some(Date::new(y, m, 1).ok()?.last_of_month())
}

/// First and last day of one ISO 8601 value: a day, month, year, ISO week (`2016-W41`),
/// decade (`201X`) or season (`2016-SU`, or ISO 8601-2 `2016-21`..`2016-24`, taken as its year).
fn bounds_one(v: &str) -> Option<(Date, Date)> {
    let v = v.trim();
    if let Ok(d) = v.parse::<Date>() {
        return Some((d, d));
    }
    let year = |s: &str| -> Option<i16> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(y) = year(v) {
        return Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?));
    }
    if v.len() == 4 && v.ends_with(['X', 'x']) {
        let d: i16 = v[..3].parse().ok()?;
        return Some((
            Date::new(d * 10, 1, 1).ok()?,
            Date::new(d * 10 + 9, 12, 31).ok()?,
        ));
    }
    let (y, rest) = v.split_once('-')?;
    let y = year(y)?;
    if let Some(w) = rest.strip_prefix(['W', 'w']) {
        let w: i8 = w.get(..2)?.parse().ok()?;
        let monday = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
            .ok()?
            .date();
        let sunday = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Sunday)
            .ok()?
            .date();
        return Some((monday, sunday));
    }
    if let Ok(m) = rest.parse::<i8>() {
        if (1..=12).contains(&m) {
            return Some((Date::new(y, m, 1).ok()?, last_day_of_month(y, m)?));
        }
        // ISO 8601-2 seasons, quarters and halves: the whole year is the honest bound.
        if (21..=41).contains(&m) {
            return Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?));
        }
        return None;
    }
    if matches!(
        rest.to_ascii_uppercase().as_str(),
        "SP" | "SU" | "FA" | "AU" | "WI"
    ) {
        return Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?));
    }
    None
}

/// First and last day (`YYYY-MM-DD`) covered by a `dateline/1` date value, intervals `A/B`
/// included. `None` when the value is not one the store can read.
pub fn date_bounds(value: &str) -> Option<(String, String)> {
    let (from, to) = match value.split_once('/') {
        Some((a, b)) => (bounds_one(a)?.0, bounds_one(b)?.1),
        None => bounds_one(value)?,
    };
    (from <= to).then(|| (from.to_string(), to.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls() {
        let c = |u| canonical_url(u).unwrap();
        assert_eq!(c("https://www.Example.com/a/b/"), "example.com/a/b");
        assert_eq!(c("http://example.com/a/b#top"), "example.com/a/b");
        assert_eq!(
            c("https://example.com:443/a?utm_source=x&id=7&fbclid=y"),
            "example.com/a?id=7"
        );
        assert_eq!(c("HTTPS://example.com"), "example.com");
        assert_ne!(
            c("https://example.com/a?id=7"),
            c("https://example.com/a?id=8")
        );
        assert_eq!(canonical_url("ftp://example.com/a"), None);
        assert_eq!(canonical_url("not a url"), None);
        assert_eq!(canonical_url("https://"), None);
    }

    #[test]
    fn content_hash_ignores_wrapping_only() {
        assert_eq!(content_hash("A b\n\nc "), content_hash(" A  b c"));
        assert_ne!(content_hash("A b c"), content_hash("A b d"));
        assert_eq!(content_hash("x").len(), 32);
        // Folding is not hashing word by word: "a b" and "ab" differ, and the value is the
        // streaming hash of the words joined by single spaces.
        assert_ne!(content_hash("a b"), content_hash("ab"));
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (i, w) in ["A", "b", "c"].iter().enumerate() {
            if i > 0 {
                h.update(b" ");
            }
            h.update(w.as_bytes());
        }
        assert_eq!(
            content_hash(" A\n b  c "),
            format!("{:032x}", h.digest128())
        );
    }

    #[test]
    fn keys_prefer_the_url() {
        assert_eq!(
            article_key(Some("https://example.com/x/"), "t"),
            "url:example.com/x"
        );
        assert!(article_key(None, "t").starts_with("text:"));
        assert!(article_key(Some("mailto:a@b"), "t").starts_with("text:"));
    }

    #[test]
    fn date_bounds_of_every_precision() {
        let b = |v| date_bounds(v).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(b("2016-10-15").unwrap(), "2016-10-15..2016-10-15");
        assert_eq!(b("2016-02").unwrap(), "2016-02-01..2016-02-29");
        assert_eq!(b("2016").unwrap(), "2016-01-01..2016-12-31");
        assert_eq!(b("2016-W41").unwrap(), "2016-10-10..2016-10-16");
        assert_eq!(b("201X").unwrap(), "2010-01-01..2019-12-31");
        assert_eq!(b("2016-SU").unwrap(), "2016-01-01..2016-12-31");
        assert_eq!(
            b("2016-09-22/2016-10-15").unwrap(),
            "2016-09-22..2016-10-15"
        );
        assert_eq!(b("2016-10/2016-09"), None);
        assert_eq!(b("soon"), None);
        assert_eq!(b("2016-13"), None);
        assert_eq!(b("2016-22").unwrap(), "2016-01-01..2016-12-31");
    }
}
