//! The PETRARCH / TABARI verb dictionary importer (`Lexicon::add_petrarch_verbs`): small
//! dictionaries written for these tests in PETRARCH's format, with invented verbs ("gromble",
//! "snarfle", "wibble") and fictional countries, one test per pattern element.

mod common;

use dateline_events::{Lexicon, PetrarchVerbs, VerbImport};

/// Every pattern element at least once. Codes: 0731, 0874, 0452, 0362, 0371 are not in
/// dateline's codebook (placed under their roots); 2305 and `abc` have no CAMEO root.
const DICT: &str = "\
<!-- A verb dictionary written for dateline's tests.
     Nothing here is a real verb. -->
&PARCEL
+CRATE
+BARREL
+HAY_BALE   # a two-word member

&KEEPWORKS_
+MOAT
+DRAWBRIDGE

--- GROMBLE [120] ---
GROMBLE            # a regular verb: grombles, grombled, grombling
SNARFLE {SNARFT SNARFLES SNARFLING} [111] ; irregular past
+FLIM_OUT {+FLAMMED_OUT +FLIMS_OUT}
- * &PARCEL [0731]
- * (TO {GRAIN SILO}) [0874]
- * IN_JEST [---]
- * {TURRET | PARAPET} [193]
- * &KEEPWORKS [190]
- * TRUCE [0371:0371]
- * (BEFORE TRIBUNAL) [:173]
- * LOUDLY [2305]
- * SOFTLY [abc]
- * &NOPE [120]
- % * TOGETHER [0362]
- $ * [121]
- SUDDENLY_* ^ AWAY [0874]

--- WIBBLE [---] ---
WIBBLE
- * + [0452]

~ a (a b GROMBLE) SAY = a b 015
";

fn lexicon(base: Lexicon) -> (Lexicon, VerbImport) {
    let d = PetrarchVerbs::parse(DICT).expect("the test dictionary reads");
    let mut lex = base;
    let imp = lex.add_petrarch_verbs(&d, "test.verbs.txt");
    (lex, imp)
}

fn coded(lex: &Lexicon, line: &str) -> dateline_doc::Doc {
    let mut d = common::doc(&[line]);
    dateline_events::code(&mut d, lex);
    d
}

fn expect(lex: &Lexicon, line: &str, want: &str) {
    let d = coded(lex, line);
    if let Err(e) = common::check(&d, want) {
        panic!("{line}\n  expected {want}: {e}");
    }
}

fn codes(lex: &Lexicon, line: &str) -> Vec<String> {
    coded(lex, line)
        .events
        .iter()
        .map(|e| e.cameo.clone())
        .collect()
}

#[test]
fn counts_of_what_was_read_approximated_and_skipped() {
    let (_, imp) = lexicon(Lexicon::codebook_only());
    assert_eq!(imp.blocks, 2);
    assert_eq!(imp.verbs, 4);
    assert_eq!(imp.compound_verbs, 1);
    assert_eq!(imp.irregular_forms, 5);
    assert_eq!(imp.synsets, 2);
    assert_eq!(imp.patterns, 14);
    assert_eq!(imp.null_verbs, 1, "WIBBLE [---]");
    assert_eq!(imp.decoys, 1, "IN_JEST [---]");
    assert_eq!(imp.noun_phrases, 1);
    assert_eq!(imp.prep_phrases, 2);
    assert_eq!(imp.alternatives, 1);
    assert_eq!(imp.targets, 1);
    assert_eq!(imp.sources, 1);
    assert_eq!(imp.compounds, 1);
    assert_eq!(imp.skips, 1);
    assert_eq!(imp.second_codes, 1);
    assert_eq!(imp.reverse_only, 1);
    assert_eq!(imp.bad_codes, 2);
    assert_eq!(imp.undefined_synsets, 1);
    assert_eq!(imp.role_only, 1, "`$ *` is the verb alone");
    assert_eq!(imp.transformations, 1);
    let lines: Vec<usize> = imp.skipped.iter().map(|x| x.0).collect();
    assert_eq!(lines, vec![22, 23, 24, 25, 27, 34], "{:?}", imp.skipped);
    assert!(imp.new_codes >= 4, "{}", imp.new_codes);
    let s = imp.summary();
    assert!(s.contains("2 codes outside CAMEO 01-20"), "{s}");
    assert!(s.contains("line 22 (reverse-only code [:173])"), "{s}");
    // every entry: 3 bare verbs, the patterns expanded over verbs and synset members
    assert!(imp.entries > 20, "{}", imp.entries);
}

