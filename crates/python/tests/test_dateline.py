"""Tests of the installed `dateline` wheel (run by crates/python/tests/pytest.rs in a fresh
virtual environment, from a folder outside the repository)."""

import datetime
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dateline
from dateline import span_text

REPO = Path(__file__).resolve().parents[3]


def all_spans(record):
    """(start, end, text) of every span of a record that carries its text."""
    for t in record["times"]:
        yield t["start"], t["end"], t["text"]
    for e in record["events"]:
        yield e["trigger"]["start"], e["trigger"]["end"], e["text"]
    for c in record["casualties"]:
        yield c["start"], c["end"], c["text"]
    for q in record["quotes"]:
        yield q["start"], q["end"], q["text"]


# ------------------------------------------------------------------------------------------
# The package


def test_the_installed_wheel_is_imported_not_the_source_tree():
    where = Path(dateline.__file__).resolve()
    assert "site-packages" in where.parts, where
    assert REPO not in where.parents or "site-packages" in where.parts
    native = Path(dateline._dateline.__file__)
    assert native.name.startswith("_dateline") and native.suffix in (".so", ".pyd")
    # Typed package: the marker and the native module's stubs are in the wheel.
    assert (where.parent / "py.typed").is_file()
    assert (where.parent / "_dateline.pyi").is_file()
    assert dateline.SCHEMA == "dateline/1"
    assert dateline.__version__.count(".") == 2


def test_import_does_not_load_pandas():
    code = "import sys, dateline; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------------------------------
# extract


def test_extract_text(aleppo):
    r = dateline.extract(aleppo, published="2016-12-14", source="Test Wire", id="a1")
    assert r["schema"] == "dateline/1"
    art = r["article"]
    assert (art["id"], art["source"], art["published"], art["published_from"]) == (
        "a1", "Test Wire", "2016-12-14", "input")
    assert art["title"] == "Rebels shell Aleppo market"
    shelling = [e for e in r["events"] if e["cameo_root"] == "19"]
    assert shelling and all(e["status"] == "occurred" for e in shelling)
    killed = [c for c in r["casualties"] if c["kind"] == "killed"]
    assert killed[0]["min"] == 12 and killed[0]["group"] == "civilians"
    places = {p["name"]: p for p in r["places"]}
    assert places["Aleppo"]["country"] == "SY" and isinstance(places["Aleppo"]["lat"], float)
    assert any(q["speaker_name"] == "Rami Abdel Rahman" for q in r["quotes"])
    # Monday before the publication date.
    assert killed[0]["date"]["value"] == "2016-12-12"


def test_offsets_are_utf8_bytes_and_span_text_reads_them(zurich):
    r = dateline.extract(zurich, published="2019-06-15")
    assert "ü" in r["article"]["text"]
    spans = list(all_spans(r))
    assert spans
    for start, end, text in spans:
        assert span_text(r, start, end) == text
    zurich_place = next(p for p in r["places"] if p["name"] == "Zürich")
    m = zurich_place["mentions"][0]
    assert span_text(r, m["start"], m["end"]) == "Zürich"


def test_extract_html_and_bytes(harbour_html):
    r = dateline.extract(harbour_html)
    art = r["article"]
    assert art["title"].startswith("Dock workers strike in Rotterdam")
    assert art["published"] == "2021-03-04" and art["published_from"] == "text"
    assert art["source"] == "The Harbour Times"
    assert "Subscribe" not in art["text"] and "Home" not in art["text"]
    assert r == dateline.extract(harbour_html.encode("utf-8"))
    latin = harbour_html.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "Rotterdam walked", "Rotterdam (Zuid-Holland, café district) walked")
    rb = dateline.extract(latin.encode("latin-1"))
    assert "café" in rb["article"]["text"]
    # Forced text: the markup is the article.
    assert "<p>" in dateline.extract(harbour_html, html=False)["article"]["text"]


def test_extract_dates_as_objects(aleppo):
    a = dateline.extract(aleppo, published=datetime.date(2016, 12, 14))
    b = dateline.extract(aleppo, published=datetime.datetime(2016, 12, 14, 9, 30))
    c = dateline.extract(aleppo, published="2016-12-14")
    assert a == b == c


def test_extract_errors_raise(aleppo):
    with pytest.raises(ValueError, match="cannot read published date"):
        dateline.extract(aleppo, published="next week-ish")
    with pytest.raises(ValueError, match="binary"):
        dateline.extract(b"\x00\x01\x02 not text")
    with pytest.raises(TypeError, match="str or bytes"):
        dateline.extract(12)
    with pytest.raises(TypeError, match="published"):
        dateline.extract(aleppo, published=3.5)


def test_empty_article_is_a_record_with_empty_arrays():
    r = dateline.extract("")
    assert r["schema"] == "dateline/1" and r["events"] == [] and r["article"]["text"] == ""


