//! The corpus: building, the corpus file format (round trips, refusal of damaged files) and
//! document matching.

use claimlens::corpus::{ArticleFile, Document};
use claimlens::Corpus;

/// Queries run against the bundled corpus and its reloaded copy.
const QUERIES: &[&str] = &[
    "Russia recruits African migrants and students to fight in Ukraine",
    "Bloomberg reported that foreign students were coerced",
    "1,200 casualties per day",
    "An unrelated sentence about the weather in Paris.",
];

fn reloaded(corpus: &Corpus) -> Corpus {
    Corpus::from_bytes(&corpus.to_bytes()).expect("a corpus file just written loads")
}

fn doc(id: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        title: title.to_string(),
        outlet: Some("Outlet".to_string()),
        date: None,
        url: Some(format!("https://example.org/{id}")),
        text: text.to_string(),
    }
}

mod round_trip {
    use super::*;

    #[test]
    fn bundled_corpus_and_its_file_agree_on_documents_passages_and_searches() {
        let bundled = Corpus::bundled();
        let loaded = reloaded(&bundled);
        assert_eq!(loaded.documents(), bundled.documents());
        assert_eq!(loaded.passages(), bundled.passages());
        assert_eq!(loaded.index(), bundled.index());
        for query in QUERIES {
            assert_eq!(
                loaded.search(query, 5, &[]),
                bundled.search(query, 5, &[]),
                "{query}"
            );
            assert_eq!(
                loaded.match_documents(query, 2),
                bundled.match_documents(query, 2),
                "{query}"
            );
        }
        for d in 0..bundled.documents().len() {
            assert_eq!(loaded.detections(d), bundled.detections(d));
        }
    }

    #[test]
    fn bundled_corpus_is_the_corpus_folder_built_as_the_cli_builds_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(ArticleFile {
                    name: path.file_name().unwrap().to_string_lossy().into_owned(),
                    title: None,
                    text: std::fs::read_to_string(&path).expect("article"),
                    date: None,
                });
            }
        }
        let catalog = std::fs::read_to_string(format!("{dir}/catalog.tsv")).expect("catalog");
        let folder = Corpus::from_folder(files, Some(&catalog));
        assert_eq!(folder.to_bytes(), Corpus::bundled().to_bytes());
    }

    #[test]
    fn metadata_and_non_ascii_text_survive() {
        let corpus = Corpus::new(vec![
            doc(
                "a",
                "Zürich “quotes”",
                "Ce n’est pas vrai. 中文 text here. Ünïcödé?",
            ),
            doc("b", "", ""),
            doc(
                "c",
                "Third",
                "Over 1,200 casualties per day, officials said.",
            ),
        ]);
        let loaded = reloaded(&corpus);
        assert_eq!(loaded.documents(), corpus.documents());
        assert_eq!(loaded.passages(), corpus.passages());
        assert_eq!(loaded.to_bytes(), corpus.to_bytes());
    }

    #[test]
    fn an_empty_corpus_round_trips() {
        let empty = Corpus::new(Vec::new());
        let loaded = reloaded(&empty);
        assert!(loaded.documents().is_empty());
        assert!(loaded.search("anything", 3, &[]).is_empty());
        assert!(loaded.match_documents("anything", 3).is_empty());
    }
}

mod damaged_files {
    use super::*;

    /// (what is done to a good file, words the error must contain)
    type Damage = (&'static str, fn(&mut Vec<u8>), &'static str);

    const DAMAGES: &[Damage] = &[
        ("empty", |b| b.clear(), "not a ClaimLens corpus"),
        (
            "foreign",
            |b| *b = b"PK\x03\x04 a zip file".to_vec(),
            "not a ClaimLens corpus",
        ),
        ("header only", |b| b.truncate(12), "truncated"),
        ("half", |b| b.truncate(b.len() / 2), "truncated"),
        (
            "last byte lost",
            |b| {
                b.pop();
            },
            "truncated",
        ),
        ("newer version", |b| b[8] = 9, "version 9"),
        (
            "flipped byte",
            |b| {
                let i = b.len() - 10;
                b[i] ^= 0x40;
            },
            "checksum",
        ),
        (
            "trailing garbage",
            |b| b.extend_from_slice(b"xx"),
            "trailing",
        ),
    ];

