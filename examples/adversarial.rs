//! Issue 10's adversarial inputs through the command-line tool, each beside ordinary news text of
//! the same size and form: wall time, throughput, peak memory and output size of one
//! `claimlens analyze` process (with the bundled corpus, as a reader's batch job runs it).
//!
//! ```text
//! cargo build --release --bin claimlens && cargo run --release --example adversarial [-- --json]
//! ```
//!
//! `make bench` runs it (`--json`) and writes the table into BENCHMARKS.md. The goals: each input
//! costs at most [`TIME_RATIO`] times its ordinary peer's time and runs at ≥ [`MIN_MB_S`] MB/s; its
//! peak memory grows by at most [`MEMORY_RATIO`] times the input over a one-sentence input's; its
//! output is at most [`OUTPUT_RATIO`] times the input; the article inside 20,000 nested elements
//! gives the same findings as the article alone; a JSON Lines line over the 64 MiB limit is
//! reported as an error line and the batch goes on. Peak memory is the child's `ru_maxrss`
//! (Linux), read by a copy of this program that does nothing else, so that one case's peak is
//! not another's.

/// The wasm32 build (clippy --all-targets) gets an empty program: this is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// An input may cost at most this many times its ordinary peer's time.
pub const TIME_RATIO: f64 = 3.0;
/// Every input runs at least this fast (MB of input per second of the whole process).
pub const MIN_MB_S: f64 = 5.0;
/// Peak memory may grow by at most this many times the input over a one-sentence input's peak.
pub const MEMORY_RATIO: f64 = 20.0;
/// Output may be at most this many times the input.
pub const OUTPUT_RATIO: f64 = 10.0;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{MEMORY_RATIO, MIN_MB_S, OUTPUT_RATIO, TIME_RATIO};
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Instant;

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    /// One run of the tool: seconds, bytes written to stdout, peak resident KiB, exit status.
    #[derive(Clone, Copy, Debug)]
    struct Run {
        seconds: f64,
        output: u64,
        peak_kib: u64,
        status: i32,
    }

    /// Runs `claimlens args…` as a child of this process and prints its [`Run`] (the mode a
    /// copy of this program is started in, so that `RUSAGE_CHILDREN` holds this child only).
    fn child(args: &[String]) {
        let started = Instant::now();
        let mut tool = Command::new(binary())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start claimlens");
        let mut out = tool.stdout.take().expect("stdout");
        let mut buf = vec![0u8; 1 << 16];
        let mut output = 0u64;
        loop {
            match out.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => output += n as u64,
                Err(e) => panic!("reading claimlens's output: {e}"),
            }
        }
        let status = tool.wait().expect("wait for claimlens");
        let seconds = started.elapsed().as_secs_f64();
        // SAFETY: getrusage writes one rusage struct into the zeroed value we pass.
        let usage = unsafe {
            let mut u: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
            u
        };
        println!(
            "{seconds} {output} {} {}",
            usage.ru_maxrss,
            status.code().unwrap_or(-1)
        );
    }

    fn binary() -> PathBuf {
        std::env::var_os("CLAIMLENS_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(ROOT).join("target/release/claimlens"))
    }

    /// `claimlens args…` measured in a fresh copy of this program.
    fn measure(args: &[&str]) -> Run {
        let me = std::env::current_exe().expect("this program's path");
        let out = Command::new(me)
            .arg("--child")
            .args(args)
            .output()
            .expect("run the measuring copy");
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(f.len(), 4, "measuring copy said {line:?}");
        Run {
            seconds: f[0].parse().unwrap(),
            output: f[1].parse().unwrap(),
            peak_kib: f[2].parse().unwrap(),
            status: f[3].parse().unwrap(),
        }
    }

    /// The median time of `runs` runs (the largest peak and output among them).
    fn median_of(runs: usize, args: &[&str]) -> Run {
        let mut all: Vec<Run> = (0..runs).map(|_| measure(args)).collect();
        all.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        Run {
            peak_kib: all.iter().map(|r| r.peak_kib).max().unwrap_or(0),
            output: all.iter().map(|r| r.output).max().unwrap_or(0),
            ..all[all.len() / 2]
        }
    }

    /// Ordinary news text: the paragraphs of the ECB+ development documents (other outlets'
    /// reports of 40 other events, read in place from `../shared/evaldata`), else of the sample
    /// articles.
    fn news() -> Vec<String> {
        let ecb = Path::new(ROOT).join("../shared/evaldata/ecbplus_dev/docs.jsonl");
        let mut paragraphs: Vec<String> = std::fs::read_to_string(ecb)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(String::from))
            .flat_map(|t| {
                t.split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        if paragraphs.is_empty() {
            for name in ["000_41f577a6aff86205.txt", "001_715e0a4cd338ff9b.txt"] {
                let text = std::fs::read_to_string(Path::new(ROOT).join("corpus").join(name))
                    .expect("corpus/ sample article");
                paragraphs.extend(
                    text.split("\n\n")
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(String::from),
                );
            }
        }
        paragraphs
    }

    /// Ordinary news text of about `bytes` bytes: the sample articles' paragraphs, over again.
    fn news_text(bytes: usize) -> String {
        let paragraphs = news();
        let mut out = String::new();
        for p in paragraphs.iter().cycle() {
            if out.len() >= bytes {
                break;
            }
            out.push_str(p);
            out.push_str("\n\n");
        }
        out
    }

    /// The same as HTML paragraphs in an article.
    fn news_html(bytes: usize) -> String {
        let paragraphs = news();
        let mut out = String::from("<!doctype html><title>News</title><body><article>");
        for p in paragraphs.iter().cycle() {
            if out.len() >= bytes {
                break;
            }
            out.push_str("<p>");
            out.push_str(p);
            out.push_str("</p>");
        }
        out.push_str("</article></body>");
        out
    }

    /// The first sample article as HTML, `depth` elements down.
    fn nested_html(depth: usize) -> String {
        let text = std::fs::read_to_string(Path::new(ROOT).join("corpus/000_41f577a6aff86205.txt"))
            .expect("sample article");
        let body: String = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| format!("<p>{p}</p>"))
            .collect();
        format!(
            "<!doctype html><title>Deep</title><body>{}<article>{body}</article>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    /// One row of the table.
    struct Row {
        name: String,
        bytes: u64,
        run: Run,
        peer: Run,
        findings: Option<(usize, usize)>,
        note: String,
    }

    fn write(dir: &Path, name: &str, content: &[u8]) -> String {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write an input");
        path.to_string_lossy().into_owned()
    }

    /// Findings in `claimlens analyze FILE --json` output.
    fn findings_of(file: &str) -> usize {
        let out = Command::new(binary())
            .args(["analyze", file, "--json"])
            .output()
            .expect("run claimlens");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        v["findings"].as_array().map_or(0, Vec::len)
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.first().map(String::as_str) == Some("--child") {
            return child(&args[1..]);
        }
        let json = args.iter().any(|a| a == "--json");
        assert!(
            binary().exists(),
            "{} not built: cargo build --release --bin claimlens",
            binary().display()
        );
        let dir = Path::new(ROOT).join("target/adversarial");
        std::fs::create_dir_all(&dir).expect("target/adversarial");
        // The memory of the smallest real run (the corpus loaded, one sentence analysed): what an
        // input's peak is measured from.
        let one = write(&dir, "one.txt", b"Officials said 12 people were hurt.\n");
        let baseline = median_of(3, &["analyze", &one, "--json"]);

        let mut rows = Vec::new();
        for (unit, n) in [
            ("officials said that ", 40_000),
            ("between 1 and ", 50_000),
            ("thousands of ", 300_000),
            ("1,200 casualties per day ", 100_000),
        ] {
            let text = unit.repeat(n);
            let file = write(&dir, &format!("repeat-{}.txt", rows.len()), text.as_bytes());
            let peer = write(
                &dir,
                &format!("news-{}.txt", rows.len()),
                news_text(text.len()).as_bytes(),
            );
            rows.push(Row {
                name: format!("`{unit:?}` × {n}"),
                bytes: text.len() as u64,
                run: median_of(3, &["analyze", &file, "--json"]),
                peer: median_of(3, &["analyze", &peer, "--json"]),
                findings: None,
                note: String::new(),
            });
        }
        for depth in [20_000, 100_000] {
            let html = nested_html(depth);
            let file = write(&dir, &format!("nested-{depth}.html"), html.as_bytes());
            let alone = write(&dir, "alone.html", nested_html(0).as_bytes());
            let peer = write(
                &dir,
                &format!("news-{depth}.html"),
                news_html(html.len()).as_bytes(),
            );
            let (deep, flat) = (findings_of(&file), findings_of(&alone));
            rows.push(Row {
                name: format!("HTML: the sample article {depth} `<div>`s down"),
                bytes: html.len() as u64,
                run: median_of(3, &["analyze", &file, "--json"]),
                peer: median_of(3, &["analyze", &peer, "--json"]),
                findings: Some((deep, flat)),
                note: format!("findings {deep} (the article alone: {flat})"),
            });
        }
        // One JSON Lines line over the limit (100 MB), then an ordinary line: the first is an
        // error line, the second is analysed. Its peer: the ordinary line alone, as large.
        let big = 100_000_000;
        let mut jsonl = String::with_capacity(big + 4096);
        jsonl.push_str("{\"id\":\"big\",\"text\":\"");
        jsonl.push_str(&"a".repeat(big));
        jsonl.push_str("\"}\n");
        let small_line = serde_json::json!({"id": "news", "text": news_text(20_000)}).to_string();
        jsonl.push_str(&small_line);
        jsonl.push('\n');
        let file = write(&dir, "big-line.jsonl", jsonl.as_bytes());
        let run = median_of(1, &["analyze", &file, "--jsonl"]);
        let answer = Command::new(binary())
            .args(["analyze", &file, "--jsonl"])
            .output()
            .expect("run claimlens");
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&answer.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        let refused = lines
            .first()
            .is_some_and(|l| l["id"] == "big" && l["error"].is_string());
        let went_on = lines
            .get(1)
            .is_some_and(|l| l["id"] == "news" && l["findings"].is_array());
        drop(jsonl);
        let peer_lines: String = (0..big / small_line.len())
            .map(|_| format!("{small_line}\n"))
            .collect();
        let peer = write(&dir, "news.jsonl", peer_lines.as_bytes());
        drop(peer_lines);
        rows.push(Row {
            name: "JSON Lines: one 100 MB line (over the 64 MiB limit), then an article".into(),
            bytes: jsonl_len(&file),
            run,
            peer: median_of(1, &["analyze", &peer, "--jsonl"]),
            findings: None,
            note: format!(
                "the long line {}, the next {}",
                if refused {
                    "refused (error line)"
                } else {
                    "NOT refused"
                },
                if went_on { "analysed" } else { "NOT analysed" }
            ),
        });
        let _ = std::fs::remove_file(&file);
        let _ = std::fs::remove_file(&peer);

        report(&rows, baseline, json, refused && went_on);
    }

    fn jsonl_len(file: &str) -> u64 {
        std::fs::metadata(file).map_or(0, |m| m.len())
    }

    fn report(rows: &[Row], baseline: Run, json: bool, batch_ok: bool) {
        let mut out = Vec::new();
        let mut all_met = batch_ok;
        for r in rows {
            let mb = r.bytes as f64 / 1e6;
            let mb_s = mb / r.run.seconds;
            let ratio = r.run.seconds / r.peer.seconds;
            let grown = r.run.peak_kib.saturating_sub(baseline.peak_kib) as f64 * 1024.0;
            let memory = grown / r.bytes as f64;
            let output = r.run.output as f64 / r.bytes as f64;
            let same_findings = r
                .findings
                .is_none_or(|(deep, flat)| deep == flat && flat > 0);
            let met = ratio <= TIME_RATIO
                && mb_s >= MIN_MB_S
                && memory <= MEMORY_RATIO
                && output <= OUTPUT_RATIO
                && same_findings
                && r.run.status <= 1;
            all_met &= met;
            out.push(serde_json::json!({
                "input": r.name,
                "bytes": r.bytes,
                "ms": r.run.seconds * 1e3,
                "peer_ms": r.peer.seconds * 1e3,
                "time_ratio": ratio,
                "mb_s": mb_s,
                "peak_mib": r.run.peak_kib as f64 / 1024.0,
                "memory_ratio": memory,
                "output_ratio": output,
                "note": r.note,
                "met": met,
            }));
        }
        let baseline_mib = baseline.peak_kib as f64 / 1024.0;
        if json {
            let v =
                serde_json::json!({"baseline_peak_mib": baseline_mib, "rows": out, "met": all_met});
            println!("{v}");
            return;
        }
        println!("one-sentence input: peak {baseline_mib:.1} MiB");
        println!("| input | bytes | time (ordinary text, same size) | × | MB/s | peak memory (growth / input) | output / input | |");
        println!("|---|---|---|---|---|---|---|---|");
        for r in &out {
            println!(
                "| {} | {} | {:.0} ms ({:.0} ms) | {:.2} | {:.1} | {:.1} MiB ({:.1}) | {:.2} | {} {} |",
                r["input"].as_str().unwrap_or(""),
                r["bytes"],
                r["ms"].as_f64().unwrap_or(0.0),
                r["peer_ms"].as_f64().unwrap_or(0.0),
                r["time_ratio"].as_f64().unwrap_or(0.0),
                r["mb_s"].as_f64().unwrap_or(0.0),
                r["peak_mib"].as_f64().unwrap_or(0.0),
                r["memory_ratio"].as_f64().unwrap_or(0.0),
                r["output_ratio"].as_f64().unwrap_or(0.0),
                if r["met"] == true { "met" } else { "**missed**" },
                r["note"].as_str().unwrap_or(""),
            );
        }
    }
}
