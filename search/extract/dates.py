"""Dates written in Indonesian news: `Rabu (28/9/2022)`, `Senin (27/3)`, `5 November 2015`."""

from __future__ import annotations

import re
from datetime import date

from .lexicon import DAYS, MONTHS

_DAY_NAMES = "|".join(DAYS) + "|Jum'at"
WEEKDAY_DATE = re.compile(
    rf"\b(?P<weekday>{_DAY_NAMES})\s*,?\s*\(\s*(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})"
    rf"(?:\s*/\s*(?P<year>\d{{2}}|\d{{4}}))?\s*\)",
    re.IGNORECASE,
)
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
                       "ags": 8, "agus": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12}
_MONTH_WORDS = "|".join(sorted([*MONTHS, *MONTH_ABBREVIATIONS], key=len, reverse=True))
LONG_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_WORDS})\.?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(DAYS)}
_WEEKDAY_NUMBER["jum'at"] = 4
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, start=1)} | MONTH_ABBREVIATIONS


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, year_hint: int | None = None) -> date | None:
    """The first date the text gives; a weekday date without a year takes the year whose weekday fits."""
    for match in WEEKDAY_DATE.finditer(text):
        found = _weekday_date(match, text, year_hint)
        if found is not None:
            return found
    for match in LONG_DATE.finditer(text):
        found = safe_date(int(match["year"]), _MONTH_NUMBER[match["month"].lower()], int(match["day"]))
        if found is not None:
            return found
    return None


def _weekday_date(match: re.Match, text: str, year_hint: int | None) -> date | None:
    day, month = int(match["day"]), int(match["month"])
    if match["year"]:
        year = int(match["year"])
        return safe_date(year + 2000 if year < 100 else year, month, day)
    weekday = _WEEKDAY_NUMBER[match["weekday"].lower()]
    candidates = [year_hint] if year_hint else []
    candidates += [int(y) for y in YEAR.findall(text)]
    for base in list(dict.fromkeys(candidates)):
        for year in (base, base - 1, base + 1):
            found = safe_date(year, month, day)
            if found is not None and found.weekday() == weekday:
                return found
    return None


def parse_iso_date(value: str | None) -> date | None:
    """`2017-03-28T04:15:36Z` or `2017-03-28` → a date; anything else → None."""
    if not value:
        return None
    match = ISO_DATE.match(value)
    return safe_date(int(match[1]), int(match[2]), int(match[3])) if match else None
