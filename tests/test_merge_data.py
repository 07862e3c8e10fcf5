"""The data merge driver (tools/merge_data.py): merges by row and by resource, refuses real conflicts."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("merge_data", ROOT / "tools" / "merge_data.py")
merge_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(merge_data)

BASE = "id,title,url\nb,Bee,http://b\nd,Dee,http://d\n"


def test_rows_added_on_both_sides_are_all_kept_in_id_order():
    ours = BASE + "c,Sea,http://c\n"
    theirs = BASE.replace("b,Bee", "a,Ay,http://a\nb,Bee")
    merged = merge_data.merge_csv(BASE, ours, theirs, "data/sources.csv")
    assert [line.split(",")[0] for line in merged.splitlines()] == ["id", "a", "b", "c", "d"]


def test_a_column_added_on_one_side_and_rows_on_the_other():
    ours = "id,title,url,tier\nb,Bee,http://b,news\nd,Dee,http://d,blog\n"
    theirs = BASE + "e,Ee,http://e\n"
    merged = merge_data.merge_csv(BASE, ours, theirs, "data/sources.csv")
    assert merged.splitlines() == ["id,title,url,tier", "b,Bee,http://b,news", "d,Dee,http://d,blog",
                                   "e,Ee,http://e,"]


def test_the_same_row_changed_differently_is_a_real_conflict():
    with pytest.raises(merge_data.Conflict):
        merge_data.merge_csv(BASE, BASE.replace("Bee", "Bea"), BASE.replace("Bee", "Bey"), "data/sources.csv")


def test_resources_added_on_both_sides_are_kept_and_fields_merge_by_name():
    def package(*resources):
        return json.dumps({"name": "p", "as_of": "2026-03-19", "resources": list(resources)})

    def resource(name, *fields, rows=1):
        return {"name": name, "path": f"{name}.csv", "rows": rows,
                "schema": {"fields": [{"name": f, "type": "string"} for f in fields]}}

    base = package(resource("a", "x"))
    ours = package(resource("a", "x", "tier", rows=5), resource("b", "y"))
    theirs = package(resource("a", "x", rows=7), resource("c", "z"))
    merged = json.loads(merge_data.merge_descriptor(base, ours, theirs))
    assert [r["name"] for r in merged["resources"]] == ["a", "b", "c"]
    assert [f["name"] for f in merged["resources"][0]["schema"]["fields"]] == ["x", "tier"]


def test_the_driver_writes_the_merge_into_ours(tmp_path):
    paths = []
    for name, text in (("base", BASE), ("ours", BASE + "c,Sea,http://c\n"), ("theirs", BASE + "e,E,http://e\n")):
        path = tmp_path / name
        path.write_text(text)
        paths.append(str(path))
    assert merge_data.main([*paths, "data/sources.csv"]) == 0
    assert "c,Sea" in Path(paths[1]).read_text() and "e,E" in Path(paths[1]).read_text()


def test_the_constraints_that_list_datasets_are_regenerated_not_merged():
    def package(*extra):
        names = ["a", *extra]
        return json.dumps({"name": "p", "as_of": "2026-03-19", "resources": [
            {"name": "disputes", "path": "disputes.csv", "schema": {"fields": [
                {"name": "dataset", "type": "string", "constraints": {"enum": names}}]}}]})

    merged = json.loads(merge_data.merge_descriptor(package(), package("b"), package("c")))
    assert merged["resources"][0]["schema"]["fields"][0]["constraints"]["enum"] == ["a", "b"]  # ours; make data adds c


def test_a_column_inserted_mid_table_keeps_its_place_in_the_header_and_the_schema():
    ours = BASE + "e,Ee,http://e\n"
    theirs = "id,kind,title,url\nb,x,Bee,http://b\nd,y,Dee,http://d\n"
    assert merge_data.merge_csv(BASE, ours, theirs, "data/sources.csv").splitlines()[0] == "id,kind,title,url"
    fields = lambda *names: {"name": "t", "schema": {"fields": [{"name": n, "type": "string"} for n in names]}}  # noqa: E731
    package = lambda res: json.dumps({"name": "p", "resources": [res]})  # noqa: E731
    merged = json.loads(merge_data.merge_descriptor(package(fields("a", "b")), package(fields("a", "b")),
                                                    package(fields("a", "k", "b"))))
    assert [f["name"] for f in merged["resources"][0]["schema"]["fields"]] == ["a", "k", "b"]
