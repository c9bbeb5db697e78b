#!/usr/bin/env python3
"""dateline on Apache Spark: back-fill a news crawl with the `dateline` binary.

Each input shard (a file `dateline extract` reads: JSON Lines, text, HTML, optionally .gz) is
handed whole to one Spark task, which runs the dateline binary (shipped to the executors with
`SparkContext.addFile`) over the shards of its partition and turns the output into rows. One
shard is processed exactly as `dateline extract SHARD` processes it on one machine: the same
records, error lines naming `SHARD:LINE`.

Commands (run with `python3` when pyspark is installed from PyPI, or with `spark-submit`):

    dateline_job.py extract --binary target/release/dateline --out OUT [options] SHARD...
        Writes Parquet: OUT/articles (one row per output record, the record as JSON) and
        OUT/events (one row per event mention, flattened). Schema: docs/deployment.md.
    dateline_job.py ingest --binary target/release/dateline --db DB [options] SHARD...
        Runs `dateline ingest --db DB` over each partition's shards: the store's own keyed,
        idempotent batches (a PostgreSQL URL on a cluster; a SQLite file in local mode only).
    dateline_job.py cat [--dataset events] OUT
        Prints OUT/articles' records (or OUT/events' rows) as JSON Lines.

A SHARD is a path or URL Spark reads (local path, file:, hdfs:, s3a:, a directory or a glob).
Shard contents are held in memory by the task that processes them (`binaryFiles`), so keep
shards to a few hundred megabytes: split bigger JSON Lines files (`split -l 100000`).
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# Spark is imported lazily so that `--help` works without it.

ARTICLE_FIELDS = [
    ("id", "string"),
    ("url", "string"),
    ("source", "string"),
    ("title", "string"),
    ("published", "string"),
    ("published_from", "string"),
    ("language", "string"),
    ("n_events", "int"),
    ("n_casualties", "int"),
    ("error_input", "string"),
    ("error_message", "string"),
    ("shard", "string"),
    ("record", "string"),
]

EVENT_FIELDS = [
    ("article_id", "string"),
    ("url", "string"),
    ("source", "string"),
    ("published", "string"),
    ("event_id", "string"),
    ("sentence", "int"),
    ("trigger_start", "long"),
    ("trigger_end", "long"),
    ("trigger", "string"),
    ("cameo", "string"),
    ("cameo_root", "string"),
    ("quad_class", "int"),
    ("goldstein", "double"),
    ("plover_type", "string"),
    ("plover_mode", "string"),
    ("status", "string"),
    ("source_actor", "string"),
    ("source_name", "string"),
    ("target_actor", "string"),
    ("target_name", "string"),
    ("date", "string"),
    ("date_precision", "string"),
    ("date_basis", "string"),
    ("place", "string"),
    ("geonameid", "long"),
    ("place_country", "string"),
    ("admin1", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("place_basis", "string"),
    ("confidence", "double"),
    ("rule", "string"),
]


def local_path(path):
    """The path a single-machine run would name: `file:` URLs become plain paths."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if path.startswith("file:"):
        return path[len("file:"):]
    return path


def binary_on_executor(name):
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def stage_shards(shards, workdir):
    """Write each (path, bytes) shard to its own folder under workdir, keeping its file name
    (dateline reads the format from the extension). Returns [(local file, original path)]."""
    staged = []
    for i, (path, content) in enumerate(shards):
        folder = os.path.join(workdir, str(i))
        os.mkdir(folder)
        local = os.path.join(folder, os.path.basename(path.rstrip("/")) or "shard")
        with open(local, "wb") as f:
            f.write(content)
        staged.append((local, local_path(path)))
    return staged


def rename_inputs(text, staged):
    for local, original in staged:
        if text.startswith(local):
            return original + text[len(local):]
    return text


def _get(obj, *keys):
    for k in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(k)
    return obj


def _first_actor(event, role, entities):
    actors = event.get(role) or []
    if not actors:
        return None, None
    a = actors[0]
    ent = entities.get(a.get("entity")) or {}
    return a.get("code"), ent.get("name")


