"""dateline: news articles to structured, evidenced event records (``dateline/1``).

Who did what to whom, where and when, how many were killed or hurt, and who said what, with
every field pointing back to the words it came from. The Rust core does the work; the
gazetteer and lexicons are inside the package, and nothing is fetched at run time.

- :func:`extract` — one article (text, HTML or bytes) to its ``dateline/1`` record (a dict);
- :func:`extract_many` — an iterable of articles to a stream of records, in parallel, in
  input order, with the GIL released while articles are processed;
- :class:`Store` — the embedded SQLite store of ``dateline ingest`` / ``dateline query``;
- :func:`to_frames` — records as pandas DataFrames (events, entities, places, casualties,
  quotes, ...), one row per item with its article id and evidence sentence;
- :func:`export` and :func:`read_gdelt`, :func:`read_plover`, :func:`read_acled` — the GDELT
  2.0 event table, PLOVER JSON and ACLED-shaped CSV exports, written and read back.

All ``start``/``end`` values are UTF-8 *byte* offsets into ``article["text"]``; use
:func:`span_text` to get the text of a span.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import _dateline
from ._dateline import ACLED_COLUMNS, GDELT_COLUMNS, SCHEMA, StoreError
from .frames import read_acled, read_gdelt, read_plover, span_text, to_frames

__version__: str = _dateline.__version__

__all__ = [
    "ACLED_COLUMNS",
    "GDELT_COLUMNS",
    "SCHEMA",
    "Article",
    "DateLike",
    "Record",
    "Store",
    "StoreError",
    "export",
    "extract",
    "extract_many",
    "is_error",
    "read_acled",
    "read_gdelt",
    "read_plover",
    "span_text",
    "to_frames",
]

#: A ``dateline/1`` record: ``{"schema", "article", "sentences", "entities", "places", "times",
#: "events", "casualties", "quotes", ...}``, or an error record ``{"schema", "error": {"input",
#: "message"}}`` for an article that could not be read.
Record = Dict[str, Any]

#: One article for :func:`extract_many` and :meth:`Store.ingest`: its text or HTML as ``str``,
#: its bytes as downloaded, or a dict like a line of dateline's JSON Lines input:
#: ``{"id", "text" | "html", "published", "source", "url", "title"}``.
Article = Union[str, bytes, Mapping[str, Any]]

#: A date given as ISO 8601 text (``"2016-12-14"``, ``"2016-12-14T09:30:00Z"``, RFC 2822) or as
#: a ``datetime.date`` / ``datetime.datetime`` (pandas ``Timestamp`` too).
DateLike = Union[str, date, datetime]


def is_error(record: Mapping[str, Any]) -> bool:
    """True for an error record (an article that could not be read)."""
    return "error" in record


def extract(
    text_or_html: Union[str, bytes],
    published: Optional[DateLike] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    id: Optional[str] = None,
    *,
    title: Optional[str] = None,
    html: Optional[bool] = None,
) -> Record:
    """Extract one article and return its ``dateline/1`` record as a dict.

    Args:
        text_or_html: The article: plain text, an HTML page (detected from its start, as
            ``dateline extract`` does for standard input), or bytes as downloaded (decoded from
            UTF-8, the page's declared charset, or a detected one).
        published: Publication date. Relative dates in the text ("on Saturday", "last month")
            are resolved against it. Without it, a date in the page's metadata or the text's
            dateline is used (``article["published_from"]`` says which).
        source: The outlet's name. url: The article's address. id: A stable id (default: a
            hash of the content). title: The headline, when the text lacks it.
        html: ``True``/``False`` to say whether ``text_or_html`` is HTML instead of detecting it.

    Returns:
        The record: ``record["events"]``, ``record["casualties"]``, ... (see the contract).

    Raises:
        ValueError: The article cannot be read (an unreadable ``published``, binary bytes).
        TypeError: ``text_or_html`` is neither str nor bytes.

    The work is done with the GIL released, so threads calling ``extract`` run in parallel.
    """
    return _dateline.extract(text_or_html, published, source, url, id, title=title, html=html)


def extract_many(
    items: Iterable[Article],
    threads: Optional[int] = None,
    *,
    published: Optional[DateLike] = None,
    source: Optional[str] = None,
    html: Optional[bool] = None,
    chunk: int = 512,
) -> Iterator[Record]:
    """Extract many articles in parallel; yield one record per item, in input order.

    The iterable is read lazily in chunks (``chunk`` articles or 2 MB of text, whichever
    comes first, as ``dateline extract`` reads its input), so memory stays flat on endless
    streams. Each chunk is processed by ``threads`` worker threads (default: one per core) with
    the GIL released, while the previous chunk's records are handed to Python.

    Args:
        items: str (text or HTML), bytes, or dicts like dateline's JSON Lines input
            (``{"id", "text" | "html", "published", "source", "url", "title"}``).
        threads: Worker threads (default: one per core).
        published: Publication date for every article that has none of its own (like
            ``dateline extract --published``). source: Outlet name for every article that has
            none.
        html: Force every str item to be read as HTML (``True``) or text (``False``).
        chunk: Articles read ahead and processed at once.

    Yields:
        ``dateline/1`` records. A bad item (wrong type, unreadable date, binary bytes) yields
        the error record ``{"schema": "dateline/1", "error": {"input": "item 3 ...",
        "message": ...}}`` and the stream goes on; test with :func:`is_error`.

    Raises:
        ValueError: ``threads`` or ``chunk`` is 0, or ``published`` is unreadable (at the call).
        Exception: whatever ``items`` itself raises, after the records of the items before.
    """
    return _dateline.extract_many(
        items, threads, published=published, source=source, html=html, chunk=chunk
    )


def export(
    records: Union[Record, Iterable[Record]],
    format: str,
    path: Union[str, "os.PathLike[str]", None] = None,
    *,
    header: bool = False,
) -> Optional[str]:
    """Write event mentions as a GDELT 2.0 event table, PLOVER JSON or an ACLED-shaped CSV.

    The same rows as ``dateline export --format gdelt|plover|acled`` (docs/exports.md): one
    row per event mention with ``status == "occurred"``; error records export nothing.

    Args:
        records: ``dateline/1`` records (dicts) or one record.
        format: ``"gdelt"`` (tab-separated, no header unless ``header``), ``"plover"`` (JSON
            Lines) or ``"acled"`` (CSV with a header line).
        path: Write to this file (UTF-8) instead of returning the text.
        header: GDELT only: write the column names as a first line.

    Returns:
        The exported text, or ``None`` when written to ``path``.
    """
    text = _dateline.export(records, format, header)
    if path is None:
        return text
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return None


class Store:
    """The embedded SQLite store of event records (``dateline ingest`` / ``dateline query``).

    Articles are keyed by canonical URL, else by a hash of their clean text, so ingesting the
    same article again adds nothing; each batch is one transaction. A store made here can be
    read by ``dateline query`` and the other way round. Usable as a context manager::

        with dateline.Store("events.db") as store:
            store.ingest(articles)
            rows = store.query(root="19", status="occurred", from_="2016-12")

    Query filters are keyword arguments mirroring ``dateline query``'s flags; ``from`` is
    spelt ``from_`` (a Python keyword). Every filter is optional; set ones are combined with AND.
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"], *, read_only: bool = False) -> None:
        """Open (creating if needed) the store at ``path``; ``read_only`` opens an existing
        one for reading only. Raises :class:`StoreError` when it cannot be opened."""
        self._store = _dateline.Store(os.fspath(path), read_only)

    @property
    def path(self) -> str:
        """The database file."""
        return self._store.path

    def ingest(
        self,
        items: Iterable[Article],
        threads: Optional[int] = None,
        *,
        published: Optional[DateLike] = None,
        source: Optional[str] = None,
        html: Optional[bool] = None,
        batch: int = 512,
    ) -> Dict[str, Any]:
        """Extract articles in parallel (GIL released) and store them, ``batch`` per transaction.

        Items and keywords are those of :func:`extract_many`. Returns counts: ``read``
        (articles extracted), ``new``, ``present`` (already stored), ``events`` (event rows
        stored), ``invalid``, and ``errors``: the error records of items that could not be read.
        """
        return self._store.ingest(
            items, threads, published=published, source=source, html=html, batch=batch
        )

    def insert(self, records: Union[Record, Iterable[Record]]) -> Dict[str, Any]:
        """Store records already extracted (from :func:`extract` / :func:`extract_many`), in one
        transaction. Error records are counted as ``invalid`` and skipped."""
        return self._store.insert(records)

    def query(
        self,
        *,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        cameo: Optional[str] = None,
        root: Optional[str] = None,
        plover: Optional[str] = None,
        quad: Optional[int] = None,
        status: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        place_country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Optional[Tuple[float, float, float, float]] = None,
        source: Optional[str] = None,
        text: Optional[str] = None,
        min_confidence: Optional[float] = None,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> List[Dict[str, Any]]:
        """Event mentions matching the filters, newest event date first, as dicts.

        Args:
            actor: Actor code or code prefix as source or target (``"USA"``, ``"SYRREB"``).
            country: Actor country (ISO 3166-1 alpha-3, as in actor codes).
            cameo: CAMEO event code prefix (``"04"``, ``"043"``). root: CAMEO root (``"19"``;
                ``"4"`` means ``"04"``). plover: PLOVER type (``"ASSAULT"``).
            quad: QuadClass 1-4. status: ``"occurred"``, ``"negated"``, ``"planned"``,
                ``"hypothetical"``.
            from_, to: Events dated within these bounds (``"2024"``, ``"2024-03"``,
                ``"2024-03-01"`` or dates).
            place_country: ISO 3166-1 alpha-2 of the event's place. admin1: its first-level
                division by name. bbox: ``(min_lon, min_lat, max_lon, max_lat)``.
            source: Outlet name. text: SQLite FTS5 query over article titles and texts.
            min_confidence: Events whose ``confidence`` (0-1, the coder's estimate that the
                event is real) is at least this.
            limit: Most rows (default: all). offset: Rows skipped first (paging).

        Each row has ``id, article, event, date, date_precision, cameo, root, quad_class,
        goldstein, plover_type, plover_mode, status, source_actor, source_country,
        target_actor, target_country, place, geonameid, place_country, admin1, lat, lon,
        outlet, url, published, trigger, trigger_start, trigger_end, evidence, confidence``
        (the evidence sentence; the coder's estimate that the event is real). ``pandas.DataFrame(rows)`` or :meth:`query_frame` makes a table of them.

        Raises:
            ValueError: A filter value the store cannot use (bad CAMEO code, FTS5 syntax ...).
        """
        return self._store.query(
            actor=actor, country=country, cameo=cameo, root=root, plover=plover, quad=quad,
            status=status, from_=from_, to=to, place_country=place_country, admin1=admin1,
            bbox=bbox, source=source, text=text, min_confidence=min_confidence,
            limit=limit, offset=offset,
        )

    def query_frame(self, **filters: Any) -> "Any":
        """:meth:`query` as a pandas DataFrame (same keywords), with a column per field even
        when nothing matches."""
        from .frames import _pandas, STORE_COLUMNS

        pd = _pandas()
        return pd.DataFrame(self.query(**filters), columns=list(STORE_COLUMNS))

    def count(
        self,
        *,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        cameo: Optional[str] = None,
        root: Optional[str] = None,
        plover: Optional[str] = None,
        quad: Optional[int] = None,
        status: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        place_country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Optional[Tuple[float, float, float, float]] = None,
        source: Optional[str] = None,
        text: Optional[str] = None,
        min_confidence: Optional[float] = None,
    ) -> int:
        """How many event mentions match the filters (those of :meth:`query`)."""
        return self._store.count(
            actor=actor, country=country, cameo=cameo, root=root, plover=plover, quad=quad,
            status=status, from_=from_, to=to, place_country=place_country, admin1=admin1,
            bbox=bbox, source=source, text=text, min_confidence=min_confidence,
        )

    def article(self, id: str) -> Optional[Record]:
        """The full ``dateline/1`` record of one stored article by its ``article.id``."""
        return self._store.article(id)

    def counts(self) -> Dict[str, int]:
        """Row counts: ``articles``, ``events``, ``event_actors``, ``casualties``."""
        return self._store.counts()

    def close(self) -> None:
        """Close the database. Later calls raise :class:`StoreError`."""
        self._store.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"
