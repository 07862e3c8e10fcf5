"""The data API: loading, typing, metadata, citation, search, and every error path."""

import json
import subprocess
import sys

import pandas as pd
import pytest

import course_lib
from course_lib import data
from course_lib.errors import (
    ChecksumError, DataFileMissingError, DescriptorError, SchemaError, UnknownDatasetError,
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
    line = next(l for l in text.splitlines() if l.startswith("Sources by tier: "))
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
