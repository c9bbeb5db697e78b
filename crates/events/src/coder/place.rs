//! Where an event happened: the place rules of the coder (`event_place_in`, `place_rule_of`) and
//! the word lists they read. A child module of `coder`, so it sees the sentence view directly.

use super::*;

/// What the place rules read of a trigger's lexicon entry: a noun trigger, its QuadClass, a
/// visit (its "to"/"for" names where), a protest (its "against" names no place).
#[derive(Clone, Copy)]
pub(crate) struct Facts {
    noun: bool,
    quad: u8,
    visit: bool,
    protest: bool,
}

/// The place where trigger `t` happened: a place attached by a locative preposition in its
/// clause, a place name modifying a noun trigger ("Lausanne meeting"), the place of a
/// material-conflict trigger's object ("bombardment of Aleppo"), or one in a sentence-initial
/// adjunct ("Speaking in Paris, the envoy condemned …").
pub(crate) fn event_place_in(
    v: &View,
    trigs: &[Trig],
    ti: usize,
    facts: Facts,
    quads: &[u8],
) -> Option<(usize, usize, usize, &'static str)> {
    let Facts {
        noun,
        quad,
        visit,
        protest,
    } = facts;
    let t = &trigs[ti];
    let last = *t.fixed.last().unwrap_or(&t.head);
    // (place, first word, one past last word, score, rule)
    let mut best: Option<(usize, usize, usize, usize, &'static str)> = None;
    let mut consider = |p: usize, a: usize, b: usize, score: usize, rule: &'static str| {
        if best.is_none_or(|(_, _, _, s, _)| score < s) {
            best = Some((p, a, b, score, rule));
        }
    };
    // pre-nominal place: "Lausanne meeting", "Aleppo bombardment"
    // (not a possessive actor: "Russia's bombardment")
    if noun && t.head > 0 {
        let k = t.head - 1;
        if let Some(p) = v.words[k].place
            && v.words[k].chunk.is_none()
        {
            let mut a = k;
            while a > 0 && v.words[a - 1].place == Some(p) {
                a -= 1;
            }
            consider(p, a, k + 1, 0, "pre-nominal");
        }
    }
    let n = v.len();
    let perfect = !noun && {
        let mut j = t.head;
        let mut found = false;
        while j > 0 && t.head - j < 4 {
            j -= 1;
            match v.low(j) {
                "has" | "have" | "had" => {
                    found = true;
                    break;
                }
                "been" | "reportedly" | "also" | "already" | "now" | "so" | "far" => {}
                w if w.ends_with("ly") => {}
                _ => break,
            }
        }
        found
    };
    // places with their attaching preposition
    let mut k = 0;
    while k < n {
        let Some(p) = v.words[k].place else {
            k += 1;
            continue;
        };
        let pstart = k;
        while k < n && v.words[k].place == Some(p) {
            k += 1;
        }
        let pend = k;
        // walk left over geographic modifiers to the preposition
        let mut j = pstart;
        let mut prep = None;
        let mut steps = 0;
        let mut passed_of = false;
        while j > 0 && steps < 8 {
            j -= 1;
            let l = v.low(j);
            // the words of another place name count as one step ("near the restless North
            // Coast town of Velmora")
            if !(v.words[j].place.is_some() && v.words[j + 1].place == v.words[j].place) {
                steps += 1;
            }
            if LOC_PREPS.contains(&l)
                || (l == "on" && passed_of)
                || (l == "over" && matches!(quad, 0 | 2 | 4) && !protest)
            {
                prep = Some(j);
                break;
            }
            if l == "of" {
                passed_of = true;
                // "on patrols west of Tarvel": a direction and "of" attach the place like a
                // preposition (whether a narrower place is named before it is checked below)
                if j > 0 && v.is_any(j - 1, DIRECTIONS) && j == pstart - 1 {
                    prep = Some(j - 1);
                    break;
                }
            }
            // "in Ruritania's western Dravos province": walk on through the container's possessive
            if matches!(l, "'s" | "s") && j > 0 && v.words[j - 1].place.is_some() {
                continue;
            }
            // "near the provincial capital, Zelvik": the place in apposition to a geographic
            // noun right before it
            if l == "," && j + 1 == pstart && j > 0 && v.is_any(j - 1, &["capital", "city", "town"])
            {
                continue;
            }
            // "renewed attacks on Kelmora", "killed in a dawn raid on Osterby": the target of
            // an attack noun; "marched to Plaza Mayor", "fled to Laos": the end of a
            // movement
            let attack_on = l == "on" && j > 0 && v.is_any(j - 1, ATTACK_NOUNS);
            let moved_to = matches!(l, "to" | "toward" | "towards")
                && j > t.head
                && v.is_any(t.head, MOTION_VERBS);
            if (visit && matches!(l, "to" | "for"))
                || attack_on
                || moved_to
                || (quad == 4
                    && matches!(l, "on" | "of" | "against")
                    // "protested against Varnholt": what a protest is against is no place
                    && !(protest && l == "against")
                    && j >= t.head
                    && j <= last + 2)
            {
                prep = Some(j);
                break;
            }
            // geographic words, other names, and plain modifiers ("this quiet Rhineland
            // city", "the Chilean capital of")
            let plain = !v.words[j].punct
                && !PREPOSITIONS.contains(&l)
                && !SUBORDINATORS.contains(&l)
                && !BE.contains(&l)
                && !REPORT_VERBS.contains(&l)
                && !v.words[j].lexical
                && l.chars().all(|c| c.is_alphabetic() || c == '-');
            // "near the vital town of Orvena", "the sleepy village of": one adjective between
            // a determiner and a unit noun, whatever the lexicon makes of it
            // ("Ruritania's sleepy southern city of Zelvik": after a possessive too)
            let unit_adjective = j > 0
                && v.is_any(j - 1, &["the", "a", "an", "'s", "s", "’s"])
                && (v.is_any(j + 1, UNIT_NOUNS)
                    || v.is_any(j + 1, SETTLEMENT_NOUNS)
                    || v.is_any(j + 1, PART_NOUNS)
                    || v.is_any(j + 1, GEO_NOUNS))
                && !v.words[j].punct
                && l.chars().all(|c| c.is_alphabetic() || c == '-');
            if !(GEO_MODS.contains(&l)
                || GEO_NOUNS.contains(&l)
                // "across the hamlets of Tresk", whatever the lexicon makes of the noun
                || v.is_any(j, UNIT_NOUNS)
                || v.is_any(j, SETTLEMENT_NOUNS)
                || v.is_any(j, PART_NOUNS)
                || v.words[j].place.is_some()
                || v.words[j].chunk.is_some()
                || plain
                || unit_adjective)
            {
                break;
            }
        }
        // a direct object place of a material-conflict verb: "shelled Deraa", "struck east
        // Aleppo"
        let direct = !noun
            && matches!(quad, 0 | 4)
            // "protested against the tariff": a protest's object is what it is against
            && !protest
            && pstart > last
            && (last + 1..pstart).all(|x| {
                GEO_MODS.contains(&v.low(x))
                    || GEO_NOUNS.contains(&v.low(x))
                    || matches!(v.low(x), "large" | "parts" | "much" | "most" | "all")
                    || v.is_any(x, UNIT_NOUNS)
                    || v.is_any(x, SETTLEMENT_NOUNS)
                    // "raided the Frisian hamlet of Oostum"
                    || v.words[x].chunk.is_some_and(|c| v.chunks[c].adjective)
                    // "shelled the hilltop town of Besko"
                    || (x > 0
                        && v.is_any(x - 1, &["the", "a", "an"])
                        && (v.is_any(x + 1, UNIT_NOUNS) || v.is_any(x + 1, SETTLEMENT_NOUNS))
                        && v.low(x).chars().all(|c| c.is_alphabetic() || c == '-'))
            })
            && pstart - last <= 6
            // "damaged the French Embassy": a name modifying a noun is not the object
            && !(pend < n && !v.words[pend].punct && v.words[pend].upper)
            // "captured the Dravos chief of the militia": a name before a role noun is the
            // person's, and "said Zelvik is …", "say Dravos will …": a name before an
            // auxiliary is the subject of a clause of its own
            && !(pend < n && (v.is_any(pend, ROLE_NOUNS) || v.is_any(pend, AUXILIARIES)))
            // "captured Norway's second medal", "opposed Austria's plans": the possessed
            // noun is the object (not "shelled Aleppo's eastern districts")
            && !(pend + 1 < n
                && v.is_any(pend, &["'s", "s", "’s"])
                && !(pend + 1..(pend + 4).min(n)).any(|x| {
                    GEO_MODS.contains(&v.low(x))
                        || GEO_NOUNS.contains(&v.low(x))
                        || v.is_any(x, UNIT_NOUNS)
                        || v.is_any(x, PART_NOUNS)
                        || v.is_any(x, SETTLEMENT_NOUNS)
                        || v.words[x].place.is_some()
                }))
            && !(pend < n && trigs.iter().any(|o| o.head == pend));
        // a country name before a noun names an actor ("a US airstrike"), not a place
        if v.words[pstart].country
            && pend < n
            && (trigs.iter().any(|o| o.head == pend)
                // (not a date after it: "demonstrated in Chile Saturday")
                || (v.words[pend].upper
                    && !v.words[pend].punct
                    && calendar_word(v.low(pend)).is_none())
                || v.is_any(pend, ACTOR_HEADS)
                // "the Varnholt honorary consulate", "the Dutch and Belgian embassies": past
                // lower-case modifiers and a coordinated nationality to an actor's noun
                || (pend..(pend + 4).min(n))
                    .take_while(|&x| {
                        let adjective = |k: usize| {
                            k < n && v.words[k].chunk.is_some_and(|c| v.chunks[c].adjective)
                        };
                        let l = v.low(x);
                        adjective(x)
                            || (l == "and" && adjective(x + 1))
                            || (!v.words[x].punct
                                && !v.words[x].upper
                                && !FUNCTION.contains(&l)
                                && !PREPOSITIONS.contains(&l)
                                && !LOC_PREPS.contains(&l)
                                && !l.ends_with("ly")
                                && !l.ends_with("ed"))
                    })
                    .any(|x| v.is_any(x, ACTOR_HEADS))
                // "U.S.-led", "US-backed" (not a dash: "in Japan -- during")
                || (v.low(pend).starts_with('-')
                    && !v.low(pend).starts_with("--")
                    && v.words[pend].span.start == v.words[pend - 1].span.end)
                || (v.is(pend, "'s") && v.is_any(pend + 1, ACTOR_HEADS)))
        {
            continue;
        }
        // "stabbed Morgan, 41, last week": a name with an age in apposition is a person's
        if pend + 2 < n
            && v.is(pend, ",")
            && v.low(pend + 1).len() <= 3
            && v.low(pend + 1).chars().all(|c| c.is_ascii_digit())
            && v.is_any(pend + 2, &[",", "."])
        {
            continue;
        }
        // "the Federation of Dravos and the Coastlands", "the Bank of Ruritania": a place named in
        // an organisation's name is not where anything happened
        if in_organisation_name(v, pstart) {
            continue;
        }
        // "busloads of nurses from every corner of Ruritania rallied", "herders from a hamlet
        // outside Zelvik protested": a place inside a "from" phrase is where someone comes from
        if let Some(pj) = prep
            && let Some(f) = (pj.saturating_sub(6)..=pj).rev().find(|&x| v.is(x, "from"))
            // (not "laborers from Bihar near Zelvik", "territory from the rebels in Dravos":
            // the "from" phrase ends at its own name)
            && !(f + 1..pj).any(|x| {
                v.words[x].punct
                    || v.words[x].lexical
                    || v.words[x].place.is_some()
                    || v.words[x].chunk.is_some()
                    || v.words[x].time
                    || matches!(v.low(x), "year" | "week" | "month" | "day")
                    || trigs.iter().any(|o| o.head == x)
            })
            && !(f..pj).contains(&t.head)
        {
            continue;
        }
        // "walked from Besko to Zelvik", "paraded from the cathedral in Old Dravos toward the
        // harbour gate": a movement named with both its ends happened at neither
        // ("marched from Besko to a park" keeps Besko, the one place it names)
        if let Some(pj) = prep
            && v.is_any(t.head, MOTION_VERBS)
            && pj > t.head
        {
            let end = clause_end(v, t.head).min(n);
            let to = |x: usize| v.is_any(x, &["to", "toward", "towards", "into"]);
            let named_after = |x: usize| {
                (x + 1..(x + 8).min(end))
                    .take_while(|&k| !v.words[k].punct)
                    .any(|k| v.words[k].place.is_some() && !v.words[k].country)
            };
            let from = (t.end..pj).find(|&x| v.is(x, "from"));
            // the place is in the "from" phrase and a later "to" names a place
            let origin = from.is_some_and(|f| !(f + 1..pj).any(|x| v.words[x].punct || to(x)))
                && (pend..end).any(|x| to(x) && named_after(x));
            // the place is the destination and the "from" phrase names a place
            // ("to the nearby port town of Zelvik": the place's own preposition may follow "to")
            let destination = from.is_some_and(|f| {
                named_after(f)
                    && (f + 1..=pj)
                        .rev()
                        .find(|&x| to(x))
                        .is_some_and(|x| !(x..pj).any(|k| v.words[k].punct))
            });
            if origin || destination {
                continue;
            }
        }
        let Some(pj) = prep.or(direct.then_some(pstart)) else {
            continue;
        };
        // ... and the container itself is not the place when a narrower one follows it
        if pend + 1 < n
            && v.is_any(pend, &["'s", "s"])
            && (pend + 1..(pend + 5).min(n))
                .take_while(|&x| {
                    v.words[x].place.is_some()
                        || GEO_MODS.contains(&v.low(x))
                        || v.is_any(x, &["the", "restive", "violent", "port", "capital"])
                })
                .any(|x| v.words[x].place.is_some())
        {
            continue;
        }
        // "in Ruritania's main eastern city of Dravos", "Borduria's busy northern city of Zelvik",
        // "Ruritania's flood-hit eastern province Dravos": past any lower-case
        // modifiers, a unit noun names the narrower place that follows it
        if pend + 2 < n
            && v.is_any(pend, &["'s", "s", "’s"])
            && (pend + 1..(pend + 8).min(n))
                .take_while(|&x| {
                    !v.words[x].punct
                        && !v.words[x].upper
                        && v.words[x].place.is_none()
                        && !LOC_PREPS.contains(&v.low(x))
                        && !v.is_any(x, &["and", "or", "of"])
                })
                .any(|x| {
                    (v.is_any(x, UNIT_NOUNS) || v.is_any(x, GEO_NOUNS))
                        && (v.words.get(x + 1).is_some_and(|w| w.place.is_some())
                            || (v.is(x + 1, "of")
                                && v.words.get(x + 2).is_some_and(|w| w.place.is_some())))
                })
        {
            continue;
        }
        // a cumulative perfect over a whole country ("over 40,000 are said to have died in
        // Borduria", "the conflict has killed hundreds across Ruritania") is a toll, not one event placed
        if v.words[pstart].country && perfect {
            continue;
        }
        // "in Talmir district of Varnholt", "in Zelvik's western district of Orvena": the
        // event is in a narrower place the gazetteer does not know, not in its container
        if narrower_unknown(v, pj, pstart, pend) {
            continue;
        }
        // "killed at Besko village of Dravos", "near Bir Sahra in North Varnholt": a narrower
        // place the gazetteer does not know stands between the trigger and this one
        if pj >= t.end && unknown_locative(v, t.end, pstart, false) {
            continue;
        }
        // "farm workers at the depots outside Besko in Dravos went on strike …": before the trigger too, a
        // narrower place the gazetteer does not know comes before this one in its phrase
        if pend <= t.head && pj < pstart {
            let from = (pj.saturating_sub(6)..pj)
                .rev()
                .find(|&x| v.words[x].punct)
                .map_or(pj.saturating_sub(6), |x| x + 1);
            if unknown_locative(v, from, pj, false) {
                continue;
            }
        }
        // "a security source in Damascus": where the informant is
        if pj > 0
            && pj < pstart
            && v.is_any(
                pj - 1,
                &[
                    "source",
                    "sources",
                    "correspondent",
                    "spokesman",
                    "spokeswoman",
                ],
            )
        {
            continue;
        }
        // "arrested one of Varnholt's richest bankers", "near Novak's home": a name before
        // "'s" and a possessed noun that is no geographic one owns the noun; it is not where
        // the event was ("in Varnholt's capital", "in Varnholt's Dravos province" are)
        if prep.is_some() && pend + 1 < n && v.is_any(pend, &["'s", "’s"]) {
            let possessed: Vec<usize> = (pend + 1..(pend + 6).min(n))
                .take_while(|&x| {
                    !v.words[x].punct
                        && !v.words[x].upper
                        && v.words[x].place.is_none()
                        && !PREPOSITIONS.contains(&v.low(x))
                        && !v.is_any(x, &["and", "or"])
                })
                .collect();
            // (plurals too: "two of Dravos's old ferries", "one of Varnholt's provinces")
            let geo = |x: usize| {
                let l = v.low(x);
                [l, l.strip_suffix('s').unwrap_or(l)].iter().any(|w| {
                    GEO_MODS.contains(w)
                        || GEO_NOUNS.contains(w)
                        || UNIT_NOUNS.contains(w)
                        || PART_NOUNS.contains(w)
                        || SETTLEMENT_NOUNS.contains(w)
                        || is_site_noun(w)
                        || DIRECTIONS.contains(w)
                        || POSSESSED_AREAS.contains(w)
                })
            };
            // a name ends the possessed phrase: "in Varnholt's restive South", "Dravos's Besko
            // district"
            let after = possessed.last().map_or(pend + 1, |&x| x + 1);
            let named = after < n && v.words[after].upper && !v.words[after].punct;
            if !possessed.is_empty() && !named && !possessed.iter().any(|&x| geo(x)) {
                continue;
            }
        }
        let pword = v.low(pj).to_string();
        if matches!(pword.as_str(), "on" | "of" | "against")
            && !(pj >= t.head && pj <= last + 2)
            && !(pword == "on" && pj > 0 && v.is_any(pj - 1, ATTACK_NOUNS))
        {
            // "of"/"on" attach only right after the trigger ("siege of Aleppo")
            continue;
        }
        // which trigger is nearest to the preposition?
        let dist = |tr: &Trig| -> usize {
            if pj >= tr.head && pj < tr.end {
                0
            } else if pj >= tr.end {
                pj - tr.end
            } else if pend <= tr.head {
                // a place phrase before a trigger attaches to it only when nothing precedes
                tr.head - pend + 7
            } else {
                usize::MAX
            }
        };
        let d = dist(t);
        if d == usize::MAX {
            continue;
        }
        // material events of one clause share its place ("struck a tram in Kessel, injuring 5");
        // a statement does not take the place of the act it is about ("condemned the attack
        // in Mosul")
        let material = |q: u8| matches!(q, 0 | 2 | 4);
        // "Speaking in Paris, the envoy condemned …": a participle opening the sentence is
        // the main clause's adjunct, not an event that claims the place for itself
        let first_comma = (0..n).find(|&x| v.is(x, ",")).unwrap_or(n);
        let opening_participle =
            |o: &Trig| o.head <= 1 && o.end <= first_comma && v.low(o.head).ends_with("ing");
        let nearer_other = trigs.iter().enumerate().any(|(j2, o)| {
            j2 != ti
                && dist(o) < d
                && !(material(quad) && material(quads[j2]))
                && !(opening_participle(o) && t.head > first_comma)
        });
        // same clause, or a sentence-initial adjunct before the main clause
        let between = if pj >= t.head {
            t.end.min(pj)..pj
        } else {
            pend..t.head
        };
        let crosses = between
            .clone()
            .any(|x| is_hard(v, x) || starts_clause(v, x) || REPORT_VERBS.contains(&v.low(x)));
        let crosses_comma = between.clone().any(|x| v.is(x, ","));
        if nearer_other {
            continue;
        }
        // "was abducted and has since been living in Dravos", "seized the fort and became
        // its commander in Zelvik": the place follows a second predicate joined by "and", not
        // the trigger (unless both are material acts: "was shot and was killed in Zelvik")
        // (and before the trigger: "was detained in Dravos and faces trial for smuggling …")
        let (lo, hi) = if pj >= t.head {
            (t.end, pj)
        } else {
            (pend, t.head)
        };
        if between.clone().any(|x| {
            v.is(x, "and") && {
                let mut k = x + 1;
                while k < hi
                    && (v.low(k).ends_with("ly") || v.is_any(k, &["then", "later", "also"]))
                {
                    k += 1;
                }
                (v.is_any(k, AUXILIARIES) || v.is_any(k, LINKING_VERBS))
                    && !(material(quad)
                        && trigs.iter().enumerate().any(|(j2, o)| {
                            o.head >= lo && o.head < hi && o.head != t.head && material(quads[j2])
                        }))
            }
        }) {
            continue;
        }
        // "In Paris, …" / "Speaking in Paris, …": a sentence-initial adjunct without a trigger
        // of its own places the main clause
        let initial_adjunct = pend <= t.head
            && crosses_comma
            && !crosses
            // "Militias pressed on near Dravos at dawn, shelling …": an
            // aimed participle after a comma has a target of its own, and one of saying
            // reports
            && !(t.head > 0
                && v.is(t.head - 1, ",")
                && (v.is_any(t.head, AIMED_PARTICIPLES) || v.is_any(t.head, SAYING_PARTICIPLES)))
            // "In Zelvik, a courier was robbed … behind the old mill at Osterby": the
            // clause names its own, narrower place the gazetteer does not know
            && !unknown_locative(v, t.end, clause_end(v, t.head), true)
            && {
            pend <= first_comma
                && first_comma < t.head
                // "Nurses in Dravos, most of them off duty, rallied …", "To protect owls that
                // nest in the Kel forest, …": the place belongs to a noun or a clause
                // inside the opening phrase, not to the phrase itself
                && !opening_clause(v, pj)
                && !trigs
                    .iter()
                    .any(|o| o.head < first_comma && !opening_participle(o))
                // "An army official in Zelvik said …" places the source
                && !(0..first_comma).any(|x| v.is_any(x, ATTRIBUTION))
        };
        if initial_adjunct {
            // "In Zelvik, a guard was shot … near the Osterby crossing": a narrower place the
            // rest of the sentence names inside the opening one is where it happened
            if let Some((q, x, y)) = narrower_later(v, t.end, place_rank(v, pstart, pend)) {
                consider(q, x, y, 20 + d, "initial-adjunct-narrower");
            } else {
                consider(p, pstart, pend, 20 + d, "initial-adjunct");
            }
            continue;
        }
        if crosses || crosses_comma {
            continue;
        }
        let mut score = if pj >= t.head { d + 1 } else { d + 3 };
        // "the Rhineland city of Velmora", "Dravos's Talmir district": the later, narrower name
        // ("the Zelvik borough of Osterby": any plain noun before "of")
        // ("Rask Valley District of Dravos", "the Kel Duvan Plains of east Varnholt": a name that
        // ends in its own unit noun is the narrower one)
        let own_unit = pend > pstart
            && (v.is_any(pend - 1, UNIT_NOUNS)
                || v.is_any(pend - 1, PART_NOUNS)
                || site_at(v, pend - 1));
        if pend < n
            && !(own_unit && v.is(pend, "of"))
            && (v.is_any(pend, &["'s", "of"])
                || v.is_any(pend, GEO_NOUNS)
                || (pend + 1 < n
                    && v.is(pend + 1, "of")
                    && !v.words[pend].punct
                    && !v.words[pend].upper
                    && !v.words[pend].lexical))
        {
            score += 1;
        }
        let rule = if prep.is_some() {
            "preposition"
        } else {
            "direct-object"
        };
        consider(p, pstart, pend, score, rule);
    }
    let (p, a, b, _, r) = best?;
    Some(
        narrower_in_phrase(v, last, (p, a, b))
            .map_or((p, a, b, r), |(q, x, y)| (q, x, y, "narrower")),
    )
}

