//! The `claimlens` command line, run as a built binary: bad inputs exit with status 2 and a
//! message, `--json` carries the documented fields, corpus files built by `corpus build` are
//! used by `analyze --corpus` and `match`.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/000_41f577a6aff86205.txt"
);

/// A scratch folder for this test process, removed and recreated per test name.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn claimlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimlens");
    // The command may exit before reading its input; a broken pipe here is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("claimlens output")
}

fn stdout_json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

mod refusals {
    use super::*;

    /// A file the arguments may name as `{file}`.
    struct Case {
        name: &'static str,
        file: &'static [u8],
        args: &'static [&'static str],
        message: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            name: "no command",
            file: b"",
            args: &[],
            message: "no command",
        },
        Case {
            name: "unknown command",
            file: b"",
            args: &["frobnicate"],
            message: "unknown command",
        },
        Case {
            name: "unknown flag",
            file: b"x",
            args: &["analyze", "{file}", "--frob"],
            message: "unknown option --frob",
        },
        Case {
            name: "no file",
            file: b"",
            args: &["analyze"],
            message: "needs a FILE",
        },
        Case {
            name: "missing file",
            file: b"",
            args: &["analyze", "/nonexistent/x.txt"],
            message: "cannot read",
        },
        Case {
            name: "empty",
            file: b"",
            args: &["analyze", "{file}"],
            message: "is empty",
        },
        Case {
            name: "blank",
            file: b" \n\t\n",
            args: &["analyze", "{file}"],
            message: "is empty",
        },
        Case {
            name: "binary",
            file: b"\x7fELF\x00\x00\x01",
            args: &["analyze", "{file}"],
            message: "binary",
        },
        Case {
            name: "invalid UTF-8",
            file: b"caf\xe9 au lait",
            args: &["analyze", "{file}"],
            message: "not valid UTF-8",
        },
        Case {
            name: "two inputs",
            file: b"x",
            args: &["analyze", "{file}", "{file}"],
            message: "unexpected argument",
        },
        Case {
            name: "corpus and no corpus",
            file: b"x",
            args: &["analyze", "{file}", "--no-corpus", "--corpus", "{file}"],
            message: "either --no-corpus or --corpus",
        },
        Case {
            name: "corpus without value",
            file: b"x",
            args: &["analyze", "{file}", "--corpus"],
            message: "--corpus needs a value",
        },
        Case {
            name: "foreign corpus",
            file: b"Some article text.",
            args: &["analyze", "{file}", "--corpus", "{file}"],
            message: "not a ClaimLens corpus file",
        },
        Case {
            name: "truncated corpus",
            file: b"CLCORPUS\x01\x00",
            args: &["match", "--corpus", "{file}", "{file}"],
            message: "truncated",
        },
        Case {
            name: "JSON Lines from a missing file",
            file: b"",
            args: &["analyze", "/nonexistent/x.jsonl", "--jsonl"],
            message: "cannot read",
        },
        Case {
            name: "top zero",
            file: b"x",
            args: &["match", "--top", "0", "{file}"],
            message: "--top needs a positive",
        },
        Case {
            name: "top not a number",
            file: b"x",
            args: &["match", "--top", "many", "{file}"],
            message: "--top needs a positive",
        },
        Case {
            name: "match unknown flag",
            file: b"x",
            args: &["match", "--fast", "{file}"],
            message: "unknown option --fast",
        },
        Case {
            name: "corpus no subcommand",
            file: b"",
            args: &["corpus"],
            message: "corpus needs a command",
        },
        Case {
            name: "corpus unknown subcommand",
            file: b"",
            args: &["corpus", "shrink"],
            message: "unknown corpus command",
        },
        Case {
            name: "build without output",
            file: b"x",
            args: &["corpus", "build", "{file}"],
            message: "needs -o CORPUS",
        },
        Case {
            name: "build without input",
            file: b"",
            args: &["corpus", "build", "-o", "{file}"],
            message: "needs an INPUT",
        },
        Case {
            name: "build unknown flag",
            file: b"x",
            args: &["corpus", "build", "{file}", "-o", "x", "--zip"],
            message: "unknown option --zip",
        },
        Case {
            name: "build from bad JSON Lines",
            file: b"{\"id\":\"a\",\"text\":\"t\"}\n[1]\n",
            args: &["corpus", "build", "{file}", "-o", "{file}.bin"],
            message: ":2: not a JSON object",
        },
        Case {
            name: "build without ids",
            file: b"{\"text\":\"t\"}\n",
            args: &["corpus", "build", "{file}", "-o", "{file}.bin"],
            message: "no \"id\"",
        },
        Case {
            name: "build with duplicate ids",
            file: b"{\"id\":\"a\",\"text\":\"t\"}\n{\"id\":\"a\",\"text\":\"u\"}\n",
            args: &["corpus", "build", "{file}", "-o", "{file}.bin"],
            message: "duplicate id",
        },
        Case {
            name: "build from binary",
            file: b"\x1f\x8b\x08\x00\xff\xfe",
            args: &["corpus", "build", "{file}", "-o", "{file}.bin"],
            message: "not UTF-8",
        },
        Case {
            name: "build from nothing",
            file: b"\n\n",
            args: &["corpus", "build", "{file}", "-o", "{file}.bin"],
            message: "no documents",
        },
    ];

    #[test]
    fn bad_invocations_and_inputs_exit_2_with_a_message() {
        let dir = scratch("refusals");
        for (i, case) in CASES.iter().enumerate() {
            let file = dir.join(format!("input-{i}"));
            std::fs::write(&file, case.file).expect("write input");
            let file = file.to_string_lossy().into_owned();
            let args: Vec<String> = case
                .args
                .iter()
                .map(|a| a.replace("{file}", &file))
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = claimlens(&args, b"");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{}: {stderr}", case.name);
            assert!(stderr.contains(case.message), "{}: {stderr}", case.name);
            assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        }
    }

    #[test]
    fn compressed_json_lines_are_refused_with_advice() {
        let dir = scratch("gz");
        let file = dir.join("claims.jsonl.gz");
        std::fs::write(&file, b"{\"id\":\"a\",\"text\":\"t\"}\n").expect("write");
        let out = claimlens(
            &["corpus", "build", &file.to_string_lossy(), "-o", "x.bin"],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("decompress it first"));
    }
}

