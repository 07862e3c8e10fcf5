"""The data API: loading, typing, metadata, citation, search, and every error path."""

import json
import subprocess
import sys

import pandas as pd
import pytest

import course_lib
from course_lib import data
from course_lib.errors import (
    ChecksumError,
    DataFileMissingError,
    DescriptorError,
    SchemaError,
    UnknownDatasetError,
)


def test_list_datasets_has_name_title_rows_topics():
    table = course_lib.list_datasets()
    assert list(table.columns) == ["name", "title", "rows", "topics"]
    assert {"prime_ministers", "us_presidents", "parties", "hr_elections", "alliance_timeline",
            "essay_map", "sources"} <= set(table["name"])
    assert (table["rows"] > 0).all()


def test_load_gives_real_dtypes_and_metadata():
    pms = course_lib.load("prime_ministers")
    assert pd.api.types.is_datetime64_any_dtype(pms["start_date"])
    assert pd.api.types.is_datetime64_any_dtype(pms["end_date"])
    assert str(pms["acting"].dtype) == "boolean"
    assert isinstance(pms["party"].dtype, pd.CategoricalDtype)
    assert str(pms["person_number"].dtype) == "Int64"
    assert pms.attrs["name"] == "prime_ministers"
    assert pms.attrs["sources"] and pms.attrs["as_of"] == data.descriptor()["as_of"]


def test_load_returns_a_fresh_copy_each_time():
    first = course_lib.load("parties")
    first.loc[0, "name_en"] = "changed"
    assert course_lib.load("parties").loc[0, "name_en"] != "changed"


def test_as_of_is_the_descriptor_date():
    assert course_lib.as_of() == pd.Timestamp(data.descriptor()["as_of"])


def test_describe_is_a_codebook_matching_the_columns():
    for name in course_lib.list_datasets()["name"]:
        book = course_lib.describe(name)
        assert list(book.columns) == ["field", "type", "unit", "description"]
        assert list(book["field"]) == list(course_lib.load(name).columns)
        assert book["description"].str.len().gt(0).all(), name


def test_cite_names_the_package_and_every_source():
    text = course_lib.cite("hr_elections")
    assert "dataset 'hr_elections'" in text and "as of" in text
    for row in course_lib.sources("hr_elections").itertuples():
        assert row.url in text


def test_cite_shows_the_tier_mix_and_each_sources_tier():
    text = course_lib.cite("alliance_timeline")
    line = next(row for row in text.splitlines() if row.startswith("Sources by tier: "))
    mix = data.tier_mix("alliance_timeline")
    assert line == "Sources by tier: " + ", ".join(f"{t} {n}" for t, n in mix.items()) + "."
    assert list(mix) == [t for t in data.TIERS if t in mix]  # strongest tier first
    assert sum(mix.values()) == len(course_lib.sources("alliance_timeline"))
    assert "  - [official] " in text


def test_sources_lists_exactly_the_cited_ids():
    frame = course_lib.load("prime_ministers")
    cited = set(frame["source_id"].dropna()) | set(frame["second_source_id"].dropna())
    assert set(course_lib.sources("prime_ministers")["id"]) == cited


def test_find_searches_names_titles_and_fields():
    hits = course_lib.find("seats")
    assert "hr_elections" in set(hits["dataset"])
    assert course_lib.find("zzzz-nothing").empty
    with pytest.raises(UnknownDatasetError):
        course_lib.find("  ")


@pytest.mark.parametrize("typo, suggestion", [("prime_minister", "prime_ministers"),
                                              ("PRIME_MINISTERS", "prime_ministers"),
                                              ("hr_election", "hr_elections")])
def test_unknown_name_suggests_close_ones(typo, suggestion):
    with pytest.raises(UnknownDatasetError, match=f"Did you mean: .*{suggestion}"):
        course_lib.load(typo)


def test_unknown_name_without_close_match_points_to_list_datasets():
    with pytest.raises(UnknownDatasetError, match="list_datasets"):
        course_lib.describe("bananas")
    with pytest.raises(UnknownDatasetError, match="must be text"):
        course_lib.load(42)