/// How wide a place is, from its gazetteer feature: 4 a site, 7 a city, 6 a second-level
/// unit, 8 a province, 10 a wider region, 12 a country; 0 when unknown or not comparable (a
/// river). The scale leaves room for the unit nouns of [`unit_rank`]: a named district is
/// narrower than the city it is named with ("Baghdad's Karrada district").
pub(crate) fn feature_rank(f: Option<dateline_doc::Feature>) -> u8 {
    use dateline_doc::Feature;
    match f {
        Some(Feature::Landmark) => 2,
        Some(Feature::City) => 7,
        Some(Feature::Admin2) => 6,
        Some(Feature::Admin1) => 8,
        Some(Feature::Region) => 10,
        Some(Feature::Country) => 12,
        Some(Feature::Water) | None => 0,
    }
}

/// Built sites, narrower than any settlement ("the Zelvik prison", "Saint Brannoc Hospital").
const BUILT_SITES: &[&str] = &[
    "hospital",
    "museum",
    "square",
    "dam",
    "bridge",
    "airport",
    "airbase",
    "school",
    "university",
    "palace",
    "prison",
    "jail",
    "market",
    "bazaar",
    "junction",
    "crossing",
    "station",
    "mosque",
    "church",
    "cathedral",
    "temple",
    "stadium",
    "hotel",
    "refinery",
    "checkpoint",
];

