"""pandas views of ``dateline/1`` records and readers of the GDELT/PLOVER/ACLED exports.

pandas is imported only when one of these functions is called, so ``import dateline`` works
without it; calling them without pandas raises an ``ImportError`` that says what to install.
"""

from __future__ import annotations

import bisect
import csv
import gzip
import io
import json
import os
from typing import IO, TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from ._dateline import ACLED_COLUMNS, GDELT_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    import pandas

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

#: Columns of :meth:`dateline.Store.query` rows, in the store's order.
STORE_COLUMNS = (
    "id", "article", "event", "date", "date_precision", "cameo", "root", "quad_class",
    "goldstein", "plover_type", "plover_mode", "status", "source_actor", "source_country",
    "target_actor", "target_country", "place", "geonameid", "place_country", "admin1", "lat",
    "lon", "outlet", "url", "published", "trigger", "trigger_start", "trigger_end", "evidence",
    "confidence",
)

#: The columns of each frame :func:`to_frames` returns.
FRAME_COLUMNS: Dict[str, Sequence[str]] = {
    "articles": (
        "article_id", "url", "source", "title", "standfirst", "published", "published_from",
        "language", "bytes", "sentences", "entities", "places", "events", "casualties", "quotes",
    ),
    "events": (
        "article_id", "event_id", "sentence", "trigger", "trigger_start", "trigger_end",
        "cameo", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
        "status", "source_entity", "source_code", "source_name", "target_entity",
        "target_code", "target_name", "date", "date_precision", "date_basis", "place_id",
        "place_name", "place_country", "place_admin1", "lat", "lon", "place_basis",
        "reported_by", "confidence", "rule", "same_as", "published", "outlet", "evidence",
    ),
    "entities": (
        "article_id", "entity_id", "kind", "name", "title", "actor_code", "actor_country",
        "actor_sector", "place_id", "mentions", "first_start", "first_end", "evidence",
    ),
    "places": (
        "article_id", "place_id", "name", "geonameid", "country", "admin1", "lat", "lon",
        "feature", "mentions", "first_start", "first_end", "evidence",
    ),
    "times": (
        "article_id", "text", "value", "precision", "range_from", "range_to", "start", "end",
        "evidence",
    ),
    "casualties": (
        "article_id", "casualty_id", "kind", "min", "max", "approx", "group", "part_of",
        "event_id", "place_id", "date", "date_precision", "reported_by", "text", "start",
        "end", "sentence", "evidence",
    ),
    "quotes": (
        "article_id", "quote_id", "kind", "text", "speaker", "speaker_name", "event_id",
        "start", "end", "cue_start", "cue_end", "evidence",
    ),
    "errors": ("input", "message"),
}

# Columns holding whole numbers that may be missing: pandas' nullable integer type.
_NULLABLE_INT = {
    "events": ("quad_class",),
    "places": ("geonameid",),
    "casualties": ("min", "max", "sentence"),
    "quotes": ("cue_start", "cue_end"),
}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised with pandas hidden in the tests
        raise ImportError(
            "dateline's DataFrame views need pandas: pip install pandas "
            "(or pip install 'dateline[pandas]')"
        ) from e
    return pandas


class _Text:
    """An article's text with its sentences, for byte-offset look-ups."""

    __slots__ = ("raw", "starts", "ends")

    def __init__(self, record: Mapping[str, Any]) -> None:
        self.raw = (record.get("article") or {}).get("text", "").encode("utf-8")
        sentences = record.get("sentences") or []
        self.starts = [s["start"] for s in sentences]
        self.ends = [s["end"] for s in sentences]

    def slice(self, start: Optional[int], end: Optional[int]) -> Optional[str]:
        if start is None or end is None:
            return None
        return self.raw[start:end].decode("utf-8", errors="replace")

    def sentence(self, i: Optional[int]) -> Optional[str]:
        if i is None or not 0 <= i < len(self.starts):
            return None
        return self.slice(self.starts[i], self.ends[i]).strip()

    def sentence_at(self, offset: Optional[int]) -> Optional[str]:
        """The sentence that contains a byte offset (the evidence of a span starting there)."""
        if offset is None:
            return None
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.sentence(i)
        return None


def span_text(record: Mapping[str, Any], start: int, end: int) -> str:
    """The text of a span of a record: ``start``/``end`` are UTF-8 byte offsets into
    ``record["article"]["text"]``, as every span of ``dateline/1`` is."""
    text = record["article"]["text"].encode("utf-8")
    return text[start:end].decode("utf-8")


def _first_arg(event: Mapping[str, Any], role: str, entities: Mapping[str, Any]) -> tuple:
    args = event.get(role) or []
    if not args:
        return (None, None, None)
    a = args[0]
    ent = entities.get(a.get("entity")) if a.get("entity") else None
    return (a.get("entity"), a.get("code"), ent.get("name") if ent else None)