def test_missing_file_names_the_file(data_copy):
    (data_copy / "parties.csv").unlink()
    with pytest.raises(DataFileMissingError, match="parties.csv"):
        course_lib.load("parties")


def test_changed_file_fails_the_checksum_and_names_the_file(data_copy):
    path = data_copy / "parties.csv"
    path.write_text(path.read_text().replace("LDP", "LPD", 1))
    with pytest.raises(ChecksumError, match="parties.csv.*sha256"):
        course_lib.load("parties")


def _rewrite(folder, name, edit):
    """Damage a file and re-record its hash, so the schema check (not the checksum) must catch it."""
    path = folder / f"{name}.csv"
    path.write_text(edit(path.read_text()))
    subprocess.run([sys.executable, "tools/refresh_datapackage.py", "--data", str(folder)], check=True,
                   capture_output=True)
    data.clear_cache()


def _set_cell(line: int, column: str, value: str):
    """An edit that puts ``value`` in one cell (line 1 is the header; cells hold no commas here)."""
    def edit(text):
        lines = text.splitlines()
        cells = lines[line - 1].split(",")
        cells[lines[0].split(",").index(column)] = value
        lines[line - 1] = ",".join(cells)
        return "\n".join(lines) + "\n"
    return edit


def test_schema_violation_names_file_line_and_column(data_copy):
    _rewrite(data_copy, "hr_elections", _set_cell(4, "seats", "many"))
    with pytest.raises(SchemaError, match=r"hr_elections.csv, line 4 .*column 'seats': 'many' is not a whole number"):
        course_lib.load("hr_elections")


def test_enum_violation_is_reported(data_copy):
    _rewrite(data_copy, "hr_elections", _set_cell(2, "party", "XYZ"))
    with pytest.raises(SchemaError, match=r"line 2 .*'party': 'XYZ' is not one of the allowed values"):
        course_lib.load("hr_elections")


def test_bad_header_is_reported(data_copy):
    _rewrite(data_copy, "parties", lambda t: t.replace("name_en", "english_name", 1))
    with pytest.raises(SchemaError, match=r"parties.csv: the header does not match.*missing \['name_en'\]"):
        course_lib.load("parties")


def test_duplicate_primary_key_is_reported(data_copy):
    def dup(text):
        lines = text.splitlines()
        return "\n".join(lines + [lines[1]]) + "\n"

    _rewrite(data_copy, "parties", dup)
    with pytest.raises(SchemaError, match="repeats a"):
        course_lib.load("parties")


def test_missing_required_value_is_reported(data_copy):
    def blank(text):
        lines = text.splitlines()
        lines[1] = "," + lines[1].split(",", 1)[1]
        return "\n".join(lines) + "\n"

    _rewrite(data_copy, "parties", blank)
    with pytest.raises(SchemaError, match="line 2 .*is empty"):
        course_lib.load("parties")


@pytest.mark.parametrize("damage, message", [
    (lambda p: p.write_text("{ not json"), "not valid JSON"),
    (lambda p: p.write_text(json.dumps({"resources": []})), "lacks the top-level key 'as_of'"),
    (lambda p: p.write_text(json.dumps({"as_of": "2026-01-01", "resources": [{"name": "x"}]})),
     "x lacks the key 'path'"),
    (lambda p: p.unlink(), "missing"),
])
def test_malformed_descriptor_is_a_clear_error(data_copy, damage, message):
    damage(data_copy / "datapackage.json")
    with pytest.raises(DescriptorError, match=message):
        course_lib.list_datasets()


def test_data_dir_override_and_clone_lookup(data_copy):
    assert data.data_dir() == data_copy.resolve()


def test_first_load_checks_then_caches(data_copy, monkeypatch):
    course_lib.load("parties")
    calls = []
    monkeypatch.setattr(data, "_read_checked", lambda *a: calls.append(a))
    course_lib.load("parties")
    assert calls == []


