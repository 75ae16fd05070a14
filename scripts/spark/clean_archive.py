"""A reference corpus from an archive: clean it on Spark and write what `claimlens corpus build` reads.

    spark-submit --files target/release/claimlens scripts/spark/clean_archive.py \
        --input archive.jsonl --output clean/ [--build archive.corpus]

Input: JSON Lines (or Parquet with `--format parquet`) records with `id` and either `text` (plain
text) or `html` (a saved page), optional `title`, `url`, `date`, `source`. Steps, in order:

1. records that cannot be read (see claimlens_spark.check_record) are rejected (`invalid`);
2. article extraction: `html` goes through `claimlens extract - --jsonl`, the same extraction that
   `claimlens analyze page.html` and `corpus build` use (`no-article` when there is none);
3. too short: fewer than `--min-words` words (`too-short`; 5 words make one shingle);
4. language: a stop-word-ratio English filter. The share of words that are common English
   function words ("the", "of", "said", …) is 0.26–0.55 in the ECB+ news of 20 words or more and
   under 0.05 in German or Spanish news. Texts of `--judge-from` words or more with a share below
   `--min-english` are rejected (`not-english`); shorter texts are kept (too few words to tell).
   A crude filter, chosen to need nothing but the standard library; it does not tell other
   languages apart and a list or table of English terms may fail it;
5. duplicate ids: a later record with an id seen before (`duplicate-id`), as `corpus build` refuses;
6. exact duplicates: the same sequence of words (case, punctuation and spacing aside) as an earlier
   record (`exact-duplicate`);
7. near duplicates: Jaccard similarity of word 5-shingle sets ≥ `--similarity` (0.8) with an earlier
   record, found with MinHash LSH (pyspark.ml MinHashLSH over hashed shingles; the similarity of a
   candidate pair is then computed exactly on the hashed sets). Each document with such an earlier
   twin is dropped (`near-duplicate`); in a chain A~B~C where A and C are not alike, C goes too.

"Earlier" is the order of the input (the record number). Output:

    clean/documents/   JSON Lines part files of {"id","title","text"[,"url","date","source"]}
    clean/rejected/    Parquet: id, record, reason, detail, duplicate_of
    --build FILE       (local output only) also concatenates the parts into clean/documents.jsonl
                       and runs `claimlens corpus build` on it
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from typing import Any, Iterable, Iterator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import claimlens_spark as cs  # noqa: E402

#: Common English function words (and "said", the reporting verb of news).
ENGLISH = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own said same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SHINGLE = 5
MIN_WORDS = SHINGLE
MIN_ENGLISH = 0.12
JUDGE_FROM = 20
SIMILARITY = 0.8


def words(text: str) -> list[str]:
    """The lower-cased words of a text (letters, with inner apostrophes; no digits)."""
    return [w.lower() for w in WORD.findall(text)]


def shingles(ws: list[str]) -> list[str]:
    """The distinct word SHINGLE-grams of a word list, sorted."""
    return sorted({" ".join(ws[i : i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1)})


def english_share(ws: list[str]) -> float:
    """The share of words that are common English function words."""
    return sum(w in ENGLISH for w in ws) / len(ws) if ws else 0.0


def judge(
    text: str, min_words: int = MIN_WORDS, min_english: float = MIN_ENGLISH, judge_from: int = JUDGE_FROM
) -> tuple[str | None, str | None, str | None, list[str] | None]:
    """(reason, detail, exact key, shingles) of a text: a rejection reason, or its dedup keys."""
    ws = words(text)
    if len(ws) < max(min_words, SHINGLE):
        return "too-short", f"{len(ws)} words", None, None
    share = english_share(ws)
    if len(ws) >= judge_from and share < min_english:
        return "not-english", f"English function words {share:.2f} of {len(ws)} words", None, None
    key = hashlib.sha1(" ".join(ws).encode("utf-8")).hexdigest()
    return None, None, key, shingles(ws)


def row(
    id: str | None, record: int, doc: cs.Document | None = None, source: str | None = None,
    reason: str | None = None, detail: str | None = None, text: str | None = None,
    title: str | None = None, key: str | None = None, shingles: list[str] | None = None,
) -> tuple:
    """One row of ROW_SCHEMA (`doc` gives url and date)."""
    meta = (doc.url, doc.date) if doc else (None, None)
    return (id, record, title, text, *meta, source, reason, detail, key, shingles)


ROW_SCHEMA = (
    "id string, record long, title string, text string, url string, date string, source string, "
    "reason string, detail string, key string, shingles array<string>"
)


def finish(doc: cs.Document, source: str | None, text: str, title: str | None, options: dict) -> tuple:
    """The row of a readable document: kept (with its keys) or rejected by length or language."""
    reason, detail, key, sh = judge(text, **options)
    return row(doc.id, doc.record, doc, source, reason, detail, text, title, key, sh)


def clean_partition(
    rows: Iterable[tuple[dict[str, Any] | str, int]], command: list[str], options: dict,
    batch_bytes: int = cs.BATCH_BYTES,
) -> Iterator[tuple]:
    """ROW_SCHEMA rows of a partition: HTML goes through `claimlens extract` in batches."""
    pages: list[tuple[cs.Document, str | None]] = []
    size = 0

    def extract() -> Iterator[tuple]:
        outcomes = cs.run_cli(command, [{"text": d.text, "url": d.url or ""} for d, _ in pages])
        for (doc, source), outcome in zip(pages, outcomes):
            if outcome.value is None:
                yield row(doc.id, doc.record, doc, source, "invalid", outcome.error)
            elif outcome.value.get("text") is None:
                yield row(doc.id, doc.record, doc, source, "no-article", "no article found in the HTML")
            else:
                title = doc.title or outcome.value.get("title") or None
                yield finish(doc, source, outcome.value["text"], title, options)

    for value, record in rows:
        is_page = isinstance(value, dict) and "html" in value and "text" not in value
        checked = cs.check_record(value, record, field="html" if is_page else "text")
        if isinstance(checked, cs.Rejected):
            yield row(checked.id, record, reason="invalid", detail=checked.error)
            continue
        source = cs.optional_text(value.get("source"))
        if not is_page:
            yield finish(checked, source, checked.text, checked.title, options)
            continue
        page_bytes = len(checked.text.encode("utf-8"))
        if pages and size + page_bytes > batch_bytes:
            yield from extract()
            pages, size = [], 0
        pages.append((checked, source))
        size += page_bytes
    if pages:
        yield from extract()


def clean_job(
    spark, input: str, output: str, binary: str = cs.DEFAULT_BINARY, fmt: str = "jsonl",
    partitions: int | None = None, min_words: int = MIN_WORDS, min_english: float = MIN_ENGLISH,
    judge_from: int = JUDGE_FROM, similarity: float = SIMILARITY, seed: int = 14,
) -> dict[str, int]:
    """Cleans `input` into `output`/documents (JSON Lines) and `output`/rejected (Parquet);
    returns the number of documents kept and rejected per reason."""
    from pyspark import StorageLevel
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark.sparkContext.addPyFile(os.path.abspath(__file__))  # for the executors' imports
    command = [binary, "extract", "-", "--jsonl"]
    cs.preflight(command)
    name = cs.ship(spark, binary)
    options = {"min_words": min_words, "min_english": min_english, "judge_from": judge_from}

    def partition(rows):
        return clean_partition(rows, [cs.shipped(name, executable=True), *command[1:]], options)

    rows = spark.createDataFrame(
        cs.read_records(spark, input, fmt, partitions).mapPartitions(partition), ROW_SCHEMA
    ).persist(StorageLevel.MEMORY_AND_DISK)
    rejected_cols = ["id", "record", "reason", "detail", "duplicate_of"]
    rejected = [rows.where(F.col("reason").isNotNull()).withColumn("duplicate_of", F.lit(None).cast("string"))]

    # duplicate ids, then exact duplicates: the first record of each group stays
    readable = rows.where(F.col("reason").isNull())
    for group, reason in (("id", "duplicate-id"), ("key", "exact-duplicate")):
        w = Window.partitionBy(group).orderBy("record")
        ranked = (
            readable.withColumn("rank", F.row_number().over(w))
            .withColumn("duplicate_of", F.first("id").over(w))
            .withColumn("detail", F.concat(F.lit("the same as record "), F.first("record").over(w).cast("string")))
        )
        rejected.append(ranked.where(F.col("rank") > 1).withColumn("reason", F.lit(reason)))
        readable = ranked.where(F.col("rank") == 1).drop("rank", "duplicate_of", "detail")
    readable = readable.persist(StorageLevel.MEMORY_AND_DISK)

    # near duplicates: MinHash LSH over hashed 5-shingle sets
    hashed = HashingTF(inputCol="shingles", outputCol="features", numFeatures=1 << 22, binary=True).transform(
        readable.select("id", "record", "shingles")
    )
    lsh = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=5, seed=seed).fit(hashed)
    pairs = lsh.approxSimilarityJoin(hashed, hashed, 1.0 - similarity, distCol="distance").where(
        F.col("datasetA.record") < F.col("datasetB.record")
    )
    near = (
        pairs.groupBy(F.col("datasetB.record").alias("record"))
        .agg(
            F.min_by(F.col("datasetA.id"), F.col("datasetA.record")).alias("duplicate_of"),
            F.max(1.0 - F.col("distance")).alias("similarity"),
        )
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    near_rows = readable.join(near, "record").withColumn("reason", F.lit("near-duplicate")).withColumn(
        "detail", F.format_string("Jaccard %.3f of word 5-shingles", F.col("similarity"))
    )
    rejected.append(near_rows)
    kept = readable.join(near.select("record"), "record", "left_anti")

    documents = os.path.join(output, "documents")
    kept.select("id", "title", "text", "url", "date", "source").write.mode("overwrite").json(documents)
    all_rejected = rejected[0].select(rejected_cols)
    for part in rejected[1:]:
        all_rejected = all_rejected.unionByName(part.select(rejected_cols))
    all_rejected.write.mode("overwrite").parquet(os.path.join(output, "rejected"))
    counts = {r["reason"]: r["count"] for r in all_rejected.groupBy("reason").count().collect()}
    counts["kept"] = kept.count()
    near.unpersist()
    readable.unpersist()
    rows.unpersist()
    return counts


def build_corpus(binary: str, output: str, corpus: str) -> str:
    """Concatenates the job's JSON Lines parts (local output) and builds a corpus file from
    them; returns `corpus build`'s message."""
    jsonl = os.path.join(output, "documents.jsonl")
    with open(jsonl, "wb") as out:
        for part in sorted(glob.glob(os.path.join(output, "documents", "part-*"))):
            with open(part, "rb") as f:
                out.write(f.read())
    proc = subprocess.run(
        [binary, "corpus", "build", jsonl, "-o", corpus], capture_output=True, check=False
    )
    message = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise SystemExit(message)
    return message


