"""Refresh the generated parts of data/datapackage.json after a maintainer edits data/.

For every resource it recomputes: ``hash`` (sha256), ``bytes``, ``rows``, the ``sources`` list
(every source whose id the rows cite, read from data/sources.csv, with its tier) and the foreign keys
from source ids to the ``sources`` dataset; and the two constraints that list the datasets themselves
(``disputes.dataset``'s allowed values and the pattern of ``essay_map.evidence``), so that adding a
dataset is one edit. Other foreign keys (claim_links -> essay_map), schemas, descriptions and
provenance are written by hand and kept as they are.
``--check`` changes nothing and exits 1 if the descriptor is out of date (the tests run this).

It refuses (and changes nothing) when a file is not UTF-8, when its CSV records and its lines do
not agree (a quote left open swallows the rest of the file into one cell), or when a dataset has
fewer rows than the descriptor recorded, unless ``--accept`` says the drop was checked by hand.
Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE_COLUMNS = ("source_id", "second_source_id")


class Refused(Exception):
    """A data file that must not be re-hashed as it is."""


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = raw[: bad.start].count(b"\n") + 1
        raise Refused(f"{path.name}, line {line}: not UTF-8 (byte 0x{raw[bad.start]:02x}); save it as UTF-8.") from None


def _rows(path: Path) -> list[dict]:
    """The file's records as dicts, after checking that the CSV records and the lines agree."""
    text = _text(path)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as bad:
        raise Refused(f"{path.name}: not valid CSV ({bad}); a quote is probably not closed.") from None
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    inside = sum(cell.count("\n") for row in records for cell in row)
    if lines != len(records) + inside:
        raise Refused(f"{path.name}: {lines} lines but {len(records)} CSV records; a quote is probably "
                      "not closed, so later lines were read as one cell.")
    if not records:
        raise Refused(f"{path.name} is empty (not even a header).")
    header = records[0]
    return [dict(zip(header, row)) for row in records[1:]]


# Constraints that list the course's datasets: (resource, field) -> how the list becomes a constraint.
NOT_DATA = ("sources", "disputes")


def _dataset_lists(out: dict) -> None:
    datasets = [res["name"] for res in out["resources"] if res["name"] not in NOT_DATA]
    one = "|".join(n for n in datasets if n not in ("essay_map", "claim_links"))
    for res in out["resources"]:
        for field in res["schema"]["fields"]:
            if (res["name"], field["name"]) == ("disputes", "dataset"):
                field.setdefault("constraints", {})["enum"] = datasets
            if (res["name"], field["name"]) == ("essay_map", "evidence"):
                field.setdefault("constraints", {})["pattern"] = f"^(({one})(;({one}))*)?$"


GENERATED_CONSTRAINTS = {("disputes", "dataset"), ("essay_map", "evidence")}


def refreshed(package: dict, folder: Path, accept: bool = False) -> dict:
    catalogue = {row["id"]: row for row in _rows(folder / "sources.csv")}
    out = json.loads(json.dumps(package))
    names = [res.get("name") for res in out["resources"]]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise Refused(f"datapackage.json names these datasets twice: {', '.join(map(str, twice))}.")
    for res in out["resources"]:
        path = folder / res["path"]
        raw = path.read_bytes()
        rows = _rows(path)
        before = res.get("rows")
        if isinstance(before, int) and len(rows) < before and not accept:
            raise Refused(f"{path.name}: {len(rows)} rows, but the descriptor recorded {before}. If you "
                          "removed rows on purpose, run: make data ACCEPT=1 (tools/refresh_datapackage.py --accept).")
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
    _dataset_lists(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift, change nothing")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--accept", action="store_true",
                        help="accept datasets that have fewer rows than recorded (checked by hand)")
    args = parser.parse_args(argv)
    path = args.data / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        new = refreshed(package, args.data, args.accept)
    except (Refused, OSError, ValueError, KeyError) as problem:
        print(f"Nothing changed: {problem}", file=sys.stderr)
        return 1
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
