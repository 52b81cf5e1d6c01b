"""The data layer stays free of the UI framework, so it can be tested and reused without Dash."""

import ast
from pathlib import Path

GEODATA = Path(__file__).parent.parent / "geodata"


def test_geodata_never_imports_dash_or_plotly():
    offenders = []
    for path in GEODATA.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"dash", "plotly", "flask"}]
    assert offenders == []
