"""Dates written in Indonesian news: `Rabu (28/9/2022)`, `Senin (27/3)`, `5 November 2015`."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

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
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")
ISO_DATETIME = re.compile(
    r"^\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
WIB = timezone(timedelta(hours=7))
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
    for pattern in (LONG_DATE, NUMERIC_DATE):
        for match in pattern.finditer(text):
            month = match["month"]
            month_number = int(month) if month.isdigit() else _MONTH_NUMBER[month.lower()]
            found = safe_date(int(match["year"]), month_number, int(match["day"]))
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
    """`2017-03-28`, `2015-11-05T14:56:43+07:00` (the publisher's local date) or a UTC time such as
    `2017-03-28T20:15:36Z` (converted to Western Indonesian Time, WIB) → a date; anything else → None."""
    if not value:
        return None
    match = ISO_DATETIME.match(value)
    if not match:
        return None
    year, month, day = (int(part) for part in match["date"].split("-"))
    found = safe_date(year, month, day)
    zone = match["zone"]
    if found is None or not match["time"] or zone not in ("Z", "+00:00", "+0000", "-00:00"):
        return found
    hours, minutes = (int(part) for part in match["time"].split(":")[:2])
    moment = datetime(found.year, found.month, found.day, hours, minutes, tzinfo=timezone.utc)
    return moment.astimezone(WIB).date()