#[test]
fn the_verb_alone_regular_and_irregular_forms_and_compound_verbs() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    expect(
        &lex,
        "[Gondor|GON|country] grombled at [Arnor|ARN|country].",
        "120 occurred src=GON tgt=ARN",
    );
    // the verb's own code and its irregular past
    expect(
        &lex,
        "[Gondor|GON|country] snarft [Arnor|ARN|country].",
        "111 src=GON tgt=ARN",
    );
    // a compound verb (`+FLIM_OUT`) with the block's code and a form from its braces
    expect(
        &lex,
        "[Gondor|GON|country] flammed out [Arnor|ARN|country].",
        "120 src=GON tgt=ARN",
    );
    // the rule names the dictionary line
    let d = coded(&lex, "[Gondor|GON|country] snarfled [Arnor|ARN|country].");
    assert_eq!(d.events[0].rule, "test.verbs.txt:14");
}

#[test]
fn synsets_with_one_word_and_two_word_members() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    // 0731 is no code in dateline's codebook: it is placed under its parent (073)
    expect(
        &lex,
        "[Gondor|GON|country] grombled two barrels to [Arnor|ARN|country].",
        "0731 src=GON",
    );
    expect(
        &lex,
        "[Gondor|GON|country] snarfled a hay bale for [Arnor|ARN|country].",
        "0731 src=GON",
    );
    let c = lex.code_info("0731").expect("placed under 073");
    assert_eq!(c.quad_class, 2);
    assert_eq!(
        c.goldstein,
        lex.code_info("073").map_or(c.goldstein, |p| p.goldstein)
    );
    // a synset label ending in `_` is the same synset
    expect(
        &lex,
        "[Gondor|GON|country] grombled the moat of [Arnor|ARN|country].",
        "190 src=GON",
    );
}

#[test]
fn prepositional_and_noun_phrases_are_words_in_order() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    expect(
        &lex,
        "[Gondor|GON|country] grombled its troops to the old grain silo of [Arnor|ARN|country].",
        "0874 src=GON",
    );
    // the words out of order are no match: the verb alone
    assert_eq!(
        codes(
            &lex,
            "[Gondor|GON|country] grombled the silo grain to [Arnor|ARN|country]."
        ),
        vec!["120"]
    );
}

#[test]
fn underscores_join_words_spaces_let_words_in() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    // `IN_JEST [---]`: a decoy, no event at all
    expect(
        &lex,
        "[Gondor|GON|country] grombled in jest at [Arnor|ARN|country].",
        "none",
    );
    // another word between "in" and "jest": not the decoy
    assert_eq!(
        codes(
            &lex,
            "[Gondor|GON|country] grombled in mock jest at [Arnor|ARN|country]."
        ),
        vec!["120"]
    );
    // `SUDDENLY_* ^ AWAY`: "suddenly" right before the verb, anything for `^`
    expect(
        &lex,
        "[Gondor|GON|country] suddenly grombled the envoys away from [Arnor|ARN|country].",
        "0874 src=GON",
    );
    assert_eq!(
        codes(
            &lex,
            "Suddenly [Gondor|GON|country] grombled the envoys away from [Arnor|ARN|country]."
        ),
        vec!["120"]
    );
}

#[test]
fn alternatives_targets_compounds_and_second_codes() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    // TABARI alternatives {TURRET | PARAPET}
    expect(
        &lex,
        "[Gondor|GON|country] grombled the parapet of [Arnor|ARN|country].",
        "193 src=GON",
    );
    // `+`: the verb with no code of its own codes only with a coded target
    expect(
        &lex,
        "[Gondor|GON|country] wibbled [Arnor|ARN|country].",
        "0452 src=GON tgt=ARN",
    );
    expect(&lex, "[Gondor|GON|country] wibbled loudly.", "none");
    // `%`: the compound actor is not required (a gap)
    expect(
        &lex,
        "[Gondor|GON|country] and [Arnor|ARN|country] grombled together.",
        "0362 src=ARN,GON",
    );
    // [A:B]: A is the code
    expect(
        &lex,
        "[Gondor|GON|country] grombled a truce with [Arnor|ARN|country].",
        "0371 src=GON",
    );
}

