//! `--actors FILE`, `--agents FILE` and `--verbs FILE`: user dictionaries merged on top of the
//! built-in lexicons (docs/dictionaries.md). Each file is read and checked before any article is.

use dateline_entities::ActorDictionary;
use dateline_pipeline::{Pipeline, parse_date};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Clone, Debug, Default)]
pub struct DictArgs {
    /// Actor dictionary (repeatable; a later file wins over an earlier one and over the built-in
    /// actors). Dateline's format: `name; alias | CODE FROM..TO; CODE` (ISO dates, either end
    /// open). PETRARCH/Phoenix format (`*.actors.txt`, or any file whose first entry has no
    /// `|`): `NAME_` lines, `+SYNONYM` lines and `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]`,
    /// `[CODE <YYMMDD]` code lines. Dated roles are resolved on each article's publication date.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Agents dictionary (repeatable): common nouns with sector codes, combined with the
    /// country of the phrase ("the Freedonian dock workers" FRD + ~LAB = FRDLAB). Dateline's
    /// format: `noun; plural | ~CODE`. PETRARCH format (`*.agents.txt`, or no `|` in the first
    /// entry): `NOUN {PLURAL} [~CODE]`, `!MACRO! = A, B`.
    #[arg(long = "agents", value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// PETRARCH / TABARI verb dictionary (repeatable; e.g. PETRARCH2's `CAMEO.2.0.txt` or a
    /// project's own): `--- NAME [CODE] ---` verb blocks, verbs with `{IRREGULAR FORMS}`,
    /// `&SYNSET` lists and `- * WORDS [CODE]` patterns, read as dateline event triggers on top
    /// of the built-in lexicon (a user pattern wins over a built-in one of the same length).
    /// What each pattern element becomes: docs/dictionaries.md.
    #[arg(long = "verbs", value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
}

impl DictArgs {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.agents.is_empty() && self.verbs.is_empty()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Actors,
    Agents,
}

/// Whether a file is in PETRARCH's format: by its name (`.actors.txt`, `.agents.txt`), else by
/// its first entry line (dateline's format always has a `|`).
fn is_petrarch(path: &Path, text: &str) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".actors.txt") || name.ends_with(".agents.txt") {
        return true;
    }
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .find(|l| !l.is_empty() && !l.starts_with('<'))
        .is_some_and(|l| !l.contains('|'))
}

/// A TABARI date (`YYMMDD` or `YYYYMMDD`) that reads as a real date.
fn tabari_date_ok(s: &str) -> bool {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let iso = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().unwrap_or(0);
            let century = if yy <= 30 { "20" } else { "19" };
            format!("{century}{}-{}-{}", &s[..2], &s[2..4], &s[4..6])
        }
        8 => format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..8]),
        _ => return false,
    };
    parse_date(&iso).is_some()
}

/// Lines of a PETRARCH file that the importer reads only in part or not at all, with why:
/// an unreadable date restriction (the role is kept, undated), a code line with no name
/// (agents), a `!` line in an actors file.
fn partly_read(text: &str, kind: Kind) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('<') {
            continue;
        }
        if line.starts_with('!') {
            if kind == Kind::Actors || !line.contains('=') {
                out.push((n + 1, "line starting with `!` skipped".to_string()));
            }
            continue;
        }
        let head = line.split('[').next().unwrap_or("").trim();
        if kind == Kind::Agents && line.contains('[') && head.trim_matches('_').is_empty() {
            out.push((n + 1, "codes with no noun skipped".to_string()));
            continue;
        }
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            let close = rest[open + 1..]
                .find([']', '}'])
                .map(|c| c + open + 1)
                .unwrap_or(rest.len());
            let inner = rest[open + 1..close].trim();
            rest = rest.get(close + 1..).unwrap_or("");
            let r: String = inner.split_whitespace().skip(1).collect();
            if r.is_empty() {
                continue;
            }
            let ok = if let Some(d) = r.strip_prefix('>').or_else(|| r.strip_prefix('<')) {
                tabari_date_ok(d)
            } else if let Some((a, b)) = r.split_once('-') {
                tabari_date_ok(a) && tabari_date_ok(b)
            } else {
                tabari_date_ok(&r)
            };
            if !ok {
                out.push((n + 1, format!("unreadable date {r:?}: role kept undated")));
            }
        }
    }
    out
}

