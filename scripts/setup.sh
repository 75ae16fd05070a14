#!/usr/bin/env bash
# Installs every tool ClaimLens needs, idempotently. Tools live in `.tools/` (git-ignored);
# a second run only checks that they are there.
#
# Installs: the wasm32 Rust target, wasm-pack, the wasm-bindgen CLI whose version equals the one in
# Cargo.lock, Debian's chromium + chromium-driver and firefox-esr, the npm packages of the
# end-to-end tests (playwright-core, binaryen's wasm-opt) and of the Firefox lane (puppeteer-core,
# web-ext), and for the Spark job a Java runtime and pyspark in .tools/venv. Nothing is downloaded
# from outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/.tools
mkdir -p "$TOOLS"

log() { printf '[setup] %s\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.toml (`=X.Y.Z`) — the CLI must match it exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
WASM_PACK_VERSION=0.15.1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -x "$TOOLS/bin/wasm-bindgen" ] || ! "$TOOLS/bin/wasm-bindgen" --version | grep -q " $WASM_BINDGEN_VERSION\$"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install --quiet --root "$TOOLS" --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$TOOLS/bin/wasm-pack" ] || ! "$TOOLS/bin/wasm-pack" --version | grep -q "$WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install --quiet --root "$TOOLS" --force wasm-pack --version "$WASM_PACK_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian chromium + chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Firefox lane (tests/firefox/): Debian's firefox-esr (153 ESR: CSS Custom Highlight API, WebDriver
# BiDi built in, so no geckodriver), driven by puppeteer-core, plus web-ext for lint and packaging.
if [ ! -x /usr/bin/firefox-esr ]; then
  log "installing Debian firefox-esr"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
fi
if [ ! -f tests/firefox/node_modules/.package-lock.json ] || [ tests/firefox/package.json -nt tests/firefox/node_modules/.package-lock.json ]; then
  log "installing npm packages of the Firefox lane (puppeteer-core, web-ext)"
  (cd tests/firefox && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

# npm packages for the end-to-end tests and for wasm-opt (Debian's binaryen 108 miscompiles
# rustc 1.95 output; npm binaryen 132 is verified good). They go to tests/e2e/node_modules
# (git-ignored), where node's module resolution finds them for the tests.
if [ ! -f tests/e2e/node_modules/.package-lock.json ] || [ tests/e2e/package.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  log "installing npm packages (playwright-core, binaryen)"
  (cd tests/e2e && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
# Spark for the batch jobs (scripts/spark/, issue 14): a Java 17+ runtime from Debian and PyPI
# pyspark with its `ml` extra (numpy, for MinHashLSH) in a virtual environment under .tools/venv
# (git-ignored).
PYSPARK_VERSION=4.3.0
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  log "installing Debian openjdk-17-jre-headless (for Spark)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
if ! compgen -G "$TOOLS/venv/lib/python3*/site-packages/pyspark-$PYSPARK_VERSION.dist-info" >/dev/null ||
   ! compgen -G "$TOOLS/venv/lib/python3*/site-packages/numpy-*.dist-info" >/dev/null; then
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    log "installing Debian python3 + python3-venv"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  log "installing pyspark[ml] $PYSPARK_VERSION into .tools/venv (~1 min, once)"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "pyspark[ml]==$PYSPARK_VERSION"
fi
log "tools ready in .tools/"
