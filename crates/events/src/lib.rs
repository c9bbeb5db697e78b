//! CAMEO/PLOVER event coding with status, date and place.
//!
//! [`code`] reads every sentence of a [`Doc`] after segmentation, time tagging, entity
//! recognition and geo-location, and fills `doc.events`:
//!
//! 1. **Triggers.** The lexicon (`lexicon/*.txt`, one file per CAMEO root family; format in
//!    `lexicon/README.txt`) lists verb and noun triggers, multi-word and gapped ("reach *
//!    agreement", "cordon off", "call for * ceasefire"). Every pattern word also matches its
//!    inflections, generated when the lexicon loads (regular -s/-ed/-ing spellings plus
//!    `irregular.txt`), so a sentence word is one hash lookup. The longest pattern wins; triggers
//!    never overlap. `rule` names the trigger line (`file:line`).
//! 2. **Who did it to whom** from light syntax over the entity layer: the nearest actor to the
//!    left in the trigger's clause (not inside a preposition phrase or a parenthetical such as
//!    ", who …,") is the source and the first actor to the right the target; passives take the
//!    subject as target and the "by" agent as source; noun triggers take pre-modifiers
//!    ("Russian and Syrian bombardment") and "by X" as sources and "of/on/against/with X" as
//!    targets. Coordinated actors stay **one event with lists** ("Kerry hosted Lavrov and seven
//!    ministers"), never expanded into dyads. Without any entity, a bare noun subject ("The
//!    rebels …") is kept as an argument without a code.
//! 3. **Status** from cue phrases (`lexicon/cues.txt`) shortly before the trigger in its clause:
//!    negation and failure → `Negated`; modals and conditions → `Hypothetical`; announcements,
//!    schedules and intentions → `Planned`; a dated event after the publication date is
//!    `Planned`; a question is `Hypothetical`. A trigger right after a non-occurred trigger
//!    shares its status ("will meet to discuss"). The threatening / urging / promising trigger
//!    itself occurred; its complement did not. `reported_by` is the speaker of "according to
//!    X", "X said", "said X".
//! 4. **Date**: the time expression nearest the trigger in its clause and nearer to it than to
//!    any other trigger, excluding times that follow a reporting verb ("said on Saturday");
//!    else the publication date (`basis: published`) for occurred and negated events, and no
//!    date for planned or hypothetical ones. **Place**: a place attached by a locative
//!    preposition (in/at/near/…) in the trigger's own clause and nearer to it than to any other
//!    trigger, a place name before a noun trigger ("Lausanne meeting"), the object place of a
//!    material-conflict trigger ("bombardment of Aleppo", "shelled Deraa"), the destination of
//!    a visit, or a sentence-initial adjunct ("Speaking in Paris, …"); triggers of the same root
//!    in one sentence share it. Never just any place in the sentence.
//! 5. **Repeated mentions.** An event told in the headline or standfirst and again in the body
//!    is kept as one record per mention; the later mentions point at the first with `same_as`
//!    (same CAMEO root and status, compatible actors, date and place); an anaphor in the body
//!    ("the attack", "Henry's arrest") joins the mention it repeats, the nearest one when two
//!    fit, and a second telling of an act on the same named person joins the first. Keeping every mention
//!    keeps every piece of evidence addressable; consumers count distinct events by skipping
//!    records with `same_as`. Linked mentions share a place they lack (`basis: article`).
//! 6. **Precision over recall.** A trigger without any argument is dropped unless its lexicon
//!    line is marked `solo` ("talks", "air strikes"); section headings are not read; negated and
//!    hypothetical events are kept with their status, never as occurred. Not events: trigger
//!    words inside a name ("Asia-Pacific Economic Cooperation"), participles used as adjectives
//!    ("the exiled leaders", "a US-Russia brokered truce"), releases of documents ("released a
//!    report"), consequence clauses (", killing six" — the killing is the event before it), and
//!    questions (at most hypothetical). A noun and a verb naming one violent act ("hospitals
//!    were hit by air strikes", "a suicide bomber struck") are merged into one event with the
//!    more specific code.
//!
//! 7. **Confidence.** Last, each event's `confidence` estimates the chance that it is a real
//!    event of its kind, from what its record shows (repeated mentions, the lead, status, a
//!    date from the text, a place, quotation marks, the root's other senses): see
//!    `src/confidence.rs` for the weights and where they come from.
//!
//! The complement of an appeal, demand or threat (CAMEO 02, 10, 13) is hypothetical, of an
//! expressed intent (03) planned, of a rejection (12) negated: "a plea to establish a
//! ceasefire", "threatened to close the border", "rejected the truce".
//!
//! Cost: one hash lookup per word for triggers and cues, then work proportional to the
//! triggers found; the lexicon is parsed once ([`Lexicon::load`]).