mod analyze_json {
    use super::*;

    /// Fields every finding has, and those of each kind's `detail`.
    const COMMON: &[&str] = &[
        "kind",
        "text",
        "start",
        "end",
        "verdict",
        "differences",
        "reference",
    ];
    const DETAIL: &[(&str, &[&str])] = &[
        ("attribution", &["source", "cue", "content"]),
        ("hedge", &["cue"]),
        ("statistic", &["value", "value_max", "qualifier", "unit"]),
    ];

    /// The fields of a finding, its own and its detail's (wherever the detail sits).
    fn has_field(finding: &Value, field: &str) -> bool {
        finding.get(field).is_some()
            || finding
                .get("detail")
                .and_then(|d| d.as_object())
                .is_some_and(|d| {
                    d.contains_key(field) || d.values().any(|v| v.get(field).is_some())
                })
    }

    #[test]
    fn json_findings_have_the_documented_fields() {
        let out = claimlens(&["analyze", SAMPLE, "--json"], b"");
        assert_eq!(out.status.code(), Some(0));
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let findings = report["findings"].as_array().expect("findings");
        for (kind, fields) in DETAIL {
            let of_kind: Vec<&Value> = findings.iter().filter(|f| f["kind"] == *kind).collect();
            assert!(!of_kind.is_empty(), "no {kind} in the sample");
            for f in of_kind {
                for field in COMMON.iter().chain(fields.iter()) {
                    assert!(has_field(f, field), "{kind} lacks {field}: {f}");
                }
            }
        }
        let text = std::fs::read_to_string(SAMPLE).expect("sample");
        for f in findings {
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text[start..end], *f["text"].as_str().unwrap());
        }
    }

    #[test]
    fn standard_input_and_json_lines_work() {
        let out = claimlens(
            &["analyze", "-", "--json", "--no-corpus"],
            b"Russia lost 1,200 troops, officials said.",
        );
        assert_eq!(out.status.code(), Some(0));
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let out = claimlens(
            &["analyze", "-", "--jsonl"],
            b"{\"id\":\"a\",\"text\":\"Perhaps 20 people came.\"}\n\n{\"id\":7,\"text\":\"Nothing.\"}\n",
        );
        let lines = stdout_json_lines(&out);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[1]["id"], 7);
    }
}

