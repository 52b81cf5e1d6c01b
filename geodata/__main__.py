"""Command line: `python -m geodata validate [PATH]`, `build [--data PATH] [--out PATH]` and `report [--out FILE]`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from geodata.build import BUILD_DIR, DATA_DIR, build, default_build_dir, load_layers
from geodata.quality import write_report
from geodata.validate import validate_folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate_cmd = commands.add_parser(
        "validate", help="check every data file of a folder, or one partnerships CSV; print FILE:ROW:COLUMN: message"
    )
    validate_cmd.add_argument("path", nargs="?", type=Path, default=DATA_DIR)
    build_cmd = commands.add_parser("build", help="geocode and write the layers as GeoParquet")
    build_cmd.add_argument("--data", type=Path, default=DATA_DIR, help="dataset folder (default: bundled data)")
    build_cmd.add_argument("--out", type=Path, default=None, help="build folder (default: geodata/build)")
    report_cmd = commands.add_parser("report", help="write the data-quality report (Markdown)")
    report_cmd.add_argument("--out", type=Path, default=None, help="report file (default: geodata/build/report.md)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    if args.command == "validate":
        if args.path.is_file():
            return _validate_partnerships_file(args.path)
        if not args.path.is_dir():
            print(f"{args.path}: neither a dataset folder nor a partnerships CSV file", file=sys.stderr)
            return 2
        data = validate_folder(args.path)
        for problem in data.problems:
            print(problem)
        counts = (
            f"{len(data.partnerships)} ties, {len(data.aid_events)} aid events, "
            f"{len(data.network_members)} network memberships, {len(data.places)} places"
        )
        verdict = f"{len(data.problems)} problem(s)" if data.problems else "clean"
        print(f"{args.path}: {verdict}; valid: {counts}", file=sys.stderr)
        return 1 if data.problems else 0

    if args.command == "report":
        layers = load_layers()
        path = write_report(layers, BUILD_DIR, args.out or BUILD_DIR / "report.md", DATA_DIR)
        print(f"wrote {path}", file=sys.stderr)
        return 0

    if not args.data.is_dir():
        print(
            f"{args.data}: build --data takes a dataset folder laid out like geodata/data; "
            "to check one partnerships CSV, run `python -m geodata validate FILE`",
            file=sys.stderr,
        )
        return 2
    out = args.out or default_build_dir(args.data)
    layers = build(args.data, out)
    for problem in layers.problems:
        print(problem)
    print(f"built {out}: " + ", ".join(f"{k} {v}" for k, v in layers.manifest["counts"].items()), file=sys.stderr)
    return 1 if layers.problems else 0


def _validate_partnerships_file(path: Path) -> int:
    """One partnerships CSV (the format of partnerships.csv, as the app's upload takes it), checked against the
    bundled override table and the gazetteer."""
    from geodata.upload import upload_geocoder
    from geodata.upload_table import validate_partnerships_csv

    data = validate_partnerships_csv(path.read_bytes(), path.name, upload_geocoder(DATA_DIR))
    for problem in data.problems:
        print(problem)
    verdict = f"{len(data.problems)} problem(s)" if data.problems else "clean"
    print(f"{path}: {verdict}; valid: {len(data.partnerships)} ties, {len(data.places)} places", file=sys.stderr)
    return 1 if data.problems else 0


if __name__ == "__main__":
    sys.exit(main())
