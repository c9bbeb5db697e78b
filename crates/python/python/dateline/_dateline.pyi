"""Type stubs of dateline's native module (Rust, PyO3). Use the documented wrappers in
``dateline`` (``dateline.extract``, ``dateline.Store`` ...) rather than this module."""

from datetime import date, datetime
from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

_Article = Union[str, bytes, Mapping[str, Any]]
_Record = Dict[str, Any]
_DateLike = Union[str, date, datetime]

__version__: str
SCHEMA: str
GDELT_COLUMNS: Tuple[str, ...]
ACLED_COLUMNS: Tuple[str, ...]

class StoreError(Exception): ...

def extract(
    text_or_html: Union[str, bytes],
    published: Optional[_DateLike] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    id: Optional[str] = None,
    *,
    title: Optional[str] = None,
    html: Optional[bool] = None,
) -> _Record: ...

class ExtractMany(Iterator[_Record]):
    def __iter__(self) -> "ExtractMany": ...
    def __next__(self) -> _Record: ...

def extract_many(
    items: Iterable[_Article],
    threads: Optional[int] = None,
    *,
    published: Optional[_DateLike] = None,
    source: Optional[str] = None,
    html: Optional[bool] = None,
    chunk: int = 512,
    _json: bool = False,
) -> ExtractMany: ...

def export(
    records: Union[_Record, Iterable[_Record]], format: str, header: bool = False
) -> str: ...

class Store:
    path: str
    def __init__(self, path: Union[str, PathLike[str]], read_only: bool = False) -> None: ...
    def ingest(
        self,
        items: Iterable[_Article],
        threads: Optional[int] = None,
        *,
        published: Optional[_DateLike] = None,
        source: Optional[str] = None,
        html: Optional[bool] = None,
        batch: int = 512,
    ) -> Dict[str, Any]: ...
    def insert(self, records: Union[_Record, Iterable[_Record]]) -> Dict[str, Any]: ...
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
        from_: Optional[_DateLike] = None,
        to: Optional[_DateLike] = None,
        place_country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Optional[Tuple[float, float, float, float]] = None,
        source: Optional[str] = None,
        text: Optional[str] = None,
        min_confidence: Optional[float] = None,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> List[Dict[str, Any]]: ...
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
        from_: Optional[_DateLike] = None,
        to: Optional[_DateLike] = None,
        place_country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Optional[Tuple[float, float, float, float]] = None,
        source: Optional[str] = None,
        text: Optional[str] = None,
        min_confidence: Optional[float] = None,
    ) -> int: ...
    def article(self, id: str) -> Optional[_Record]: ...
    def counts(self) -> Dict[str, int]: ...
    def close(self) -> None: ...