# ------------------------------------------------------------------------------------------
# extract_many


def test_extract_many_matches_extract_and_keeps_order(articles):
    items = [dict(a, id=f"{a['id']}-{i}") for i in range(150) for a in articles]
    out = list(dateline.extract_many(items, threads=2, chunk=64))
    assert [r["article"]["id"] for r in out] == [a["id"] for a in items]
    for a, r in zip(items[:3], out[:3]):
        one = dateline.extract(a.get("text") or a.get("html"), a.get("published"),
                               a.get("source"), id=a["id"])
        assert one == r


def test_extract_many_takes_str_bytes_and_generators(aleppo, zurich):
    def gen():
        yield aleppo
        yield zurich.encode("utf-8")

    out = list(dateline.extract_many(gen(), published="2016-12-14"))
    assert len(out) == 2
    assert out[0]["article"]["published"] == "2016-12-14"
    assert out[1]["article"]["text"].startswith("Protesters march in Zürich")


def test_bad_items_yield_error_records_and_the_stream_goes_on(aleppo):
    items = [
        aleppo,
        42,
        {"id": "x1"},
        {"id": "x2", "text": aleppo, "published": "someday"},
        {"id": ["no"], "text": aleppo},
        {"id": "x3", "text": aleppo, "source": 7},
        b"\x00binary\x00",
        {"id": 17, "text": aleppo},
    ]
    out = list(dateline.extract_many(items, threads=2))
    assert len(out) == len(items)
    ok = [not dateline.is_error(r) for r in out]
    assert ok == [True, False, False, False, False, False, False, True]
    errs = [r["error"] for r in out if dateline.is_error(r)]
    assert all(r["schema"] == "dateline/1" for r in out)
    assert errs[0]["input"] == "item 1" and "got int" in errs[0]["message"]
    assert errs[1]["input"] == 'item 2 (id "x1")' and "neither" in errs[1]["message"]
    assert "cannot read published date" in errs[2]["message"]
    assert '"id" must be a string or number' in errs[3]["message"]
    assert '"source" must be a string' in errs[4]["message"]
    assert "binary" in errs[5]["message"]
    assert out[7]["article"]["id"] == "17"


def test_an_exception_of_the_iterable_comes_after_the_earlier_records(aleppo):
    def gen():
        yield aleppo
        yield aleppo
        raise RuntimeError("feed broke")

    it = dateline.extract_many(gen())
    got = [next(it), next(it)]
    assert all(r["schema"] == "dateline/1" for r in got)
    with pytest.raises(RuntimeError, match="feed broke"):
        next(it)
    assert list(it) == []


def test_extract_many_argument_errors(aleppo):
    with pytest.raises(ValueError, match="threads"):
        dateline.extract_many([aleppo], threads=0)
    with pytest.raises(TypeError, match="single article"):
        dateline.extract_many(aleppo)
    with pytest.raises(ValueError, match="published"):
        dateline.extract_many([aleppo], published="not a date")
    with pytest.raises(ValueError, match="chunk"):
        dateline.extract_many([aleppo], chunk=0)


def test_json_and_object_conversions_agree(articles):
    a = list(dateline._dateline.extract_many(articles * 3))
    b = list(dateline._dateline.extract_many(articles * 3, _json=True))
    assert a == b


def test_extraction_releases_the_gil(aleppo):
    # A long article takes a while; a Python thread must keep running meanwhile.
    big = "\n\n".join([aleppo] * 400)
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.002)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.05)
    start = time.perf_counter()
    dateline.extract(big, published="2016-12-14")
    list(dateline.extract_many([big, big], threads=2))
    took = time.perf_counter() - start
    stop.set()
    t.join()
    during = [x for x in ticks if x >= start]
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert took > 0.05, "the articles were too short to tell"
    assert len(during) > 5 and max(gaps) < max(0.5 * took, 0.05), (took, max(gaps))


# ------------------------------------------------------------------------------------------
# The store


