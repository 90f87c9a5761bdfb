"""Dates written in Indonesian news (`Rabu (28/9/2022)`, `Senin (27/3)`, `5 November 2015`) and in the date
fields of exports (ISO 8601, `9/30/2025 19:00`, `Sep 28, 2022`, epoch seconds or milliseconds)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable

from .lexicon import DAYS, MONTHS, read_lines

_DAY_NAMES = "|".join(DAYS) + "|Jum['\u2019\u02bc`\u00b4]at"  # `Jum’at`: a date is read before the text is
# normalised (normalise_text, which writes every apostrophe inside a word as `'`)
WEEKDAY_DATE = re.compile(
    rf"\b(?P<weekday>{_DAY_NAMES})\s*,?\s*\(\s*(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})"
    rf"(?:\s*/\s*(?P<year>\d{{2}}|\d{{4}}))?\s*\)",
    re.IGNORECASE,
)


def _month_words() -> dict[str, int]:
    """month_words.tsv: each short form, older spelling (`nopember`) or English name -> the month's number."""
    return {word: int(number) for word, number in (line.split("\t") for line in read_lines("month_words.tsv"))}


MONTH_WORDS = _month_words()
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a year outside is an unreadable date, not an article dated 0000 or 9999
_MONTH_WORDS = "|".join(sorted([*MONTHS, *MONTH_WORDS], key=len, reverse=True))
LONG_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_WORDS})\.?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")
# A time of day and the zone it is told in, as every form of a date field writes them: `23:30`, `14.30`,
# `23:30:00.000`, `2:30 PM`; `Z`, `UTC`, `GMT`, Indonesia's `WIB`, `WITA`, `WIT`, or an offset (`+0000`, `-05:00`)
CLOCK = (r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<seconds>\d{2}))?(?:\.\d+)?"
         r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?")
ZONE = r"(?P<zone>Z|UTC|GMT|WITA|WIB|WIT|[+-]\d{2}:?\d{2})(?![\w:])"
ISO_DATETIME = re.compile(rf"^\s*(?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}})(?:[T ]{CLOCK}(?:\s*{ZONE})?)?")
ZONED_TIME = re.compile(rf"(?<![\d.:]){CLOCK}\s*{ZONE}")  # the time of `Mon, 12 May 2025 23:30:00 +0000`
WIB = timezone(timedelta(hours=7))  # the zone a UTC time's date (and an epoch number's) is counted in
ZONE_HOURS = {"Z": 0, "UTC": 0, "GMT": 0, "WIB": 7, "WITA": 8, "WIT": 9}
MAX_EAST_MINUTES = 14 * 60  # the farthest offsets a zone keeps: Kiribati's +14:00
MAX_WEST_MINUTES = 12 * 60  # and Baker Island's -12:00
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# `Perda Nomor 3 Tahun 2016`, `UU No. 23 Tahun 2014`: a law's year, never the story's (`Senin (10/10)` beside it)
REGULATION_NUMBER = re.compile(r"\b(?:Nomor|Nomer|No)\.?\s*\d+[A-Za-z]?\s+[Tt]ahun\s+$", re.IGNORECASE)
REGULATION_REACH = 30
FRIDAY = 4
_WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(DAYS)}
_WEEKDAY_NUMBER["jum'at"] = FRIDAY
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, start=1)} | MONTH_WORDS


