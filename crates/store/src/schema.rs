//! The SQLite schema, as an ordered list of migrations. `PRAGMA user_version` records how many
//! have been applied; opening a store applies the rest, each in its own transaction. Never edit
//! a migration that has shipped: append a new one.

/// The statement that counts every stored event into `event_facets` (migration 5 and
/// `facets::rebuild`): a macro, so the migration's text is one literal.
macro_rules! facets_fill {
    () => {
        "INSERT INTO event_facets (month, root, quad_class, status, plover_type, place_country, n)
         SELECT substr(date_start, 1, 7), root, quad_class, status, plover_type, place_country,
                count(*)
         FROM events GROUP BY 1, 2, 3, 4, 5, 6;"
    };
}

/// The statement that counts every stored event into `event_facets` with its confidence band
/// (migration 6 on, and `facets::rebuild`): `facets_fill!` of migration 5 plus the band,
/// `floor(confidence × 10)` (NULL without a confidence).
macro_rules! facets_fill_banded {
    () => {
        "INSERT INTO event_facets (month, root, quad_class, status, plover_type, place_country,
                                   conf_band, n)
         SELECT substr(date_start, 1, 7), root, quad_class, status, plover_type, place_country,
                CAST(confidence * 10 AS INTEGER), count(*)
         FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;"
    };
}
pub(crate) use facets_fill_banded;