def event_rows(rec):
    art = rec.get("article") or {}
    text = art.get("text") or ""
    raw = text.encode("utf-8")
    entities = {e.get("id"): e for e in rec.get("entities") or []}
    places = {p.get("id"): p for p in rec.get("places") or []}
    rows = []
    for ev in rec.get("events") or []:
        trig = ev.get("trigger") or {}
        t0, t1 = trig.get("start"), trig.get("end")
        trigger = None
        if isinstance(t0, int) and isinstance(t1, int) and 0 <= t0 <= t1 <= len(raw):
            trigger = raw[t0:t1].decode("utf-8", "replace")
        src, src_name = _first_actor(ev, "source", entities)
        tgt, tgt_name = _first_actor(ev, "target", entities)
        date = ev.get("date") or {}
        place_ref = ev.get("place") or {}
        place = places.get(place_ref.get("place")) or {}
        plover = ev.get("plover") or {}
        rows.append(
            (
                art.get("id"),
                art.get("url"),
                art.get("source"),
                art.get("published"),
                ev.get("id"),
                ev.get("sentence"),
                t0,
                t1,
                trigger,
                ev.get("cameo"),
                ev.get("cameo_root"),
                ev.get("quad_class"),
                None if ev.get("goldstein") is None else float(ev["goldstein"]),
                plover.get("type"),
                plover.get("mode"),
                ev.get("status"),
                src,
                src_name,
                tgt,
                tgt_name,
                date.get("value"),
                date.get("precision"),
                date.get("basis"),
                place.get("name"),
                place.get("geonameid"),
                place.get("country"),
                place.get("admin1"),
                None if place.get("lat") is None else float(place["lat"]),
                None if place.get("lon") is None else float(place["lon"]),
                place_ref.get("basis"),
                None if ev.get("confidence") is None else float(ev["confidence"]),
                ev.get("rule"),
            )
        )
    return rows


def record_rows(line, staged):
    """(article row, event rows) for one output line of `dateline extract`."""
    rec = json.loads(line)
    err = rec.get("error")
    if isinstance(err, dict):
        err["input"] = rename_inputs(str(err.get("input", "")), staged)
        err["message"] = rename_inputs(str(err.get("message", "")), staged)
        line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        shard = err["input"].rsplit(":", 1)[0]
        row = (None,) * 9 + (err["input"], err["message"], shard, line)
        return row, []
    art = rec.get("article") or {}
    row = (
        art.get("id"),
        art.get("url"),
        art.get("source"),
        art.get("title"),
        art.get("published"),
        art.get("published_from"),
        art.get("language"),
        len(rec.get("events") or []),
        len(rec.get("casualties") or []),
        None,
        None,
        None,
        line,
    )
    return row, event_rows(rec)


def extract_partition(shards, binary, extra_args):
    """Run `dateline extract` over one partition's shards; yields ("a", row) and ("e", row)."""
    shards = list(shards)
    if not shards:
        return
    exe = binary_on_executor(binary)
    workdir = tempfile.mkdtemp(prefix="dateline-spark-")
    try:
        staged = stage_shards(shards, workdir)
        cmd = [exe, "extract", *extra_args, *[local for local, _ in staged]]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for raw in proc.stdout:
            line = raw.decode("utf-8").rstrip("\n")
            if not line:
                continue
            row, events = record_rows(line, staged)
            yield ("a", row)
            for e in events:
                yield ("e", e)
        stderr = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait()
        # Exit status 1 means "some articles could not be read": those are error records.
        if code not in (0, 1):
            raise RuntimeError(f"dateline extract failed with status {code}: {stderr.strip()}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def ingest_partition(shards, binary, extra_args, db):
    shards = list(shards)
    if not shards:
        return
    exe = binary_on_executor(binary)
    workdir = tempfile.mkdtemp(prefix="dateline-spark-")
    try:
        staged = stage_shards(shards, workdir)
        cmd = [exe, "ingest", "--db", db, *extra_args, *[local for local, _ in staged]]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"dateline ingest failed with status {proc.returncode}: {stderr.strip()}")
        for line in stderr.splitlines():
            for local, original in staged:
                line = line.replace(local, original)
            yield line
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def spark_session(master, app):
    from pyspark.sql import SparkSession

    # Shards are whole files: count a file's opening as cheap so that binaryFiles spreads a
    # few small shards over the partitions instead of packing them into one 4 MB split.
    builder = SparkSession.builder.appName(app).config("spark.files.openCostInBytes", "8192")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def schema(fields):
    from pyspark.sql import types as T

    kinds = {
        "string": T.StringType(),
        "int": T.IntegerType(),
        "long": T.LongType(),
        "double": T.DoubleType(),
    }
    return T.StructType([T.StructField(n, kinds[k], True) for n, k in fields])


