use super::*;

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

const BODY: &str = "<article><h1>Storm hits the coast</h1><p>The storm reached the coast on Tuesday \
    night, flooding streets in three towns and cutting power to forty thousand homes.</p>\
    <p>Officials said rescue teams had reached most of the stranded residents by morning, and \
    that schools would stay closed until Thursday.</p><h2>Clean-up</h2><p>Volunteers began \
    clearing debris from the harbour front, where several boats had been thrown onto the quay \
    by the waves.</p></article>";

#[test]
fn og_title_site_name_and_canonical() {
    let h = page(
        "<title>Storm hits the coast | Coast Herald</title>\
         <meta property=\"og:title\" content=\"Storm hits the coast\">\
         <meta property=\"og:site_name\" content=\"Coast Herald\">\
         <link rel=\"canonical\" href=\"https://herald.example/news/storm\">\
         <meta property=\"og:url\" content=\"https://herald.example/other\">",
        BODY,
    );
    let a = extract(&h, None);
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
    assert_eq!(a.source.as_deref(), Some("Coast Herald"));
    assert_eq!(a.url.as_deref(), Some("https://herald.example/news/storm"));
}

#[test]
fn title_tag_suffix_is_stripped() {
    let h = page("<title>Storm hits the coast - Coast Herald</title>", BODY);
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Storm hits the coast")
    );
    let h = page("<title>Storm hits the coast | News | Herald</title>", BODY);
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Storm hits the coast")
    );
    // A dash inside a headline with a lower-case tail is not a site suffix.
    let h = page("<title>Brexit - what happens next</title>", BODY);
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Brexit - what happens next")
    );
    // Site name first.
    assert_eq!(
        strip_site_suffix(
            "Coast Herald | Storm hits the coast",
            Some("Coast Herald"),
            None
        ),
        "Storm hits the coast"
    );
    // Suffix recognised from the host name.
    assert_eq!(
        strip_site_suffix(
            "Storm hits the coast - herald.example",
            None,
            Some("https://www.herald.example/a")
        ),
        "Storm hits the coast"
    );
}

#[test]
fn h1_is_the_last_resort_title() {
    let h = page("", BODY);
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Storm hits the coast")
    );
}

#[test]
fn json_ld_date_and_publisher_win() {
    let h = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[\
         {\"@type\":\"WebSite\",\"name\":\"Site\"},\
         {\"@type\":\"NewsArticle\",\"headline\":\"Storm hits the coast\",\
         \"datePublished\":\"2019-11-20T08:15:00+01:00\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Coast Herald\"}}]}</script>\
         <meta property=\"article:published_time\" content=\"2019-11-21\">",
        BODY,
    );
    let a = extract(&h, None);
    assert_eq!(a.published.as_deref(), Some("2019-11-20T08:15:00+01:00"));
    assert_eq!(a.source.as_deref(), Some("Coast Herald"));
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
}

#[test]
fn meta_itemprop_and_time_dates() {
    let h = page(
        "<meta property=\"article:published_time\" content=\"2016-10-15T09:30:00Z\">",
        BODY,
    );
    assert_eq!(
        extract(&h, None).published.as_deref(),
        Some("2016-10-15T09:30:00Z")
    );
    let h = page("<meta name=\"pubdate\" content=\"2016/10/15\">", BODY);
    assert_eq!(extract(&h, None).published.as_deref(), Some("2016-10-15"));
    let h = page(
        "",
        &format!("<span itemprop=\"datePublished\" content=\"2016-10-15\">Oct 15</span>{BODY}"),
    );
    assert_eq!(extract(&h, None).published.as_deref(), Some("2016-10-15"));
    let h = page(
        "",
        &format!(
            "<time datetime=\"2016-10-01\">x</time><time pubdate datetime=\"2016-10-15T10:00\">y</time>{BODY}"
        ),
    );
    assert_eq!(
        extract(&h, None).published.as_deref(),
        Some("2016-10-15T10:00")
    );
}

#[test]
fn date_from_the_url() {
    let h = page("", BODY);
    let a = extract(
        &h,
        Some("https://news.example/world/2016/10/15/storm-story/"),
    );
    assert_eq!(a.published.as_deref(), Some("2016-10-15"));
    assert_eq!(
        url_date("https://x.example/2019-11-20-story"),
        Some("2019-11-20".into())
    );
    assert_eq!(
        url_date("https://x.example/a/20191120/b"),
        Some("2019-11-20".into())
    );
    assert_eq!(url_date("https://x.example/id/2019123456"), None);
    assert_eq!(url_date("https://2019.example/"), None);
}

#[test]
fn relative_canonical_is_resolved() {
    let h = page("<link rel=canonical href=\"/news/storm\">", BODY);
    assert_eq!(
        extract(&h, Some("https://herald.example/amp/storm?x=1"))
            .url
            .as_deref(),
        Some("https://herald.example/news/storm")
    );
    assert_eq!(extract(&h, None).url, None);
}

#[test]
fn entities_are_decoded_in_metadata() {
    let h = page(
        "<meta property=\"og:title\" content=\"Tom &amp; Jerry&#8217;s &quot;day&quot;\">",
        BODY,
    );
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Tom & Jerry\u{2019}s \"day\"")
    );
}