/// The width of a unit noun naming a place ("district", "province", "hospital") on the scale
/// of [`feature_rank`]; `None` for a noun that says nothing of it ("region", "valley").
fn unit_rank(l: &str) -> Option<u8> {
    match l {
        "village" | "villages" | "hamlet" | "hamlets" | "town" | "towns" | "settlement"
        | "suburb" | "neighborhood" | "neighbourhood" | "quarter" | "camp" | "area" => Some(4),
        "district" | "subdistrict" | "sub-district" | "county" | "municipality" | "township"
        | "commune" | "locality" | "lga" => Some(6),
        "city" => Some(7),
        "province" | "governorate" | "state" => Some(8),
        _ if BUILT_SITES.contains(&l) => Some(2),
        _ => None,
    }
}

/// How wide the place at words `a..b` is as the sentence names it: its own unit noun first
/// ("Herat province", "the town of Besko", "Tel Kara District", "the Zelvik prison"), else its
/// gazetteer feature.
fn place_rank(v: &View, a: usize, b: usize) -> u8 {
    if b > a
        && let Some(r) = unit_rank(v.low(b - 1))
    {
        return r;
    }
    // (not "the Zelvik suburb of Osterby", "the largest Dravos town": the name before a unit
    // noun and "of" a place without a unit noun of its own names the container of that place)
    if b < v.len()
        && let Some(r) = unit_rank(v.low(b))
    {
        let mut k = b + 1;
        if !v.is(k, "of") {
            return r;
        }
        while k < v.len() && (v.is(k, "of") || GEO_MODS.contains(&v.low(k))) {
            k += 1;
        }
        let Some(q) = v.words.get(k).and_then(|w| w.place) else {
            return r;
        };
        while k < v.len() && v.words[k].place == Some(q) {
            k += 1;
        }
        if k < v.len() && unit_rank(v.low(k)).is_some() {
            return r;
        }
    }
    if a >= 2
        && v.is(a - 1, "of")
        && let Some(r) = unit_rank(v.low(a - 2))
    {
        return r;
    }
    v.words[a].rank
}