def _rows(records: Iterable[Mapping[str, Any]]) -> Dict[str, List[tuple]]:
    rows: Dict[str, List[tuple]] = {k: [] for k in FRAME_COLUMNS}
    for rec in records:
        if "error" in rec:
            err = rec.get("error") or {}
            rows["errors"].append((err.get("input"), err.get("message")))
            continue
        art = rec.get("article") or {}
        aid = art.get("id")
        text = _Text(rec)
        entities = {e["id"]: e for e in rec.get("entities") or []}
        places = {p["id"]: p for p in rec.get("places") or []}
        rows["articles"].append((
            aid, art.get("url"), art.get("source"), art.get("title"), art.get("standfirst"),
            art.get("published"), art.get("published_from"), art.get("language"),
            len(text.raw), len(text.starts), len(entities), len(places),
            len(rec.get("events") or []), len(rec.get("casualties") or []),
            len(rec.get("quotes") or []),
        ))
        for e in rec.get("events") or []:
            trig = e.get("trigger") or {}
            plover = e.get("plover") or {}
            date = e.get("date") or {}
            pl = e.get("place") or {}
            place = places.get(pl.get("place")) or {}
            rows["events"].append((
                aid, e.get("id"), e.get("sentence"), e.get("text"), trig.get("start"),
                trig.get("end"), e.get("cameo"), e.get("cameo_root"), e.get("quad_class"),
                e.get("goldstein"), plover.get("type"), plover.get("mode"), e.get("status"),
                *_first_arg(e, "source", entities), *_first_arg(e, "target", entities),
                date.get("value"), date.get("precision"), date.get("basis"),
                pl.get("place"), place.get("name"), place.get("country"), place.get("admin1"),
                place.get("lat"), place.get("lon"), pl.get("basis"), e.get("reported_by"),
                e.get("confidence"), e.get("rule"), e.get("same_as"), art.get("published"),
                art.get("source"), text.sentence(e.get("sentence")),
            ))
        for e in entities.values():
            actor = e.get("actor") or {}
            m = e.get("mentions") or []
            first = m[0] if m else {}
            rows["entities"].append((
                aid, e.get("id"), e.get("kind"), e.get("name"), e.get("title"),
                actor.get("code"), actor.get("country"), actor.get("sector"), e.get("place"),
                len(m), first.get("start"), first.get("end"),
                text.sentence_at(first.get("start")),
            ))
        for p in places.values():
            m = p.get("mentions") or []
            first = m[0] if m else {}
            rows["places"].append((
                aid, p.get("id"), p.get("name"), p.get("geonameid"), p.get("country"),
                p.get("admin1"), p.get("lat"), p.get("lon"), p.get("feature"), len(m),
                first.get("start"), first.get("end"), text.sentence_at(first.get("start")),
            ))
        for t in rec.get("times") or []:
            rng = t.get("range") or {}
            rows["times"].append((
                aid, t.get("text"), t.get("value"), t.get("precision"), rng.get("from"),
                rng.get("to"), t.get("start"), t.get("end"), text.sentence_at(t.get("start")),
            ))
        for c in rec.get("casualties") or []:
            date = c.get("date") or {}
            sentence = c.get("sentence")
            rows["casualties"].append((
                aid, c.get("id"), c.get("kind"), c.get("min"), c.get("max"), c.get("approx"),
                c.get("group"), c.get("part_of"), c.get("event"), c.get("place"),
                date.get("value"), date.get("precision"), c.get("reported_by"), c.get("text"),
                c.get("start"), c.get("end"), sentence,
                text.sentence(sentence) if sentence is not None
                else text.sentence_at(c.get("start")),
            ))
        for q in rec.get("quotes") or []:
            cue = q.get("cue") or {}
            rows["quotes"].append((
                aid, q.get("id"), q.get("kind"), q.get("text"), q.get("speaker"),
                q.get("speaker_name"), q.get("event"), q.get("start"), q.get("end"),
                cue.get("start"), cue.get("end"), text.sentence_at(q.get("start")),
            ))
    return rows


def to_frames(records: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]]) -> Dict[str, "pandas.DataFrame"]:
    """``dateline/1`` records as pandas DataFrames, one row per item.

    Args:
        records: Records (dicts from :func:`dateline.extract`, :func:`dateline.extract_many`,
            :meth:`dateline.Store.article`, or ``json.loads`` of ``dateline extract`` output),
            or one record. Any iterable works, including the ``extract_many`` stream.

    Returns:
        A dict of DataFrames, each with the columns of :data:`FRAME_COLUMNS` (also when empty):

        - ``events``: one row per event mention: CAMEO code and root, QuadClass, Goldstein,
          PLOVER type and mode, status, first source/target actor (entity id, code, name),
          date, place (id, name, country, admin1, lat, lon), confidence, the lexicon rule;
        - ``entities``: one row per entity (not per mention) with its actor code split into
          code, country and sector, its mention count and first mention;
        - ``places``: one row per resolved place with GeoNames id and coordinates;
        - ``casualties``: one row per casualty figure (``min``/``max``, kind, victim group,
          linked event and place); ``quotes``: one row per quote with its speaker;
        - ``times``: one row per time expression with its ISO value;
        - ``articles``: one row per article (metadata and item counts);
        - ``errors``: one row per error record (``input``, ``message``).

        Every item row carries ``article_id`` and ``evidence``: the sentence the item was read
        from (its own sentence for events and casualties, else the one holding its first
        mention). Offsets (``*_start``/``*_end``, ``start``/``end``) are UTF-8 byte offsets
        into the article text, as in the records.
    """
    pd = _pandas()
    if isinstance(records, Mapping):
        records = [records]
    rows = _rows(records)
    frames: Dict[str, Any] = {}
    for name, cols in FRAME_COLUMNS.items():
        df = pd.DataFrame.from_records(rows[name], columns=list(cols))
        for c in _NULLABLE_INT.get(name, ()):
            df[c] = df[c].astype("Int64")
        frames[name] = df
    return frames


