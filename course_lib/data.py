"""The course's data package: read, type, validate and cache the curated datasets.

This is the only module that touches files in ``data/``. The Frictionless descriptor
``data/datapackage.json`` is the single source of truth for schemas, sources, licences and
checksums; this module checks files against it with ``course_lib.schema`` (the ``frictionless``
library is used by the test suite only, because it is too slow to import in a lesson).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import hashlib
import json
import os
import re
from pathlib import Path

import pandas as pd

from .errors import (
    ChecksumError,
    DataFileMissingError,
    DescriptorError,
    UnknownDatasetError,
)
from .schema import typed_frame

DATA_DIR_ENV = "COURSE_DATA_DIR"
DESCRIPTOR = "datapackage.json"
# Source tiers, strongest first; "above mirror" means one of the first four.
TIERS = ("official", "scholarly", "news", "reference", "mirror", "blog")
ABOVE_MIRROR = TIERS[:4]

_descriptors: dict[Path, tuple[tuple[int, int], dict]] = {}
# Checked frames, keyed on the file, the sha256 it was checked against and its schema: a changed
# descriptor (new hash, new schema) can never hand out a frame checked against the old one.
_frames: dict[tuple[Path, str, str], pd.DataFrame] = {}


def data_dir() -> Path:
    """Where the data package lives: $COURSE_DATA_DIR, else inside a built wheel, else the clone."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise DescriptorError(
        f"Cannot find the course data ({DESCRIPTOR}) next to course_lib. "
        f"Reinstall the course, or set {DATA_DIR_ENV} to the folder that holds {DESCRIPTOR}."
    )


def clear_cache() -> None:
    """Forget every descriptor and dataset read so far (the next load re-checks the files)."""
    _descriptors.clear()
    _frames.clear()