#[test]
fn a_verb_after_a_determiner_is_no_verb() {
    let (lex, imp) = lexicon(Lexicon::codebook_only());
    // GROMBLE, SNARFLE, WIBBLE: no noun trigger for them in the codebook-only lexicon
    assert_eq!(imp.noun_guards, 3);
    expect(
        &lex,
        "[Gondor|GON|country] watched the grombles of [Arnor|ARN|country].",
        "none",
    );
    expect(
        &lex,
        "[Gondor|GON|country] grombles at [Arnor|ARN|country].",
        "120 src=GON tgt=ARN",
    );
}

#[test]
fn a_verb_written_as_the_very_word_wins_over_a_form_of_another() {
    // dateline knows "left" as a past of "leave"; the dictionary lists LEFT as a verb of its own
    let d =
        PetrarchVerbs::parse("--- LEAVE [0874] ---\nLEAVE\n\n--- LEFT [0452] ---\nLEFT\n").unwrap();
    let mut lex = Lexicon::codebook_only();
    lex.add_petrarch_verbs(&d, "x");
    expect(
        &lex,
        "[Gondor|GON|country] left [Arnor|ARN|country].",
        "0452 src=GON",
    );
    expect(
        &lex,
        "[Gondor|GON|country] leaves [Arnor|ARN|country].",
        "0874 src=GON",
    );
}

#[test]
fn skipped_lines_make_no_entry() {
    let (lex, _) = lexicon(Lexicon::codebook_only());
    // [:173], [2305], [abc], &NOPE: the verb alone
    for s in [
        "[Gondor|GON|country] grombled before the tribunal of [Arnor|ARN|country].",
        "[Gondor|GON|country] grombled loudly at [Arnor|ARN|country].",
        "[Gondor|GON|country] grombled softly at [Arnor|ARN|country].",
    ] {
        assert_eq!(codes(&lex, s), vec!["120"], "{s}");
    }
    assert!(lex.code_info("2305").is_none());
}

#[test]
fn on_top_of_the_built_in_lexicon_user_entries_win_ties() {
    let built_in = Lexicon::load();
    let n = built_in.trigger_count();
    // dateline codes "condemned" itself; a user dictionary gives it another code
    let base = codes(
        &built_in,
        "[Gondor|GON|country] condemned [Arnor|ARN|country].",
    );
    assert!(!base.is_empty() && base[0] != "1121", "{base:?}");
    let d = PetrarchVerbs::parse("--- CONDEMN [1121] ---\nCONDEMN\n").unwrap();
    let mut lex = Lexicon::load();
    let imp = lex.add_petrarch_verbs(&d, "mine.verbs.txt");
    // the verb, and decoys for its noun reading after a determiner unless dateline knows a
    // noun "condemnation"-like trigger for the word
    assert!(imp.noun_guards <= 1);
    assert_eq!(imp.entries, 1 + 7 * imp.noun_guards);
    // (one decoy per determiner, whatever the number of verbs)
    assert_eq!(lex.trigger_count(), n + imp.entries);
    expect(
        &lex,
        "[Gondor|GON|country] condemned [Arnor|ARN|country].",
        "1121 src=GON tgt=ARN",
    );
    // the built-in triggers are all still there
    expect(
        &lex,
        "[Gondor|GON|country] met [Arnor|ARN|country] in talks.",
        "04 src=GON",
    );
}

