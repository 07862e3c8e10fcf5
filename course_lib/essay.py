"""The essay the course is built around: its citation, its claims, and the only way to quote it.

The essay is someone else's copyrighted text, so the course never ships it. Short quotations
live in the ``essay_map`` dataset only (25 words or fewer each, 150 in all, checked by the
tests) and lessons show them through :func:`quote`, which always adds the paragraph number.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import load
from .errors import CourseError

AUTHOR = "Yuki Tatsumi"
TITLE = "US-Japan Alliance at 50: Heading Into Uncharted Waters"
PUBLISHER = "Stimson Center (Japan program commentary)"
YEAR = 2010
URL = "https://www.stimson.org/2010/us-japan-alliance-50-heading-uncharted-waters-0/"
MAX_WORDS_EACH = 25
MAX_WORDS_TOTAL = 150


def essay_citation() -> str:
    """The essay's full citation (the day of publication is not known, so the year is cited)."""
    return f'{AUTHOR}, "{TITLE}", {PUBLISHER}, {YEAR}. {URL}'


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(str(text).split())


@dataclass(frozen=True)
class Quote:
    """A short quotation with its paragraph; renders as a block quote in a notebook."""

    text: str
    paragraph: int
    claim_id: str

    def __str__(self) -> str:
        return f'"{self.text}" ({AUTHOR.split()[-1]} {YEAR}, P{self.paragraph})'

    def _repr_markdown_(self) -> str:
        return f"> \u201c{self.text}\u201d\n>\n> \u2014 {AUTHOR}, {YEAR}, paragraph P{self.paragraph}"

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Claim:
    """One claim of the essay as a lesson section opens with it: id, kind, paraphrase, quotation."""

    claim_id: str
    kind: str
    claim: str
    quote: Quote | None

    def __str__(self) -> str:
        text = f"{self.claim_id} ({self.kind}): {self.claim}"
        return f"{text}\n  {self.quote}" if self.quote else text

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        text = f"**Claim {self.claim_id}** · *{self.kind}* · {self.claim}"
        return f"{text}\n\n{self.quote._repr_markdown_()}" if self.quote else text


def claim(claim_id: str) -> Claim:
    """A claim of the essay map with its kind, our paraphrase and its short quotation (if any)."""
    claims = load("essay_map").set_index("claim_id")
    if claim_id not in claims.index:
        close = [c for c in claims.index if str(c).split(".")[0] == str(claim_id).split(".")[0]]
        raise CourseError(f"The essay map has no claim '{claim_id}'. "
                          f"Claims of that paragraph: {', '.join(close) or 'none'}; essay_map() lists all.")
    row = claims.loc[claim_id]
    has_quote = not pd.isna(row["short_quote"])
    return Claim(claim_id, str(row["kind"]), str(row["claim"]), quote(claim_id) if has_quote else None)


def essay_map(paragraph: int | None = None) -> pd.DataFrame:
    """The essay's claims, one row each, optionally for one paragraph (1-8)."""
    claims = load("essay_map")
    if paragraph is not None:
        if paragraph not in range(1, 9):
            raise CourseError(f"The essay has paragraphs 1 to 8; there is no paragraph {paragraph!r}.")
        claims = claims[claims["paragraph"] == paragraph].reset_index(drop=True)
    return claims


def quote(claim_id: str) -> Quote:
    """The short quotation attached to one claim of the essay map, e.g. quote("P5.2")."""
    claims = load("essay_map").set_index("claim_id")
    if claim_id not in claims.index:
        raise CourseError(f"The essay map has no claim '{claim_id}'. See essay_map() for the ids.")
    row = claims.loc[claim_id]
    if pd.isna(row["short_quote"]):
        raise CourseError(f"Claim '{claim_id}' has no short quotation; paraphrase it instead.")
    return Quote(str(row["short_quote"]), int(row["paragraph"]), claim_id)


def glossary(paragraph: int | None = None) -> pd.DataFrame:
    """Terms and acronyms with their expansions and definitions, optionally those of one paragraph."""
    terms = load("glossary")
    if paragraph is not None:
        mask = terms["paragraphs"].fillna("").str.split(";").apply(lambda ps: f"P{paragraph}" in ps)
        terms = terms[mask]
    return terms[["term", "expansion", "definition", "paragraphs"]].reset_index(drop=True)
