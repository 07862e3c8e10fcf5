"""The descriptor matches the files, follows the Frictionless spec, and every row names its source."""

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import course_lib as cl

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PACKAGE["resources"]
META = {"sources", "disputes"}  # catalogue datasets: they describe sources rather than cite them
PROVENANCE = ["source_id", "second_source_id", "value_status", "note"]


def test_frictionless_validates_the_package():
    result = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", "--json",
                             str(DATA / "datapackage.json")], capture_output=True, text=True)
    report = json.loads(result.stdout)
    problems = [(t["name"], e["message"]) for t in report.get("tasks", []) for e in t.get("errors", [])]
    assert report["valid"], problems[:10]


def test_frictionless_catches_a_changed_file(tmp_path):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "parties.csv"
    path.write_text(path.read_text().replace("LDP", "LPD", 1))
    result = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", "--json",
                             str(tmp_path / "data" / "datapackage.json")], capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert not report["valid"]


def test_descriptor_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "refresh_datapackage.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("res", RESOURCES, ids=lambda r: r["name"])
def test_descriptor_matches_file(res):
    raw = (DATA / res["path"]).read_bytes()
    assert res["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    assert rows[0] == [f["name"] for f in res["schema"]["fields"]]
    assert res["rows"] == len(rows) - 1 > 0
    assert res["bytes"] == len(raw)


@pytest.mark.parametrize("res", RESOURCES, ids=lambda r: r["name"])
def test_resource_is_documented(res):
    for key in ("title", "description", "provenance", "licenses", "topics"):
        assert res.get(key), f"{res['name']} lacks {key}"
    assert res["schema"].get("primaryKey") or res["name"] == "disputes"
    for field in res["schema"]["fields"]:
        assert field.get("description"), f"{res['name']}.{field['name']} has no description"
    if res["name"] not in META:
        assert res["sources"], res["name"]
        for source in res["sources"]:
            assert {"title", "path", "accessed"} <= set(source)


@pytest.mark.parametrize("res", [r for r in RESOURCES if r["name"] not in META], ids=lambda r: r["name"])
def test_every_row_names_a_resolvable_source(res):
    names = [f["name"] for f in res["schema"]["fields"]]
    assert names[-4:] == PROVENANCE
    frame = cl.load(res["name"])
    ids = set(cl.load("sources")["id"])
    assert frame["source_id"].notna().all()
    assert set(frame["source_id"]) <= ids
    assert set(frame["second_source_id"].dropna()) <= ids
    assert set(frame["value_status"].astype(str)) <= {"reported", "derived", "disputed", "judgement"}
    assert (frame["source_id"] != frame["second_source_id"]).all()


@pytest.mark.parametrize("res", [r for r in RESOURCES if r["name"] not in META], ids=lambda r: r["name"])
def test_value_status_allows_course_judgements_and_documents_them(res):
    field = next(f for f in res["schema"]["fields"] if f["name"] == "value_status")
    assert field["constraints"]["enum"] == ["reported", "derived", "disputed", "judgement"]
    assert "judgement" in field["description"] and "reasoning" in field["description"]


def test_descriptor_lists_each_cited_source_with_its_tier():
    tiers = dict(zip(cl.load("sources")["id"], cl.load("sources")["tier"].astype(str)))
    for res in RESOURCES:
        for source in res.get("sources", []):
            assert source["tier"] == tiers[source["id"]], (res["name"], source["id"])


def test_disputes_name_real_datasets_and_sources():
    disputes = cl.load("disputes")
    ids = set(cl.load("sources")["id"])
    assert set(disputes["chosen_source_id"].dropna()) <= ids
    assert set(disputes["alternative_source_id"].dropna()) <= ids
    assert disputes["reason"].str.len().gt(10).all()


def test_every_disputed_row_has_a_dispute_record():
    disputes = cl.load("disputes")
    for res in RESOURCES:
        if res["name"] in META:
            continue
        frame = cl.load(res["name"])
        if (frame["value_status"] == "disputed").any():
            assert res["name"] in set(disputes["dataset"].astype(str)), res["name"]


def test_sources_have_public_addresses_and_access_dates():
    sources = cl.load("sources")
    assert sources["url"].str.match(r"^(https?://|npm:|course:)").all()
    assert pd.api.types.is_datetime64_any_dtype(sources["accessed"])


@pytest.mark.parametrize("res", RESOURCES, ids=lambda r: r["name"])
def test_dates_lie_in_range(res):
    frame = cl.load(res["name"])
    for column in frame.columns:
        if column == "accessed":  # when a page was read, after the data's "as of" date
            continue
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            values = frame[column].dropna()
            assert (values >= pd.Timestamp("1800-01-01")).all(), column
            assert (values <= cl.as_of()).all(), column


def test_every_source_is_cited_by_a_row_a_dispute_or_a_note():
    cited = " ".join((DATA / r["path"]).read_text(encoding="utf-8") + r.get("provenance", "")
                     for r in RESOURCES if r["name"] != "sources")
    unused = [i for i in cl.load("sources")["id"] if i not in cited]
    assert not unused, f"sources nobody cites: {unused[:10]}"
