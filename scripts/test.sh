#!/usr/bin/env bash
# Set up and run every test, browser tests included (Debian's chromium and chromium-driver; npm for axe-core;
# LibreOffice Impress for the slide deck).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium and chromium-driver for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "browser tests need chromium and chromium-driver: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi
# The slide-deck test converts a deck to PDF with LibreOffice Impress (tests/test_export_slides.py).
if ! command -v soffice >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's libreoffice-impress for the slide-deck test"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq libreoffice-impress >/dev/null
  else
    echo "the slide-deck test needs LibreOffice Impress: sudo apt-get install libreoffice-impress" >&2
    exit 1
  fi
fi
# The accessibility tests run axe-core, pinned in package.json / package-lock.json, from node_modules/.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's npm for the accessibility tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq npm >/dev/null
  else
    echo "the accessibility tests need npm: sudo apt-get install npm" >&2
    exit 1
  fi
fi
# Once, and again when the lock file changes (like setup.sh does for requirements.txt).
if [ ! -f node_modules/.lock-installed ] || ! cmp -s package-lock.json node_modules/.lock-installed; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json node_modules/.lock-installed
fi
exec .venv/bin/python -m pytest "$@"