#[test]
fn structural_faults_name_their_line() {
    let cases: &[(&str, usize, &str)] = &[
        ("- * WORD [010]\n", 1, "before any verb block"),
        ("--- X [010] ---\nX\n- * WORD [010\n", 3, "`[` without `]`"),
        ("--- X [010] ---\nX\n- * WORD\n", 3, "without a [CODE]"),
        (
            "--- X [010] ---\nX\n- * * WORD [010]\n",
            3,
            "exactly one `*`",
        ),
        ("--- X [010] ---\nX\n- WORD [010]\n", 3, "exactly one `*`"),
        ("--- X [010] ---\nX {XED\n", 2, "without `}`"),
        ("&SYN\n+A\n", 1, "no verb block"),
        // an actor dictionary given by mistake
        ("GONDOR_ [GON]\n+GONDORIAN_\n", 1, "before any verb block"),
        ("--- X [010] ---\nX\n<!-- open\n", 3, "never closed"),
        ("--- [010] ---\n", 1, "without a name"),
    ];
    // an unbalanced bracket (PETRARCH2's own dictionary has a few) skips the line, counted
    let d = PetrarchVerbs::parse("--- X [010] ---\nX\n- * (TO WORD [010]\n").unwrap();
    let imp = Lexicon::codebook_only().add_petrarch_verbs(&d, "x");
    assert_eq!((imp.unbalanced, imp.skipped_lines()), (1, 1), "{imp:?}");
    for (text, line, what) in cases {
        let e = PetrarchVerbs::parse(text).expect_err(text);
        assert_eq!(e.line, *line, "{text:?}: {e}");
        assert!(e.message.contains(what), "{text:?}: {e}");
    }
}

/// The real dictionaries of the PETRARCH2 repository, read at test time from the shared data
/// folder when it is there: they load, and the counts are stable facts of the files.
#[test]
fn the_petrarch2_dictionaries_load() {
    let dir = std::env::var_os("DATELINE_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        })
        .join("petrarch2-validation/petrarch2/data/dictionaries");
    let Ok(text) = std::fs::read_to_string(dir.join("CAMEO.2.0.txt")) else {
        println!("notice: petrarch2-validation absent; skipping");
        return;
    };
    let d = PetrarchVerbs::parse(&text).expect("CAMEO.2.0.txt reads");
    let mut lex = Lexicon::load();
    let imp = lex.add_petrarch_verbs(&d, "CAMEO.2.0.txt");
    println!("CAMEO.2.0.txt: {}", imp.summary());
    assert!(imp.blocks > 300 && imp.patterns > 4000, "{imp:?}");
    assert!(imp.entries > imp.patterns, "{}", imp.summary());
    assert_eq!(imp.transformations, 8);
    // the validation suite's own dictionary, alone on dateline's codebook
    let text = std::fs::read_to_string(dir.join("PETR.Validate.verbs.txt")).unwrap();
    let d = PetrarchVerbs::parse(&text).expect("PETR.Validate.verbs.txt reads");
    let imp = Lexicon::codebook_only().add_petrarch_verbs(&d, "PETR.Validate.verbs.txt");
    println!("PETR.Validate.verbs.txt: {}", imp.summary());
    assert!(imp.entries > 300 && imp.bad_codes > 0, "{}", imp.summary());
}

/// `+ * … $`: the target before the verb and the source after it, a recipient subject.
const RECIPIENT: &str = "\
--- FLOMBLE [071] ---
FLOMBLE
- + * GRANT FROM $ [071]
- + * SHELTER IN $ [075]
";

#[test]
fn target_before_the_verb_and_source_after_it_is_a_recipient_subject() {
    let d = PetrarchVerbs::parse(RECIPIENT).expect("the recipient dictionary reads");
    let mut lex = Lexicon::codebook_only();
    let imp = lex.add_petrarch_verbs(&d, "recipient.verbs.txt");
    assert_eq!(imp.recipients, 2, "{}", imp.summary());
    assert!(
        imp.summary().contains("2 of them recipient subjects"),
        "{}",
        imp.summary()
    );
    // the giver follows "from"
    expect(
        &lex,
        "[Freedonia|FRD|country] flombled a large grant from [Sylvania|SYL|country].",
        "071 src=SYL tgt=FRD",
    );
    // a pattern ending in a preposition names the giver right after it
    expect(
        &lex,
        "[Freedonia|FRD|country] flombled shelter in [Sylvania|SYL|country] last year.",
        "075 src=SYL tgt=FRD",
    );
}