def test_store_ingest_query_and_idempotence(tmp_path, articles):
    db = tmp_path / "events.db"
    with dateline.Store(db) as store:
        stats = store.ingest(articles + [42], threads=2)
        assert (stats["read"], stats["new"], stats["present"]) == (3, 3, 0)
        assert stats["events"] > 0 and len(stats["errors"]) == 1
        assert stats["errors"][0]["error"]["input"] == "item 3"
        again = store.ingest(articles)
        assert (again["new"], again["present"], again["events"]) == (0, 3, 0)
        counts = store.counts()
        assert counts["articles"] == 3 and counts["events"] == stats["events"]

        rows = store.query(root="19")
        assert rows and {r["root"] for r in rows} == {"19"}
        assert store.count(root="19") == len(rows)
        r0 = rows[0]
        assert r0["article"] == "aleppo" and r0["place_country"] == "SY"
        assert "shelled" in r0["evidence"] or "shell" in r0["evidence"]
        assert store.count(root="19", place_country="CH") == 0
        assert store.count(text="Rotterdam") >= 1
        assert store.count(from_="2016-12", to=datetime.date(2016, 12, 31)) >= len(rows)
        assert store.count(bbox=(35.0, 35.0, 39.0, 38.0)) >= len(rows)
        assert len(store.query(limit=2)) == 2
        assert store.query(limit=2, offset=1)[0] == store.query(limit=2)[1]
        assert store.count() == counts["events"]
        sure = store.count(min_confidence=0.6)
        assert store.count(min_confidence=0.0) == counts["events"]
        every = store.query()
        assert sure == sum(1 for r in every if r["confidence"] >= 0.6) and 0 < sure < len(every)
        assert store.count(min_confidence=0.999) <= sure
        try:
            store.count(min_confidence=2.0)
            raise AssertionError("a confidence above 1 is refused")
        except ValueError:
            pass

        stored = store.article("aleppo")
        direct = dateline.extract(articles[0]["text"], "2016-12-14", "Test Wire", id="aleppo")
        assert stored["events"] == direct["events"]
        assert stored["article"]["text"] == direct["article"]["text"]
        assert store.article("nope") is None

        try:
            import pandas  # noqa: F401
        except ImportError:
            pass
        else:
            frame = store.query_frame(status="occurred")
            assert list(frame.columns)[:3] == ["id", "article", "event"] and len(frame) > 0
            assert len(store.query_frame(root="01", place_country="ZZ")) == 0

    # Readable by a second, read-only handle and by the records' own insert path.
    ro = dateline.Store(db, read_only=True)
    assert ro.count(root="19") == len(rows)
    ro.close()
    other = dateline.Store(tmp_path / "other.db")
    recs = list(dateline.extract_many(articles))
    got = other.insert(recs + [{"schema": "dateline/1", "error": {"input": "x", "message": "y"}}])
    assert (got["new"], got["invalid"]) == (3, 1)
    assert other.count(root="19") == len(rows)


def test_store_filter_errors_and_closed_store(tmp_path, articles):
    store = dateline.Store(tmp_path / "e.db")
    store.ingest(articles)
    with pytest.raises(ValueError, match="CAMEO"):
        store.query(cameo="1x")
    with pytest.raises(ValueError, match="status"):
        store.query(status="maybe")
    with pytest.raises(ValueError, match="bbox"):
        store.query(bbox=(0, 0, 0, 95))
    with pytest.raises(ValueError, match="FTS5"):
        store.query(text='"unbalanced')
    with pytest.raises(OverflowError):
        store.query(quad=400)
    with pytest.raises(ValueError, match="QuadClass"):
        store.query(quad=7)
    store.close()
    with pytest.raises(dateline.StoreError, match="closed"):
        store.count()
    with pytest.raises(dateline.StoreError, match="no such database"):
        dateline.Store(tmp_path / "missing.db", read_only=True)
    with pytest.raises(TypeError):
        store.insert([object()])


def test_a_store_is_shared_by_threads(tmp_path, articles):
    store = dateline.Store(tmp_path / "t.db")
    store.ingest(articles)
    n = store.count()
    results = []

    def reader():
        for _ in range(20):
            results.append(store.count())

    ts = [threading.Thread(target=reader) for _ in range(4)]
    for t in ts:
        t.start()
    store.ingest([{"id": "more", "text": "Police arrested two men in Lyon on Friday."}])
    for t in ts:
        t.join()
    assert len(results) == 80 and all(r >= n for r in results)


# ------------------------------------------------------------------------------------------
# DataFrames and exports


def test_to_frames(articles):
    pytest.importorskip("pandas")
    recs = list(dateline.extract_many(articles + [None]))
    f = dateline.to_frames(recs)
    assert set(f) >= {"events", "entities", "places", "casualties", "quotes", "articles", "errors"}
    for name, cols in dateline.frames.FRAME_COLUMNS.items():
        assert list(f[name].columns) == list(cols), name
    assert len(f["articles"]) == 3 and len(f["errors"]) == 1
    ev = f["events"]
    n_events = sum(len(r.get("events", [])) for r in recs)
    assert len(ev) == n_events
    aleppo_rec = recs[0]
    for row in ev[ev.article_id == "aleppo"].itertuples():
        s = aleppo_rec["sentences"][row.sentence]
        assert row.evidence == span_text(aleppo_rec, s["start"], s["end"]).strip()
        assert row.trigger in row.evidence
    shell = ev[(ev.article_id == "aleppo") & (ev.cameo_root == "19")]
    assert (shell.place_name == "Aleppo").all() and (shell.place_country == "SY").all()
    cas = f["casualties"]
    killed = cas[(cas.kind == "killed") & (cas.article_id == "aleppo")].iloc[0]
    assert killed["min"] == 12 and killed["text"] in killed["evidence"]
    assert str(cas["min"].dtype) == "Int64"
    q = f["quotes"]
    assert "massacre" in q[q.speaker_name == "Rami Abdel Rahman"].iloc[0]["evidence"]
    ent = f["entities"]
    assert (ent.mentions >= 1).all() and ent.evidence.notna().all()
    pl = f["places"]
    assert set(pl[pl.article_id == "zurich"].name) >= {"Zürich"}
    assert pl[pl.name == "Zürich"].iloc[0]["evidence"].startswith("Protesters march in Zürich")
    # One record, and no records at all.
    assert len(dateline.to_frames(recs[0])["articles"]) == 1
    empty = dateline.to_frames([])
    assert all(len(df) == 0 for df in empty.values())