#[test]
fn main_text_is_paragraphs_without_the_headline() {
    let h = page(
        "<title>Storm hits the coast</title>",
        &format!(
            "<nav><a href=/>Home</a> <a href=/w>World</a></nav>{BODY}<footer>© Coast Herald</footer>"
        ),
    );
    let a = extract(&h, None);
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert!(
        paras[0].starts_with("The storm reached the coast"),
        "{:?}",
        a.text
    );
    assert!(paras.contains(&"Clean-up"), "{:?}", a.text);
    assert!(!a.text.contains("Home"));
    assert!(!a.text.contains('<'));
    assert!(
        a.text
            .split("\n\n")
            .all(|p| p == p.trim() && !p.contains("  ") && !p.contains('\n'))
    );
}

#[test]
fn never_panics_on_garbage() {
    let deep = "<div>".repeat(100_000) + "text";
    let mut inputs = vec![
        String::new(),
        "<".into(),
        "\u{0}\u{1}<<<>>>&&&;".into(),
        "<html><head><script>".into(),
        "<meta content=\"2019\" property=\"article:published_time\"".into(),
        "<script type=application/ld+json>{\"@graph\":[[[[[[[[[[{}]]]]]]]]]]}</script>".into(),
        deep,
        "<p>".repeat(50_000),
        "<table><tr><td>".repeat(10_000),
    ];
    inputs.push("é".repeat(3_000_000) + "<p>" + &"word ".repeat(100_000));
    for s in &inputs {
        let _ = extract(s, Some("not a url"));
        let _ = extract(s, None);
    }
}

#[test]
fn dates_with_month_names_become_iso() {
    for (raw, iso) in [
        ("March 3, 2018, 09:15 PM EST", "2018-03-03"),
        ("4 Mar 2018 10:20 GMT", "2018-03-04"),
        ("Sat Mar 03 2018 11:41:09 GMT+0000", "2018-03-03"),
        ("Fri, 02 Mar 2018 17:26:52 -0600", "2018-03-02"),
        ("Sept. 3rd, 2019", "2019-09-03"),
    ] {
        let h = page(
            &format!("<meta property=\"article:published_time\" content=\"{raw}\">"),
            BODY,
        );
        assert_eq!(extract(&h, None).published.as_deref(), Some(iso), "{raw}");
    }
    // Not a month: kept as written.
    let h = page("<meta name=\"pubdate\" content=\"Foo 19, 2019\">", BODY);
    assert_eq!(extract(&h, None).published.as_deref(), Some("Foo 19, 2019"));
}

#[test]
fn a_title_that_is_only_the_site_name_is_passed_over() {
    let h = page(
        "<meta property=\"og:title\" content=\"Coast Herald\"><meta property=\"og:site_name\" content=\"Coast Herald\">\
         <title>Storm hits the coast | Coast Herald</title>",
        BODY,
    );
    assert_eq!(
        extract(&h, None).title.as_deref(),
        Some("Storm hits the coast")
    );
}