/// A narrower place named in the same locative phrase as the chosen one (words `a..b`), which
/// then only contains it: "in the Orvik area of Dravos province", "in the Karvo district
/// in central Zelvik", "in Zelvik's eastern Osterby district", "in a nearby Besko
/// neighbourhood, Tarvel". The event happened at the finest place the phrase names. The words
/// between the two may only be those of containment: "in", "of", "'s", a comma, determiners,
/// unit nouns, other place names and plain modifiers; not a reference point ("near Zelvik",
/// "south of Zelvik", "Zelvik's neighbouring province of"), a conjunction, a verb or a date.
/// A narrower place before the chosen one must itself open the phrase (after a preposition of
/// place, "of", or the trigger `last` taking it as object).
fn narrower_in_phrase(
    v: &View,
    last: usize,
    (p, a, b): (usize, usize, usize),
) -> Option<(usize, usize, usize)> {
    let rp = place_rank(v, a, b);
    if rp == 0 {
        return None;
    }
    let plain = |k: usize| {
        let l = v.low(k);
        let w = &v.words[k];
        !w.punct
            && !w.upper
            && !w.lexical
            && !FUNCTION.contains(&l)
            && !PREPOSITIONS.contains(&l)
            && !SUBORDINATORS.contains(&l)
            && !BE.contains(&l)
            && calendar_word(l).is_none()
            && !w.time
            && !l.ends_with("ing")
            && !matches!(
                l,
                "neighbouring" | "neighboring" | "nearby" | "adjacent" | "near"
            )
            && l.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let modifier = |k: usize| {
        let l = v.low(k);
        matches!(l, "the" | "a" | "an")
            || GEO_MODS.contains(&l)
            || DIRECTION_ADJECTIVES.contains(&l)
            || GEO_NOUNS.contains(&l)
            || unit_rank(l).is_some()
            || v.is_any(k, PART_NOUNS)
            || v.is_any(k, SETTLEMENT_NOUNS)
            || plain(k)
    };
    let containment = |k: usize| {
        // "south of Zelvik" names a reference point, not a container
        if v.is_any(k, DIRECTIONS) && v.is(k + 1, "of") {
            return false;
        }
        matches!(v.low(k), "of" | "in" | "," | "'s" | "’s" | "s")
            || v.words[k].place.is_some()
            || modifier(k)
    };
    // the runs of place words near the chosen place
    let n = v.len();
    let mut runs = Vec::new();
    let mut k = a.saturating_sub(8);
    while k < (b + 8).min(n) {
        let Some(q) = v.words[k].place else {
            k += 1;
            continue;
        };
        let x = k;
        while k < n && v.words[k].place == Some(q) {
            k += 1;
        }
        runs.push((q, x, k));
    }
    let listed = extend_coordinated(v, b);
    let mut found: Option<(u8, usize, (usize, usize, usize))> = None;
    for (q, x, y) in runs {
        if q == p || v.words[x].country {
            continue;
        }
        // "a nearby Zelvik neighbourhood, Osterby": the unit noun names the place after the
        // comma, and the name before it is its container
        // (not a list of containers: "in Besko village, Talmir district")
        let apposed = x == b + 2
            && v.is(b + 1, ",")
            && unit_rank(v.low(b)).is_some()
            && (a.saturating_sub(2)..a).any(|k| v.is_any(k, &["a", "an", "the", "another"]));
        let (rq, rp) = if apposed {
            (unit_rank(v.low(b)).unwrap_or(0), v.words[a].rank)
        } else {
            (place_rank(v, x, y), rp)
        };
        if rq == 0 || rq >= rp {
            continue;
        }
        let gap = if y <= a {
            // coordinated with the chosen place ("in Besko, Ravnik and Dravos")
            if extend_coordinated(v, y) >= a {
                continue;
            }
            // the narrower place opens the phrase
            let mut j = x;
            while j > 0 && modifier(j - 1) && x - j < 4 {
                j -= 1;
            }
            if !(j > 0 && (v.is_any(j - 1, LOC_PREPS) || v.is(j - 1, "of") || j - 1 == last)) {
                continue;
            }
            // "in the Lorn Basin's Tegel quarter": the possessor contains what follows
            if (y..a).any(|k| v.is_any(k, &["'s", "’s", "s"])) {
                continue;
            }
            y..a
        } else if b <= x {
            if x < listed {
                continue;
            }
            // "Besko in Dravos district": what follows "in" contains what precedes it
            if (b..x).any(|k| v.is(k, "in")) {
                continue;
            }
            // across a comma only the name of the unit the chosen place is a part of ("a
            // nearby Besko neighbourhood, Tarvel"; not "Besko, the county seat of Talmir",
            // "Orvena, the oldest Kelmar town")
            if (b..x).any(|k| v.is(k, ",")) && !apposed {
                continue;
            }
            b..x
        } else {
            continue;
        };
        if gap.len() > 6
            || !gap.clone().all(containment)
            || gap.clone().filter(|&k| v.is(k, ",")).count() > 2
        {
            continue;
        }
        if found.is_none_or(|(r, g, _)| rq < r || (rq == r && gap.len() < g)) {
            found = Some((rq, gap.len(), (q, x, y)));
        }
    }
    found.map(|(_, _, c)| c)
}

/// A place narrower than `rank` in a locative phrase from word `from` to the end of the
/// sentence (or a "while", "whereas" or semicolon that opens another matter): after a
/// preposition of place or a unit noun and "of", past determiners and modifiers ("near the
/// Osterby crossing", "in the town of Besko", "in Zelvik's Karvo district"). Not a country.
fn narrower_later(v: &View, from: usize, rank: u8) -> Option<(usize, usize, usize)> {
    if rank == 0 {
        return None;
    }
    let n = v.len();
    let mut k = from;
    while k < n {
        // (not "while driving through …", the same event's circumstance)
        if v.is(k, ";")
            || v.is(k, "whereas")
            || (v.is(k, "while") && !(k + 1 < n && v.low(k + 1).ends_with("ing")))
        {
            return None;
        }
        let Some(q) = v.words[k].place else {
            k += 1;
            continue;
        };
        let x = k;
        while k < n && v.words[k].place == Some(q) {
            k += 1;
        }
        if v.words[x].country {
            continue;
        }
        let rq = place_rank(v, x, k);
        if rq == 0 || rq >= rank {
            continue;
        }
        let mut j = x;
        while j > from
            && x - j < 4
            && (v.is_any(j - 1, &["the", "a", "an", "'s", "’s"])
                || GEO_MODS.contains(&v.low(j - 1))
                || DIRECTION_ADJECTIVES.contains(&v.low(j - 1))
                || unit_rank(v.low(j - 1)).is_some()
                || v.words[j - 1].place.is_some()
                || (!v.words[j - 1].punct
                    && !v.words[j - 1].upper
                    && !v.words[j - 1].lexical
                    && !FUNCTION.contains(&v.low(j - 1))
                    && !PREPOSITIONS.contains(&v.low(j - 1))))
        {
            j -= 1;
        }
        if j > from && (v.is_any(j - 1, LOC_PREPS) || v.is(j - 1, "of")) {
            return Some((q, x, k));
        }
    }
    None
}

/// Role nouns a place name before them modifies ("the Dravos chief of the militia").
const ROLE_NOUNS: &[&str] = &[
    "chief",
    "chiefs",
    "leader",
    "leaders",
    "commander",
    "commanders",
    "supremo",
    "head",
    "governor",
    "mayor",
    "minister",
    "spokesman",
    "spokeswoman",
    "envoy",
    "ambassador",
    "correspondent",
    "bureau",
];

/// Auxiliaries and copulas, which after a name make it a clause's subject.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "does", "did",
];