def test_wheel_contains_the_data(tmp_path):
    root = data.Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(root)], check=True, capture_output=True)
    import zipfile

    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "course_lib/_data/datapackage.json" in names
    assert "course_lib/content/exercises/01.json" in names
    assert "course_lib/content/prompts/01.json" in names
    extracted = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(extracted)
    probe = ("import course_lib, course_lib.data as d; print(d.data_dir()); "
             "print(len(course_lib.load('prime_ministers')))")
    env = {k: v for k, v in data.os.environ.items() if k != "COURSE_DATA_DIR"}
    env["PYTHONPATH"] = data.os.pathsep.join([str(extracted), env["PYTHONPATH"]])
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                         cwd=tmp_path, check=True).stdout.split()
    assert out[0] == str(extracted / "course_lib" / "_data") and int(out[1]) > 30


# --------------------------------------------------------------------------- no silent truncation

def _refresh(folder, *extra):
    return subprocess.run([sys.executable, "tools/refresh_datapackage.py", "--data", str(folder), *extra],
                          capture_output=True, text=True)


def _rehash_by_hand(folder, name):
    """What the old `make data` did: record whatever the file now holds."""
    import hashlib

    package = json.loads((folder / "datapackage.json").read_text())
    for res in package["resources"]:
        if res["name"] == name:
            raw = (folder / res["path"]).read_bytes()
            res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
            res["bytes"] = len(raw)
    (folder / "datapackage.json").write_text(json.dumps(package))
    data.clear_cache()


