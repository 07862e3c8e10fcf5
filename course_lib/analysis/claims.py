"""The essay's claims and the course data that bears on them: the claim-and-evidence explorer's logic.

Lesson 04's ``claim_explorer`` is a thin shell over these functions, and lesson 08's scorecard reuses
them; they take DataFrames (``essay_map`` and the evidence datasets) and return DataFrames, plain
values and small frozen records, with no matplotlib and no ipywidgets.

The API, in the order a student meets it:

``claims(essay_map, paragraph=None, kind=None)``
    The claims of one paragraph (4, "4" or "P4") and/or one kind, in essay order.
``claim_card(essay_map, claim_id)`` -> :class:`ClaimCard`
    Everything the explorer shows about one claim: kind, paraphrase, quotation, question, the
    course's fact-check note, the evidence datasets and what its kind allows evidence to do.
``evidence_datasets(essay_map, claim_id)``
    The datasets that bear on a claim (the essay map's ``evidence`` column), in the map's order.
``evidence_table(essay_map, paragraphs=None, kinds=None)``
    One row per (claim, dataset): the long form that matches claims to the data that could test them.
``kind_counts(essay_map, paragraphs)``
    How many claims of each kind each paragraph makes.
``evidence_summary(dataset, frame, claim_id=None)`` -> :class:`EvidenceSummary`
    A one-chart summary of a dataset for a claim: labelled values, the bars of the period under
    discussion marked, a unit, and a sentence stating the finding (the chart's alt text).
    Datasets without a tailored summary get a generic one (rows per year, per paragraph tag, or per
    category), so every dataset of the course, including ones added later, has a chart.
``claim_sentence(card, dataset)`` and ``verdict_line(claim_id, saved)``
    The explorer's visible sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..errors import CourseError
from . import refuelling

KINDS = ("factual", "interpretive", "normative", "predictive")

# What evidence can do for each kind of claim (shown with every claim; lesson 04 teaches it).
WHAT_EVIDENCE_CAN_DO = {
    "factual": "Factual: the data can test it; find the row that confirms or contradicts it.",
    "interpretive": ("Interpretive: a reading of the facts; evidence can support or weaken it, "
                     "but the claim stays an argument."),
    "normative": ("Normative: it says what should be done or who is to blame; evidence informs it, "
                  "but it can only be argued, not tested."),
    "predictive": "Predictive: it can be checked only against what happened later.",
}

# The essay was written in early 2010 about the Hatoyama government (from 16 Sep 2009): charts by
# year mark these years as the period under discussion.
ESSAY_YEARS = (2009, 2010)


# --------------------------------------------------------------------------- claims

def _paragraph_number(paragraph) -> int | None:
    if paragraph is None or paragraph == "" or paragraph == 0:
        return None
    match = re.fullmatch(r"[Pp]?([1-8])", str(paragraph).strip())
    if not match:
        raise CourseError(f"Paragraphs are 1-8 (or 'P1'-'P8'), not {paragraph!r}.")
    return int(match[1])


def _essay_order(frame: pd.DataFrame) -> pd.DataFrame:
    parts = frame["claim_id"].str.extract(r"P(\d)\.(\d+)([a-z]?)")
    order = parts[0].astype(int) * 10_000 + parts[1].astype(int) * 10 + parts[2].map(lambda s: ord(s) - 96 if s else 0)
    return frame.assign(_order=order.values).sort_values("_order").drop(columns="_order")


def claims(essay_map: pd.DataFrame, paragraph=None, kind: str | None = None) -> pd.DataFrame:
    """The claims of one paragraph and/or one kind (None or "" for all), in essay order."""
    number = _paragraph_number(paragraph)
    if kind not in (None, "") and kind not in KINDS:
        raise CourseError(f"Unknown kind {kind!r}. Kinds: {', '.join(KINDS)}.")
    chosen = essay_map
    if number is not None:
        chosen = chosen[chosen["paragraph"] == number]
    if kind not in (None, ""):
        chosen = chosen[chosen["kind"].astype(str) == kind]
    return _essay_order(chosen).reset_index(drop=True)


def _row(essay_map: pd.DataFrame, claim_id: str) -> pd.Series:
    found = essay_map[essay_map["claim_id"] == claim_id]
    if found.empty:
        raise CourseError(f"The essay map has no claim {claim_id!r} (ids look like 'P4.2').")
    return found.iloc[0]


def _split(cell) -> tuple[str, ...]:
    if cell is None or pd.isna(cell):
        return ()
    return tuple(part.strip() for part in str(cell).split(";") if part.strip())


def evidence_datasets(essay_map: pd.DataFrame, claim_id: str) -> tuple[str, ...]:
    """The datasets that bear on one claim, in the essay map's order."""
    return _split(_row(essay_map, claim_id)["evidence"])