def main(argv: list[str] | None = None) -> None:
    """The command line of the cleaning job."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="JSON Lines or Parquet archive (file or folder)")
    p.add_argument("--output", required=True, help="folder for documents/ (JSON Lines) and rejected/")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    p.add_argument("--claimlens", default=cs.DEFAULT_BINARY, help="the CLI binary (default: %(default)s)")
    p.add_argument("--build", metavar="CORPUS", help="also build this corpus file (local output only)")
    p.add_argument("--partitions", type=int, help="minimum number of input partitions")
    p.add_argument("--master", help="e.g. local[2] (default: what spark-submit says)")
    p.add_argument("--min-words", type=int, default=MIN_WORDS)
    p.add_argument("--min-english", type=float, default=MIN_ENGLISH)
    p.add_argument("--judge-from", type=int, default=JUDGE_FROM, help="words needed to judge language")
    p.add_argument("--similarity", type=float, default=SIMILARITY, help="near-duplicate Jaccard")
    args = p.parse_args(argv)
    spark = cs.session(args.master, "claimlens-clean-archive")
    started = time.monotonic()
    counts = clean_job(
        spark, args.input, args.output, binary=args.claimlens, fmt=args.format,
        partitions=args.partitions, min_words=args.min_words, min_english=args.min_english,
        judge_from=args.judge_from, similarity=args.similarity,
    )
    spark.stop()
    if args.build:
        counts["corpus"] = build_corpus(args.claimlens, args.output, args.build)
    counts["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(counts))


if __name__ == "__main__":
    sys.exit(main())