#[test]
fn standfirst_and_furniture_leave_the_text() {
    let h = page(
        "<meta property=\"og:title\" content=\"Storm hits the coast\">",
        "<article><h1>Storm hits the coast</h1><h2>Three towns flooded as power fails for thousands</h2>\
         <p>The storm reached the coast on Tuesday night, flooding streets in three towns and cutting \
         power to forty thousand homes.</p><p>Advertisement</p><p>Facebook Twitter WhatsApp Email</p>\
         <p>Officials said rescue teams had reached most of the stranded residents by morning, and that \
         schools would stay closed until Thursday.</p><p>Related: Five storms that changed the coast</p>\
         <p>Volunteers began clearing debris from the harbour front, where several boats had been thrown \
         onto the quay by the waves.</p></article>",
    );
    for engine in [
        Engine::DomSmoothie,
        Engine::Trafilatura,
        Engine::TrafilaturaFast,
    ] {
        let a = extract_with(&h, None, engine);
        if engine != Engine::DomSmoothie {
            // Readability drops the heading itself; trafilatura keeps it and it is moved here.
            assert_eq!(
                a.standfirst.as_deref(),
                Some("Three towns flooded as power fails for thousands")
            );
        }
        assert!(
            a.text.starts_with("The storm reached"),
            "{engine:?}: {:?}",
            a.text
        );
        for gone in [
            "Advertisement",
            "WhatsApp",
            "Related:",
            "Three towns flooded",
        ] {
            assert!(!a.text.contains(gone), "{engine:?}: {gone} in {:?}", a.text);
        }
        assert!(a.text.contains("Volunteers began"));
    }
}

#[test]
fn captions_and_bylines_by_class_leave_the_text() {
    let body = format!(
        "<article><div class=\"article-byline\">By Jane Doe</div>{}\
         <p class=\"image-caption\">Waves break over the harbour wall on Tuesday evening.</p>\
         <ul class=\"social-share\"><li>Share on Facebook</li></ul></article>",
        &BODY[9..BODY.len() - 10]
    );
    let a = extract(&page("<title>Storm hits the coast</title>", &body), None);
    assert!(a.text.contains("rescue teams"), "{:?}", a.text);
    for gone in ["Jane Doe", "Waves break", "Share on"] {
        assert!(!a.text.contains(gone), "{gone} in {:?}", a.text);
    }
}

#[test]
fn every_engine_reads_a_simple_article() {
    let h = page("<title>Storm hits the coast</title>", BODY);
    for engine in [
        Engine::Trafilatura,
        Engine::TrafilaturaFast,
        Engine::DomSmoothie,
    ] {
        let a = extract_with(&h, None, engine);
        assert!(a.text.contains("rescue teams"), "{engine:?}: {:?}", a.text);
    }
}

#[test]
fn metadata_pass_measures_depth_like_the_depth_scan() {
    let deep = format!("{}deep{}", "<div>".repeat(300), "</div>".repeat(300));
    for body in [
        BODY.to_string(),
        deep.clone(),
        format!("<title>a <b><i>c</title>{deep}"),
        "<title>x <div a=\"</title>\"><div>y</title><div><p>z".to_string(),
    ] {
        let html = page("<title>T <em>u</em></title>", &body);
        let (_, depth) = meta::read_with_depth(&html, &[], None);
        if let Some(d) = depth {
            assert_eq!(d, prepare::max_depth(&html), "{body}");
        }
    }
    // A too-deep page still yields its text and metadata.
    let a = extract(&page("<title>Deep page</title>", &(deep + BODY)), None);
    assert_eq!(a.title.as_deref(), Some("Deep page"));
    assert!(a.text.contains("forty thousand homes"));
}

#[test]
fn furniture_classes_match_inside_one_token_ignoring_case() {
    assert!(furniture_attrs(" class=\"main Article-CAPTION-text\""));
    assert!(!furniture_attrs(" class=\"main article-body\""));
}
