//! Corpus scale, natively: build time, index bytes, load time and compare time per article with
//! the 14,231 CheckThat! verified claims and with a generated 100,000-document corpus.
//!
//! ```text
//! cargo run --release --example corpus_scale -- [--out DIR] [--snapshot SNAPSHOT.json] [--runs N]
//! ```
//! The verified claims are read in place from `$CHECKTHAT_DIR` (default
//! `/work/shared/evaldata/checkthat2022_task2a_en`); without them only the generated corpus is
//! measured. The generated corpus is made here, deterministically, by recombining the claims'
//! sentences (or, without them, the two sample articles' sentences) with varied figures and
//! names; nothing generated is kept unless `--out DIR` asks for the corpus files
//! (`DIR/vclaims.bin`, `DIR/synthetic100k.bin`, as `claimlens corpus build` writes them) for the
//! browser half of the benchmark (`tests/e2e/bench/corpus-scale.mjs`).
//!
//! The article compared is the bundled sample `corpus/000_41f577a6aff86205.txt` (through
//! `claimlens::analyze`), or the page snapshot given with `--snapshot` (through
//! `analyze_page`, as the sidebar does). One JSON line per corpus is printed.

/// The wasm32 build (clippy --all-targets) gets an empty program: this is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = native::run() {
        eprintln!("corpus_scale: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/mod.rs"]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use claimlens::analyze_page;
    use claimlens::corpus::Document;
    use claimlens::page::PageSnapshot;
    use claimlens::text::sentences;
    use claimlens::Corpus;
    use std::path::{Path, PathBuf};
    use std::time::Instant;

    const DEFAULT_DIR: &str = "/work/shared/evaldata/checkthat2022_task2a_en";
    const SAMPLE: &str = include_str!("../corpus/000_41f577a6aff86205.txt");
    const OTHER_SAMPLE: &str = include_str!("../corpus/001_715e0a4cd338ff9b.txt");
    /// Size of the generated corpus.
    const GENERATED: usize = 100_000;

    const FIRST_NAMES: &[&str] = &[
        "Maria", "James", "Olena", "Ahmed", "Chen", "Fatima", "Lucas", "Ingrid", "Kwame", "Sofia",
        "Dmitri", "Aisha", "Pedro", "Yuki", "Hannah", "Omar", "Elena", "Tom", "Priya", "Jonas",
    ];
    const LAST_NAMES: &[&str] = &[
        "Novak",
        "Okafor",
        "Schmidt",
        "Haddad",
        "Larsen",
        "Moreau",
        "Tanaka",
        "Kowalski",
        "Silva",
        "Brennan",
        "Petrenko",
        "Mensah",
        "Rossi",
        "Lindqvist",
        "Park",
        "Alvarez",
        "Nguyen",
    ];
    const SOURCES: &[&str] = &[
        "the health ministry",
        "regional officials",
        "a government spokesperson",
        "the city council",
        "local police",
        "the electoral commission",
        "independent analysts",
        "the central bank",
    ];
    const CUES: &[&str] = &["said", "told reporters", "claimed", "estimated", "reported"];
    const THINGS: &[&str] = &[
        "people", "votes", "cases", "jobs", "homes", "troops", "dollars", "migrants", "patients",
    ];

    /// A small deterministic generator (SplitMix64).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }

        fn figure(&mut self) -> String {
            match self.below(4) {
                0 => format!("{}", 2 + self.below(98)),
                1 => format!("{},{:03}", 1 + self.below(99), self.below(1000)),
                2 => format!("{}.{} million", 1 + self.below(40), self.below(10)),
                _ => format!("{} percent", 1 + self.below(99)),
            }
        }
    }

    /// A sentence with its figures replaced by random ones and, sometimes, a name swapped in.
    fn vary(sentence: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(sentence.len() + 16);
        let mut chars = sentence.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_digit() || *d == ',')
                {
                    chars.next();
                }
                out.push_str(&rng.figure());
            } else {
                out.push(c);
            }
        }
        if rng.below(3) == 0 {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
            out = match out.split_once(' ') {
                Some((_, rest)) => format!("{name} {rest}"),
                None => out,
            };
        }
        out
    }

    /// An attributed statistic, as news reports carry them.
    fn attribution(rng: &mut Rng) -> String {
        let qualifier = rng.pick(&["", "over ", "at least ", "about ", "nearly "]);
        let hedge = rng.pick(&["", "reportedly ", "allegedly ", ""]);
        let (source, cue, thing) = (rng.pick(SOURCES), rng.pick(CUES), rng.pick(THINGS));
        let figure = rng.figure();
        let month = rng.pick(&["January", "March", "May", "July", "September", "November"]);
        format!("According to {source}, {qualifier}{figure} {thing} were {hedge}affected in {month}, {} {} {cue}.",
            rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
    }

    /// `n` news-like documents of 4–12 sentences recombined from `pool`.
    pub fn generate(pool: &[String], n: usize) -> Vec<Document> {
        let mut rng = Rng(0x00c1_a1e5);
        (0..n)
            .map(|i| {
                let count = 4 + rng.below(9);
                let mut parts: Vec<String> = Vec::with_capacity(count + 2);
                for _ in 0..count {
                    let s = &pool[rng.below(pool.len())];
                    parts.push(vary(s, &mut rng));
                    if rng.below(4) == 0 {
                        parts.push(attribution(&mut rng));
                    }
                }
                let title: String = parts[0].chars().take(90).collect();
                Document {
                    id: format!("synthetic-{i:06}"),
                    title,
                    outlet: Some("Generated".to_string()),
                    date: Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                    url: None,
                    text: parts.join(" "),
                }
            })
            .collect()
    }

    /// The sentences of some documents, as a pool to recombine.
    fn sentence_pool<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
        texts
            .flat_map(|t| {
                sentences(t)
                    .into_iter()
                    .map(|s| s.slice(t).trim().to_string())
                    .filter(|s| s.len() > 20)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
    }

    fn ms(t: Instant) -> f64 {
        t.elapsed().as_secs_f64() * 1e3
    }

    /// Builds, writes, loads and compares against one corpus; prints one JSON line.
    fn measure(
        name: &str,
        documents: Vec<Document>,
        article: &dyn Fn(&Corpus) -> usize,
        runs: usize,
        out: Option<&Path>,
    ) -> Result<(), String> {
        let count = documents.len();
        let text_bytes: usize = documents.iter().map(|d| d.text.len()).sum();
        let t = Instant::now();
        let built = Corpus::new(documents);
        let build_ms = ms(t);
        let t = Instant::now();
        let bytes = built.to_bytes();
        let write_ms = ms(t);
        drop(built);
        if let Some(dir) = out {
            let path = dir.join(format!("{name}.bin"));
            std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let mut loads = Vec::new();
        let mut corpus = None;
        for _ in 0..runs {
            let t = Instant::now();
            let loaded = Corpus::from_bytes(&bytes).map_err(|e| e.to_string())?;
            loads.push(ms(t));
            corpus = Some(loaded);
        }
        let corpus = corpus.ok_or("no run")?;
        let t = Instant::now();
        let findings = article(&corpus);
        let first_ms = ms(t);
        let mut compares = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            article(&corpus);
            compares.push(ms(t));
        }
        let no_corpus = {
            let empty = Corpus::new(Vec::new());
            let mut xs = Vec::new();
            for _ in 0..runs {
                let t = Instant::now();
                article(&empty);
                xs.push(ms(t));
            }
            median(xs)
        };
        println!(
            "{{\"corpus\": \"{name}\", \"documents\": {count}, \"passages\": {}, \"text_bytes\": {text_bytes}, \
             \"build_ms\": {build_ms:.0}, \"write_ms\": {write_ms:.0}, \"index_bytes\": {}, \
             \"load_ms\": {:.1}, \"findings\": {findings}, \"compare_first_ms\": {first_ms:.2}, \
             \"compare_ms\": {:.2}, \"analyze_empty_corpus_ms\": {no_corpus:.2}, \"runs\": {runs}}}",
            corpus.passages().len(),
            bytes.len(),
            median(loads),
            median(compares),
        );
        Ok(())
    }

    pub fn run() -> Result<(), String> {
        let mut out: Option<PathBuf> = None;
        let mut snapshot: Option<PageSnapshot> = None;
        let mut runs = 5;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--out" => out = Some(PathBuf::from(value()?)),
                "--snapshot" => {
                    let path = value()?;
                    let json =
                        std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                    snapshot =
                        Some(serde_json::from_str(&json).map_err(|e| format!("{path}: {e}"))?);
                }
                "--runs" => runs = value()?.parse().map_err(|_| "--runs: a number")?,
                other => return Err(format!("unknown argument {other}")),
            }
        }
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let article: Box<dyn Fn(&Corpus) -> usize> = match snapshot {
            Some(s) => Box::new(move |c: &Corpus| analyze_page(&s, Some(c)).report.findings.len()),
            None => Box::new(|c: &Corpus| claimlens::analyze(SAMPLE, Some(c)).findings.len()),
        };
        let dir =
            PathBuf::from(std::env::var("CHECKTHAT_DIR").unwrap_or_else(|_| DEFAULT_DIR.into()));
        let vclaims_path = dir.join("vclaims.jsonl.gz");
        let vclaims = if vclaims_path.is_file() {
            crate::support::checkthat::read_vclaims(&vclaims_path)?
        } else {
            eprintln!(
                "corpus_scale: {} not found; generated corpus only",
                vclaims_path.display()
            );
            Vec::new()
        };
        let pool = if vclaims.is_empty() {
            sentence_pool([SAMPLE, OTHER_SAMPLE].into_iter())
        } else {
            sentence_pool(vclaims.iter().map(|d| d.text.as_str()))
        };
        if !vclaims.is_empty() {
            measure("vclaims", vclaims, &*article, runs, out.as_deref())?;
        }
        let generated = generate(&pool, GENERATED);
        measure("synthetic100k", generated, &*article, runs, out.as_deref())?;
        Ok(())
    }
}
