"""ClaimLens on Spark: the `claimlens` CLI over every partition of an archive of articles.

    spark-submit --files target/release/claimlens[,my.corpus] scripts/spark/claimlens_spark.py \
        --input articles.jsonl --output out/ [--corpus my.corpus | --no-corpus]

Reads articles (JSON Lines, or Parquet with `--format parquet`: `id`, `text`, optional `url`,
`title`, `date`), sends each partition's valid records through one `claimlens analyze - --jsonl`
process per batch, and writes two Parquet tables (schemas: FINDING_SCHEMA and DOCUMENT_SCHEMA
below, documented in the README's "At scale"):

    out/findings/   one row per finding
    out/documents/  one row per input record: counts per kind and verdict, or the error

A record that cannot be analysed (not JSON, no id, no text string, text that is not valid Unicode
or larger than the CLI's input limit) becomes a document row with an `error`; it never reaches the
CLI. Should the CLI still fail on a record, the records it answered are kept, the failing record
is retried alone (and becomes an error row if it fails again), and the rest of the batch goes on.
Progress is Spark's own (console progress bar, UI, event log): there is no scheduler here.

The binary and the corpus file are shipped to the executors with `SparkContext.addFile` (the
same as spark-submit's `--files`) and found there with `SparkFiles.get`. This module is shipped
to the executors with `addPyFile`, so no `--py-files` is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any, Iterable, Iterator, NamedTuple

#: The CLI refuses inputs larger than this (`MAX_INPUT_BYTES` in src/bin/claimlens/input.rs);
#: the job applies the same limit to each text, so that a record over it becomes an error row.
MAX_TEXT_BYTES = 64 * 1024 * 1024
#: Heap of the driver JVM in local mode (it runs the tasks too); spark-submit's own
#: --driver-memory wins.
LOCAL_DRIVER_MEMORY = "2g"
#: One CLI process analyses at most this many bytes of text (then a new one starts; each start
#: loads the corpus again).
BATCH_BYTES = 16 * 1024 * 1024
#: The finding kinds and verdicts of the CLI's JSON (README, "The command-line tool").
KINDS = ("attribution", "hedge", "statistic")
VERDICTS = (
    "corroborated",
    "number-differs",
    "certainty-differs",
    "source-differs",
    "not-in-corpus",
    "not-compared",
)
#: The repository root (this file is scripts/spark/claimlens_spark.py).
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BINARY = os.path.join(ROOT, "target", "release", "claimlens")


# --- records -----------------------------------------------------------------------------------


class Document(NamedTuple):
    """A record that can be analysed."""

    id: str
    record: int
    text: str
    url: str | None
    title: str | None
    date: str | None


class Rejected(NamedTuple):
    """A record that cannot be analysed, and why."""

    id: str | None
    record: int
    error: str


def parse_line(line: str) -> dict[str, Any] | str:
    """A JSON Lines record as a dict, or the reason it is not one."""
    try:
        value = json.loads(line)
    except ValueError as e:
        return f"not a JSON object: {e}"
    if not isinstance(value, dict):
        return "not a JSON object"
    return value


def record_id(value: Any) -> str | None:
    """A record's id as text: a non-empty string or an integer (as `corpus build` accepts)."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def optional_text(value: Any) -> str | None:
    """An optional metadata field as text (dates and numbers from Parquet included)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def check_record(
    value: dict[str, Any] | str, record: int, max_bytes: int = MAX_TEXT_BYTES, field: str = "text"
) -> Document | Rejected:
    """A Document, or a Rejected saying what is wrong with the record (`value` is a dict or the
    parse error of its line). `field` names the text field."""
    if isinstance(value, str):
        return Rejected(None, record, value)
    rid = record_id(value.get("id"))
    if rid is None:
        return Rejected(None, record, 'no "id" (a non-empty string or an integer)')
    text = value.get(field)
    if not isinstance(text, str):
        return Rejected(rid, record, f'no "{field}" string')
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return Rejected(rid, record, f'"{field}" is not valid Unicode (a lone surrogate)')
    if size > max_bytes:
        return Rejected(rid, record, f'"{field}" is larger than {max_bytes >> 20} MiB ({size} bytes)')
    return Document(
        rid,
        record,
        text,
        optional_text(value.get("url")),
        optional_text(value.get("title")),
        optional_text(value.get("date")),
    )


# --- the CLI as a subprocess ------------------------------------------------------------------


class Outcome(NamedTuple):
    """What the CLI made of one input record: its output object, or an error message."""

    value: dict[str, Any] | None
    error: str | None


def run_once(command: list[str], records: list[dict[str, Any]], first: int) -> tuple[list[dict[str, Any]], str | None]:
    """Runs `command` once over `records` (ids `first`, `first + 1`, … are set here) and returns
    the outputs it gave, in order, up to the first missing or garbled one, and the failure (exit
    status and last line of standard error) if it did not answer them all."""
    lines = "".join(json.dumps({**r, "id": first + i}) + "\n" for i, r in enumerate(records))
    proc = subprocess.run(command, input=lines.encode("utf-8"), capture_output=True, check=False)
    answered: list[dict[str, Any]] = []
    for i, line in enumerate(proc.stdout.decode("utf-8", "replace").splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            break
        if not isinstance(value, dict) or value.get("id") != first + i:
            break
        answered.append(value)
    if len(answered) == len(records):
        return answered, None
    stderr = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    why = stderr[-1] if stderr else "no message"
    return answered, f"claimlens exited with status {proc.returncode}: {why}"


def run_cli(command: list[str], records: list[dict[str, Any]]) -> list[Outcome]:
    """Runs a JSON Lines command of the CLI over `records`, one Outcome per record, in order.

    The CLI answers one line per record, in order, and flushes each line. If a run stops early,
    the records it answered are kept and the next record (the one it was on) is retried alone in
    a new process: its answer if it succeeds then, else an error. The remaining records go on in
    a new process. So one record can never cost the others their results.
    """
    outcomes: list[Outcome] = []
    while len(outcomes) < len(records):
        start = len(outcomes)
        answered, failure = run_once(command, records[start:], start)
        outcomes.extend(Outcome(v, None) for v in answered)
        if failure is None:
            break
        culprit = len(outcomes)
        alone, failure = run_once(command, [records[culprit]], culprit)
        outcomes.append(Outcome(alone[0], None) if alone else Outcome(None, failure))
    return outcomes


# --- the analysis job --------------------------------------------------------------------------


def analyze_command(binary: str, corpus: str | None, no_corpus: bool) -> list[str]:
    """The CLI's JSON Lines analysis command."""
    command = [binary, "analyze", "-", "--jsonl"]
    if no_corpus:
        command.append("--no-corpus")
    elif corpus:
        command += ["--corpus", corpus]
    return command