def claim_label(row) -> str:
    """A one-line label for a claim (the explorer's choice list): id, kind and the paraphrase's start."""
    text = str(row["claim"])
    short = text if len(text) <= 70 else text[:67].rsplit(" ", 1)[0] + "..."
    return f"{row['claim_id']} · {row['kind']} · {short}"


@dataclass(frozen=True)
class ClaimCard:
    """What the explorer shows about one claim."""

    claim_id: str
    paragraph: int
    kind: str
    claim: str
    quote: str | None
    question: str
    fact_check: str
    datasets: tuple[str, ...]
    what_evidence_can_do: str


def claim_card(essay_map: pd.DataFrame, claim_id: str) -> ClaimCard:
    """The card of one claim (see :class:`ClaimCard`)."""
    row = _row(essay_map, claim_id)

    def text(column):
        value = row.get(column)
        return "" if value is None or pd.isna(value) else str(value)

    kind = str(row["kind"])
    return ClaimCard(claim_id, int(row["paragraph"]), kind, text("claim"), text("short_quote") or None,
                     text("question"), text("note"), _split(row["evidence"]), WHAT_EVIDENCE_CAN_DO[kind])


def evidence_table(essay_map: pd.DataFrame, paragraphs=None, kinds=None) -> pd.DataFrame:
    """One row per claim and dataset (claim_id, paragraph, kind, dataset) for some paragraphs/kinds."""
    chosen = _essay_order(essay_map)
    if paragraphs is not None:
        chosen = chosen[chosen["paragraph"].isin([_paragraph_number(p) for p in paragraphs])]
    if kinds is not None:
        chosen = chosen[chosen["kind"].astype(str).isin(list(kinds))]
    long = chosen.assign(dataset=chosen["evidence"].map(lambda cell: list(_split(cell)) or [None]))
    long = long.explode("dataset")
    long["kind"] = long["kind"].astype(str)
    return long[["claim_id", "paragraph", "kind", "dataset"]].dropna().reset_index(drop=True)


def kind_counts(essay_map: pd.DataFrame, paragraphs=None) -> pd.DataFrame:
    """Claims per paragraph (rows) and kind (columns, all four kinds), with a total column."""
    chosen = essay_map
    if paragraphs is not None:
        chosen = chosen[chosen["paragraph"].isin([_paragraph_number(p) for p in paragraphs])]
    table = pd.crosstab(chosen["paragraph"].map(lambda p: f"P{p}"), chosen["kind"].astype(str))
    table = table.reindex(columns=list(KINDS), fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.rename_axis(index="paragraph", columns=None)


# --------------------------------------------------------------------------- one chart per dataset

@dataclass(frozen=True)
class EvidenceSummary:
    """A one-chart summary of a dataset for a claim. ``marked`` flags the bars of the period or
    group under discussion (named by ``mark_label``); ``sentence`` states the finding."""

    dataset: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str
    marked: tuple[bool, ...]
    mark_label: str
    sentence: str

    @property
    def table(self) -> pd.DataFrame:
        return pd.DataFrame({"label": self.labels, "value": self.values, "marked": self.marked})


def _summary(dataset, title, series: pd.Series, unit, marked, mark_label, sentence) -> EvidenceSummary:
    values = tuple(float(v) for v in series.to_numpy())
    return EvidenceSummary(dataset, title, tuple(str(i) for i in series.index), values, unit,
                           tuple(bool(m) for m in marked), mark_label, sentence)


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:,.1f}"


def _per_year(dataset: str, years: pd.Series, what: str, window: tuple[int, int] | None = None) -> EvidenceSummary:
    years = years.dropna().astype(int)
    if window:
        years = years[years.between(*window)]
    counts = years.value_counts().sort_index()
    if counts.empty:
        return _empty(dataset, what)
    full = counts.reindex(range(int(counts.index.min()), int(counts.index.max()) + 1), fill_value=0)
    marked = [y in ESSAY_YEARS for y in full.index]
    top = full.idxmax()
    in_window = int(full[[y for y in full.index if y in ESSAY_YEARS]].sum())
    shown = f" (only {window[0]}-{window[1]} shown)" if window else ""
    sentence = (f"{dataset}: {int(full.sum())} {what} from {full.index.min()} to {full.index.max()}{shown}; "
                f"the most in {top} ({int(full[top])}); {in_window} in {ESSAY_YEARS[0]}-{ESSAY_YEARS[1]}, "
                f"the years the essay discusses.")
    title = f"{what.capitalize()} per year" + (f", {window[0]}-{window[1]}" if window else "")
    return _summary(dataset, title, full, what, marked,
                    f"{ESSAY_YEARS[0]}-{ESSAY_YEARS[1]}", sentence)


