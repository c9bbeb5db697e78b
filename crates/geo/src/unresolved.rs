//! Toponyms the gazetteer cannot resolve: a capitalised name that a unit noun makes a place
//! ("the village of Orvena", "Talmir district", "the villages of Besko and Ravnik", "near
//! the Saint Brannoc Hospital"). Each becomes a `Place` with `geonameid`, `lat` and `lon` null, the
//! feature its noun names (`lexicon/unit_nouns.txt`), and the country and admin1 of the
//! resolved place that contains it in the same sentence ("… in Idlib province"), if any.
//!
//! [`unresolved`] runs after [`crate::locate`] and only appends to `doc.places`: the indices
//! of resolved places do not change, and a name that overlaps a resolved mention, a person,
//! an organisation (except as a landmark: "the Saint Brannoc Hospital"), a group or a nationality
//! is left alone.

use std::sync::LazyLock;

use dateline_doc::{Doc, EntityKind, Feature, Place, Span};
use rustc_hash::FxHashMap;

use crate::locate::{Gap, LAST_WORDS, STOP, Word, is_demonym, words};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Of,
    After,
    Both,
}

/// noun → (feature, side, plural)
static UNITS: LazyLock<FxHashMap<&'static str, (Feature, Side)>> = LazyLock::new(|| {
    include_str!("../lexicon/unit_nouns.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let (noun, feature, side) = (it.next()?, it.next()?, it.next()?);
            let feature = match feature {
                "city" => Feature::City,
                "admin1" => Feature::Admin1,
                "admin2" => Feature::Admin2,
                "region" => Feature::Region,
                "water" => Feature::Water,
                _ => Feature::Landmark,
            };
            let side = match side {
                "of" => Side::Of,
                "after" => Side::After,
                _ => Side::Both,
            };
            Some((noun, (feature, side)))
        })
        .collect()
});

/// Adjectives between "of" and the name: "the district of northern Kunduz".
const MODIFIERS: &[&str] = &[
    "the", "northern", "southern", "eastern", "western", "central", "rural", "north", "south",
    "east", "west", "upper", "lower",
];

/// Locative prepositions before a landmark's name ("near the Kellan Dam").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "on",
    "around",
    "from",
    "to",
    "toward",
    "towards",
    "into",
    "across",
    "along",
    "off",
    "over",
    "by",
    "targeting",
    "targeted",
    "hit",
    "struck",
    // verbs whose object is the site itself ("stormed the Kellan Airport", "patrolled Orvik
    // Square")
    "stormed",
    "storming",
    "entered",
    "entering",
    "captured",
    "capturing",
    "seized",
    "seizing",
    "shelled",
    "shelling",
    "bombed",
    "bombing",
    "patrolled",
    "patrolling",
    "attacked",
    "attacking",
    "raided",
    "raiding",
];

/// Religious and sectarian words, capitalised like names: "a Shiite district", "the Christian
/// quarter" name no place.
const NOT_NAMES: &[&str] = &[
    "sunni",
    "shiite",
    "shi'ite",
    "shia",
    "alawite",
    "christian",
    "muslim",
    "moslem",
    "jewish",
    "druze",
    "yazidi",
    "yezidi",
    "kurdish",
    "arab",
    "catholic",
    "orthodox",
    "protestant",
    "hindu",
    "buddhist",
    "islamic",
    "i",
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
];

/// Day and month names (`dateline_time`'s own lists), which end a name ("the town of Velmora
/// Tuesday").
fn calendar(low: &str) -> bool {
    dateline_time::MONTHS.contains(&low) || dateline_time::WEEKDAYS.contains(&low)
}

/// Articles that open a transliterated name when joined by a hyphen ("al-Bab", "Deir ez-Zor").
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez", "e", "de", "du",
];

struct Found {
    span: Span,
    feature: Feature,
}