/// JSON Lines batches (`analyze --jsonl`, `match --jsonl`): a line that cannot be used is
/// reported where it stands — `{"id", "error"}` on stdout (the id when it can be read), a
/// message naming the line on stderr — and the batch goes on; the exit status is then 1.
mod batches {
    use super::*;

    const GOOD: &str = r#"{"id":"ok","text":"Officials said 1,200 people were evacuated."}"#;

    /// A bad line, the id the report should carry, and words of its reason.
    struct Case {
        line: &'static [u8],
        id: Value,
        reason: &'static str,
    }

    fn cases() -> Vec<Case> {
        vec![
            Case {
                line: b"not json",
                id: Value::Null,
                reason: "not a JSON object",
            },
            Case {
                line: br#"[1, 2]"#,
                id: Value::Null,
                reason: "not a JSON object",
            },
            Case {
                line: br#"{"id": 7, "text": "cut off"#,
                id: 7.into(),
                reason: "not a JSON object",
            },
            Case {
                line: br#"{"id": "x"}"#,
                id: "x".into(),
                reason: "no \"text\" string",
            },
            Case {
                line: br#"{"id": "n", "text": 5}"#,
                id: "n".into(),
                reason: "no \"text\" string",
            },
            Case {
                line: b"{\"id\": \"u\", \"text\": \"caf\xe9\"}",
                id: "u".into(),
                reason: "not valid UTF-8",
            },
        ]
    }

    #[test]
    fn bad_lines_are_reported_where_they_stand_and_the_batch_goes_on() {
        for args in [
            &["analyze", "-", "--jsonl", "--no-corpus"][..],
            &["match", "--jsonl", "-"][..],
        ] {
            let mut input = Vec::new();
            for case in cases() {
                input.extend_from_slice(GOOD.as_bytes());
                input.push(b'\n');
                input.extend_from_slice(case.line);
                input.push(b'\n');
            }
            input.extend_from_slice(GOOD.as_bytes());
            let out = claimlens(args, &input);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            let lines = stdout_json_lines(&out);
            assert_eq!(lines.len(), 2 * cases().len() + 1, "{args:?}");
            for (i, case) in cases().iter().enumerate() {
                let (good, bad) = (&lines[2 * i], &lines[2 * i + 1]);
                assert_eq!(good["id"], "ok");
                assert!(good.get("error").is_none(), "{good}");
                assert_eq!(bad["id"], case.id, "{args:?} line {}", 2 * i + 2);
                let reason = bad["error"].as_str().unwrap_or_default();
                assert!(reason.contains(case.reason), "{reason}");
                assert!(
                    stderr.contains(&format!("-:{}: {reason}", 2 * i + 2)),
                    "{stderr}"
                );
            }
            assert_eq!(lines.last().unwrap()["id"], "ok");
            assert!(!stderr.contains("panicked"));
        }
    }

    /// Issue 10: one 100 MB line was accepted (the 64 MiB limit of files was skipped for JSON
    /// Lines). A line over the limit is now refused without being held in memory, and the
    /// next line is read.
    #[test]
    fn a_line_over_the_size_limit_is_refused_and_the_next_is_read() {
        let mut input = br#"{"id": "huge", "text": ""#.to_vec();
        input.resize(64 * 1024 * 1024 + 10, b'a');
        input.extend_from_slice(b"\"}\n");
        input.extend_from_slice(GOOD.as_bytes());
        let out = claimlens(&["analyze", "-", "--jsonl", "--no-corpus"], &input);
        assert_eq!(out.status.code(), Some(1));
        let lines = stdout_json_lines(&out);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "huge");
        assert!(lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("larger than 64 MiB"));
        assert_eq!(lines[1]["id"], "ok");
        assert!(lines[1]["findings"]
            .as_array()
            .is_some_and(|f| !f.is_empty()));
    }
}

mod corpus_files {
    use super::*;