def _empty(dataset: str, what: str) -> EvidenceSummary:
    return EvidenceSummary(dataset, f"No {what}", (), (), what, (), "",
                           f"{dataset}: no {what} to chart for this selection.")


def _refueling_years(frame, claim_id):
    rates = refuelling.fuel_rate(frame)
    series = pd.Series(rates["kl_per_30_days"].to_numpy(), index=rates["label"])
    marked = rates["legal_basis"].str.contains("Law No. 1 of 2008")
    return _summary("refueling_years", "Ship fuel supplied per 30 days, by fiscal year and law period", series,
                    "kL per 30 days", marked, "the 2008 law, which the Hatoyama cabinet let lapse",
                    "refueling_years: " + refuelling.fuel_rate_sentence(rates))


def _refueling_mission(frame, claim_id):
    ordered = frame.sort_values("period_start")
    labels = [f"{r.period_start:%b %Y} - {r.period_end:%b %Y}" for r in ordered.itertuples()]
    series = pd.Series(ordered["operations"].fillna(0).astype(int).to_numpy(), index=labels)
    marked = ordered["period_end"] >= pd.Timestamp("2009-09-16")
    first, last = series.iloc[0], series.iloc[-1]
    sentence = (f"refueling_mission: {int(first)} refuelling operations under the 2001 law, none during the "
                f"lapse, {int(last)} under the 2008 law that ended on {ordered['period_end'].max():%d %B %Y}.")
    return _summary("refueling_mission", "Refuelling operations per legal period", series, "operations",
                    marked, "the period that ended under the Hatoyama cabinet", sentence)


def _afghanistan_support(frame, claim_id):
    usd = frame[(frame["unit"].astype(str) == "USD million") & (frame["recipient"] == "Afghanistan")]
    usd = usd.sort_values("date")
    kinds = {"pledge": "new pledge", "cumulative_pledge": "pledged since 2001",
             "cumulative_disbursed": "disbursed since 2001"}
    special = {"implemented_to_201012": "disbursed from the 2009 pledge"}
    labels = [f"{r.date:%b %Y}: {special.get(r.item_id, kinds.get(str(r.item_type), str(r.item_type)))}"
              for r in usd.itertuples()]
    series = pd.Series(usd["amount"].to_numpy(), index=labels)
    marked = usd["item_id"] == "pledge_20091110"
    pledge = usd.loc[marked, "amount"].max()
    before = usd.loc[usd["item_type"].astype(str) == "cumulative_pledge", "amount"].max()
    sentence = (f"afghanistan_support: the November 2009 pledge of up to US${pledge / 1000:g} bn for about five "
                f"years is {pledge / before:.1f} times the US${before / 1000:g} bn Japan had pledged in all "
                f"from 2001 to early 2009.")
    return _summary("afghanistan_support", "Japan's aid to Afghanistan: pledges and amounts disbursed", series,
                    "US$ million", marked, "the pledge of 10 Nov 2009", sentence)


def _policy_texts(frame, claim_id):
    issuer = frame["issuer"].str.replace(r"\s*\(.*\)$", "", regex=True)
    issuer = issuer.replace({"Yukio Hatoyama": "Hatoyama", "Mizuho Fukushima": "SDP",
                             "Social Democratic Party": "SDP", "Democratic Party of Japan": "DPJ",
                             "People's New Party": "PNP", "DPJ, SDP and PNP": "Coalition agreement"})
    counts = issuer.value_counts()
    equal = frame["topic"].fillna("").str.contains("equal")
    with_equal = set(issuer[equal])
    marked = [name in with_equal for name in counts.index]
    sentence = (f"policy_texts: {len(frame)} texts from {len(counts)} issuers; {int(equal.sum())} of them are "
                f"tagged 'equal alliance', from {', '.join(sorted(with_equal))}.")
    return _summary("policy_texts", "Party, coalition and prime-ministerial texts, by issuer", counts, "texts",
                    marked, "issuers whose texts speak of an 'equal' alliance", sentence)