def finding_row(doc: Document, index: int, f: dict[str, Any]) -> tuple:
    """One row of FINDING_SCHEMA."""
    reference = f.get("reference") or {}
    score = reference.get("score")
    return (
        doc.id,
        doc.record,
        index,
        f["kind"],
        f["start"],
        f["end"],
        f["text"],
        f["verdict"],
        [(d.get("verdict"), d.get("detail")) for d in f.get("differences") or []],
        f.get("explanation"),
        reference.get("doc"),
        float(score) if score is not None else None,
        json.dumps(f, sort_keys=True, ensure_ascii=False),
    )


def document_row(
    id: str | None, record: int, doc: Document | None, findings: list[dict[str, Any]] | None, error: str | None
) -> tuple:
    """One row of DOCUMENT_SCHEMA: counts when analysed (`findings`), nulls and `error` otherwise."""
    meta = (doc.url, doc.title, doc.date, len(doc.text.encode("utf-8"))) if doc else (None,) * 4
    if findings is None:
        counts: tuple = (None,) * (1 + len(KINDS) + len(VERDICTS))
    else:
        counts = (
            len(findings),
            *(sum(f["kind"] == k for f in findings) for k in KINDS),
            *(sum(f["verdict"] == v for f in findings) for v in VERDICTS),
        )
    return (id, record, *meta, *counts, error)


