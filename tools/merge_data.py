"""A git merge driver for the data package: merges data/*.csv by row and datapackage.json by resource.

Two branches that each add rows to sources.csv, or each add a dataset to the descriptor, touch
neighbouring lines, so git's line merge reports conflicts that are not real. This driver merges
three versions (base, ours, theirs) by key instead: a CSV by its primary key (from the descriptor,
``id`` for sources.csv, the whole row for tables without a key), the descriptor by resource name
and, inside a resource, by schema field name. A row or field changed differently on both sides is a
real conflict: the driver then exits 1 and leaves git's usual conflict for a person to resolve.
Generated parts of the descriptor (hash, bytes, rows, sources, and the constraints that list the
datasets) are not compared: run ``make data`` after every merge to regenerate them.

Enable it once per clone (maintainers):
    git config merge.coursedata.driver "python3 tools/merge_data.py %O %A %B %P"
``.gitattributes`` names the files it handles. Standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

GENERATED = ("hash", "bytes", "rows", "sources")
# Schema constraints that list the datasets themselves: refresh_datapackage regenerates them.
GENERATED_CONSTRAINTS = {("disputes", "dataset"), ("essay_map", "evidence")}


class Conflict(Exception):
    """The same thing was changed differently on both sides."""


def three_way(base, ours, theirs, what: str):
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    raise Conflict(what)


def merge_keyed(base: dict, ours: dict, theirs: dict, what: str, merge_item=three_way) -> dict:
    """Three-way merge of two ordered {key: item} maps: theirs' order where theirs holds every key of
    ours (a column inserted mid-table stays where it was put), else ours' order, then theirs' new keys."""
    order = list(theirs) if set(ours) <= set(theirs) else list(ours) + [k for k in theirs if k not in ours]
    out = {}
    for key in order:
        if key in ours and key in theirs:
            out[key] = merge_item(base.get(key), ours[key], theirs[key], f"{what} {key}")
        elif key in ours:
            if key in base and base[key] != ours[key]:
                raise Conflict(f"{what} {key}: changed on one side, deleted on the other")
            if key not in base:
                out[key] = ours[key]
        else:
            if key in base and base[key] != theirs[key]:
                raise Conflict(f"{what} {key}: changed on one side, deleted on the other")
            if key not in base:
                out[key] = theirs[key]
    return out


def _without_generated_constraints(resource: dict | None) -> dict | None:
    if not resource:
        return resource
    resource = json.loads(json.dumps(resource))
    for field in resource.get("schema", {}).get("fields", []):
        if (resource.get("name"), field.get("name")) in GENERATED_CONSTRAINTS:
            field.pop("constraints", None)
    return resource


def _resource(base, ours, theirs, what):
    kept = ours
    base, ours, theirs = (_without_generated_constraints(r) for r in (base, ours, theirs))
    base = base or {}
    keys = merge_keyed({k: v for k, v in base.items() if k not in GENERATED},
                       {k: v for k, v in ours.items() if k not in GENERATED},
                       {k: v for k, v in theirs.items() if k not in GENERATED}, what, _resource_key)
    for generated in GENERATED:
        if generated in ours:
            keys[generated] = ours[generated]
    for field in keys.get("schema", {}).get("fields", []):  # keep ours; make data rewrites them
        if (keys.get("name"), field["name"]) in GENERATED_CONSTRAINTS:
            mine = next((f for f in kept["schema"]["fields"] if f["name"] == field["name"]), {})
            if "constraints" in mine:
                field["constraints"] = mine["constraints"]
    return keys


def _resource_key(base, ours, theirs, what):
    if what.endswith(" schema") and isinstance(ours, dict) and isinstance(theirs, dict):
        base = base or {}
        merged = {k: three_way(base.get(k), ours.get(k), theirs.get(k), f"{what} {k}")
                  for k in list(ours) + [k for k in theirs if k not in ours] if k != "fields"}
        fields = merge_keyed({f["name"]: f for f in base.get("fields", [])},
                             {f["name"]: f for f in ours["fields"]},
                             {f["name"]: f for f in theirs["fields"]}, f"{what} field")
        merged["fields"] = list(fields.values())
        return {k: merged[k] for k in list(ours) + [k for k in merged if k not in ours] if k in merged}
    return three_way(base, ours, theirs, what)


def merge_descriptor(base: str, ours: str, theirs: str) -> str:
    b, o, t = (json.loads(x) if x.strip() else {} for x in (base, ours, theirs))
    top = {k: three_way(b.get(k), o.get(k), t.get(k), k)
           for k in list(o) + [k for k in t if k not in o] if k != "resources"}
    resources = merge_keyed({r["name"]: r for r in b.get("resources", [])},
                            {r["name"]: r for r in o["resources"]},
                            {r["name"]: r for r in t["resources"]}, "resource", _resource)
    top["resources"] = list(resources.values())
    ordered = {k: top[k] for k in list(o) + [k for k in top if k not in o]}
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def _table(text: str) -> tuple[list[str], list[dict]]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    return header, rows


def _key_fields(path: str, header: list[str]) -> list[str]:
    name = Path(path).stem
    if name == "sources":
        return ["id"]
    descriptor = Path(path).with_name("datapackage.json")
    try:
        for res in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]:
            if res["name"] == name and res["schema"].get("primaryKey"):
                key = res["schema"]["primaryKey"]
                key = [key] if isinstance(key, str) else list(key)
                if all(k in header for k in key):
                    return key
    except (OSError, ValueError, KeyError):
        pass
    return list(header)


def merge_csv(base: str, ours: str, theirs: str, path: str) -> str:
    hb, rb = _table(base) if base.strip() else ([], [])
    ho, ro = _table(ours)
    ht, rt = _table(theirs)
    header = ht if set(ho) <= set(ht) else ho + [c for c in ht if c not in ho]
    for rows in (rb, ro, rt):  # a column added on one side is empty in the other side's rows
        for row in rows:
            for column in header:
                row.setdefault(column, "")
    key = _key_fields(path, header)

    def keyed(rows):
        return {tuple(r[k] for k in key): {c: r[c] for c in header} for r in rows}

    def row_merge(b, o, t, what):
        if o == t or b is None:
            return three_way(b, o, t, what)
        # a column added on one side: take that side's value where the other side left it as in base
        return {c: three_way((b or {}).get(c), o[c], t[c], f"{what} column {c}") for c in header}

    merged = merge_keyed(keyed(rb), keyed(ro), keyed(rt), f"{Path(path).name} row", row_merge)
    rows = list(merged.values())
    if key == ["id"]:
        rows.sort(key=lambda r: r["id"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    base_path, ours_path, theirs_path, name = argv
    texts = [Path(p).read_text(encoding="utf-8") for p in (base_path, ours_path, theirs_path)]
    try:
        if name.endswith(".json"):
            merged = merge_descriptor(*texts)
        else:
            merged = merge_csv(*texts, path=name)
    except (Conflict, ValueError, KeyError) as problem:
        print(f"merge_data: {name}: real conflict ({problem}); resolve by hand.", file=sys.stderr)
        return 1
    Path(ours_path).write_text(merged, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