/// Append the toponyms of `doc` that no gazetteer entry resolved (see the module doc).
pub fn unresolved(doc: &mut Doc) {
    let text = doc.text();
    let mut taken: Vec<Span> = doc
        .places
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .collect();
    // entity spans that a name may not overlap; organisations only block non-landmarks
    let mut people: Vec<Span> = Vec::new();
    let mut persons: Vec<Span> = Vec::new();
    let mut orgs: Vec<Span> = Vec::new();
    for e in &doc.entities {
        match e.kind {
            EntityKind::Person => persons.extend(e.mentions.iter().copied()),
            EntityKind::Group | EntityKind::Nationality => {
                people.extend(e.mentions.iter().copied())
            }
            EntityKind::Organization => orgs.extend(e.mentions.iter().copied()),
            EntityKind::Country | EntityKind::Place => {}
        }
    }
    let units: Vec<Span> = if doc.sentences.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    };
    let mut found: Vec<Found> = Vec::new();
    // buffers reused across units: the words, and their lower-case forms end to end
    let mut ws: Vec<Word> = Vec::new();
    let mut low_text = String::new();
    let mut low_ends: Vec<usize> = Vec::new();
    // the words `locate` split the same sentences into, when it read this text
    let cache = LAST_WORDS.take();
    let cached = cache.text == text;
    for unit in units {
        ws.clear();
        match cache.get(unit).filter(|_| cached) {
            Some(w) => ws.extend_from_slice(w),
            None => words(&text[unit.start..unit.end], unit.start, &mut ws),
        }
        low_text.clear();
        low_ends.clear();
        for w in &ws {
            let s = &text[w.span.start..w.span.end];
            if s.is_ascii() {
                low_text.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                low_text.push_str(&s.to_lowercase());
            }
            low_ends.push(low_text.len());
        }
        let mut low: Vec<&str> = Vec::with_capacity(ws.len());
        let mut from = 0;
        for &to in &low_ends {
            low.push(&low_text[from..to]);
            from = to;
        }
        let ws = &ws;
        let overlaps = |sp: Span, list: &[Span]| list.iter().any(|x| x.overlaps(sp));
        // a name starting at word `k`: its last word, if any
        let name_at = |k: usize| -> Option<usize> {
            let starts = |i: usize| {
                let w = &ws[i];
                let s = &text[w.span.start..w.span.end];
                if w.cap {
                    return !NOT_NAMES.contains(&low[i]) && !calendar(low[i]) && !is_demonym(s);
                }
                // "al-Bab", "ez-Zor"
                ARTICLES.contains(&low[i])
                    && ws.get(i + 1).is_some_and(|n| n.gap == Gap::Hyphen && n.cap)
            };
            if k >= ws.len() || !starts(k) {
                return None;
            }
            let mut e = k;
            while e + 1 < ws.len()
                && e + 1 - k < 5
                && matches!(ws[e + 1].gap, Gap::Space | Gap::Hyphen)
                && (starts(e + 1) || (ws[e + 1].gap == Gap::Hyphen && ws[e + 1].cap))
                && !UNITS.contains_key(low[e + 1])
                && !calendar(low[e + 1])
            {
                e += 1;
            }
            // not only function, direction or date words ("Northern", "Tuesday", "Al")
            let only_stop = (k..=e).all(|i| {
                STOP.contains(&text[ws[i].span.start..ws[i].span.end]) || ARTICLES.contains(&low[i])
            });
            (!only_stop).then_some(e)
        };
        // a name the entity stage took for a person's is still a place after "the village
        // of" (two unknown capitalised words read as a person's name: "the village of Umm
        // Kelbar"); before a unit noun it is not ("Adam Kelbar district" is rare, "John Smith
        // Park" is not)
        let free = |a: usize, e: usize, landmark: bool, of: bool| {
            let sp = Span::new(ws[a].span.start, ws[e].span.end);
            !overlaps(sp, &taken)
                && !overlaps(sp, &people)
                && (of || !overlaps(sp, &persons))
                && (landmark || !overlaps(sp, &orgs))
        };
        let mut k = 0;
        while k < ws.len() {
            let Some(&(feature, side)) = UNITS.get(low[k]) else {
                k += 1;
                continue;
            };
            // "a village called Orvena", "a town named Besko"
            if side != Side::After
                && low
                    .get(k + 1)
                    .is_some_and(|w| matches!(*w, "called" | "named"))
                && let Some(e) = name_at(k + 2)
            {
                if free(k + 2, e, false, true) {
                    found.push(Found {
                        span: Span::new(ws[k + 2].span.start, ws[e].span.end),
                        feature,
                    });
                }
                k = e + 1;
                continue;
            }
            // "the village of (northern) Orvena", "the villages of Besko and Ravnik"
            if side != Side::After && low.get(k + 1).is_some_and(|w| *w == "of") {
                let plural = low[k].ends_with('s') && !matches!(low[k], "countryside");
                let mut j = k + 2;
                while j < ws.len() && MODIFIERS.contains(&low[j]) {
                    j += 1;
                }
                let mut next = k + 1;
                while let Some(e) = name_at(j) {
                    if free(j, e, false, true) {
                        found.push(Found {
                            span: Span::new(ws[j].span.start, ws[e].span.end),
                            feature,
                        });
                    }
                    next = e;
                    if !plural {
                        break;
                    }
                    // ", Y", "and Y", ", and Y"
                    let mut x = e + 1;
                    let sep = x < ws.len() && ws[x].gap == Gap::Comma;
                    if x < ws.len() && matches!(low[x], "and" | "or") {
                        x += 1;
                    } else if !sep {
                        break;
                    }
                    j = x;
                }
                k = next + 1;
                continue;
            }
            // "Talmir district", "Dun Aros town", "near the Saint Brannoc Hospital"
            if side != Side::Of && k > 0 && matches!(ws[k].gap, Gap::Space) {
                let landmark = side == Side::After;
                // the name before: back over capitalised words and joined articles
                let mut a = k - 1;
                let name_word = |i: usize| {
                    ws[i].cap
                        || (ARTICLES.contains(&low[i])
                            && ws.get(i + 1).is_some_and(|n| n.gap == Gap::Hyphen))
                };
                if !name_word(a) {
                    k += 1;
                    continue;
                }
                while a > 0
                    && k - a < 5
                    && matches!(ws[a].gap, Gap::Space | Gap::Hyphen)
                    && name_word(a - 1)
                {
                    a -= 1;
                }
                // the name must start right after a boundary that is not another name
                let Some(e) = name_at(a) else {
                    k += 1;
                    continue;
                };
                if e + 1 != k {
                    k += 1;
                    continue;
                }
                // a sentence-initial one-word name may be any capitalised word
                if a == 0 && e == a {
                    k += 1;
                    continue;
                }
                // landmarks: after a locative preposition ("near the Kellan Dam")
                let before = if a > 0 && low[a - 1] == "the" {
                    a.checked_sub(2)
                } else {
                    a.checked_sub(1)
                };
                if landmark && !before.is_some_and(|b| LOCATIVE.contains(&low[b])) {
                    k += 1;
                    continue;
                }
                // a capitalised noun belongs to the name ("Rask Valley District"), a lower-case
                // one does not ("Talmir district")
                let end = if ws[k].cap { k } else { e };
                if free(a, end, landmark, false) {
                    found.push(Found {
                        span: Span::new(ws[a].span.start, ws[end].span.end),
                        feature,
                    });
                }
            }
            k += 1;
        }
        taken.extend(found.iter().map(|f| f.span));
    }
    LAST_WORDS.set(cache);
    if found.is_empty() {
        return;
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found.dedup_by_key(|f| f.span);
    // the containing resolved place: the nearest resolved mention after the name in its
    // sentence, else before it (at most 80 bytes away)
    let resolved: Vec<(Span, usize)> = doc
        .places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (*m, i)))
        .collect();
    let sentence_of = |sp: Span| {
        doc.sentences
            .iter()
            .find(|s| s.span.start <= sp.start && sp.end <= s.span.end)
            .map_or(Span::new(0, text.len()), |s| s.span)
    };
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    let mut new: Vec<Place> = Vec::new();
    for f in &found {
        let s = sentence_of(f.span);
        let after = resolved
            .iter()
            .filter(|(m, _)| m.start >= f.span.end && m.end <= s.end && m.start - f.span.end <= 80)
            .min_by_key(|(m, _)| m.start);
        let before = resolved
            .iter()
            .filter(|(m, _)| {
                m.end <= f.span.start && m.start >= s.start && f.span.start - m.end <= 80
            })
            .max_by_key(|(m, _)| m.end);
        let container = after.or(before).map(|(_, i)| &doc.places[*i]);
        let name = text[f.span.start..f.span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let key = name.to_lowercase();
        let idx = *by_name.entry(key).or_insert_with(|| {
            new.push(Place {
                name,
                geonameid: None,
                country: container.and_then(|c| c.country.clone()),
                admin1: container.and_then(|c| {
                    if c.feature == Some(Feature::Admin1) {
                        Some(c.name.clone())
                    } else {
                        c.admin1.clone()
                    }
                }),
                lat: None,
                lon: None,
                feature: Some(f.feature),
                mentions: Vec::new(),
            });
            new.len() - 1
        });
        new[idx].mentions.push(f.span);
    }
    doc.places.extend(new);
}