    /// Builds a corpus file from a folder of a text, an HTML and a Markdown article with a
    /// catalog, and returns its path.
    fn built_corpus(dir: &std::path::Path) -> String {
        let articles = dir.join("articles");
        std::fs::create_dir_all(&articles).expect("folder");
        std::fs::write(
            articles.join("a.txt"),
            "The flag at the Red Fort was replaced by protesters, police said.",
        )
        .unwrap();
        std::fs::write(
            articles.join("b.html"),
            "<html><head><title>Whale story</title></head><body><nav>Home | News</nav><article>\
            <p>A humpback whale nearly swallowed two kayakers off Avila Beach, California, in a video filmed on Tuesday, witnesses said.</p>\
            <p>The kayakers were unharmed, according to the harbour patrol, which estimated the whale at 15 metres, about 50 feet, long.</p>\
            <p>Whales feeding on anchovies often surface suddenly, with their mouths open, close to boats, biologists said on Wednesday.</p>\
            <p>The video, shared thousands of times, shows the kayak lifted briefly, then both people swimming, calmly, back to it.</p>\
            </article></body></html>",
        ).unwrap();
        std::fs::write(articles.join("c.md"), "# Snow in Los Angeles\n\nPhotos show **snow** in the [San Gabriel](https://example.org) foothills near Los Angeles.\n").unwrap();
        std::fs::write(articles.join("notes.csv"), "not,an,article\n").unwrap();
        std::fs::write(
            articles.join("catalog.tsv"),
            "# file\ttitle\toutlet\tdate\na.txt\tFlag at the Red Fort\tDaily\t2021-01\n",
        )
        .unwrap();
        let output = dir.join("corpus.bin").to_string_lossy().into_owned();
        let out = claimlens(
            &[
                "corpus",
                "build",
                &articles.to_string_lossy(),
                "-o",
                &output,
                "--progress",
            ],
            b"",
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("wrote 3 documents"));
        output
    }