def safe_date(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def today_wib() -> date:
    """Today's date in Western Indonesian Time, which the limits on an article's date count from."""
    return datetime.now(WIB).date()


def text_date(text: str, year_hint: int | None = None) -> date | None:
    """The date an article's text gives when no field, line or metadata dates it, unless it lies after tomorrow
    (WIB): a plan's date (`rampung 30 November 2027`) does not date the story that announces it."""
    found = find_date(text, year_hint)
    return found if found is None or found <= today_wib() + timedelta(days=1) else None


def find_date(text: str, year_hint: int | None = None) -> date | None:
    """The first date the text gives; a weekday date without a year takes the year whose weekday fits."""
    years: list[int] | None = None  # the text's years, read once: every weekday date asked them (trial 38)
    for match in WEEKDAY_DATE.finditer(text):
        if years is None and not match["year"]:
            years = _candidate_years(text, year_hint)
        found = _weekday_date(match, years or [])
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


def _candidate_years(text: str, year_hint: int | None) -> list[int]:
    """The years a weekday date without one may be in: the hint, then each year the text writes (not a
    regulation's, `Nomor 6 Tahun 2014`), in order, once each."""
    candidates = [year_hint] if year_hint else []
    candidates += [int(year[1]) for year in YEAR.finditer(text)
                   if not REGULATION_NUMBER.search(text, max(0, year.start() - REGULATION_REACH), year.start())]
    return list(dict.fromkeys(candidates))


def _weekday_date(match: re.Match, years: list[int]) -> date | None:
    """The date of a weekday date: its own year, else the first of `years` (or the one before or after it) whose
    weekday fits."""
    day, month = int(match["day"]), int(match["month"])
    if match["year"]:
        year = int(match["year"])
        return safe_date(year + 2000 if year < 100 else year, month, day)
    weekday = _WEEKDAY_NUMBER.get(match["weekday"].lower(), FRIDAY)  # else `Jum’at`
    for base in years:
        for year in (base, base - 1, base + 1):
            found = safe_date(year, month, day)
            if found is not None and found.weekday() == weekday:
                return found
    return None


def parse_iso_date(value: str | None) -> date | None:
    """`2017-03-28`, `2015-11-05T14:56:43+07:00` or `2017-03-28T20:15:36Z` → its date (at_time: a UTC time's in
    WIB, another zone's its own); anything else → None."""
    if not value:
        return None
    match = ISO_DATETIME.match(value)
    if not match:
        return None
    year, month, day = (int(part) for part in match["date"].split("-"))
    return at_time(safe_date(year, month, day), match)


def at_time(day: date | None, clock: re.Match | None) -> date | None:
    """The date of `day` at the time `clock` reads (its groups: CLOCK's, ZONE's). A time told in UTC (`Z`, `UTC`,
    `GMT`, `+0000`), as exports and feeds write machine time, is dated in Western Indonesian Time (WIB): `23:30
    UTC` is 06:30 the next day, so one moment has one date whichever UTC form an export writes. A time told in
    another zone (`+09:00`, `WIT`, `-05:00`) is the publisher's own, and so is its date, as the article's dateline
    writes it; a time without a zone likewise (`T24:00` the next day). No time: `day`. An impossible time
    (`23:60`, `13:00 PM`) or offset (`+25:00`): None (the caller warns)."""
    if day is None or clock is None or not clock["hour"]:
        return day
    since_midnight = _time_of_day(clock)
    offset = _zone_offset(clock["zone"]) if clock["zone"] else WIB.utcoffset(None)
    if since_midnight is None or offset is None:
        return None
    moment = datetime.combine(day, time(), timezone(offset)) + since_midnight
    if offset:
        return safe_date(moment.year, moment.month, moment.day)
    return wib_date(moment)


def wib_date(moment: datetime) -> date | None:
    """The date a moment has in WIB, if its year is one an article may have (safe_date)."""
    wib = moment.astimezone(WIB)
    return safe_date(wib.year, wib.month, wib.day)


def _time_of_day(clock: re.Match) -> timedelta | None:
    """The time since midnight a clock reads: `24:00` a whole day, `2:30 PM` 14:30, `12:15 AM` 00:15; None for a
    time no day has (`23:60`, `99:99`, `24:30`, `13:00 PM`). Seconds (a leap second's `:60` too) change no date."""
    hours, minutes, seconds = int(clock["hour"]), int(clock["minute"]), int(clock["seconds"] or 0)
    if clock["ampm"]:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if clock["ampm"][0] in "Pp" else 0)
    if (hours, minutes, seconds) == (24, 0, 0):
        return timedelta(days=1)
    if hours > 23 or minutes > 59 or seconds > 60:
        return None
    return timedelta(hours=hours, minutes=minutes)


def _zone_offset(zone: str) -> timedelta | None:
    """`UTC`, `WITA` (ZONE_HOURS), `+07:00`, `-0930` → its offset from UTC; None for an offset no zone keeps: past
    -12:00 or +14:00, or 60 minutes past the hour or more."""
    if zone in ZONE_HOURS:
        return timedelta(hours=ZONE_HOURS[zone])
    hours, minutes = int(zone[1:3]), int(zone[-2:])
    farthest = MAX_EAST_MINUTES if zone[0] == "+" else MAX_WEST_MINUTES
    if minutes >= 60 or hours * 60 + minutes > farthest:
        return None
    return timedelta(minutes=hours * 60 + minutes) * (1 if zone[0] == "+" else -1)


