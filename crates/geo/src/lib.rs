//! The embedded GeoNames gazetteer and toponym resolution.

/// The gazetteer, loaded once and shared read-only across threads.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        Gazetteer {}
    }
}