mod coder;
mod confidence;
mod lexicon;
mod petrarch;

pub use lexicon::{CodeInfo, Lexicon};
pub use petrarch::{PetrarchVerbs, VerbDictError, VerbImport};

use dateline_doc::{BlockKind, Doc, Span};

/// Fill `doc.events`.
pub fn code(doc: &mut Doc, lexicon: &Lexicon) {
    let mut events = Vec::new();
    for s in 0..doc.sentences.len() {
        let block = doc.sentences[s].block;
        if doc
            .blocks
            .get(block)
            .is_some_and(|b| b.kind == BlockKind::Heading)
        {
            continue;
        }
        coder::code_sentence(doc, lexicon, s, &mut events);
    }
    coder::civil_attacks(doc, lexicon, &mut events);
    coder::peaceful_document(doc, lexicon, &mut events);
    coder::campaign_rallies(doc, &mut events);
    coder::link_mentions(doc, &mut events);
    confidence::score(doc, &mut events);
    doc.events = events;
}

/// The place (index into `doc.places`, and the spans of the attached mention and of any places
/// coordinated with it: "in Berlin and Mainz" gives the spans of Berlin and of Mainz) where the event named by the word(s) at
/// `trigger` in `sentence` happened, by the same attachment rules [`code`] uses, for any verb
/// whether or not the lexicon knows it. Used by the event-location evaluation.
pub fn event_place(
    doc: &Doc,
    lexicon: &Lexicon,
    sentence: usize,
    trigger: Span,
) -> Option<(usize, Vec<Span>)> {
    event_place_rule(doc, lexicon, sentence, trigger).map(|(p, s, _)| (p, s))
}

/// [`event_place`] with the name of the attachment rule that chose the place ("preposition",
/// "direct-object", "pre-nominal", "initial-adjunct", "participle-inherit"), for diagnostics.
pub fn event_place_rule(
    doc: &Doc,
    lexicon: &Lexicon,
    sentence: usize,
    trigger: Span,
) -> Option<(usize, Vec<Span>, &'static str)> {
    let v = coder::view(doc, lexicon, sentence);
    let mut trigs = coder::triggers(&v, lexicon);
    let ws: Vec<usize> = (0..v.len())
        .filter(|&i| v.words[i].span.overlaps(trigger))
        .collect();
    let (&a, &b) = (ws.first()?, ws.last()?);
    let pos = trigs.iter().position(|t| t.head <= b && a < t.end);
    let (ti, pseudo) = match pos {
        Some(i) => (i, None),
        None => {
            let i = trigs.partition_point(|t| t.head < a);
            trigs.insert(
                i,
                coder::Trig {
                    entry: 0,
                    code_entry: 0,
                    head: a,
                    end: b + 1,
                    fixed: (a..=b).collect(),
                },
            );
            (i, Some(i))
        }
    };
    let (p, a, b, rule) = coder::place_rule_of(&v, lexicon, &trigs, ti, pseudo)?;
    let b = coder::extend_coordinated(&v, b);
    // each run of place words in the coordination, without the words joining them
    let mut spans: Vec<Span> = Vec::new();
    let mut k = a;
    while k < b {
        let Some(pk) = v.words[k].place else {
            k += 1;
            continue;
        };
        let start = k;
        while k < b && v.words[k].place == Some(pk) {
            k += 1;
        }
        spans.push(Span::new(
            v.words[start].span.start,
            v.words[k - 1].span.end,
        ));
    }
    Some((p, spans, rule))
}