#[cfg(test)]
mod tests {
    use dateline_doc::{BlockKind, BlockText, Doc, Entity, EntityKind, Feature, Meta, Span};
    use std::sync::LazyLock;

    use crate::{Gazetteer, locate, unresolved};

    static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

    fn run(text: &str, entities: &[(&str, EntityKind)]) -> Doc {
        let mut d = Doc::from_blocks(
            Meta::default(),
            &[BlockText {
                kind: BlockKind::Paragraph,
                text: text.into(),
            }],
            vec![],
        );
        for (word, kind) in entities {
            let at = text.find(word).expect("word in text");
            d.entities.push(Entity {
                kind: *kind,
                name: word.to_string(),
                title: None,
                actor: None,
                place: None,
                mentions: vec![Span::new(at, at + word.len())],
            });
        }
        locate(&mut d, &GAZ);
        unresolved(&mut d);
        d
    }

    /// (mention, feature, country) of every unresolved place.
    fn new_places(d: &Doc) -> Vec<(String, Option<Feature>, Option<String>)> {
        d.places
            .iter()
            .filter(|p| p.geonameid.is_none())
            .flat_map(|p| {
                p.mentions
                    .iter()
                    .map(|m| (d.slice(*m).to_string(), p.feature, p.country.clone()))
            })
            .collect()
    }

