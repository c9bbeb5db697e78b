//! Floor test for the geo evaluation: the figures must not fall below what was measured when
//! the stage was written (see BENCHMARKS.md). Skips when the data is absent.

use dateline_eval::dataset;
use dateline_eval::geo::{read_gwn, read_lgl, score};
use dateline_geo::Gazetteer;

#[test]
fn geo_floor() {
    let gaz = Gazetteer::load();
    if let Some(dir) = dataset("lgl") {
        let s = score(&read_lgl(&dir, &gaz).unwrap(), &gaz, false);
        assert!(s.gold > 4000, "LGL gold toponyms: {}", s.gold);
        assert!(s.found_pct() >= 60.0, "LGL found {:.1}", s.found_pct());
        assert!(
            s.acc161_found() >= 83.5,
            "LGL acc@161 {:.1}",
            s.acc161_found()
        );
        assert!(s.exact_pct() >= 79.5, "LGL exact {:.1}", s.exact_pct());
        assert!(s.precision() >= 88.0, "LGL precision {:.1}", s.precision());
    }
    if let Some(dir) = dataset("geowebnews") {
        let s = score(&read_gwn(&dir).unwrap(), &gaz, false);
        assert!(s.gold > 2500, "GeoWebNews gold toponyms: {}", s.gold);
        assert!(s.found_pct() >= 55.0, "GWN found {:.1}", s.found_pct());
        assert!(
            s.acc161_found() >= 93.5,
            "GWN acc@161 {:.1}",
            s.acc161_found()
        );
        assert!(s.exact_pct() >= 88.5, "GWN exact {:.1}", s.exact_pct());
        assert!(s.precision() >= 93.0, "GWN precision {:.1}", s.precision());
    }
}