def test_to_frames_without_pandas(monkeypatch, articles):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        dateline.to_frames([])


def test_exports_round_trip_through_the_readers(tmp_path, articles):
    pytest.importorskip("pandas")
    recs = list(dateline.extract_many(articles))
    occurred = sum(1 for r in recs for e in r["events"] if e["status"] == "occurred")
    assert occurred > 0

    dateline.export(recs, "gdelt", tmp_path / "g.tsv")
    g = dateline.read_gdelt(tmp_path / "g.tsv")
    assert list(g.columns) == list(dateline.GDELT_COLUMNS) and len(g) == occurred
    gh = dateline.read_gdelt(io.StringIO(dateline.export(recs, "gdelt", header=True)))
    assert gh.equals(g)
    assert g.EventCode.map(type).eq(str).all() and (g.EventCode.str.len() >= 3).all()
    assert (g.EventRootCode.str.len() == 2).all()
    assert str(g.QuadClass.dtype) == "Int64" and g.ActionGeo_Lat.dtype.kind == "f"
    assert (g.SQLDATE // 10000 >= 2016).all()
    assert set(g.ActionGeo_CountryCode.dropna()) >= {"SY"}  # FIPS for Syria

    plover = dateline.export(recs, "plover")
    p = dateline.read_plover(io.StringIO(plover))
    assert len(p) == occurred and "location_countryCode" in p.columns
    assert set(p.event) <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                            "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                            "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert p.date.dtype.kind == "M"

    dateline.export(recs, "acled", tmp_path / "a.csv")
    a = dateline.read_acled(tmp_path / "a.csv")
    assert list(a.columns) == list(dateline.ACLED_COLUMNS)
    assert len(a) >= 1 and a.event_date.dtype.kind == "M"
    assert str(a.fatalities.dtype) == "Int64"
    shelling = a[a.cameo.str.startswith("19")]
    assert shelling.fatalities.max() == 12 and (shelling.country == "Syria").all()

    with pytest.raises(ValueError, match="format"):
        dateline.export(recs, "parquet")
    with pytest.raises(ValueError, match="not an ACLED"):
        dateline.read_acled(io.StringIO("a,b\n1,2\n"))
    assert dateline.export([], "gdelt") == ""


def test_the_cli_and_the_package_write_the_same_records(tmp_path, aleppo, harbour_html):
    cli = os.environ.get("DATELINE_CLI")
    if not cli or not Path(cli).is_file():
        pytest.skip("DATELINE_CLI not set to a built `dateline` binary")
    (tmp_path / "a.txt").write_text(aleppo, encoding="utf-8")
    (tmp_path / "b.html").write_text(harbour_html, encoding="utf-8")
    out = subprocess.run(
        [cli, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.html"),
         "--published", "2016-12-14"],
        capture_output=True, text=True, check=True,
    ).stdout
    cli_recs = [json.loads(line) for line in out.splitlines()]
    py_recs = list(dateline.extract_many([aleppo, harbour_html], published="2016-12-14"))
    for c, p in zip(cli_recs, py_recs):
        c["article"]["id"] = p["article"]["id"] = None  # ids hash different bytes
        assert c == p


# ------------------------------------------------------------------------------------------
# The tutorial runs


def test_docs_python_md_runs(tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    doc = Path(os.environ.get("DATELINE_REPO", REPO)) / "docs" / "python.md"
    if not doc.is_file():
        pytest.skip(f"{doc} not found")
    blocks, inside, cur = [], False, []
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.strip() == "```python":
            inside, cur = True, []
        elif inside and line.strip() == "```":
            inside = False
            blocks.append("\n".join(cur))
        elif inside:
            cur.append(line)
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    ns = {"__name__": "tutorial"}
    for i, code in enumerate(blocks):
        exec(compile(code, f"{doc.name} block {i + 1}", "exec"), ns)
