//! Main-text and metadata extraction from news HTML.

/// What a page yields: the main text as paragraphs separated by blank lines, and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub text: String,
    pub title: Option<String>,
    /// As found in the page (ISO 8601 date or date-time where possible).
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Extract the main text and metadata of a page.
pub fn extract(html: &str, url: Option<&str>) -> HtmlArticle {
    let _ = (html, url);
    HtmlArticle::default()
}