    #[test]
    fn damaged_files_give_errors_that_say_what_is_wrong() {
        let good = Corpus::bundled().to_bytes();
        for (name, damage, words) in DAMAGES {
            let mut bytes = good.clone();
            damage(&mut bytes);
            let message = match Corpus::from_bytes(&bytes) {
                Ok(_) => panic!("{name}: loaded"),
                Err(e) => e.to_string(),
            };
            assert!(message.contains(words), "{name}: {message}");
        }
    }

    /// Rewrites the checksum so that damage inside the body reaches the section readers.
    fn reseal(bytes: &mut [u8]) {
        let body = &bytes[32..];
        let sum = body.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
        });
        bytes[24..32].copy_from_slice(&sum.to_le_bytes());
    }

    #[test]
    fn any_single_damaged_byte_in_a_resealed_body_errors_or_loads_but_never_panics() {
        let good = Corpus::new(vec![
            doc("a", "A", "Russia lost 1,200 troops. The Kremlin denied it."),
            doc("b", "B", "Migrants were recruited, Bloomberg reported."),
        ])
        .to_bytes();
        for at in 32..good.len() {
            for value in [0x00, 0x7f, 0x80, 0xff] {
                let mut bytes = good.clone();
                bytes[at] = value;
                reseal(&mut bytes);
                if let Ok(corpus) = Corpus::from_bytes(&bytes) {
                    // Whatever loads must be usable.
                    for p in 0..corpus.passages().len() {
                        let _ = corpus.passage_text(p);
                    }
                    let _ = corpus.match_documents("Russia troops migrants", 3);
                    let _ = corpus.search("Kremlin", 3, &[]);
                }
            }
        }
    }
}

mod matching {
    use super::*;

    #[test]
    fn documents_are_ranked_by_their_best_passages() {
        let corpus = Corpus::new(vec![
            doc(
                "weather",
                "Weather",
                "Paris was warm in May. Rain fell in June.",
            ),
            doc(
                "troops",
                "Troops",
                "Russia recruits migrants. The Kremlin denied it.",
            ),
            doc(
                "students",
                "Students",
                "African students were sent to fight in Ukraine.",
            ),
        ]);
        let found = corpus.match_documents("Were African students sent to fight?", 3);
        let ids: Vec<&str> = found
            .iter()
            .map(|m| corpus.documents()[m.doc].id.as_str())
            .collect();
        assert_eq!(ids, ["students"]);
        assert_eq!(
            corpus.passage_text(found[0].passage.expect("a passage matches")),
            "African students were sent to fight in Ukraine."
        );
        assert!(corpus.match_documents("snow in Oslo", 3).is_empty());
    }

    #[test]
    fn a_headline_ranks_its_document_without_being_a_passage() {
        // Headlines are no passages (nothing to compare a claim with), but they say what a
        // document is about: a claim database's title is often the claim itself.
        let corpus = Corpus::new(vec![
            doc(
                "anaconda",
                "Does Video Show a Giant Anaconda in Brazil?",
                "Does Video Show a Giant Anaconda in Brazil? The video was filmed in 2019 by a tourist on a boat.",
            ),
            doc(
                "river",
                "River Levels",
                "The river in the video rose by two meters after the rains this week.",
            ),
        ]);
        assert!((0..corpus.passages().len()).all(|p| !corpus.passage_text(p).contains("Anaconda")));
        let found =
            corpus.match_documents("Giant anaconda swims across a river in Brazil video", 2);
        assert_eq!(corpus.documents()[found[0].doc].id, "anaconda", "{found:?}");
        assert!(found[0].passage.is_some());
        let title_only = corpus.match_documents("anaconda", 2);
        assert_eq!(title_only.len(), 1);
        assert_eq!(title_only[0].passage, None);
    }

    #[test]
    fn tweet_furniture_does_not_match() {
        let corpus = Corpus::new(vec![
            doc("pic", "Pictures", "A pic of twitter com users."),
            doc("flag", "Flag", "The flag at the Red Fort was replaced."),
        ]);
        let tweet = "Flag replaced at #RedFort pic.twitter.com/Bfp1psRsAJ — Someone (@someone) January 26, 2021";
        let found = corpus.match_documents(tweet, 2);
        assert_eq!(found.len(), 1);
        assert_eq!(corpus.documents()[found[0].doc].id, "flag");
    }
}