# --------------------------------------------------------------------------------------------
# Readers of the exports

_GDELT_INT = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
    "DATEADDED",
)
_GDELT_FLOAT = (
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
)


def _typed(df: Any, ints: Sequence[str], floats: Sequence[str]) -> Any:
    pd = _pandas()
    for c in ints:
        df[c] = pd.to_numeric(df[c]).astype("Int64")
    for c in floats:
        df[c] = pd.to_numeric(df[c]).astype("float64")
    return df


def read_gdelt(source: PathOrBuffer, *, header: Optional[bool] = None) -> "pandas.DataFrame":
    """Read a GDELT 2.0 event table (``dateline export --format gdelt``, or GDELT's own
    ``*.export.CSV`` files) into a DataFrame with GDELT's 61 column names.

    Args:
        source: A path (``.gz`` too) or an open file.
        header: Whether the first line holds column names (``--header``); ``None`` detects it.

    Codes stay text (``EventCode`` ``"043"`` keeps its leading zero; ``*_FeatureID`` too);
    counts, dates as numbers (``SQLDATE`` 20161214) and geo types are nullable integers;
    coordinates, Goldstein and tone are floats; empty fields are missing values.
    """
    pd = _pandas()
    df = pd.read_csv(
        source, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
        keep_default_na=False, na_values=[""], quoting=csv.QUOTE_NONE, compression="infer",
    )
    has_header = header if header is not None else (
        len(df) > 0 and df.iloc[0]["GLOBALEVENTID"] == "GLOBALEVENTID"
    )
    if has_header:
        df = df.iloc[1:].reset_index(drop=True)
    return _typed(df, _GDELT_INT, _GDELT_FLOAT)


def read_acled(source: PathOrBuffer) -> "pandas.DataFrame":
    """Read an ACLED-shaped CSV (``dateline export --format acled``) into a DataFrame.

    ``event_date`` becomes a datetime; ``year``, ``time_precision``, ``iso``,
    ``geo_precision`` and ``fatalities`` nullable integers; ``latitude``/``longitude`` floats;
    ``cameo`` stays text. Raises ``ValueError`` when the file lacks ACLED's columns.
    """
    pd = _pandas()
    df = pd.read_csv(
        source, dtype=str, keep_default_na=False, na_values=[""], compression="infer"
    )
    missing = [c for c in ACLED_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"not an ACLED-shaped CSV: no column {', '.join(missing)}")
    df = _typed(df, ("year", "time_precision", "iso", "geo_precision", "fatalities"),
                ("latitude", "longitude"))
    df["event_date"] = pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    return df


def _read_lines(source: PathOrBuffer) -> List[Dict[str, Any]]:
    if hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
    else:
        path = os.fspath(source)  # type: ignore[arg-type]
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rb") as f:
            data = f.read()
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    out = []
    for n, line in enumerate(io.StringIO(data), 1):
        line = line.strip()
        if line:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"line {n}: not a JSON object: {e}") from e
    return out


def read_plover(source: PathOrBuffer) -> "pandas.DataFrame":
    """Read PLOVER JSON Lines (``dateline export --format plover``) into a DataFrame.

    One row per event mention. Nested ``location`` becomes ``location_placeName``,
    ``location_countryCode``, ``location_lat``, ... columns; ``source`` and ``target`` stay as
    lists of ``{actorText, code, sector, actorName}`` (``""`` when none, as PLOVER writes),
    with the first actor's code also in ``source_code`` / ``target_code``. ``date`` becomes a
    datetime; ``dead`` and ``injured`` nullable integers.
    """
    pd = _pandas()
    recs = _read_lines(source)
    df = pd.json_normalize(recs, sep="_", max_level=1) if recs else pd.DataFrame()
    for role in ("source", "target"):
        if role not in df.columns:
            df[role] = pd.Series(dtype=object)

        def first_code(v: Any) -> Optional[str]:
            return v[0].get("code") if isinstance(v, list) and v else None

        df[f"{role}_code"] = df[role].map(first_code)
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    for c in ("dead", "injured"):
        if c not in df.columns:
            df[c] = pd.Series(dtype="Int64")
        df[c] = pd.to_numeric(df[c]).astype("Int64")
    return df