def _opinion_affinity(frame, claim_id):
    series = frame.set_index("survey_year")["affinity_pct"].dropna().sort_index()
    marked = [y in ESSAY_YEARS for y in series.index]
    low, high = series.idxmin(), series.idxmax()
    around = ", ".join(f"{int(y)}: {series[y]:.1f}%" for y in series.index if y in ESSAY_YEARS)
    sentence = (f"opinion_affinity: Japanese who feel affinity for the US ranged from {series[low]:.1f}% ({low}) "
                f"to {series[high]:.1f}% ({high}); {around or 'no survey in 2009-2010'}.")
    return _summary("opinion_affinity", "Japanese who feel affinity for the United States", series, "percent",
                    marked, f"{ESSAY_YEARS[0]}-{ESSAY_YEARS[1]}", sentence)


def _cabinet_approval(frame, claim_id):
    order = frame.groupby("cabinet", observed=True)["fieldwork_start"].min().sort_values().index
    means = frame.groupby("cabinet", observed=True)["approve_pct"].mean().reindex(order).round(1)
    means.index = [str(c).split("_")[0].capitalize() for c in means.index]
    marked = [name == "Hatoyama" for name in means.index]
    sentence = (f"cabinet_approval: mean approval over the polls in the data ranges from {means.min():.1f}% "
                f"({means.idxmin()}) to {means.max():.1f}% ({means.idxmax()}); Hatoyama's polls average "
                f"{means.get('Hatoyama', float('nan')):.1f}%.")
    return _summary("cabinet_approval", "Mean cabinet approval over the polls in the data", means, "percent",
                    marked, "the Hatoyama cabinet", sentence)


def _defense_spending(frame, claim_id):
    japan = frame[(frame["country"].astype(str) == "Japan")
                  & (frame["measure"].astype(str) == "budget_excl_saco_realignment")]
    series = japan.set_index("year")["value"].sort_index()
    marked = [y in ESSAY_YEARS for y in series.index]
    sentence = (f"defense_spending: Japan's defence budget (excluding SACO and realignment) was "
                f"{_number(series.iloc[0])} bn yen in {series.index[0]} and {_number(series.iloc[-1])} bn yen "
                f"in {series.index[-1]}; the highest was {_number(series.max())} bn yen in {series.idxmax()}.")
    return _summary("defense_spending", "Japan's defence budget (excluding SACO and realignment)", series,
                    "billion yen", marked, f"{ESSAY_YEARS[0]}-{ESSAY_YEARS[1]}", sentence)


def _host_nation_support(frame, claim_id):
    kept = frame[frame["definition"].astype(str) == "mod_hns_total"].dropna(subset=["value_billion_yen"])
    series = kept.groupby("fiscal_year")["value_billion_yen"].first().sort_index()
    marked = [y in ESSAY_YEARS for y in series.index]
    sentence = (f"host_nation_support: on the Defence Ministry's definition, between {series.index.min()} and "
                f"{series.index.max()} the stored figures range from {_number(series.min())} bn yen "
                f"({series.idxmin()}) to {_number(series.max())} bn yen ({series.idxmax()}).")
    return _summary("host_nation_support", "Japan's host-nation support by fiscal year (Defence Ministry total)",
                    series, "billion yen", marked, f"{ESSAY_YEARS[0]}-{ESSAY_YEARS[1]}", sentence)


def _alliance_timeline(frame, claim_id):
    paragraph = claim_id.split(".")[0] if claim_id else None
    chosen = frame
    what = "events"
    if paragraph:
        tags = frame["essay_paragraphs"].fillna("").str.split(";")
        chosen = frame[tags.map(lambda t: paragraph in t)]
        what = f"events tagged {paragraph}"
    return _per_year("alliance_timeline", chosen["date"].dt.year, what)


def _hr_elections(frame, claim_id):
    last = frame[frame["election_date"] == pd.Timestamp("2009-08-30")]
    if last.empty:
        last = frame[frame["election_date"] == frame["election_date"].max()]
    series = last.set_index("party")["seats"].dropna().sort_values(ascending=False).head(8)
    total = int(last["total_seats"].dropna().iloc[0]) if last["total_seats"].notna().any() else int(series.sum())
    top = series.idxmax()
    day = last["election_date"].iloc[0]
    sentence = (f"hr_elections: in the House of Representatives election of {day:%d %B %Y} the {top} won "
                f"{int(series[top])} of {total} seats.")
    return _summary("hr_elections", f"Seats won, House of Representatives election of {day:%Y-%m-%d}",
                    series, "seats", [p == top for p in series.index], "the largest party", sentence)


