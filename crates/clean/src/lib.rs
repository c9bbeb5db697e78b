//! Page-furniture removal and article structure for scraped text.

use dateline_doc::{BlockKind, BlockText, Removed};
use jiff::civil::Date;

/// The cleaned article: blocks in order, what was removed and why, and what the furniture told us.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    pub blocks: Vec<BlockText>,
    pub removed: Vec<Removed>,
    /// The outlet named in a credit line ("Source : Al Jazeera, News Agencies").
    pub source: Option<String>,
    /// A publication date stated in a dateline or byline.
    pub published: Option<Date>,
}

/// Split raw article text into blocks and remove page furniture.
pub fn clean(raw: &str) -> Cleaned {
    let blocks = raw
        .split("\n\n")
        .map(|p| BlockText {
            kind: BlockKind::Paragraph,
            text: p.trim().to_string(),
        })
        .collect();
    Cleaned {
        blocks,
        ..Cleaned::default()
    }
}