/// Nouns of what takes images, whose "capture" is a picture ("cameras captured …").
const IMAGE_TAKERS: &[&str] = &[
    "camera",
    "cameras",
    "tape",
    "tapes",
    "footage",
    "photographer",
    "photographers",
    "photograph",
    "photographs",
    "photo",
    "photos",
    "video",
    "videos",
    "documentary",
    "lens",
];

/// Linking verbs that, like [`AUXILIARIES`], open a second predicate after "and" ("and
/// became …", "and faces …").
const LINKING_VERBS: &[&str] = &["became", "becomes", "remains", "remained", "faces", "face"];

/// Capitalised heads of organisation names that take "of <place>": "the Federation of
/// Dravos", "the Bank of Ruritania", "the University of Zelvik".
const ORGANISATION_HEADS: &[&str] = &[
    "state",
    "bank",
    "university",
    "college",
    "party",
    "front",
    "council",
    "ministry",
    "church",
    "institute",
    "league",
    "movement",
    "organization",
    "organisation",
    "union",
    "federation",
    "association",
    "committee",
    "brigade",
    "brigades",
    "emirate",
    "academy",
    "company",
    "corporation",
];

/// The place starting at word `a` is part of an organisation's name: after a capitalised
/// organisation head and "of" ("the Federation of Dravos"), or coordinated with such a place
/// ("… of Dravos and the Coastlands", "… of Dravos and Kel-Amar").
fn in_organisation_name(v: &View, a: usize) -> bool {
    let mut s = a;
    // walk back over coordinated places to the first
    loop {
        let mut k = s;
        if k > 0 && v.is(k - 1, "the") {
            k -= 1;
        }
        if k >= 2 && v.is_any(k - 1, &["and", ","]) && v.words[k - 2].place.is_some() {
            let p = v.words[k - 2].place;
            let mut j = k - 2;
            while j > 0 && v.words[j - 1].place == p {
                j -= 1;
            }
            s = j;
            continue;
        }
        break;
    }
    s >= 2 && v.is(s - 1, "of") && v.words[s - 2].upper && v.is_any(s - 2, ORGANISATION_HEADS)
}

/// Lower-case nouns that name a part of a place possessed by it ("Varnholt's north-west",
/// "Dravos's tribal belt").
const POSSESSED_AREAS: &[&str] = &[
    "belt",
    "border",
    "borders",
    "borderlands",
    "frontier",
    "heartland",
    "coast",
    "coastline",
    "hinterland",
    "interior",
    "countryside",
    "streets",
    "street",
    "centre",
    "center",
    "downtown",
    "slums",
    "suburbs",
    "court",
    "outskirts",
    "waters",
    "territory",
    "airspace",
    "mountains",
    "desert",
    "valley",
    "island",
    "islands",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Nouns of an attack, whose "on" names its target: "attacks on Aleppo".
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "assault",
    "assaults",
    "offensive",
    "raid",
    "raids",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
    "bombardment",
    "shelling",
    "advance",
    "crackdown",
];

/// Verbs of movement, whose "to" names where the movement ends: "marched to the square".
const MOTION_VERBS: &[&str] = &[
    "march",
    "marched",
    "marching",
    "marches",
    "fled",
    "flee",
    "fleeing",
    "moved",
    "returned",
    "dispatched",
    "deployed",
    "sent",
    "shipped",
    "flew",
    "crossed",
    "advanced",
    "retreated",
    "withdrew",
];

/// Administrative and settlement nouns that follow the name of a place ("Talmir district").
const UNIT_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "governorate",
    "state",
    "county",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "area",
    "camp",
    "municipality",
];
/// Units below a city, whose name before "of <place>" names a part of that place ("the
/// Talmir area of Dravos"), unlike "the Breton town of Saint-Malo".
const PART_NOUNS: &[&str] = &[
    "district",
    "area",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "county",
    "camp",
    "municipality",
    "lga",
    "locality",
    "commune",
    "township",
    "subdistrict",
    "ward",
    "sector",
    "sectors",
];
/// Nouns that a country name before them makes an actor or its property ("the United States
/// embassy", "US forces'"), not a place.
const ACTOR_HEADS: &[&str] = &[
    "soldier",
    "helicopter",
    "helicopters",
    "plane",
    "planes",
    "warplane",
    "jet",
    "ship",
    "ships",
    "warship",
    "warships",
    "vessel",
    "vessels",
    "tank",
    "tanks",
    "vehicle",
    "vehicles",
    "arsenal",
    "marines",
    "personnel",
    "diplomat",
    "diplomats",
    "envoy",
    "citizen",
    "citizens",
    "nationals",
    "embassy",
    "embassies",
    "consulate",
    "forces",
    "troops",
    "soldiers",
    "military",
    "army",
    "navy",
    "base",
    "bases",
    "headquarters",
    "mission",
    "government",
    "officials",
    "ambassador",
    "warplanes",
    "jets",
    "aircraft",
    "drone",
    "drones",
    "patrol",
    "convoy",
];

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Settlements and sites whose unrecognised name before "in <place>" is where an event is
/// ("at Besko village in Dravos").
const ATTRIBUTION: &[&str] = &[
    "according",
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "correspondent",
    "reporter",
    "reporters",
];
const SETTLEMENT_NOUNS: &[&str] = &[
    "village",
    "villages",
    "hamlet",
    "hamlets",
    "towns",
    "settlements",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "settlement",
    "junction",
    "crossing",
];

/// Whether the place at `pstart..pend` (attached by the word at `pj`) only contains the
/// narrower, unrecognised place the phrase names: a capitalised name that is no place
/// followed by a unit noun before it ("in Talmir district of Varnholt"), or after it across
/// "'s" / "of" ("in Zelvik's western district of Orvena", "the Varnholt suburb of
/// eastern Osterby").
fn narrower_unknown(v: &View, pj: usize, pstart: usize, pend: usize) -> bool {
    // a place name without a determiner before it ("in Talmir district", "raided Besko
    // village"; not "the Varnholt suburb of"), which a unit noun after it makes the narrower
    // place whether or not the gazetteer knows it
    let bare_place = |k: usize| {
        let Some(p) = v.words[k].place else {
            return false;
        };
        if v.words[k].country {
            return false;
        }
        let mut a = k;
        while a > 0 && v.words[a - 1].place == Some(p) {
            a -= 1;
        }
        a > 0 && !v.is_any(a - 1, &["the", "a", "an", "'s", "s", "’s"]) && !v.words[a - 1].upper
    };
    let unknown_name = |k: usize| {
        (v.words[k].upper || joined_article(v, k))
            && !v.words[k].punct
            && v.words[k].place.is_none()
            && v.words[k].chunk.is_none_or(|c| !v.chunks[c].adjective)
            && !GEO_MODS.contains(&v.low(k))
            && !GEO_NOUNS.contains(&v.low(k))
            && calendar_word(v.low(k)).is_none()
            && (!v.low(k).contains('-') || joined_article(v, k))
            || bare_place(k)
    };
    // before: "at Kel Marra quarter in Zelvik", "at Besko village in Dravos"
    if pj >= 2
        && v.is_any(pj, &["in", "of"])
        && (v.is_any(pj - 1, PART_NOUNS) || v.is_any(pj - 1, SETTLEMENT_NOUNS))
        && unknown_name(pj - 2)
    {
        return true;
    }
    // before: "at the hamlet of Ravnik near Dravos"
    if pj >= 3
        && v.is_any(pj, &["in", "near", "outside"])
        && unknown_name(pj - 1)
        && v.is(pj - 2, "of")
        && (v.is_any(pj - 3, UNIT_NOUNS) || v.is_any(pj - 3, SETTLEMENT_NOUNS))
    {
        return true;
    }
    // a reference point: "in Osterby south of Zelvik", "60 km east of Zelvik" (not "in
    // the south of Borduria", nor "in a sweep west of Zelvik", "on a road just east of Dravos",
    // where nothing narrower is named)
    for k in pj + 1..pstart {
        if v.is(k, "of") && k >= 2 && v.is_any(k - 1, DIRECTIONS) {
            let b = k - 2;
            let b = if v.is(b, "just") && b > 0 { b - 1 } else { b };
            // "in Bir Hamad town south of", "in the hills west of": a narrower place
            let named = (v.words[b].upper && !v.words[b].punct)
                || joined_article(v, b)
                || v.is_any(b, UNIT_NOUNS)
                || v.is_any(b, SETTLEMENT_NOUNS)
                || site_at(v, b)
                || GEO_NOUNS.contains(&v.low(b));
            let distance = v.low(b).starts_with(|c: char| c.is_ascii_digit())
                || v.is_any(
                    b,
                    &[
                        ")",
                        "km",
                        "kilometers",
                        "kilometres",
                        "miles",
                        "mi",
                        "meters",
                        "metres",
                    ],
                );
            if named || distance {
                return true;
            }
        }
    }
    // before: "in Talmir district of Varnholt"
    if pj < pstart {
        for k in pj + 1..pstart.saturating_sub(1) {
            if unknown_name(k) && v.is_any(k + 1, PART_NOUNS) && v.is_any(k + 2, &["of", "in"]) {
                return true;
            }
            // "in Besko town of eastern Dravos": right after the preposition, a name before a
            // unit noun without a determiner is the narrower place ("in the Breton town of"
            // names the wider one)
            if k == pj + 1
                && unknown_name(k)
                && (v.is_any(k + 1, UNIT_NOUNS) || v.is_any(k + 1, SETTLEMENT_NOUNS))
                && v.is_any(k + 2, &["of", "in"])
            {
                return true;
            }
        }
    }
    // after: "Zelvik's Old Harbour neighbourhood", "Dravos's Besko and Ravnik neighbourhoods"
    let n = v.len();
    // ("Dravos province's hill-farming Talmir county": past a unit noun and hyphenated
    // modifiers, a name before a unit noun)
    let poss = if pend < n && v.is_any(pend, UNIT_NOUNS) {
        pend + 1
    } else {
        pend
    };
    if poss < n && v.is(poss, "'s") {
        let mut k = poss + 1;
        while k < n && k < poss + 4 {
            if v.low(k).contains('-') && !joined_article(v, k) {
                k += 1;
                continue;
            }
            if unknown_name(k)
                && (poss == pend || v.is_any(k + 1, UNIT_NOUNS) || v.is_any(k + 1, PART_NOUNS))
            {
                return true;
            }
            if v.words[k].punct || v.words[k].upper || v.words[k].lexical {
                break;
            }
            k += 1;
        }
    }
    // after: "Zelvik's western district of Orvena"
    if pend < n && (v.is(pend, "'s") || v.is_any(pend, UNIT_NOUNS)) {
        let mut k = pend + 1;
        let mut unit_of = false;
        while k < n && k < pend + 6 {
            if unit_of && unknown_name(k) {
                return true;
            }
            if v.is(k, "of") && v.is_any(k - 1, UNIT_NOUNS) {
                unit_of = true;
            }
            if !(GEO_MODS.contains(&v.low(k)) || GEO_NOUNS.contains(&v.low(k)) || v.is(k, "of")) {
                break;
            }
            k += 1;
        }
    }
    false
}