def shards_rdd(sc, inputs, partitions):
    parts = partitions or max(sc.defaultParallelism * 2, 2)
    return sc.binaryFiles(",".join(inputs), minPartitions=parts)


def extract_args(args):
    extra = ["--threads", str(args.threads_per_task)]
    if args.published:
        extra += ["--published", args.published]
    if args.source:
        extra += ["--source", args.source]
    return extra


def cmd_extract(args):
    from pyspark import StorageLevel

    spark = spark_session(args.master, "dateline extract")
    sc = spark.sparkContext
    binary = os.path.abspath(args.binary)
    sc.addFile(binary)
    name = os.path.basename(binary)
    extra = extract_args(args)
    rows = shards_rdd(sc, args.inputs, args.partitions).mapPartitions(
        lambda it: extract_partition(it, name, extra)
    )
    # Both datasets come from one pass of the binary over the shards.
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    articles = spark.createDataFrame(
        rows.filter(lambda r: r[0] == "a").map(lambda r: r[1]), schema(ARTICLE_FIELDS)
    )
    events = spark.createDataFrame(
        rows.filter(lambda r: r[0] == "e").map(lambda r: r[1]), schema(EVENT_FIELDS)
    )
    mode = "overwrite" if args.overwrite else "errorifexists"
    articles.write.mode(mode).parquet(os.path.join(args.out, "articles"))
    events.write.mode(mode).parquet(os.path.join(args.out, "events"))
    n_articles = spark.read.parquet(os.path.join(args.out, "articles")).count()
    n_events = spark.read.parquet(os.path.join(args.out, "events")).count()
    rows.unpersist()
    print(f"dateline spark: {n_articles} records, {n_events} events -> {args.out}", file=sys.stderr)
    spark.stop()
    return 0


def cmd_ingest(args):
    spark = spark_session(args.master, "dateline ingest")
    sc = spark.sparkContext
    binary = os.path.abspath(args.binary)
    sc.addFile(binary)
    name = os.path.basename(binary)
    extra = ["--threads", str(args.threads_per_task)]
    if args.published:
        extra += ["--published", args.published]
    if args.source:
        extra += ["--source", args.source]
    db = args.db
    lines = (
        shards_rdd(sc, args.inputs, args.partitions)
        .mapPartitions(lambda it: ingest_partition(it, name, extra, db))
        .collect()
    )
    for line in lines:
        print(line, file=sys.stderr)
    spark.stop()
    return 0


def cmd_cat(args):
    spark = spark_session(args.master, "dateline cat")
    df = spark.read.parquet(os.path.join(args.out, args.dataset))
    out = sys.stdout
    for row in df.toLocalIterator():
        if args.dataset == "articles":
            out.write(row["record"])
        else:
            out.write(json.dumps(row.asDict(), ensure_ascii=False))
        out.write("\n")
    out.flush()
    spark.stop()
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp, needs_binary=True):
        sp.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
        if needs_binary:
            sp.add_argument("--binary", required=True, help="the dateline binary, shipped to executors")
            sp.add_argument("--published", help="publication date for articles that have none")
            sp.add_argument("--source", help="outlet name for articles that have none")
            sp.add_argument("--threads-per-task", type=int, default=1,
                            help="dateline threads per Spark task (Spark runs one task per core)")
            sp.add_argument("--partitions", type=int, default=0,
                            help="minimum partitions (default: twice the default parallelism)")
            sp.add_argument("inputs", nargs="+", help="shards: paths, directories, globs, URLs")

    e = sub.add_parser("extract", help="write Parquet datasets")
    common(e)
    e.add_argument("--out", required=True, help="output folder (articles/, events/)")
    e.add_argument("--overwrite", action="store_true", help="replace existing datasets")
    i = sub.add_parser("ingest", help="load a dateline store with `dateline ingest --db`")
    common(i)
    i.add_argument("--db", required=True, help="store: postgres://… URL, or a SQLite file in local mode")
    c = sub.add_parser("cat", help="print OUT/articles records (or OUT/events rows) as JSON Lines")
    common(c, needs_binary=False)
    c.add_argument("--dataset", choices=["articles", "events"], default="articles")
    c.add_argument("out")
    args = p.parse_args(argv)
    if args.command != "cat" and not os.path.isfile(args.binary):
        p.error(f"--binary {args.binary}: no such file")
    if args.master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Run by plain python3 (not spark-submit, which sets the master): local mode.
        args.master = "local[*]"
    return {"extract": cmd_extract, "ingest": cmd_ingest, "cat": cmd_cat}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
