"""Spark figures of BENCHMARKS.md (part of `make bench`), printed and, with --write, written
between the markers of BENCHMARKS.md's sections "Spark" and "Size limits of one corpus file".

    .tools/venv/bin/python scripts/spark/bench.py [--write] [--copies 10] [--runs 3] [--sizes 20000,100000,200000]

1. The analysis job against the plain CLI on the same input: the ECB+ development documents
   (../shared/evaldata, read in place) repeated `--copies` times under new ids, written to a
   temporary file. The CLI: `claimlens analyze FILE --jsonl` (bundled corpus) in one process. The
   job: `analyze_job` with the bundled corpus in local[1] and local[2], 4 input partitions, from
   reading the file to both Parquet tables written, session start-up not included (given apart).
   Medians of `--runs`.
2. Corpus files of N generated documents (ECB+ sentences recombined, figures varied, ~1 KB each):
   `claimlens corpus build` time and peak memory, file size, and the cost of loading the file in
   `claimlens analyze --corpus` (time and peak memory of analysing a 12-word text, less the same
   with --no-corpus; fastest of 3 and 5 runs). Peak memory is the process's maximum resident set
   (wait4).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import claimlens_spark as cs  # noqa: E402

DOCS = os.environ.get(
    "ECBPLUS_DOCS", os.path.join(cs.ROOT, "..", "shared", "evaldata", "ecbplus_dev", "docs.jsonl")
)
BENCHMARKS = os.path.join(cs.ROOT, "BENCHMARKS.md")
SHORT = "Officials said at least 1,200 people were evacuated on Tuesday, police allegedly reported."


def peak(command: list[str], stdin: bytes | None = None) -> tuple[float, int]:
    """(seconds, peak resident MiB) of one run, measured with wait4 on the child."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin:
        proc.stdin.write(stdin)
    proc.stdin.close()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: {err.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def median_of(runs: int, fn) -> float:
    """The median of `runs` calls of `fn` (each returns seconds)."""
    return statistics.median(fn() for _ in range(runs))


# --- 1. the Spark job against the CLI --------------------------------------------------------------


def spark_figures(copies: int, runs: int, tmp: str) -> dict:
    """Documents/s of the CLI in one process and of the job in local[1] and local[2]."""
    with open(DOCS, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    path = os.path.join(tmp, f"ecbplus-x{copies}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for c in range(copies):
            for r in records:
                f.write(json.dumps({"id": f"{c}/{r['id']}", "text": r["text"]}) + "\n")
    documents = copies * len(records)
    size = os.path.getsize(path)
    binary = cs.DEFAULT_BINARY
    load = os.getloadavg()[0]
    cli = median_of(runs, lambda: peak([binary, "analyze", path, "--jsonl"])[0])
    figures = {"documents": documents, "bytes": size, "cli_s": cli, "runs": runs, "copies": copies}
    figures["load"] = load
    from pyspark.sql import SparkSession

    for cores in (1, 2):
        started = time.monotonic()
        spark = cs.session(f"local[{cores}]", "claimlens-bench", progress=False)
        spark.range(1).count()
        figures.setdefault("startup_s", time.monotonic() - started)  # the first: JVM + session

        def job() -> float:
            t = time.monotonic()
            stats = cs.analyze_job(spark, path, os.path.join(tmp, "out"), binary=binary, partitions=4)
            assert stats["documents"] == documents and stats["errors"] == 0, stats
            figures["findings"] = stats["findings"]
            return time.monotonic() - t

        figures[f"local{cores}_s"] = median_of(runs, job)
        spark.stop()
        SparkSession._instantiatedSession = None
    return figures


def spark_section(f: dict) -> str:
    """The Spark table of BENCHMARKS.md."""
    n = f["documents"]
    rate = lambda s: f"{n / s:,.0f}"  # noqa: E731
    mb = f["bytes"] / 1e6
    lines = [
        f"Input: the 451 ECB+ development documents × {f['copies']} under new ids = {n:,} documents, "
        f"{mb:.1f} MB of JSON Lines, {f['findings']:,} findings; bundled corpus; medians of {f['runs']} "
        f"runs; {os.cpu_count()} cores shared with other work (load average {f['load']:.1f} when the "
        "run began; the figures vary with it).",
        "",
        "| run | time | documents/s | against the CLI |",
        "|---|---|---|---|",
        f"| `claimlens analyze FILE --jsonl`, one process | {f['cli_s']:.2f} s | **{rate(f['cli_s'])}** | 1 |",
        f"| Spark job, `local[1]` (4 partitions, one after another) | {f['local1_s']:.2f} s | **{rate(f['local1_s'])}** "
        f"| overhead ×{f['local1_s'] / f['cli_s']:.2f} |",
        f"| Spark job, `local[2]` (4 partitions, two at a time) | {f['local2_s']:.2f} s | **{rate(f['local2_s'])}** "
        f"| ×{f['local2_s'] / f['cli_s']:.2f}; speed-up over `local[1]` ×{f['local1_s'] / f['local2_s']:.2f} |",
        f"| Spark start-up: JVM and session (once per job; not in the times above) | {f['startup_s']:.1f} s | – | – |",
    ]
    return "\n".join(lines)


# --- 2. corpus file size limits ----------------------------------------------------------------


def sentence_pool() -> list[str]:
    """Sentences of the ECB+ documents (read in place)."""
    pool = []
    with open(DOCS, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 300]
    return pool


def generate(path: str, n: int, pool: list[str]) -> None:
    """N documents of 4–12 pool sentences each, figures varied (deterministic)."""
    rng = random.Random(14)
    digits = re.compile(r"\d+")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            sentences = rng.sample(pool, rng.randint(4, 12))
            text = " ".join(digits.sub(lambda m: str(rng.randint(2, 9999)), s) for s in sentences)
            f.write(json.dumps({"id": f"g{i}", "title": sentences[0][:80], "text": text}) + "\n")


def corpus_figures(sizes: list[int], tmp: str) -> list[dict]:
    """Build time and memory, file size, load time and memory per corpus size."""
    binary = cs.DEFAULT_BINARY
    pool = sentence_pool()
    short = SHORT.encode()
    base_s = min(peak([binary, "analyze", "-", "--json", "--no-corpus"], short)[0] for _ in range(5))
    base_mb = peak([binary, "analyze", "-", "--json", "--no-corpus"], short)[1]
    rows = []
    machine_load = os.getloadavg()[0]
    for n in sizes:
        jsonl = os.path.join(tmp, f"g{n}.jsonl")
        corpus = os.path.join(tmp, f"g{n}.corpus")
        generate(jsonl, n, pool)
        build_s, build_mb = peak([binary, "corpus", "build", jsonl, "-o", corpus])
        loads = [peak([binary, "analyze", "-", "--json", "--corpus", corpus], short) for _ in range(3)]
        rows.append(
            {
                "documents": n,
                "machine_load": machine_load,
                "jsonl_bytes": os.path.getsize(jsonl),
                "corpus_bytes": os.path.getsize(corpus),
                "build_s": build_s,
                "build_mb": build_mb,
                "load_s": min(s for s, _ in loads) - base_s,
                "load_mb": max(m for _, m in loads) - base_mb,
            }
        )
        os.remove(jsonl)
        os.remove(corpus)
    return rows


def corpus_section(rows: list[dict]) -> str:
    """The corpus size table of BENCHMARKS.md, with the limits extrapolated from its last row."""
    mib = lambda b: f"{b / 2**20:,.0f} MiB"  # noqa: E731
    lines = [
        "| documents | JSON Lines | `corpus build` (time, peak memory) | corpus file | load in `analyze --corpus` (time, memory) |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['documents']:,} | {mib(r['jsonl_bytes'])} | {r['build_s']:.1f} s, {r['build_mb']:,.0f} MiB "
            f"| **{mib(r['corpus_bytes'])}** | {r['load_s'] * 1000:,.0f} ms, +{r['load_mb']:,.0f} MiB |"
        )
    last = rows[-1]
    per_doc = last["corpus_bytes"] / last["documents"]
    cli_max = 2 * 2**30 / per_doc
    load_mb = max(last["load_mb"], 1.0)
    load_per_byte = load_mb * 2**20 / last["corpus_bytes"]
    wasm_max = 4 * 2**30 / (load_mb * 2**20) * last["documents"]
    lines += [
        "",
        f"Load average {rows[0]['machine_load']:.1f} on {os.cpu_count()} cores when the run began. "
        f"Per document: {per_doc:,.0f} bytes of corpus file; loading it takes {load_per_byte:.1f}× the file's "
        f"size in memory (the file read whole, then decoded) and {last['load_s'] / last['documents'] * 1e6:.1f} µs (from the largest row).",
        f"- **CLI**: refuses corpus files over 2 GiB (`MAX_CORPUS_BYTES`, src/bin/claimlens/input.rs): "
        f"about **{cli_max / 1e6:.1f} million** such documents, loaded in about "
        f"{last['load_s'] / last['documents'] * cli_max:.0f} s and {2 * load_per_byte:.0f} GiB of memory "
        f"(extrapolated linearly from the largest row).",
        f"- **Extension**: the sidebar fetches `corpus.bin` and copies it into the wasm module's memory, "
        f"which is 32-bit: at most 4 GiB for the file and what loading builds (the fetched bytes are "
        f"also held once in JavaScript during the copy), so at most about "
        f"**{wasm_max / 1e6:.1f} million** such documents (4 GiB divided by {load_per_byte:.1f}× the file "
        f"size, as natively; extrapolated, not measured in the browser at that size). The practical "
        f"limit is far lower: every sidebar (one per page it runs on) loads the corpus anew, at about "
        f"native speed (\"Corpus scale\" above gives the sidebar's load time at 100,000 documents), so "
        f"~100,000 documents (~{mib(per_doc * 100_000)}) is about the most a browser should load per "
        f"page; larger archives belong on a server (README, \"At scale\").",
    ]
    return "\n".join(lines)


# --- BENCHMARKS.md ------------------------------------------------------------------------------


def write_section(name: str, body: str) -> None:
    """Replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in BENCHMARKS.md."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    with open(BENCHMARKS, encoding="utf-8") as f:
        text = f.read()
    if begin not in text or end not in text:
        raise SystemExit(f"BENCHMARKS.md has no {begin} … {end} markers")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(BENCHMARKS, "w", encoding="utf-8") as f:
        f.write(f"{head}{begin}\n{body}\n{end}{tail}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--write", action="store_true", help="rewrite the sections of BENCHMARKS.md")
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sizes", default="20000,100000,200000", help="corpus sizes, comma-separated")
    p.add_argument("--skip", choices=("spark", "corpus"), help="leave one part out")
    args = p.parse_args(argv)
    if not os.path.isfile(DOCS):
        print(f"spark bench: skipped, no ECB+ documents at {DOCS}", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory(prefix="claimlens-bench-") as tmp:
        if args.skip != "spark":
            figures = spark_figures(args.copies, args.runs, tmp)
            section = spark_section(figures)
            print(json.dumps(figures))
            print(section)
            if args.write:
                write_section("spark", section)
        if args.skip != "corpus":
            rows = corpus_figures([int(n) for n in args.sizes.split(",")], tmp)
            section = corpus_section(rows)
            print(json.dumps(rows))
            print(section)
            if args.write:
                write_section("corpus-limits", section)


if __name__ == "__main__":
    main()