/// "seized the riverside hamlet of Kel Duvan", "shelling the farms of Besko Dol":
/// the object of the trigger is a place the gazetteer does not know, so a wider place later in
/// the sentence is not the event's.
fn object_unknown_place(v: &View, t: &Trig) -> bool {
    let last = *t.fixed.last().unwrap_or(&t.head);
    let n = v.len();
    // "overran Ravnik in rural Dravos": an unknown name right after the verb, then a
    // locative preposition
    {
        let mut k = last + 1;
        if v.is(k, "the") {
            k += 1;
        }
        let a = k;
        while k < n
            && (v.words[k].upper || joined_article(v, k))
            && !v.words[k].punct
            && v.words[k].place.is_none()
            && v.words[k].chunk.is_none()
            && !v.words[k].lexical
            && calendar_word(v.low(k)).is_none()
        {
            k += 1;
        }
        // ... a region around it named with a direction ("in eastern Dravos", "in rural
        // Zelvik"): not a person ("shot Novak in the leg", "captured Marten in Chile")
        if k > a
            && k + 2 < n
            && v.is_any(k, &["in", "near", "outside"])
            && (v.is_any(k + 1, DIRECTION_ADJECTIVES)
                || (v.is(k + 1, "the") && v.is_any(k + 2, DIRECTION_ADJECTIVES)))
        {
            return true;
        }
    }
    let mut k = t.head + 1;
    let mut unit = false;
    while k < n && k < last + 7 {
        let l = v.low(k);
        if t.fixed.contains(&k) && !UNIT_NOUNS.contains(&l) {
            k += 1;
            continue;
        }
        if v.words[k].punct || v.words[k].chunk.is_some() || v.words[k].place.is_some() {
            return false;
        }
        if UNIT_NOUNS.contains(&l) || SETTLEMENT_NOUNS.contains(&l) || PART_NOUNS.contains(&l) {
            unit = true;
        } else if l == "of" {
            break;
        } else if !(matches!(l, "the" | "a" | "an" | "key" | "strategic" | "nearby")
            || GEO_MODS.contains(&l))
        {
            return false;
        }
        k += 1;
    }
    if !unit || !v.is(k, "of") {
        return false;
    }
    k += 1;
    while k < n && (GEO_MODS.contains(&v.low(k)) || v.is(k, "the")) {
        k += 1;
    }
    k < n
        && v.words[k].upper
        && v.words[k].place.is_none()
        && v.words[k].chunk.is_none_or(|c| !v.chunks[c].adjective)
        && calendar_word(v.low(k)).is_none()
}

/// The place of trigger `ti` given the lexicon; a participle clause after a comma (", killing
/// six") without a place of its own takes the place of the event before it.
pub(crate) fn place_of(
    v: &View,
    lex: &Lexicon,
    trigs: &[Trig],
    ti: usize,
    pseudo: Option<usize>,
) -> Option<(usize, usize, usize)> {
    place_rule_of(v, lex, trigs, ti, pseudo).map(|(p, a, b, _)| (p, a, b))
}

/// [`place_of`] with the name of the rule that attached the place (for diagnostics).
pub(crate) fn place_rule_of(
    v: &View,
    lex: &Lexicon,
    trigs: &[Trig],
    ti: usize,
    pseudo: Option<usize>,
) -> Option<(usize, usize, usize, &'static str)> {
    let quads: Vec<u8> = trigs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if Some(i) == pseudo {
                0
            } else {
                lex.codes[lex.entries[t.code_entry].code].quad_class
            }
        })
        .collect();
    let facts = |i: usize| -> Facts {
        if Some(i) == pseudo {
            return Facts {
                noun: false,
                quad: 0,
                visit: false,
                protest: false,
            };
        }
        let e = &lex.entries[trigs[i].entry];
        let code = &lex.codes[lex.entries[trigs[i].code_entry].code].code;
        Facts {
            noun: e.noun,
            quad: quads[i],
            visit: code.starts_with("042") || code.starts_with("032"),
            protest: code.starts_with("14"),
        }
    };
    let f = facts(ti);
    let (noun, quad) = (f.noun, f.quad);
    let t = &trigs[ti];
    if !noun && object_unknown_place(v, t) {
        return None;
    }
    if !noun && no_event_sense(v, t) {
        return None;
    }
    let own = event_place_in(v, trigs, ti, f, &quads);
    if own.is_none()
        && !noun
        && matches!(quad, 0 | 4)
        && let Some((p, a, b)) = passive_subject_place(v, t)
    {
        return Some((p, a, b, "passive-subject"));
    }
    if own.is_none()
        && ti > 0
        && t.head > 0
        && v.is(t.head - 1, ",")
        && v.low(t.head).ends_with("ing")
        && !names_unknown_place(v, t.head + 1, clause_end(v, t.head))
        && !unknown_locative(v, t.head + 1, clause_end(v, t.head), true)
        // "…, targeting the Army-controlled Rashidiyah District": a place of its own, even one
        // no rule attached, is not the place of the event before
        && !(t.head + 1..participle_end(v, t.head)).any(|k| v.words[k].place.is_some())
        // "…, stressing that …", "…, calling for …": a statement does not take the place of
        // the act before it
        && matches!(quad, 0 | 2 | 4)
        && !v.is_any(t.head, SAYING_PARTICIPLES)
        // "pushed into the hills near Dravos, shelling the farms of …": an
        // aimed participle's object is a place of its own, named or not, inside the wider one
        && !v.is_any(t.head, AIMED_PARTICIPLES)
    {
        return event_place_in(v, trigs, ti - 1, facts(ti - 1), &quads)
            .map(|(p, a, b, _)| (p, a, b, "participle-inherit"));
    }
    // "…, injuring four guards and badly burning two": a participle joined by "and" to
    // one that took the place of the event before shares it
    if own.is_none() && ti > 0 && v.low(t.head).ends_with("ing") && !noun {
        let mut k = t.head;
        while k > 0 && v.low(k - 1).ends_with("ly") {
            k -= 1;
        }
        let prev = &trigs[ti - 1];
        if k > 0
            && v.is(k - 1, "and")
            && prev.end < k
            && v.low(prev.head).ends_with("ing")
            && !(prev.end..k - 1).any(|x| v.words[x].punct || v.words[x].place.is_some())
            && !v.is_any(t.head, SAYING_PARTICIPLES)
            && !v.is_any(t.head, AIMED_PARTICIPLES)
            && matches!(quad, 0 | 2 | 4)
            && let Some((p, a, b, "participle-inherit")) =
                place_rule_of(v, lex, trigs, ti - 1, pseudo)
        {
            return Some((p, a, b, "participle-inherit"));
        }
    }
    own
}