def descriptor() -> dict:
    """The parsed data package descriptor, checked for the keys the course relies on."""
    folder = data_dir()
    path = folder / DESCRIPTOR
    if folder.exists() and not folder.is_dir():
        raise DescriptorError(f"The data folder {folder} is a file, not a folder. Point {DATA_DIR_ENV} "
                              f"at the folder that holds {DESCRIPTOR}.")
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        raise DescriptorError(f"{path} is missing: the data package has no descriptor.") from None
    except OSError as exc:
        raise DescriptorError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    cached = _descriptors.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        package = json.loads(path.read_bytes().decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise DescriptorError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except UnicodeDecodeError:
        raise DescriptorError(f"{path.name} is not UTF-8 text; save it as UTF-8.") from None
    except OSError as exc:
        raise DescriptorError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    _check_descriptor(package, path.name)
    _descriptors[path] = (stamp, package)
    return package


def _check_descriptor(package: object, filename: str) -> None:
    if not isinstance(package, dict):
        raise DescriptorError(f"{filename} must hold a JSON object at the top level.")
    for key in ("as_of", "resources"):
        if key not in package:
            raise DescriptorError(f"{filename} lacks the top-level key '{key}'.")
    as_of = package["as_of"]
    try:
        if not (isinstance(as_of, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of, re.ASCII)):
            raise ValueError
        dt.date.fromisoformat(as_of)
    except ValueError:
        raise DescriptorError(f"{filename}: as_of must be a date written YYYY-MM-DD, not {as_of!r}.") from None
    if not isinstance(package["resources"], list) or not package["resources"]:
        raise DescriptorError(f"{filename}: 'resources' must be a list of datasets, not "
                              f"{json.dumps(package['resources'])[:40]}.")
    seen: set[str] = set()
    for i, res in enumerate(package["resources"]):
        label = res.get("name", f"resource #{i + 1}") if isinstance(res, dict) else f"resource #{i + 1}"
        for key in ("name", "path", "title", "hash", "schema"):
            if not isinstance(res, dict) or key not in res:
                raise DescriptorError(f"{filename}: {label} lacks the key '{key}'.")
        fields = res["schema"].get("fields") if isinstance(res["schema"], dict) else None
        if not fields or not all(isinstance(f, dict) and "name" in f and "type" in f for f in fields):
            raise DescriptorError(
                f"{filename}: {label} needs schema.fields, each with a 'name' and a 'type'."
            )
        if not str(res["hash"]).startswith("sha256:"):
            raise DescriptorError(f"{filename}: {label} must give its hash as 'sha256:<hex>'.")
        if not isinstance(res["name"], str) or res["name"] in seen:
            raise DescriptorError(f"{filename}: the dataset name {res['name']!r} is used twice "
                                  f"(resource #{i + 1}); every name must be unique.")
        seen.add(res["name"])
        if "rows" in res and (not isinstance(res["rows"], int) or isinstance(res["rows"], bool)):
            raise DescriptorError(f"{filename}: {label} gives 'rows' as {res['rows']!r}, not a whole number.")


def _resources() -> dict[str, dict]:
    return {res["name"]: res for res in descriptor()["resources"]}


def resource(name: str) -> dict:
    """A copy of the descriptor entry of one dataset; an unknown name suggests the close ones."""
    return copy.deepcopy(_resource(name))


def _resource(name: str) -> dict:
    resources = _resources()
    if not isinstance(name, str):
        raise UnknownDatasetError(
            f"A dataset name must be text such as 'prime_ministers', not {type(name).__name__}."
        )
    if name in resources:
        return resources[name]
    close = difflib.get_close_matches(name.strip().lower(), resources, n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownDatasetError(
        f"There is no dataset called '{name}'.{hint} list_datasets() shows them all."
    )


def as_of() -> pd.Timestamp:
    """The data package's "as of" date: the course's idea of today (nothing reads the clock)."""
    return pd.Timestamp(descriptor()["as_of"])


def list_datasets() -> pd.DataFrame:
    """One row per dataset: name, title, rows and topics."""
    rows = [
        {
            "name": res["name"],
            "title": res["title"],
            "rows": res.get("rows"),
            "topics": ", ".join(res.get("topics", [])),
        }
        for res in descriptor()["resources"]
    ]
    frame = pd.DataFrame(rows, columns=["name", "title", "rows", "topics"])
    frame["rows"] = frame["rows"].astype("Int64")
    return frame


def describe(name: str) -> pd.DataFrame:
    """The codebook of one dataset: field, type, unit and description."""
    fields = _resource(name)["schema"]["fields"]
    return pd.DataFrame(
        [
            {
                "field": f["name"],
                "type": f["type"],
                "unit": f.get("unit", ""),
                "description": f.get("description", ""),
            }
            for f in fields
        ]
    )


def load(name: str) -> pd.DataFrame:
    """A dataset as a typed DataFrame, its metadata in ``df.attrs``.

    The first load in a process checks the file's sha256 and schema; later loads reuse the
    checked copy. Each call returns a fresh copy, so a lesson can change it freely.
    """
    res = _resource(name)
    folder = data_dir()
    key = (folder / res["path"], res["hash"], _fingerprint(res))
    if key not in _frames:
        _frames[key] = _read_checked(res, folder)
    frame = _frames[key].copy()
    frame.attrs = _metadata(res)
    return frame


def _fingerprint(res: dict) -> str:
    """The schema and row count a frame is checked against."""
    return json.dumps([res["schema"], res.get("rows")], sort_keys=True)


def _read_checked(res: dict, folder: Path) -> pd.DataFrame:
    path = folder / res["path"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileMissingError(
            f"The file for dataset '{res['name']}' is missing: {path}. "
            "Restore it from the course repository (git checkout -- data/)."
        ) from None
    except OSError as exc:
        raise DataFileMissingError(
            f"The file for dataset '{res['name']}' cannot be read: {path} ({exc.strerror or exc})."
        ) from None
    expected = res["hash"].split(":", 1)[1]
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise ChecksumError(
            f"{path.name} has changed since it was published: its sha256 checksum is "
            f"{actual[:12]}..., the data package expects {expected[:12]}.... "
            "Restore the file (git checkout -- data/) rather than editing data by hand."
        )
    return typed_frame(raw, res["schema"], path.name, res.get("rows"))


def _metadata(res: dict) -> dict:
    # Kept small and flat on purpose: pandas deep-copies attrs on most operations, so a widget that
    # filters a frame on every click pays for every nested item. Full source records are in
    # sources(name); attrs carry their ids as one string.
    return {
        "name": res["name"],
        "title": res["title"],
        "description": res.get("description", ""),
        "path": res["path"],
        "topics": tuple(res.get("topics", [])),
        "coverage": dict(res.get("coverage", {})),
        "provenance": res.get("provenance", ""),
        "license": "; ".join(lic.get("title", lic.get("name", "")) for lic in res.get("licenses", [])),
        "sources": "; ".join(str(s.get("id", s.get("path", ""))) for s in res.get("sources", [])),
        "as_of": descriptor()["as_of"],
    }


def sources(name: str) -> pd.DataFrame:
    """The sources (id, title, publisher, url, accessed, tier, notes) that a dataset's rows cite."""
    _resource(name)
    table = load("sources")
    if name == "sources":
        return table
    data = load(name)
    used = set()
    for column in ("source_id", "second_source_id"):
        if column in data:
            used.update(data[column].dropna().astype(str))
    return table[table["id"].astype(str).isin(used)].reset_index(drop=True)


def tier_mix(name: str) -> dict[str, int]:
    """How many of the sources a dataset cites fall in each tier, strongest tier first (zeros left out)."""
    counts = sources(name)["tier"].astype(str).value_counts()
    return {tier: int(counts[tier]) for tier in TIERS if counts.get(tier, 0)}


def cites_above_mirror(frame: pd.DataFrame) -> pd.Series:
    """Per row of a course dataset: does it cite (as source or second source) at least one official,
    scholarly, news or reference source? Rows that do not must say in their note what they rest on."""
    tiers = load("sources").set_index("id")["tier"].astype(str)
    strong = set(tiers[tiers.isin(ABOVE_MIRROR)].index)
    columns = [c for c in ("source_id", "second_source_id") if c in frame]
    return frame[columns].isin(strong).any(axis=1) if columns else pd.Series(False, index=frame.index)


def tier_text(name: str) -> str:
    """The tier mix as one line of text: "official 3, news 5, mirror 2"."""
    return ", ".join(f"{tier} {count}" for tier, count in tier_mix(name).items()) or "none"


def cite(name: str) -> str:
    """A formatted citation of a dataset: the course package, the tier mix, then every source its rows use."""
    res = resource(name)
    package = descriptor()
    lines = [
        f"{package.get('title', 'Course data package')}, dataset '{name}' ({res['title']}), "
        f"version {package.get('version', '?')}, data as of {package['as_of']}.",
        f"Sources by tier: {tier_text(name)}.",
        "Sources:",
    ]
    for row in sources(name).itertuples(index=False):
        lines.append(
            f"  - [{row.tier}] {row.publisher}: \"{row.title}\". {row.url} (accessed {row.accessed:%Y-%m-%d})."
        )
    return "\n".join(lines)


def find(keyword: str) -> pd.DataFrame:
    """Datasets and fields whose name, title or description mention ``keyword``."""
    if not isinstance(keyword, str) or not keyword.strip():
        raise UnknownDatasetError("find() needs a word to look for, such as find('Okinawa').")
    word = keyword.strip().lower()
    hits = []
    for res in descriptor()["resources"]:
        texts = [("dataset", "", res["name"]), ("dataset", "", res["title"]),
                 ("dataset", "", res.get("description", ""))]
        texts += [("field", f["name"], f["name"]) for f in res["schema"]["fields"]]
        texts += [("field", f["name"], f.get("description", "")) for f in res["schema"]["fields"]]
        seen = set()
        for where, field, text in texts:
            if word in text.lower() and (where, field) not in seen:
                seen.add((where, field))
                hits.append({"dataset": res["name"], "field": field, "match": text})
    return pd.DataFrame(hits, columns=["dataset", "field", "match"])