def analyze_documents(docs: list[Document], command: list[str]) -> Iterator[tuple[tuple, list[tuple]]]:
    """(document row, finding rows) of each document, through one CLI run (or more on failure)."""
    outcomes = run_cli(command, [{"text": d.text} for d in docs])
    for doc, outcome in zip(docs, outcomes):
        if outcome.value is None:
            yield document_row(doc.id, doc.record, doc, None, outcome.error), []
            continue
        findings = outcome.value.get("findings") or []
        yield (
            document_row(doc.id, doc.record, doc, findings, None),
            [finding_row(doc, i, f) for i, f in enumerate(findings)],
        )


def analyze_partition(
    rows: Iterable[tuple[dict[str, Any] | str, int]],
    command: list[str],
    max_bytes: int = MAX_TEXT_BYTES,
    batch_bytes: int = BATCH_BYTES,
) -> Iterator[tuple[tuple, list[tuple]]]:
    """(document row, finding rows) for every record of a partition: `rows` are (parsed record or
    parse error, record number)."""
    batch: list[Document] = []
    size = 0
    for value, record in rows:
        checked = check_record(value, record, max_bytes)
        if isinstance(checked, Rejected):
            yield document_row(checked.id, record, None, None, checked.error), []
            continue
        text_bytes = len(checked.text.encode("utf-8"))
        if batch and size + text_bytes > batch_bytes:
            yield from analyze_documents(batch, command)
            batch, size = [], 0
        batch.append(checked)
        size += text_bytes
    if batch:
        yield from analyze_documents(batch, command)


def shipped(name: str, executable: bool = False) -> str:
    """On an executor: the local copy of a file shipped with addFile or --files, with its execute
    bit set for the binary (in case it lost it on the way)."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    if executable and not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


# --- Spark schemas and driver -----------------------------------------------------------------


def schemas():
    """FINDING_SCHEMA and DOCUMENT_SCHEMA (built lazily: pyspark is only needed by Spark code)."""
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    findings = StructType(
        [
            StructField("id", StringType(), False),  # the document's id
            StructField("record", LongType(), False),  # the document's position in the input
            StructField("position", IntegerType(), False),  # the finding's place in the document (0, 1, …)
            StructField("kind", StringType(), False),  # attribution | hedge | statistic
            StructField("start", LongType(), False),  # UTF-8 byte offsets into the text
            StructField("end", LongType(), False),
            StructField("text", StringType(), False),
            StructField("verdict", StringType(), False),
            StructField(
                "differences",
                ArrayType(
                    StructType(
                        [StructField("verdict", StringType()), StructField("detail", StringType())]
                    )
                ),
                False,
            ),
            StructField("explanation", StringType()),
            StructField("reference_doc", StringType()),  # the reference document's id, or null
            StructField("reference_score", DoubleType()),
            StructField("finding", StringType(), False),  # the CLI's whole finding, as JSON
        ]
    )
    count = [StructField(k, IntegerType()) for k in ("findings", *KINDS)]
    count += [StructField(v.replace("-", "_"), IntegerType()) for v in VERDICTS]
    documents = StructType(
        [
            StructField("id", StringType()),  # null when the record has none
            StructField("record", LongType(), False),
            StructField("url", StringType()),
            StructField("title", StringType()),
            StructField("date", StringType()),
            StructField("bytes", LongType()),  # UTF-8 bytes of the text
            *count,  # null when the record was not analysed
            StructField("error", StringType()),  # null when analysed
        ]
    )
    return findings, documents


def session(master: str | None, name: str = "claimlens", progress: bool = True):
    """A SparkSession; with a local `master` (e.g. local[2]) one on loopback with no web UI.
    `progress`: Spark's console progress bar."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(name)
    builder = builder.config("spark.ui.showConsoleProgress", str(progress).lower())
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # listen on loopback only
        builder = builder.master(master).config("spark.ui.enabled", "false")
        builder = builder.config("spark.sql.shuffle.partitions", "8")
        # In local mode the driver's JVM runs the tasks too; its default 1 GiB heap can be
        # exhausted by a few records near the 64 MiB limit (each held as several copies).
        if "spark.driver.memory" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
            builder = builder.config("spark.driver.memory", LOCAL_DRIVER_MEMORY)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    return spark


