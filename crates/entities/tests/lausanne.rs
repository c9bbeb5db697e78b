//! The worked example in ../shared/examples: every person and organisation with its actor code.
//! Read at test time; skipped when the shared folder is absent.

mod common;
use common::*;
use dateline_doc::EntityKind;
use std::path::Path;

fn example() -> Option<String> {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/lausanne-talks.txt");
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(_) => {
            println!("notice: {} not found — skipping", p.display());
            None
        }
    }
}

#[test]
fn lausanne_people_and_organisations() {
    let Some(text) = example() else { return };
    let paras: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let d = run(&paras, Some("2016-10-15"));
    println!("{}", dump(&d));
    let people = [
        ("John Kerry", "USAGOV"),
        ("Sergey Lavrov", "RUSGOV"),
        ("Vitaly Churkin", "RUSGOV"),
        ("Staffan de Mistura", "IGOUNO"),
        ("Mohammad Javad Zarif", "IRNGOV"),
        ("James Bays", "MED"),
        ("Obama", "USAGOV"),
    ];
    for (name, c) in people {
        let e = find(&d, EntityKind::Person, name).unwrap_or_else(|| panic!("no person {name}"));
        assert_eq!(code(e), Some(c), "{name}");
    }
    let orgs = [
        ("United Nations", "IGOUNO"),
        ("Syrian Observatory for Human Rights", "NGOHRI"),
        ("Save the Children", "NGODEV"),
        ("Al Jazeera", "MED"),
    ];
    for (name, c) in orgs {
        let e = find(&d, EntityKind::Organization, name).unwrap_or_else(|| panic!("no org {name}"));
        assert_eq!(code(e), Some(c), "{name}");
    }
    // one entity, many mentions
    let kerry = find(&d, EntityKind::Person, "John Kerry").unwrap();
    assert!(kerry.mentions.len() >= 5, "{:?}", kerry.mentions);
    let lavrov = find(&d, EntityKind::Person, "Sergey Lavrov").unwrap();
    assert!(lavrov.mentions.len() >= 3);
    let bays = find(&d, EntityKind::Person, "James Bays").unwrap();
    assert!(
        bays.mentions
            .iter()
            .any(|m| d.slice(*m) == "our correspondent")
    );
    assert!(bays.mentions.iter().any(|m| d.slice(*m) == "Bays"));
    let un = find(&d, EntityKind::Organization, "United Nations").unwrap();
    assert!(un.mentions.iter().any(|m| d.slice(*m) == "UN"));
    let sohr = find(
        &d,
        EntityKind::Organization,
        "Syrian Observatory for Human Rights",
    )
    .unwrap();
    assert!(
        sohr.mentions
            .iter()
            .any(|m| d.slice(*m) == "Syrian Observatory")
    );
    assert!(sohr.mentions.len() >= 2);
    assert!(
        !d.entities.iter().any(|e| e.name == "Human Rights"),
        "{}",
        dump(&d)
    );
    // countries and nationalities
    for (name, c) in [
        ("Russia", "RUS"),
        ("United States", "USA"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
    ] {
        let e = find(&d, EntityKind::Country, name).unwrap_or_else(|| panic!("no country {name}"));
        assert_eq!(code(e), Some(c));
    }
    for n in ["Swiss", "European", "Russian", "Syrian"] {
        assert!(
            d.entities.iter().any(|e| e.kind == EntityKind::Nationality
                && e.mentions.iter().any(|m| d.slice(*m) == n)),
            "nationality {n}"
        );
    }
    // "French officials": the demonym belongs to the group's actor code
    let fr = d
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Group && code(e) == Some("FRAGOV"));
    assert!(fr.is_some());
    // nothing that is a place is a person or organisation
    for e in &d.entities {
        if matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
            for m in &e.mentions {
                let s = d.slice(*m);
                assert!(
                    !["Lausanne", "Aleppo", "London", "Lake Geneva", "Moscow"].contains(&s),
                    "{s} as {:?}",
                    e.kind
                );
            }
        }
    }
}