/// Participles of saying, whose clause reports and does not act: ", warning that …".
const SAYING_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "warning",
    "stressing",
    "noting",
    "calling",
    "urging",
    "claiming",
    "citing",
    "insisting",
    "arguing",
    "vowing",
    "accusing",
    "describing",
    "demanding",
    "pointing",
    "explaining",
    "announcing",
    "denying",
    "asking",
];

/// Participles whose object is what they aim at, often a site: ", targeting the villages of …".
const AIMED_PARTICIPLES: &[&str] = &[
    "targeting",
    "targetting",
    "hitting",
    "striking",
    "attacking",
    "shelling",
    "bombing",
    "bombarding",
    "raiding",
    "storming",
    "besieging",
    "capturing",
    "seizing",
    "overrunning",
];

/// Prizes and votes: "captured his first medal", "captured a third of all votes".
const PRIZES: &[&str] = &[
    "title",
    "titles",
    "medal",
    "medals",
    "gold",
    "silver",
    "bronze",
    "crown",
    "championship",
    "trophy",
    "vote",
    "votes",
    "wickets",
    "hat-trick",
    "pulitzer",
    "prize",
    "award",
    "attention",
    "heart",
    "hearts",
    "imagination",
    "mood",
    "image",
    "images",
    "camera",
    "film",
    "location",
];

/// Nouns for films, whose shooting is no shooting: "the film was shot in Morocco".
const FILMS: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "scenes",
    "episodes",
    "series",
    "documentary",
    "video",
];

/// The verb is not used in the sense of a political event, so it has no event place: a prize,
/// the vote, attention or an image as its object ("The skater captured his second medal in
/// Calgary", "captured the hearts of the jury", "captured on camera"), "demonstrate" with an
/// object ("the study demonstrated that …"), or a film shot.
fn no_event_sense(v: &View, t: &Trig) -> bool {
    let n = v.len();
    let prize = (t.head + 1..(t.head + 6).min(n))
        .take_while(|&k| {
            !v.words[k].punct && !v.is_any(k, LOC_PREPS) && !v.is_any(k, &["of", "to", "by"])
        })
        .any(|k| v.is_any(k, PRIZES));
    let demonstrate = v.low(t.head).starts_with("demonstrat")
        && v.is_any(
            t.head + 1,
            &[
                "that", "how", "what", "why", "the", "a", "an", "its", "his", "her", "their",
                "this",
            ],
        );
    // "the series will be shot in Portugal", "the last six episodes were filmed in Oslo"
    let verb = v.low(t.head);
    let film = matches!(verb, "shot" | "filmed" | "shooting" | "shoot")
        && (t.head.saturating_sub(10)..t.head).any(|k| {
            // the film is the subject ("the episodes that are to be shot"), not a modifier
            // ("a documentary maker was shot")
            v.is_any(k, FILMS)
                && v.is_any(
                    k + 1,
                    &[
                        "was", "were", "is", "are", "will", "would", "had", "has", "have", "that",
                        "which", "to", "be", "being",
                    ],
                )
        });
    // "rents shot up sharply", "the minister shot back": a rise, a retort
    let rise = matches!(verb, "shot" | "shoots" | "shoot" | "shooting")
        && v.is_any(t.head + 1, &["up", "past", "back"])
        && !v.is_any(
            t.head + 2,
            &[
                "the", "a", "an", "his", "her", "their", "its", "two", "three", "several",
            ],
        );
    // "shot to fame", "shot to international stardom": a rise
    let fame = matches!(verb, "shot" | "shoots" | "shoot")
        && v.is(t.head + 1, "to")
        && (t.head + 2..(t.head + 4).min(n)).any(|k| {
            v.is_any(
                k,
                &[
                    "fame",
                    "stardom",
                    "prominence",
                    "celebrity",
                    "notoriety",
                    "popularity",
                ],
            )
        });
    // "television cameras captured the prince holding …", "a film crew captures footage":
    // an image is taken
    let image = v.low(t.head).starts_with("captur")
        && (t.head.saturating_sub(8)..t.head)
            .take_while(|&k| !v.is_any(k, &[";", ":"]))
            .any(|k| v.is_any(k, IMAGE_TAKERS))
        || v.low(t.head).starts_with("captur")
            && v.is_any(
                t.head + 1,
                &[
                    "footage",
                    "magnificence",
                    "spirit",
                    "essence",
                    "moment",
                    "mood",
                ],
            );
    prize || demonstrate || film || rise || fame || image
}

/// Whether the place attached at `pj` in the sentence's opening phrase belongs to a clause of
/// its own there: the phrase opens with a subordinator ("While the envoy toured a clinic in
/// Dravos, …", "When the fair in Zelvik closed early, …") or a relative pronoun or infinitive
/// comes before the place ("To protect owls that nest in the Kel forest, …").
fn opening_clause(v: &View, pj: usize) -> bool {
    let first = (0..pj).find(|&x| !v.words[x].punct);
    first.is_some_and(|x| {
        v.is_any(
            x,
            &[
                "as", "after", "before", "while", "when", "since", "although", "though", "because",
                "if", "once", "until", "whereas",
            ],
        )
    }) || (0..pj).any(|x| v.is_any(x, &["that", "who", "which", "whose", "where"]))
}

/// One past the last word of the participle clause opening at `head` (", targeting the Coastal
/// Guard Brigade (CGB) run villages of …"): up to the next comma, semicolon or subordinator,
/// reading through a parenthesis.
fn participle_end(v: &View, head: usize) -> usize {
    let mut k = head + 1;
    let mut depth = 0usize;
    while k < v.len() {
        if v.is(k, "(") {
            depth += 1;
        } else if v.is(k, ")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && (v.is_any(k, &[",", ";", ":", "—", "–"]) || starts_clause(v, k))
        {
            break;
        }
        k += 1;
    }
    k
}

/// "Zelvik was taken by rebel units", "The capital, Dravos, is guarded by …": the
/// place that is the subject of a passive material verb is where the event happened. The place
/// opens its clause (after at most a determiner, geographic words and an apposition comma).
fn passive_subject_place(v: &View, t: &Trig) -> Option<(usize, usize, usize)> {
    // a participle ("is denying" is no passive); a verb whose patient is as often a person
    // ("Marino was shot", "Arad was captured") names a place only when a country is its subject
    let verb = v.low(t.head);
    if verb.ends_with("ing") {
        return None;
    }
    let personal = PERSON_PATIENT.contains(&verb);
    let mut j = t.head;
    let mut be = false;
    let mut steps = 0;
    while j > 0 && steps < 5 {
        j -= 1;
        steps += 1;
        let l = v.low(j);
        if matches!(l, "was" | "were" | "is" | "are" | "been" | "being") {
            be = true;
            continue;
        }
        if be && matches!(l, "has" | "have" | "had") {
            continue;
        }
        if !be && (l.ends_with("ly") || matches!(l, "also" | "reportedly" | "later")) {
            continue;
        }
        break;
    }
    if !be || j + 1 > t.head {
        return None;
    }
    // "The capital, Dravos, is guarded"
    let mut e = j;
    if v.is(e, ",") && e > 0 {
        e -= 1;
    }
    let p = v.words[e].place?;
    let mut a = e;
    while a > 0 && v.words[a - 1].place == Some(p) {
        a -= 1;
    }
    if personal && !v.words[a].country {
        return None;
    }
    let start = clause_start(v, a);
    let lead_ok = (start..a).all(|k| {
        v.is_any(k, &["the", ","]) || GEO_MODS.contains(&v.low(k)) || GEO_NOUNS.contains(&v.low(k))
    });
    lead_ok.then_some((p, a, e + 1))
}

/// Directions as adjectives, and "rural", before a region's name ("in eastern Aleppo").
const DIRECTION_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "rural",
];

/// Participles whose passive subject is as often a person as a place.
const PERSON_PATIENT: &[&str] = &[
    "shot",
    "killed",
    "wounded",
    "injured",
    "arrested",
    "detained",
    "kidnapped",
    "abducted",
    "stabbed",
    "beaten",
    "executed",
    "hanged",
    "murdered",
    "tortured",
    "released",
    "freed",
    "captured",
    "seized",
    "taken",
    "held",
    "run",
    "hit",
    "struck",
    "attacked",
    "targeted",
    "denied",
];