SUMMARIES: dict[str, Callable[[pd.DataFrame, str | None], EvidenceSummary]] = {
    "refueling_years": _refueling_years,
    "refueling_mission": _refueling_mission,
    "afghanistan_support": _afghanistan_support,
    "policy_texts": _policy_texts,
    "opinion_affinity": _opinion_affinity,
    "cabinet_approval": _cabinet_approval,
    "defense_spending": _defense_spending,
    "host_nation_support": _host_nation_support,
    "alliance_timeline": _alliance_timeline,
    "hr_elections": _hr_elections,
}

# Columns that place a row in time, in order of preference, for the generic chart.
_TIME_COLUMNS = ("date", "start_date", "election_date", "fieldwork_start", "as_of", "period_start",
                 "year", "fiscal_year", "survey_year", "founded")
_PARAGRAPH_COLUMNS = ("paragraphs", "essay_paragraphs", "paragraph")


def _generic(dataset: str, frame: pd.DataFrame, claim_id: str | None) -> EvidenceSummary:
    for column in _TIME_COLUMNS:
        if column in frame.columns:
            values = frame[column]
            dated = pd.api.types.is_datetime64_any_dtype(values)
            years = values.dt.year if dated else pd.to_numeric(values, errors="coerce")
            if years.notna().any():
                window = (2001, 2012) if years.min() < 2001 or years.max() > 2012 else None
                return _per_year(dataset, years, "rows", window)
    for column in _PARAGRAPH_COLUMNS:
        if column in frame.columns:
            tags = frame[column].dropna().astype(str).map(lambda c: [f"P{p.strip().lstrip('P')}" for p in c.split(";")])
            counts = tags.explode().value_counts()
            counts = counts.reindex([f"P{i}" for i in range(1, 9)], fill_value=0)
            paragraph = claim_id.split(".")[0] if claim_id else None
            marked = [p == paragraph for p in counts.index]
            sentence = (f"{dataset}: {len(frame)} rows; {int(counts.get(paragraph, 0))} are tagged {paragraph}."
                        if paragraph else f"{dataset}: {len(frame)} rows, most tagged {counts.idxmax()}.")
            return _summary(dataset, "Rows per essay paragraph", counts, "rows", marked,
                            f"the claim's paragraph ({paragraph})" if paragraph else "", sentence)
    for column in frame.columns:
        values = frame[column]
        if (isinstance(values.dtype, pd.CategoricalDtype) or values.dtype == object or
                pd.api.types.is_string_dtype(values)) and column not in ("source_id", "second_source_id",
                                                                         "value_status", "note"):
            counts = values.astype(str).value_counts()
            if 1 < len(counts) <= 12:
                sentence = (f"{dataset}: {len(frame)} rows by {column}; the most common is {counts.index[0]} "
                            f"({int(counts.iloc[0])}).")
                return _summary(dataset, f"Rows by {column}", counts, "rows", [False] * len(counts), "", sentence)
    series = pd.Series([len(frame)], index=["rows"])
    return _summary(dataset, "Rows in the dataset", series, "rows", [False], "", f"{dataset}: {len(frame)} rows.")


def evidence_summary(dataset: str, frame: pd.DataFrame, claim_id: str | None = None) -> EvidenceSummary:
    """A one-chart summary of ``frame`` (the dataset named ``dataset``) for a claim (see module doc)."""
    if dataset in SUMMARIES:
        return SUMMARIES[dataset](frame, claim_id)
    return _generic(dataset, frame, claim_id)


# --------------------------------------------------------------------------- the explorer's sentences

def claim_sentence(card: ClaimCard, dataset: str | None) -> str:
    """The explorer's summary line for one claim and the dataset charted."""
    bears = ", ".join(card.datasets) if card.datasets else "no dataset"
    chart = f"; chart: {dataset}" if dataset else ""
    n = len(card.datasets)
    verb = "dataset bears" if n == 1 else "datasets bear"
    return f"{card.claim_id} ({card.kind}): {n} {verb} on it ({bears}){chart}."


def verdict_line(claim_id: str, saved: dict | None) -> str:
    """What the explorer says about the saved verdict on a claim."""
    if not saved:
        return f"No verdict on {claim_id} saved yet."
    evidence = f" Evidence: {saved['evidence']}" if saved.get("evidence") else ""
    return f"Saved verdict on {claim_id}: {saved['rating']} (lesson {saved.get('lesson', '')}).{evidence}"
