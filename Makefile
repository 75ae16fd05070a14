# ClaimLens — the two commands a fresh machine needs are `make demo` and `make test`.
# Every target installs what is missing first (scripts/setup.sh; tools cached in .tools/).

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/tests/e2e/node_modules/.bin:$(PATH)

.PHONY: setup build package demo test test-size test-native test-eval test-wasm test-e2e test-firefox test-spark lint eval bench clean protocol

# The Python of the Spark job's virtual environment (scripts/setup.sh makes it).
SPARK_PYTHON := .tools/venv/bin/python

setup:
	@bash scripts/setup.sh

## build: the CLI (target/release/claimlens) and the unpacked extension in extension/
build: setup
	cargo build --release --quiet --bin claimlens
	target/release/claimlens corpus build corpus -o extension/corpus.bin
	bash scripts/build-extension.sh

## package: the Firefox package target/claimlens-firefox-<version>.zip (web-ext build of
## target/extension-firefox/, which `make build` writes)
WEB_EXT := NO_UPDATE_NOTIFIER=1 tests/firefox/node_modules/.bin/web-ext --no-config-discovery
package: build
	$(WEB_EXT) build --source-dir target/extension-firefox --artifacts-dir target \
	  --filename 'claimlens-firefox-{version}.zip' --overwrite-dest

## demo: build, open the bundled sample with the extension in Chromium, screenshot + summary
demo: build
	node scripts/demo.mjs

## test: every test — .wasm size budget, lint, native, wasm in headless Chromium, end-to-end with the built extension
## in Chromium and in Firefox, the Spark job against the CLI
test: build test-size lint test-native test-eval test-wasm test-e2e test-firefox test-spark

## bench: speed figures of BENCHMARKS.md (core throughput, time to highlights, long tasks, size)
bench: build
	node tests/e2e/bench/run.mjs
	$(SPARK_PYTHON) scripts/spark/bench.py --write

## eval: accuracy on the public test sets in ../shared/evaldata; rewrites EVALUATION.md's figures
eval: setup
	cargo run --release --quiet --example eval -- --write
	cargo run --release --quiet --example eval_compare -- --write

## protocol: rewrite the generated block of extension/protocol.js from the core (src/page/gate.rs)
protocol:
	CLAIMLENS_WRITE_PROTOCOL=1 cargo test --quiet --test protocol

lint:
	cargo fmt --all -- --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --all-targets --all-features -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps

## test-size: the .wasm's gzipped size against its budget (scripts/wasm-size.mjs)
test-size:
	node scripts/wasm-size.mjs

test-native:
	cargo test --quiet

## test-eval: the comparison's evaluation (examples/eval_compare) must hold its bounds on both halves,
## and claim retrieval its MAP@5 floors (tests/eval_checkthat.rs, too slow for a debug build)
test-eval:
	cargo run --release --quiet --example eval_compare -- --check
	cargo test --release --quiet --test eval_checkthat -- --ignored

test-wasm:
	wasm-pack test --headless --chrome --mode no-install

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## test-firefox: web-ext lint of the Firefox build (any error or warning fails), then the package
## end to end in headless firefox-esr (tests/firefox/: puppeteer-core over WebDriver BiDi)
test-firefox: package
	node tests/firefox/lint.mjs target/extension-firefox
	node --test --test-concurrency=1 tests/firefox/

## test-spark: the Spark jobs in local[2] give what the CLI gives in one process (scripts/spark/)
test-spark: setup
	cargo build --release --quiet --bin claimlens
	$(SPARK_PYTHON) -m unittest discover -s scripts/spark -v

clean:
	cargo clean
	rm -rf pkg extension/pkg target/demo
