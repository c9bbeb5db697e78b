//! Floors for the quotes stage: the PolNeAR dev figures (skipped when the data is absent) and
//! the worked example in shared/examples (skipped when absent).

use dateline_eval::dataset;
use dateline_pipeline::Pipeline;

#[test]
fn polnear_dev_floor() {
    let Some(root) = dataset("polnear") else {
        return;
    };
    let dev = root.join("data").join("dev");
    if !dev.is_dir() {
        println!("notice: {} not found — skipping", dev.display());
        return;
    }
    let f = dateline_eval::quotes::evaluate(&Pipeline::new(), &dev, 0).expect("evaluation runs");
    println!(
        "dev recall {:.3}, speaker {:.3}, precision {:.3}",
        f.recall(),
        f.speaker_accuracy(),
        f.precision()
    );
    assert!(f.gold_direct > 500, "the dev split has its direct quotes");
    assert!(f.recall() >= 0.95, "direct-quote recall {:.3}", f.recall());
    assert!(
        f.speaker_accuracy() >= 0.90,
        "speaker accuracy {:.3}",
        f.speaker_accuracy()
    );
    assert!(
        f.precision() >= 0.94,
        "quote precision {:.3}",
        f.precision()
    );
}

#[test]
fn lausanne_example_quotes() {
    let Some(doc) = dateline_eval::lausanne() else {
        return;
    };
    let quotes: Vec<(String, String, String)> = doc
        .quotes
        .iter()
        .map(|q| {
            (
                doc.slice(q.span).to_string(),
                format!("{:?}", q.kind),
                q.speaker_name.clone().unwrap_or_default(),
            )
        })
        .collect();
    let find = |start: &str| {
        quotes
            .iter()
            .find(|(t, k, _)| t.starts_with(start) && k != "Indirect")
            .unwrap_or_else(|| panic!("no quote {start:?} in {quotes:#?}"))
    };
    let q = find("constructive");
    assert_eq!(
        (q.1.as_str(), q.2.ends_with("Kerry")),
        ("Partial", true),
        "{q:?}"
    );
    let q = find("interesting ideas");
    assert_eq!(
        (q.1.as_str(), q.2.ends_with("Lavrov")),
        ("Partial", true),
        "{q:?}"
    );
    for start in [
        "I think Lavrov and Kerry",
        "They came to the table again",
        "The UK and France have been discussing",
        "We know France has been pushing",
    ] {
        let q = find(start);
        assert!(q.2.ends_with("Bays"), "{q:?}");
    }
    assert!(
        find("They came to the table again")
            .0
            .contains("No breakthrough")
    );
    let q = find("talk about some wider issues");
    assert!(q.2.ends_with("Bays"), "{q:?}");
    let q = find("This will allow the sick");
    assert_eq!(q.2, "Save the Children");
    assert!(
        quotes
            .iter()
            .all(|(t, k, _)| t != "moderate" || k == "Indirect"),
        "scare quote: {quotes:#?}"
    );
}
