#![allow(dead_code)]
use dateline_doc::{BlockKind, BlockText, Doc, Entity, EntityKind, Meta};

/// A document from paragraphs (the first is the title), segmented when the segmenter is there.
pub fn doc(paragraphs: &[&str], published: Option<&str>) -> Doc {
    let blocks: Vec<BlockText> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| BlockText {
            kind: if i == 0 {
                BlockKind::Title
            } else {
                BlockKind::Paragraph
            },
            text: p.to_string(),
        })
        .collect();
    let meta = Meta {
        published: published.map(|d| d.parse().unwrap()),
        ..Meta::default()
    };
    let mut d = Doc::from_blocks(meta, &blocks, vec![]);
    dateline_segment::segment(&mut d);
    d
}

pub fn run(paragraphs: &[&str], published: Option<&str>) -> Doc {
    let res = dateline_entities::Resources::load();
    let mut d = doc(paragraphs, published);
    dateline_entities::recognise(&mut d, &res);
    assert!(d.check_spans().is_ok());
    d
}

pub fn find<'a>(d: &'a Doc, kind: EntityKind, name: &str) -> Option<&'a Entity> {
    d.entities.iter().find(|e| e.kind == kind && e.name == name)
}

pub fn code(e: &Entity) -> Option<&str> {
    e.actor.as_ref().map(|a| a.code.as_str())
}

pub fn dump(d: &Doc) -> String {
    let mut s = String::new();
    for e in &d.entities {
        let ms: Vec<&str> = e.mentions.iter().map(|m| d.slice(*m)).collect();
        s.push_str(&format!(
            "{:?} {:?} title={:?} actor={:?} mentions={:?}\n",
            e.kind,
            e.name,
            e.title,
            e.actor.as_ref().map(|a| &a.code),
            ms
        ));
    }
    s
}