    #[test]
    fn a_built_folder_corpus_is_matched_against() {
        let dir = scratch("folder");
        let corpus = built_corpus(&dir);
        let queries = b"{\"id\":\"q1\",\"text\":\"Whale swallows kayakers pic.twitter.com/abc\"}\n{\"id\":\"q2\",\"text\":\"snow near Los Angeles\"}\n{\"id\":\"q3\",\"text\":\"zebra\"}\n";
        let out = claimlens(
            &["match", "--corpus", &corpus, "--top", "1", "--jsonl", "-"],
            queries,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = stdout_json_lines(&out);
        let best: Vec<(&str, Option<&str>)> = lines
            .iter()
            .map(|l| {
                (
                    l["id"].as_str().unwrap(),
                    l["matches"].get(0).and_then(|m| m["doc"].as_str()),
                )
            })
            .collect();
        assert_eq!(
            best,
            [("q1", Some("b.html")), ("q2", Some("c.md")), ("q3", None)]
        );
        let first = &lines[0]["matches"][0];
        assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
        assert!(first["text"].as_str().is_some_and(|t| t.contains("whale")));
        assert_eq!(lines[0]["matches"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn analyze_compares_with_the_given_corpus_file() {
        let dir = scratch("analyze");
        let corpus = built_corpus(&dir);
        let page = b"Police said protesters allegedly replaced the national flag at the Red Fort in Delhi.";
        let out = claimlens(&["analyze", "-", "--json", "--corpus", &corpus], page);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let docs: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["reference"]["doc"].as_str())
            .collect();
        assert!(docs.contains(&"a.txt"), "{report}");
        let bundled = claimlens(&["analyze", "-", "--json"], page);
        let bundled: Value = serde_json::from_slice(&bundled.stdout).expect("JSON");
        assert!(!bundled.to_string().contains("a.txt"));
    }

    #[test]
    fn the_corpus_folder_builds_the_bundled_corpus() {
        let dir = scratch("bundled");
        let output = dir.join("corpus.bin").to_string_lossy().into_owned();
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let out = claimlens(&["corpus", "build", folder, "-o", &output], b"");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&output).expect("corpus file");
        assert_eq!(bytes, claimlens::Corpus::bundled().to_bytes());
    }

    #[test]
    fn json_lines_build_keeps_metadata() {
        let dir = scratch("jsonl");
        let input = dir.join("docs.jsonl");
        std::fs::write(
            &input,
            "{\"id\":\"d1\",\"title\":\"Fries\",\"text\":\"McDonald's offers $1 fries of any size.\",\"source\":\"Snopes\",\"date\":\"2015-05\",\"url\":\"https://example.org/fries\"}\n{\"id\":2,\"text\":\"A video shows a 10-meter anaconda.\"}\n",
        )
        .unwrap();
        let output = dir.join("c.bin").to_string_lossy().into_owned();
        let out = claimlens(
            &["corpus", "build", &input.to_string_lossy(), "-o", &output],
            b"",
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let corpus = claimlens::Corpus::from_bytes(&std::fs::read(&output).unwrap()).unwrap();
        let d = &corpus.documents()[0];
        assert_eq!((d.id.as_str(), d.title.as_str()), ("d1", "Fries"));
        assert_eq!(d.outlet.as_deref(), Some("Snopes"));
        assert_eq!(d.date.as_deref(), Some("2015-05"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/fries"));
        assert_eq!(corpus.documents()[1].title, "2");
        let out = claimlens(
            &["match", "--corpus", &output, "-"],
            b"giant anaconda video",
        );
        let lines = stdout_json_lines(&out);
        assert_eq!(lines[0]["id"], "-");
        assert_eq!(lines[0]["matches"][0]["doc"], "2");
    }
}

mod extract {
    use super::*;

    const PAGE: &str = "<html><head><title>Whale story</title></head><body><nav>Home | News</nav><article>\
        <p>A humpback whale nearly swallowed two kayakers off Avila Beach, California, in a video filmed on Tuesday, witnesses said.</p>\
        <p>The kayakers were unharmed, according to the harbour patrol, which estimated the whale at 15 metres, about 50 feet, long.</p>\
        <p>Whales feeding on anchovies often surface suddenly, with their mouths open, close to boats, biologists allegedly said.</p>\
        </article></body></html>";

    fn ok(out: &Output) {
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn a_page_gives_the_text_that_analyze_sees() {
        let dir = scratch("extract");
        let page = dir.join("whale.html");
        std::fs::write(&page, PAGE).unwrap();
        let page = page.to_string_lossy().into_owned();
        let out = claimlens(&["extract", &page], b"");
        ok(&out);
        let lines = stdout_json_lines(&out);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["id"], page.as_str());
        assert_eq!(lines[0]["title"], "Whale story");
        let text = lines[0]["text"].as_str().expect("text");
        assert!(text.starts_with("A humpback whale"), "{text}");
        assert!(!text.contains("Home | News"), "{text}");
        // The findings of the page are those of its extracted text, offsets included.
        let of_page = claimlens(&["analyze", &page, "--json", "--no-corpus"], b"");
        let of_text = claimlens(&["analyze", "-", "--json", "--no-corpus"], text.as_bytes());
        ok(&of_page);
        ok(&of_text);
        let of_page: Value = serde_json::from_slice(&of_page.stdout).unwrap();
        let of_text: Value = serde_json::from_slice(&of_text.stdout).unwrap();
        assert!(of_page["findings"]
            .as_array()
            .is_some_and(|f| !f.is_empty()));
        assert_eq!(of_page, of_text);
    }

    #[test]
    fn json_lines_mode_marks_pages_without_an_article() {
        let input = format!(
            "{}\n\n{}\n",
            serde_json::json!({"id": "w", "text": PAGE, "url": "https://example.org/w"}),
            serde_json::json!({"id": 7, "text": "<html><head><title>Empty</title></head><body></body></html>"}),
        );
        let out = claimlens(&["extract", "-", "--jsonl"], input.as_bytes());
        ok(&out);
        let lines = stdout_json_lines(&out);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "w");
        assert!(lines[0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("harbour patrol")));
        assert_eq!(lines[1]["id"], 7);
        assert_eq!(lines[1]["title"], "Empty");
        assert!(lines[1]["text"].is_null());
    }

    #[test]
    fn bad_input_is_refused() {
        for (args, stdin, message) in [
            (&["extract"][..], &b""[..], "needs a FILE"),
            (
                &["extract", "-", "--frob"][..],
                &b"<p>x</p>"[..],
                "unknown option",
            ),
            (
                &["extract", "-"][..],
                &b"<html><body></body></html>"[..],
                "no article",
            ),
        ] {
            let out = claimlens(args, stdin);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains(message), "{args:?}: {stderr}");
        }
        // A bad line of a batch is reported for that line; the batch goes on (exit status 1).
        let out = claimlens(
            &["extract", "-", "--jsonl"],
            b"{\"id\":1}\n{\"id\":2,\"text\":\"<p>x</p>\"}\n",
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("no \"text\" string"), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout.lines().count(), 2, "{stdout}");
        assert!(
            stdout.lines().next().unwrap().contains("\"error\""),
            "{stdout}"
        );
    }
}