/// Read one dictionary file; errors name the file and the line.
fn load(path: &Path, kind: Kind) -> Result<ActorDictionary, String> {
    let shown = path.display();
    let flag = match kind {
        Kind::Actors => "--actors",
        Kind::Agents => "--agents",
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{flag} {shown}: {e}"))?;
    let petrarch = is_petrarch(path, &text);
    let dict = match (petrarch, kind) {
        (true, Kind::Actors) => ActorDictionary::parse_petrarch(&text),
        (true, Kind::Agents) => ActorDictionary::parse_petrarch_agents(&text),
        (false, _) => ActorDictionary::parse(&text),
    }
    .map_err(|e| {
        let format = if petrarch { "PETRARCH" } else { "dateline" };
        format!("{shown}:{}: {} ({format} format)", e.line, e.message)
    })?;
    if dict.is_empty() {
        return Err(format!("{flag} {shown}: no entries"));
    }
    if petrarch {
        let skipped = partly_read(&text, kind);
        if !skipped.is_empty() {
            let first: Vec<String> = skipped
                .iter()
                .take(5)
                .map(|(l, why)| format!("line {l} ({why})"))
                .collect();
            eprintln!(
                "dateline: warning: {shown}: {} line{} not fully read: {}{}",
                skipped.len(),
                if skipped.len() == 1 { "" } else { "s" },
                first.join(", "),
                if skipped.len() > 5 { ", …" } else { "" }
            );
        }
    }
    Ok(dict)
}

/// Read one PETRARCH verb dictionary; errors name the file and the line.
fn load_verbs(path: &Path) -> Result<dateline_events::PetrarchVerbs, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("--verbs {shown}: {e}"))?;
    // PETRARCH's dictionaries are ASCII; a stray Latin-1 byte should not refuse the file
    let text = String::from_utf8_lossy(&bytes);
    dateline_events::PetrarchVerbs::parse(&text).map_err(|e| {
        format!(
            "{shown}:{}: {} (PETRARCH verb dictionary)",
            e.line, e.message
        )
    })
}

/// Add a read verb dictionary to the event lexicon, with one warning line counting what was
/// approximated or skipped.
fn add_verbs(
    lexicon: &mut dateline_events::Lexicon,
    path: &Path,
    d: &dateline_events::PetrarchVerbs,
) -> Result<(), String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imp = lexicon.add_petrarch_verbs(d, &name);
    if imp.entries == 0 {
        return Err(format!(
            "--verbs {}: no verb or pattern could be read ({})",
            path.display(),
            imp.summary()
        ));
    }
    if imp.approximated() + imp.skipped_lines() > 0 {
        eprintln!("dateline: warning: {}: {}", path.display(), imp.summary());
    }
    Ok(())
}

/// The pipeline with every user dictionary added, in the order given.
pub fn pipeline(args: &DictArgs) -> Result<Pipeline, String> {
    let mut dicts = Vec::new();
    for p in &args.actors {
        dicts.push((Kind::Actors, load(p, Kind::Actors)?));
    }
    for p in &args.agents {
        dicts.push((Kind::Agents, load(p, Kind::Agents)?));
    }
    let mut verbs = Vec::new();
    for p in &args.verbs {
        verbs.push((p, load_verbs(p)?));
    }
    let mut pipeline = Pipeline::new();
    for (kind, d) in dicts {
        match kind {
            Kind::Actors => pipeline.entities.add_actor_dictionary(d),
            Kind::Agents => pipeline.entities.add_agents_dictionary(d),
        }
    }
    for (p, d) in &verbs {
        add_verbs(&mut pipeline.events, p, d)?;
    }
    Ok(pipeline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_content() {
        assert!(is_petrarch(Path::new("x.actors.txt"), "a | B\n"));
        assert!(is_petrarch(Path::new("x.txt"), "# c\nGONDOR_ [GON]\n"));
        assert!(!is_petrarch(Path::new("x.txt"), "# c\nGondor | GON\n"));
    }

    #[test]
    fn unreadable_dates_are_reported() {
        let t = "A_\n[XXX 9913-1202]\nB_ [YYY >130201]\n!odd\n";
        let got = partly_read(t, Kind::Actors);
        assert_eq!(
            got.iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![2, 4],
            "{got:?}"
        );
        assert!(partly_read("[~GOV]\nX [~GOV]\n", Kind::Agents)[0].0 == 1);
    }
}
