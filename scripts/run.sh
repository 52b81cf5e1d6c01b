#!/usr/bin/env bash
# Set up, build the layers from the bundled CSVs (only if they changed) and serve the dashboard on $PORT (8050).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m geodata build || echo "(the build reported data problems above; valid rows are served)"
exec .venv/bin/python app.py