def ship(spark, path: str | None) -> str | None:
    """Ships a local file to the executors (as --files does); returns the name they find it by.
    A path that is not a file here is taken to have been shipped with --files already."""
    if path is None:
        return None
    sc = spark.sparkContext
    if os.path.isfile(path) and f"file:{os.path.abspath(path)}" not in sc.listFiles:
        sc.addFile(os.path.abspath(path))
    return os.path.basename(path)


def preflight(command: list[str]) -> None:
    """Runs the command on no input on the driver (when the binary and corpus file are here), so
    that a wrong binary or a bad corpus file fails the job at once instead of turning every
    record into an error row."""
    files = [command[0]] + [command[i + 1] for i, a in enumerate(command[:-1]) if a == "--corpus"]
    if not all(os.path.isfile(f) for f in files):
        return
    proc = subprocess.run(command, input=b"", capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: {proc.stderr.decode('utf-8', 'replace').strip()}")


def read_records(spark, path: str, fmt: str, partitions: int | None):
    """An RDD of (parsed record or parse error, record number) from JSON Lines or Parquet."""
    if fmt == "parquet":
        df = spark.read.parquet(path)
        if partitions:
            df = df.repartition(partitions)
        rows = df.rdd.map(lambda r: r.asDict())
        return rows.zipWithIndex()
    lines = spark.sparkContext.textFile(path, partitions or None)
    return lines.zipWithIndex().filter(lambda li: li[0].strip()).map(lambda li: (parse_line(li[0]), li[1]))


def analyze_job(
    spark,
    input: str,
    output: str,
    binary: str = DEFAULT_BINARY,
    corpus: str | None = None,
    no_corpus: bool = False,
    fmt: str = "jsonl",
    partitions: int | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
    batch_bytes: int = BATCH_BYTES,
) -> dict[str, int]:
    """Analyses `input` into `output`/findings and `output`/documents (Parquet, overwritten);
    returns counts: documents (rows), errors, findings."""
    from pyspark import StorageLevel

    preflight(analyze_command(binary, corpus, no_corpus))
    binary_name = ship(spark, binary)
    corpus_name = ship(spark, corpus)

    def partition(rows):
        corpus_path = shipped(corpus_name) if corpus_name else None
        command = analyze_command(shipped(binary_name, executable=True), corpus_path, no_corpus)
        return analyze_partition(rows, command, max_bytes, batch_bytes)

    results = read_records(spark, input, fmt, partitions).mapPartitions(partition)
    results.persist(StorageLevel.MEMORY_AND_DISK)
    finding_schema, document_schema = schemas()
    documents = spark.createDataFrame(results.map(lambda r: r[0]), document_schema)
    findings = spark.createDataFrame(results.flatMap(lambda r: r[1]), finding_schema)
    documents.write.mode("overwrite").parquet(os.path.join(output, "documents"))
    findings.write.mode("overwrite").parquet(os.path.join(output, "findings"))
    stats = results.map(lambda r: (1, int(r[0][-1] is not None), len(r[1]))).fold(
        (0, 0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2])
    )
    results.unpersist()
    return {"documents": stats[0], "errors": stats[1], "findings": stats[2]}


def main(argv: list[str] | None = None) -> None:
    """The command line of the analysis job."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="JSON Lines or Parquet articles (file or folder)")
    p.add_argument("--output", required=True, help="folder for findings/ and documents/ (Parquet)")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    p.add_argument("--claimlens", default=DEFAULT_BINARY, help="the CLI binary (default: %(default)s)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--corpus", help="compare with this corpus file (default: the bundled corpus)")
    which.add_argument("--no-corpus", action="store_true", help="do not compare")
    p.add_argument("--partitions", type=int, help="minimum number of input partitions")
    p.add_argument("--master", help="e.g. local[2] (default: what spark-submit says)")
    p.add_argument("--batch-bytes", type=int, default=BATCH_BYTES, help="text per CLI process")
    args = p.parse_args(argv)
    spark = session(args.master)
    started = time.monotonic()
    stats = analyze_job(
        spark,
        args.input,
        args.output,
        binary=args.claimlens,
        corpus=args.corpus,
        no_corpus=args.no_corpus,
        fmt=args.format,
        partitions=args.partitions,
        batch_bytes=args.batch_bytes,
    )
    stats["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(stats))
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