# -- date fields of exports -----------------------------------------------------------------------
NUMERIC_VALUE = re.compile(
    r"^\s*(?:[A-Za-z']+\s*,?\s*)?\(?(?P<first>\d{1,2})[/.\-](?P<second>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\)?"
    rf"(?:[\sT,]+{CLOCK})?(?:\s*{ZONE})?\s*$"
)
MONTH_FIRST_NAMED = re.compile(
    rf"\b(?P<month>{_MONTH_WORDS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
EPOCH_VALUE = re.compile(r"^\s*(?P<digits>\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
COMPACT_VALUE = re.compile(r"^\s*(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})\s*$")
DAY_FIRST_NAMED = re.compile(  # `28-Sep-2022`, `28 Mei 22`, `28/Sept/2022`: a field's short forms of a long date
    rf"^\s*(?:[A-Za-z']+\s*,?\s*)?(?P<day>\d{{1,2}})(?:\s*[-/.]\s*|\s+)(?P<month>{_MONTH_WORDS})\.?(?:\s*[-/.]\s*|\s+)"
    rf"(?P<year>\d{{4}}|\d{{2}})\b", re.IGNORECASE)
YEAR_FIRST_VALUE = re.compile(r"^\s*(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})\b")  # `2022/09/28`


class DateOrder:
    """Whether the `N/N/YYYY` dates of one file put the day or the month first, decided from the file itself:
    a first number above 12 can only be a day, a second number above 12 only a day too. A file that never
    tells is read day-first, the Indonesian convention, and `decided` stays False so the report can say so."""

    def __init__(self) -> None:
        self.day_first_seen = 0
        self.month_first_seen = 0
        self.ambiguous_seen = 0
        self.example = "5/6/2025"  # an ambiguous date of the file's own, once one is seen

    def see(self, value: object) -> None:
        if not isinstance(value, str):
            return
        match = NUMERIC_VALUE.match(value)
        if not match:
            return
        first, second = int(match["first"]), int(match["second"])
        if first > 12 >= second:
            self.day_first_seen += 1
        elif second > 12 >= first:
            self.month_first_seen += 1
        elif first <= 12 and second <= 12 and first != second:
            if not self.ambiguous_seen:
                self.example = match.group().strip()
            self.ambiguous_seen += 1

    def counts(self) -> tuple[int, int, int, str]:
        """What it has seen, to be taken up again by `from_counts` (a file read on from where a reindex left it)."""
        return self.day_first_seen, self.month_first_seen, self.ambiguous_seen, self.example

    @classmethod
    def from_counts(cls, counts: Iterable) -> "DateOrder":
        order = cls()
        order.day_first_seen, order.month_first_seen, order.ambiguous_seen, order.example = counts
        return order

    @property
    def day_first(self) -> bool:
        return self.month_first_seen <= self.day_first_seen

    @property
    def decided(self) -> bool:
        return bool(self.day_first_seen or self.month_first_seen)

    def describe(self) -> str | None:
        """A line for the report when the order was a guess or the file mixes both orders; else None."""
        if self.day_first_seen and self.month_first_seen:
            return (f"the file writes dates both day-first ({self.day_first_seen}) and month-first "
                    f"({self.month_first_seen}); dates such as {self.example} were read "
                    f"{'day' if self.day_first else 'month'}-first")
        if not self.decided and self.ambiguous_seen:
            return (f"{self.ambiguous_seen} dates such as {self.example} could be day-first or month-first and nothing "
                    "in the file tells: read day-first (the Indonesian convention)")
        return None


def parse_date_value(value: str, day_first: bool = True) -> date | None:
    """The date a date field gives, or None: ISO 8601 with or without time and zone; `D/M/YYYY` or `M/D/YYYY`
    with an optional `HH:MM[:SS]` (an unambiguous value decides itself, else `day_first`); Indonesian and
    English month names (`28 September 2022`, `Sep 28, 2022`, `Kamis, 25 Jun 2026 08:16 WIB`, `28-Sep-2022`,
    `28 Mei 22`); epoch seconds or milliseconds (as a WIB date); `YYYYMMDD`, `YYYY/MM/DD`, `YYYY.MM.DD`. Years
    outside 1900-2100 give None."""
    if not value or len(value) > 100:
        return None
    iso = parse_iso_date(value)
    if iso is not None or ISO_DATE.match(value):
        return iso
    numeric = NUMERIC_VALUE.match(value)
    if numeric:
        return _numeric_date(numeric, day_first)
    epoch = EPOCH_VALUE.match(value)
    if epoch:
        digits = epoch["digits"]
        seconds = int(digits) / 1000 if len(digits) > 10 else int(digits)
        return wib_date(datetime.fromtimestamp(seconds, tz=timezone.utc))
    return at_time(_written_date(value), ZONED_TIME.search(value))


def _written_date(value: str) -> date | None:
    """The day a date field's other forms write (`20250512`, `2025/05/12 23:30 UTC`, `12-Mei-2025`, `May 12, 2025`,
    `Mon, 12 May 2025 23:30:00 +0000`), as written: its time and zone are not read here."""
    compact = COMPACT_VALUE.match(value) or YEAR_FIRST_VALUE.match(value)
    if compact:
        return safe_date(int(compact["year"]), int(compact["month"]), int(compact["day"]))
    short = DAY_FIRST_NAMED.match(value)
    if short and not LONG_DATE.search(value):
        return safe_date(_full_year(short["year"]), _MONTH_NUMBER[short["month"].lower()], int(short["day"]))
    named = MONTH_FIRST_NAMED.search(value)
    if named and not LONG_DATE.search(value):
        return safe_date(int(named["year"]), _MONTH_NUMBER[named["month"].lower()], int(named["day"]))
    return find_date(value)


def _numeric_date(match: re.Match, day_first: bool) -> date | None:
    first, second, year = int(match["first"]), int(match["second"]), _full_year(match["year"])
    if first > 12 or (day_first and second <= 12):
        day, month = first, second
    else:
        month, day = first, second
    return at_time(safe_date(year, month, day), match)


def _full_year(digits: str) -> int:
    """`22` is 2022 and `85` 1985 (a two-digit year from 70 on is the last century's); four digits as written."""
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year