pub const MIGRATIONS: &[&str] = &[
    // 1: articles (with the full record), events and their actors, casualty counts, full-text
    // search. Entities, places and quotes live in each article's record; tables for them can
    // come in a later migration when a query needs them.
    r#"
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL,            -- article.id in dateline/1
    key            TEXT NOT NULL UNIQUE,     -- 'url:' canonical URL, else 'text:' content hash
    url            TEXT,
    content_hash   TEXT NOT NULL,
    source         TEXT,
    title          TEXT,
    published      TEXT,
    language       TEXT,
    text           TEXT NOT NULL,
    record         TEXT NOT NULL,            -- the dateline/1 JSON, article.text left out
    ingested_at    TEXT                      -- UTC time of the batch that stored it
);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX articles_doc_id ON articles(doc_id);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,           -- 'v1' within the article
    sentence        INTEGER,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    evidence        TEXT,                    -- the sentence the event was read from
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    trigger_text    TEXT,
    cameo           TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad_class      INTEGER,
    goldstein       REAL,
    plover_type     TEXT,
    plover_mode     TEXT,
    status          TEXT NOT NULL,
    confidence      REAL,
    source_code     TEXT,                    -- first source actor; all in event_actors
    source_country  TEXT,
    target_code     TEXT,
    target_country  TEXT,
    date_value      TEXT,
    date_precision  TEXT,
    date_basis      TEXT,
    date_start      TEXT,                    -- first day the date value covers
    date_end        TEXT,                    -- last day
    place_name      TEXT,
    geonameid       INTEGER,
    place_country   TEXT,                    -- ISO 3166-1 alpha-2
    admin1          TEXT,
    lat             REAL,
    lon             REAL,
    place_basis     TEXT,
    UNIQUE (article_id, event_id)
);
CREATE INDEX events_root_date ON events(root, date_start);
CREATE INDEX events_quad_date ON events(quad_class, date_start);
CREATE INDEX events_status_date ON events(status, date_start);
CREATE INDEX events_plover_date ON events(plover_type, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_place_date ON events(place_country, date_start);
CREATE INDEX events_admin1_date ON events(admin1 COLLATE NOCASE, date_start);
CREATE INDEX events_latlon ON events(lat, lon);

CREATE TABLE event_actors (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role       TEXT NOT NULL,                -- 'source' | 'target'
    code       TEXT,
    country    TEXT,
    name       TEXT,
    entity_id  TEXT,
    start      INTEGER,
    end        INTEGER
);
CREATE INDEX event_actors_code ON event_actors(code, event_id);
CREATE INDEX event_actors_country ON event_actors(country, event_id);
CREATE INDEX event_actors_event ON event_actors(event_id, code, country);

CREATE TABLE casualties (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    casualty_id TEXT NOT NULL,
    event_id    TEXT,                        -- 'v5' within the same article
    kind        TEXT,
    min         INTEGER,
    max         INTEGER,
    approx      INTEGER,
    grp         TEXT,
    part_of     TEXT,
    text        TEXT,
    start       INTEGER,
    end         INTEGER,
    place_id    TEXT,
    date_value  TEXT,
    PRIMARY KEY (article_id, casualty_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"#,
    // 2: deduplication (docs/dedup.md). Each event mention gets the stable id of its cluster
    // (one real-world event) and the day interval the clustering rule reads (`cl_start`,
    // `cl_end`: day numbers since 1970-01-01, from the event's date, else the article's
    // publication date); `clusters` holds each cluster's summary and GDELT-like counts.
    // Articles get a MinHash fingerprint, its LSH band keys, and a link to the earlier near
    // duplicate they copy. Rows stored before this migration are filled in by
    // `Store::open` (`dedup::backfill`) in the same transaction.
    r#"
ALTER TABLE events ADD COLUMN cluster TEXT;
ALTER TABLE events ADD COLUMN cl_start INTEGER;
ALTER TABLE events ADD COLUMN cl_end INTEGER;
CREATE INDEX events_cluster ON events(cluster, id);
CREATE INDEX events_root_clday ON events(root, cl_start);

CREATE TABLE clusters (
    id             TEXT PRIMARY KEY,         -- 'ev' + 16 hex digits (dateline_dedup::cluster_id)
    first_event    INTEGER NOT NULL,         -- events.id of the founding mention
    root           TEXT NOT NULL,            -- CAMEO root of the founding mention
    cameo          TEXT,
    status         TEXT,
    date_start     TEXT,                     -- first and last day of the members' intervals
    date_end       TEXT,
    place_name     TEXT,                     -- the most precisely placed member's place
    geonameid      INTEGER,
    place_country  TEXT,
    admin1         TEXT,
    lat            REAL,
    lon            REAL,
    mentions       INTEGER NOT NULL,         -- event mentions
    articles       INTEGER NOT NULL,         -- distinct articles
    sources        INTEGER NOT NULL          -- distinct non-null article sources
);
CREATE INDEX clusters_root_date ON clusters(root, date_start);

CREATE TABLE fingerprints (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    print       BLOB NOT NULL                -- dateline_dedup::Fingerprint::to_bytes
);
CREATE TABLE fingerprint_bands (
    band        INTEGER NOT NULL,            -- LSH band key (u64 stored as i64)
    article_id  INTEGER NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE TABLE duplicates (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    of_article  INTEGER NOT NULL,            -- the most similar earlier article
    root        INTEGER NOT NULL,            -- the earliest article of the duplicate group
    similarity  REAL NOT NULL                -- estimated Jaccard similarity with of_article
);
CREATE INDEX duplicates_of ON duplicates(of_article);
"#,
    // 3: the event place's feature (`city`, `admin1`, `country`, ...), which the clustering
    // rule reads: a country or region is no point. Deduplication is decided again from the
    // start for every stored row (`dedup::backfill`, in the same transaction).
    r#"
ALTER TABLE events ADD COLUMN place_feature TEXT;
DELETE FROM clusters;
DELETE FROM duplicates;
DELETE FROM fingerprints;
DELETE FROM fingerprint_bands;
UPDATE events SET cluster = NULL;
"#,
    // 4: an index on the CAMEO code, for filters on a rare code (`043`), which the root index
    // could only find by reading every event of the root. `IF NOT EXISTS`: a database taken
    // back to an earlier version by hand keeps its index.
    r#"
CREATE INDEX IF NOT EXISTS events_cameo_date ON events(cameo, date_start);
"#,
    // 5: facet counts (`facets.rs`): events per month of `date_start` (NULL: undated) and
    // combination of the low-cardinality columns the filters test, kept by the writer, so
    // the planner can tell that common conditions match nothing together, and which months
    // they match in, without reading events; counts of such filters are read from it. Made
    // anew (`DROP ... IF EXISTS`): a store taken back to an earlier version by hand is
    // counted again.
    concat!(
        "
DROP TABLE IF EXISTS event_facets;
CREATE TABLE event_facets (
    month          TEXT,                     -- substr(date_start, 1, 7)
    root           TEXT NOT NULL,
    quad_class     INTEGER,
    status         TEXT NOT NULL,
    plover_type    TEXT,
    place_country  TEXT,
    n              INTEGER NOT NULL          -- events of this combination
);
CREATE INDEX event_facets_key
    ON event_facets(root, status, plover_type, place_country, quad_class, month);
",
        facets_fill!()
    ),
    // 6: confidence. An index, for a least confidence that few events reach
    // (`--min-confidence 0.9`): they are collected from it instead of read row by row. And
    // the facet counts by confidence band too, so the planner knows without reading events
    // that common conditions never reach a least confidence together (`--root 07
    // --min-confidence 0.6`). The facet table is made anew, as in migration 5.
    concat!(
        "
CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence);
DROP TABLE IF EXISTS event_facets;
CREATE TABLE event_facets (
    month          TEXT,                     -- substr(date_start, 1, 7)
    root           TEXT NOT NULL,
    quad_class     INTEGER,
    status         TEXT NOT NULL,
    plover_type    TEXT,
    place_country  TEXT,
    conf_band      INTEGER,                  -- floor(confidence * 10)
    n              INTEGER NOT NULL          -- events of this combination
);
CREATE INDEX event_facets_key
    ON event_facets(root, status, plover_type, place_country, quad_class, month);
",
        facets_fill_banded!()
    ),
];
