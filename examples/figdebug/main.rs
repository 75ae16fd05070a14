//! Temporary (not committed): explain a figure-test case.
use claimlens::compare::{name_set, Figure};
use claimlens::detect::detect;
use claimlens::text::{sentences, Span};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = std::fs::read_to_string("../shared/evaldata/ecbplus_dev/docs.jsonl").unwrap();
    let get = |id: &str| -> String {
        data.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|v| v["id"] == id)
            .unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (mut a, b) = (get(&args[0]), get(&args[1]));
    if args.len() > 3 {
        a = a.replacen(&args[2], &args[3], 1);
    }
    let read = |t: &str| {
        let s = sentences(t);
        let d = detect(t, &s);
        let names = name_set(t);
        d.statistics
            .iter()
            .map(|st| {
                let sent = s
                    .iter()
                    .find(|x| x.start <= st.span.start && st.span.end <= x.end)
                    .copied()
                    .unwrap_or(Span::new(0, t.len()));
                (
                    st.span.slice(t).to_string(),
                    sent.slice(t).to_string(),
                    Figure::read(st, t, sent, &[], &names),
                    st.unit.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let fa = read(&a);
    let fb = read(&b);
    let key = if args.len() > 3 { &args[3] } else { &args[2] };
    for (txt, sent, f, u) in fa.iter().filter(|x| x.0.contains(key.as_str())) {
        println!("PAGE {txt:?} unit={u:?} {f:?}\n  in {sent:?}");
        for (t2, s2, g, u2) in &fb {
            let r = f.relation(g);
            if g.quantity.thing == f.quantity.thing || r.is_some() {
                println!("  REF {t2:?} unit={u2:?} rel={r:?} {g:?}\n     in {s2:?}");
            }
        }
    }
}
