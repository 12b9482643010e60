#!/usr/bin/env python3
"""Regenerates the lookup tables riko-java's geolocate module ships.

riko's geolocate answers currency lookups from two dictionaries written as Python literals in
riko's source: CURRENCY_CODES (riko/currencies.py) and LOCATIONS (riko/locations.py). This
script reads those literals from a git checkout of https://github.com/nerevu/riko at a given
commit (without importing or running riko), and writes them as JSON resources, with a
"provenance" object naming the repository, commit, file and variable, in the order riko
writes them (geolocate's output keeps that order). riko is MIT-licensed; its licence text is
written next to the tables.

Usage: python3 riko-reactive/tools/geolocate_tables.py RIKO_CHECKOUT [COMMIT]
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

DEFAULT_COMMIT = "3bdb54880f4c3509c0387408486c5c3aafadb547"  # riko 0.75.0
OUT = Path(__file__).resolve().parent.parent / "src/main/resources/riko/reactive/modules/geolocate"
TABLES = [
    ("riko/currencies.py", "CURRENCY_CODES", "currencies.json"),
    ("riko/locations.py", "LOCATIONS", "locations.json"),
]


def git_show(checkout, commit, path):
    return subprocess.run(["git", "-C", checkout, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def literal(source, name):
    """The value of the module-level assignment to NAME, read as a Python literal."""
    for node in ast.parse(source).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name:
            return ast.literal_eval(node.value)
    raise SystemExit(f"no assignment to {name}")


def write(path, provenance, table):
    lines = [json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
             for key, value in table.items()]
    text = ('{"provenance": ' + json.dumps(provenance, ensure_ascii=False) + ',\n"table": {\n'
            + ",\n".join(lines) + "\n}}\n")
    path.write_text(text, encoding="utf-8")


def main(argv):
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__)
    checkout = argv[1]
    commit = argv[2] if len(argv) == 3 else DEFAULT_COMMIT
    commit = subprocess.run(["git", "-C", checkout, "rev-parse", commit + "^{commit}"],
                            check=True, capture_output=True, text=True).stdout.strip()
    OUT.mkdir(parents=True, exist_ok=True)
    for source, name, target in TABLES:
        table = literal(git_show(checkout, commit, source), name)
        provenance = {"repository": "https://github.com/nerevu/riko", "commit": commit, "file": source,
                      "variable": name, "license": "MIT, see LICENSE-riko.txt"}
        write(OUT / target, provenance, table)
        print(f"{target}: {len(table)} entries from {source} {name}")
    (OUT / "LICENSE-riko.txt").write_text(git_show(checkout, commit, "LICENSE"), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
