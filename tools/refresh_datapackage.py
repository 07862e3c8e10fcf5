"""Refresh the generated parts of data/datapackage.json after a maintainer edits data/.

For every resource it recomputes: ``hash`` (sha256), ``bytes``, ``rows``, the ``sources`` list
(every source whose id the rows cite, read from data/sources.csv, with its tier) and the foreign keys
from source ids to the ``sources`` dataset. Other foreign keys (claim_links -> essay_map), schemas,
descriptions and provenance are written by hand and kept as they are.
``--check`` changes nothing and exits 1 if the descriptor is out of date (the tests run this).
Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE_COLUMNS = ("source_id", "second_source_id")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def refreshed(package: dict, folder: Path) -> dict:
    catalogue = {row["id"]: row for row in _rows(folder / "sources.csv")}
    out = json.loads(json.dumps(package))
    for res in out["resources"]:
        path = folder / res["path"]
        raw = path.read_bytes()
        rows = _rows(path)
        res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
        res["bytes"] = len(raw)
        res["rows"] = len(rows)
        names = [f["name"] for f in res["schema"]["fields"]]
        cited = []
        for row in rows:
            for column in SOURCE_COLUMNS:
                value = (row.get(column) or "").strip()
                if value and value not in cited:
                    cited.append(value)
        if res["name"] == "sources":
            continue
        res["sources"] = [
            {"title": catalogue[i]["title"], "path": catalogue[i]["url"],
             "publisher": catalogue[i]["publisher"], "accessed": catalogue[i]["accessed"],
             "tier": catalogue[i].get("tier", ""), "id": i}
            for i in sorted(cited) if i in catalogue
        ]
        keys = [{"fields": column, "reference": {"resource": "sources", "fields": "id"}}
                for column in SOURCE_COLUMNS if column in names]
        kept = [key for key in res["schema"].get("foreignKeys", []) if key.get("fields") not in SOURCE_COLUMNS]
        if keys or kept:
            res["schema"]["foreignKeys"] = kept + keys
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift, change nothing")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    path = args.data / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    new = refreshed(package, args.data)
    if args.check:
        stale = [a["name"] for a, b in zip(package["resources"], new["resources"]) if a != b]
        if stale:
            print(f"datapackage.json is out of date for: {', '.join(stale)}. Run: make data")
            return 1
        print("datapackage.json is up to date")
        return 0
    path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Refreshed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