def _truncate_inside_a_quote(path):
    text = path.read_text(encoding="utf-8")
    cut = text.index('"', text.index("\n", len(text) // 3)) + 5  # a few characters into a quoted cell
    path.write_text(text[:cut], encoding="utf-8")


def test_make_data_refuses_a_file_truncated_inside_a_quoted_field(data_copy):
    before = (data_copy / "datapackage.json").read_text()
    _truncate_inside_a_quote(data_copy / "alliance_timeline.csv")
    for extra in ((), ("--accept",)):
        result = _refresh(data_copy, *extra)
        assert result.returncode == 1 and "alliance_timeline.csv" in result.stderr
        assert "quote" in result.stderr and "Traceback" not in result.stderr
    assert (data_copy / "datapackage.json").read_text() == before


def test_load_refuses_a_file_truncated_inside_a_quoted_field_even_if_rehashed(data_copy):
    _truncate_inside_a_quote(data_copy / "alliance_timeline.csv")
    _rehash_by_hand(data_copy, "alliance_timeline")
    with pytest.raises(SchemaError, match="alliance_timeline.csv.*quote"):
        course_lib.load("alliance_timeline")


def test_make_data_refuses_a_drop_in_rows_unless_accepted(data_copy):
    path = data_copy / "parties.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")  # header only
    result = _refresh(data_copy)
    assert result.returncode == 1 and "0 rows, but the descriptor recorded" in result.stderr
    assert "ACCEPT=1" in result.stderr
    assert _refresh(data_copy, "--accept").returncode == 0
    package = json.loads((data_copy / "datapackage.json").read_text())
    assert next(r["rows"] for r in package["resources"] if r["name"] == "parties") == 0


def test_load_compares_the_row_count_with_the_descriptor(data_copy):
    path = data_copy / "parties.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[:1]) + "\n")
    _rehash_by_hand(data_copy, "parties")  # hash updated, the recorded rows not
    with pytest.raises(SchemaError, match=r"parties.csv: 0 data rows, but the data package says \d+"):
        course_lib.load("parties")


def test_make_data_refuses_duplicate_names_and_other_encodings(data_copy):
    package = json.loads((data_copy / "datapackage.json").read_text())
    package["resources"].append(dict(package["resources"][0]))
    (data_copy / "datapackage.json").write_text(json.dumps(package))
    result = _refresh(data_copy)
    assert result.returncode == 1 and "twice" in result.stderr
    package["resources"].pop()
    (data_copy / "datapackage.json").write_text(json.dumps(package))
    path = data_copy / "parties.csv"
    path.write_bytes(path.read_text().encode("utf-8").decode("utf-8").encode("cp932", errors="replace"))
    result = _refresh(data_copy)
    assert result.returncode == 1 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_a_file_in_another_encoding_is_a_course_error(data_copy):
    path = data_copy / "parties.csv"
    path.write_bytes(path.read_text().encode("cp932", errors="replace"))
    _rehash_by_hand(data_copy, "parties")
    with pytest.raises(SchemaError, match=r"parties.csv, line \d+: the file is not UTF-8"):
        course_lib.load("parties")


# --------------------------------------------------------------------------- anchored checks

@pytest.mark.parametrize("column, value, message", [
    ("founded", "1955-11-15\\n", "is not a date"),            # a trailing newline in a quoted cell
    ("founded", "\u0661\u0669\u0665\u0665-11-15", "is not a date"),   # Arabic-Indic digits
    ("code", "LDP\\x00", "NUL byte"),
    ("name_en", "Liberal\\x00Democratic Party", "NUL byte"),
])
def test_patterns_are_anchored_and_ascii(data_copy, column, value, message):
    import csv
    import io

    path = data_copy / "parties.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index(column)] = value.encode().decode("unicode_escape") if "\\" in value else value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    _rehash_by_hand(data_copy, "parties")
    with pytest.raises(SchemaError, match=rf"parties.csv, line 2 .*column '{column}'.*{message}"):
        course_lib.load("parties")


# --------------------------------------------------------------------------- the descriptor

def _edit_descriptor(folder, change):
    path = folder / "datapackage.json"
    package = json.loads(path.read_text())
    change(package)
    path.write_text(json.dumps(package))
    data.clear_cache()


@pytest.mark.parametrize("change, message", [
    (lambda p: p.__setitem__("as_of", "19 March 2026"), "as_of must be a date written YYYY-MM-DD"),
    (lambda p: p.__setitem__("as_of", "2026-02-30"), "as_of must be a date"),
    (lambda p: p.__setitem__("resources", None), "'resources' must be a list"),
    (lambda p: p["resources"].append(dict(p["resources"][1])), "is used twice"),
    (lambda p: p["resources"][0].__setitem__("rows", "many"), "not a whole number"),
])
def test_descriptor_mistakes_are_course_errors(data_copy, change, message):
    _edit_descriptor(data_copy, change)
    with pytest.raises(DescriptorError, match=message):
        course_lib.list_datasets()
    with pytest.raises(DescriptorError):
        course_lib.as_of()


def test_a_bad_pattern_in_the_schema_is_a_course_error(data_copy):
    def bad(package):
        for res in package["resources"]:
            if res["name"] == "parties":
                res["schema"]["fields"][0].setdefault("constraints", {})["pattern"] = "^[A-Z+$"
    _edit_descriptor(data_copy, bad)
    with pytest.raises(SchemaError, match="field 'code' has a pattern that is not a valid regular expression"):
        course_lib.load("parties")


def test_a_data_folder_that_is_a_file_or_unreadable_is_a_course_error(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x")
    monkeypatch.setenv("COURSE_DATA_DIR", str(not_a_folder))
    data.clear_cache()
    with pytest.raises(DescriptorError, match="is a file, not a folder"):
        course_lib.list_datasets()
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "datapackage.json").write_text("{}")
    monkeypatch.setenv("COURSE_DATA_DIR", str(folder))

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(data.Path, "read_bytes", refuse)
    with pytest.raises(DescriptorError, match="cannot be read"):
        course_lib.list_datasets()
    data.clear_cache()


def test_the_cache_follows_a_changed_descriptor(data_copy):
    course_lib.load("parties")
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text())
    for res in package["resources"]:
        if res["name"] == "parties":
            res["hash"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(package))  # no clear_cache(): the cache itself must notice
    with pytest.raises(ChecksumError):
        course_lib.load("parties")


def test_resource_hands_out_a_copy():
    entry = data.resource("parties")
    entry["schema"]["fields"].clear()
    entry["title"] = "changed"
    assert data.resource("parties")["title"] != "changed"
    assert len(course_lib.describe("parties")) > 3


def test_cites_above_mirror_looks_at_both_source_columns_and_treats_missing_as_weak():
    tier = course_lib.load("sources").set_index("id")["tier"].astype(str)
    official, mirror = tier[tier == "official"].index[0], tier[tier == "mirror"].index[0]
    rows = pd.DataFrame({"source_id": [official, mirror, mirror, None],
                         "second_source_id": [None, official, None, None]})
    assert data.cites_above_mirror(rows).tolist() == [True, True, False, False]
    assert not data.cites_above_mirror(pd.DataFrame({"x": [1]})).any()