/// Words `from..to` name a place the gazetteer does not know: a capitalised name that is no
/// known place, actor or date ("shelling the Tarvo Heights area", "near the Kellan
/// crossing"), so a wider place from elsewhere in the sentence is not this event's.
fn names_unknown_place(v: &View, from: usize, to: usize) -> bool {
    (from..to.min(v.len())).any(|k| {
        let w = &v.words[k];
        w.upper
            && !w.punct
            && w.place.is_none()
            && w.chunk.is_none()
            && !w.lexical
            && calendar_word(v.low(k)).is_none()
            && !GEO_MODS.contains(&v.low(k))
            && !GEO_NOUNS.contains(&v.low(k))
            && (k == 0 || !v.is_any(k - 1, &["by", "with", "from"]))
    })
}

/// Words `from..to` hold a locative phrase naming a place the gazetteer does not know: "near
/// Bir Sahra", "in the Kellan Fields", "at Besko village", "in Talmir area", "at the little
/// Lesna Museum", "in the hamlet of el-Dorra".
/// With `chunks`, names the entity stage tagged count too ("at the Kel Duvan oil fields");
/// without, only when a site or unit noun heads them ("near the Saint Brannoc Hospital").
fn unknown_locative(v: &View, from: usize, to: usize, chunks: bool) -> bool {
    let to = to.min(v.len());
    let name = |k: usize| {
        let w = &v.words[k];
        (w.upper || joined_article(v, k))
            && !w.punct
            && w.place.is_none()
            && !w.lexical
            && calendar_word(v.low(k)).is_none()
            && !GEO_MODS.contains(&v.low(k))
            && !GEO_NOUNS.contains(&v.low(k))
    };
    // "al-Wafa", "el-Ain": an Arabic article opens the name
    let article = |k: usize| {
        k + 2 < v.len()
            && ARTICLES.contains(&v.low(k))
            && v.low(k + 1).starts_with('-')
            && (v.low(k + 1).len() > 1 || name(k + 2))
    };
    let unit = |k: usize| {
        k < v.len()
            && (v.is_any(k, UNIT_NOUNS)
                || v.is_any(k, SETTLEMENT_NOUNS)
                || v.is_any(k, PART_NOUNS)
                || site_at(v, k))
    };
    let mut k = from;
    while k < to {
        let starts = (name(k) || article(k))
            && !(k > from && (name(k - 1) || article(k - 1) || v.low(k - 1) == "-"));
        if !starts {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < to
            && (name(e)
                || v.low(e).starts_with('-')
                || ARTICLES.contains(&v.low(e))
                || (e > k && v.words[e].upper && site_at(v, e)))
        {
            e += 1;
        }
        // a name the entity stage tagged is a place only when a site or unit noun heads it
        // ("the Saint Brannoc Hospital", "Dun Aros district")
        let tagged = (k..e).any(|x| v.words[x].chunk.is_some());
        // a nationality ("the Kurdish district", "the Israeli Embassy") names no place, nor a
        // coded group whose name ends in a unit noun ("Islamic State militants in Baghdad")
        if v.words[k].chunk.is_some_and(|c| v.chunks[c].adjective)
            || (k..e.min(v.len()))
                .any(|x| v.words[x].chunk.is_some_and(|c| v.chunks[c].coded_group))
                && (e >= v.len() || v.words[e].chunk.is_some_and(|c| v.chunks[c].coded_group))
        {
            k = e.max(k + 1);
            continue;
        }
        let headed = unit(e) || (e > k && unit(e - 1));
        // "the city of Bir Sahra": after a unit noun and "of" a name is a place's, whatever
        // the entity stage took it for
        let unit_of = k >= 2 && v.is(k - 1, "of") && unit(k - 2);
        if !(k..e).any(|x| name(x) || ARTICLES.contains(&v.low(x)))
            || (tagged && !chunks && !headed && !unit_of)
        {
            k = e.max(k + 1);
            continue;
        }
        if unit(e) {
            return true;
        }
        // a name before a common noun names no place: "outside the Moldovan consulate"
        if e < v.len()
            && !headed
            && !v.words[e].punct
            && !v.words[e].upper
            && !PREPOSITIONS.contains(&v.low(e))
            && !LOC_PREPS.contains(&v.low(e))
            && !DIRECTIONS.contains(&v.low(e))
            && !v.is_any(e, &["and", "or", "of"])
        {
            k = e.max(k + 1);
            continue;
        }
        let mut j = k;
        let mut steps = 0;
        while j > from && steps < 4 {
            j -= 1;
            steps += 1;
            let l = v.low(j);
            if LOC_PREPS.contains(&l) || (l == "of" && j > 0 && unit(j - 1)) {
                return true;
            }
            // "at the famous Lesna Museum": one adjective right after the determiner
            let adjective = j + 1 == k
                && j > 0
                && v.is_any(j - 1, &["the", "a", "an"])
                && !v.words[j].punct
                && !v.words[j].upper
                && !v.words[j].lexical
                && !PREPOSITIONS.contains(&l)
                && !SUBORDINATORS.contains(&l)
                && !BE.contains(&l)
                && !REPORT_VERBS.contains(&l)
                && !FUNCTION.contains(&l)
                && l.chars().all(|c| c.is_alphabetic() || c == '-');
            if !(matches!(l, "the" | "a" | "an") || GEO_MODS.contains(&l) || unit(j) || adjective) {
                break;
            }
        }
        k = e.max(k + 1);
    }
    false
}

/// Word `k` is a transliterated name joined to its article ("al-Qasra", "el-Ain"), which its
/// lower-case first letter hides from the capitalisation tests.
fn joined_article(v: &View, k: usize) -> bool {
    v.low(k).split_once('-').is_some_and(|(a, rest)| {
        ARTICLES.contains(&a) && rest.len() >= 2 && rest.chars().all(|c| c.is_alphabetic())
    })
}

/// Arabic articles that open a place name in transliteration ("al-Bab", "el-Ain").
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es",
];

/// Sites and landmarks whose name marks a narrower place than a city or region around it ("the
/// Saint Brannoc Hospital in Zelvik", "Harbour Square in Dravos", "the Orla valley"): the
/// [`BUILT_SITES`] and these open-country ones.
const OPEN_SITES: &[&str] = &[
    "farms",
    "hill",
    "hills",
    "mountain",
    "mountains",
    "island",
    "highway",
    "plains",
    "plateau",
    "fields",
    "colony",
    "township",
    "valley",
    "gorge",
];

/// Whether `w` (lower case) is a site noun: built ([`BUILT_SITES`]) or open ([`OPEN_SITES`]).
fn is_site_noun(w: &str) -> bool {
    BUILT_SITES.contains(&w) || OPEN_SITES.contains(&w)
}

/// Whether word `i` of the sentence is a site noun (false past its end).
fn site_at(v: &View, i: usize) -> bool {
    i < v.len() && is_site_noun(v.low(i))
}

/// One past the last place of a comma list that a conjunction closes, starting after the place
/// ending at `b`: "in Ankara, Bursa and Izmir", "in Rome, Milan, and Turin" (not the apposition
/// "in Peshawar, Pakistan", which no "and" closes); `b` when there is none.
fn comma_list_end(v: &View, b: usize) -> usize {
    let n = v.len();
    let mut k = b;
    let mut commas = 0;
    loop {
        if k >= n || !v.is(k, ",") {
            break;
        }
        let mut x = k + 1;
        if v.is_any(x, &["and", "or"]) {
            x += 1;
        }
        if x >= n || v.words[x].place.is_none() {
            break;
        }
        let p = v.words[x].place;
        while x < n && v.words[x].place == p {
            x += 1;
        }
        commas += 1;
        if v.is_any(k + 1, &["and", "or"]) {
            return x;
        }
        k = x;
    }
    // "A, B and C": the last item follows a conjunction without a comma
    if commas > 0
        && k < n
        && v.is_any(k, &["and", "or"])
        && v.words.get(k + 1).is_some_and(|w| w.place.is_some())
    {
        return k;
    }
    b
}

/// One past the last word of the places coordinated with the place ending at `b`: "in
/// Zelvik and Dravos", "in Zelvik and in the nearby port of Besko".
pub(crate) fn extend_coordinated(v: &View, b: usize) -> usize {
    let mut end = comma_list_end(v, b);
    loop {
        let mut k = end;
        let mut sep = false;
        while k < v.len() && k < end + 7 {
            // "X and Y", "X or Y" (a comma alone is as often an apposition: "Peshawar,
            // Pakistan")
            if v.is_any(k, &["and", "or", "&"]) {
                sep = true;
            } else if !(sep
                && (GEO_MODS.contains(&v.low(k))
                    || GEO_NOUNS.contains(&v.low(k))
                    || LOC_PREPS.contains(&v.low(k))
                    || v.words[k].chunk.is_some_and(|c| v.chunks[c].adjective)))
            {
                break;
            }
            k += 1;
        }
        if !sep || k >= v.len() || v.words[k].place.is_none() {
            return end;
        }
        let p = v.words[k].place;
        while k < v.len() && v.words[k].place == p {
            k += 1;
        }
        end = k;
    }
}