    #[test]
    fn a_name_after_a_unit_noun_and_of_is_a_place_without_coordinates() {
        let d = run(
            "Gunmen attacked the village of Qaryat Zumlan near Aleppo on Tuesday.",
            &[],
        );
        let p = d.places.iter().find(|p| p.name == "Qaryat Zumlan").unwrap();
        assert_eq!((p.geonameid, p.lat, p.lon), (None, None, None));
        assert_eq!(p.feature, Some(Feature::City));
        // the country of the resolved place next to it
        assert_eq!(p.country.as_deref(), Some("SY"));
        // "Tuesday" ends the name
        assert_eq!(d.slice(p.mentions[0]), "Qaryat Zumlan");
    }

    #[test]
    fn a_name_after_a_unit_noun_and_called_is_a_place() {
        let d = run(
            "Gunmen raided a village called Umm Kelbar near Aleppo on Tuesday.",
            &[],
        );
        let got = new_places(&d);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Umm Kelbar");
        assert_eq!(got[0].1, Some(Feature::City));
    }

    #[test]
    fn a_landmark_may_be_the_object_of_a_verb_acting_on_a_site() {
        let d = run(
            "Troops have patrolled Qarsa Square in Aleppo every night this week.",
            &[],
        );
        let got = new_places(&d);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Qarsa Square");
        assert_eq!(got[0].1, Some(Feature::Landmark));
    }

    #[test]
    fn a_plural_unit_noun_takes_a_list_of_names() {
        let d = run(
            "Jets bombed the villages of Kafr Zumlan, Tal Qusra and Ain Harbel on Monday.",
            &[],
        );
        let names: Vec<String> = new_places(&d).into_iter().map(|p| p.0).collect();
        assert_eq!(names, ["Kafr Zumlan", "Tal Qusra", "Ain Harbel"]);
    }

    #[test]
    fn a_name_before_a_unit_noun_keeps_a_capitalised_noun_only() {
        let d = run(
            "Fighting spread from Zhurmandi district to the Qarsa Governorate.",
            &[],
        );
        let got = new_places(&d);
        assert_eq!(got[0].0, "Zhurmandi");
        assert_eq!(got[0].1, Some(Feature::Admin2));
        assert_eq!(got[1].0, "Qarsa Governorate");
        assert_eq!(got[1].1, Some(Feature::Admin1));
    }

    #[test]
    fn a_landmark_needs_a_locative_preposition_and_may_be_an_organisation() {
        let d = run(
            "A shell fell near the Al-Zahrawi Hospital, said the Zahrawi Hospital director.",
            &[("Al-Zahrawi Hospital", EntityKind::Organization)],
        );
        let got = new_places(&d);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Al-Zahrawi Hospital");
        assert_eq!(got[0].1, Some(Feature::Landmark));
    }

    #[test]
    fn nationalities_sects_people_and_known_places_are_no_unresolved_places() {
        let d = run(
            "Clashes hit a Shiite district and the Kurdish town, the district of Kabul and \
             the Omar Haddad district.",
            &[("Omar Haddad", EntityKind::Person)],
        );
        assert!(new_places(&d).is_empty(), "{:?}", new_places(&d));
        // Kabul stays the resolved place it was
        assert!(
            d.places
                .iter()
                .any(|p| p.name == "Kabul" && p.lat.is_some())
        );
    }

    #[test]
    fn a_name_after_a_unit_noun_and_of_is_a_place_even_when_read_as_a_person() {
        // two unknown capitalised words look like a person's name to the entity stage
        let d = run(
            "Snow has cut off the village of Sefa Dorin since Monday, the district office said.",
            &[("Sefa Dorin", EntityKind::Person)],
        );
        let got = new_places(&d);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Sefa Dorin");
        assert_eq!(got[0].1, Some(Feature::City));
    }

    #[test]
    fn one_place_per_name_with_every_mention() {
        let d = run(
            "Rebels entered the town of Zawiyat Harb. Troops shelled the town of Zawiyat Harb.",
            &[],
        );
        let ps: Vec<_> = d.places.iter().filter(|p| p.geonameid.is_none()).collect();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].mentions.len(), 2);
    }
}
