"""The page in Indonesian: dates as people in Indonesia write them, and error codes as sentences.

The words live in `locale_id.json`; the API keeps ISO dates and each error's stable code and English message.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, Sequence

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """locale_id.json, read once."""
    return json.loads(resources.files("web").joinpath("locale_id.json").read_text(encoding="utf-8"))


def _day(iso: str | None) -> date | None:
    """The calendar day an ISO date or date-time starts with; None when there is none."""
    found = ISO_DAY.match(iso or "")
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def long_date(iso: str | None) -> str:
    """`2022-09-28` (or `2022-09-28T04:15:36`) → `Rabu, 28 September 2022`; anything else as it is."""
    day = _day(iso)
    if day is None:
        return iso or ""
    return f"{words()['days'][day.weekday()]}, {day.day} {words()['months'][day.month - 1]} {day.year}"


def day_date(iso: str | None) -> str:
    """`2022-09-28` → `28 September 2022` (a date in a range, where the weekday is noise); else as it is."""
    day = _day(iso)
    if day is None:
        return iso or ""
    return f"{day.day} {words()['months'][day.month - 1]} {day.year}"


def short_month(month: str) -> str:
    """`2022-09` → `Sep 2022`."""
    found = ISO_MONTH.match(month)
    if not found or not 1 <= int(found[2]) <= 12:
        return month
    return f"{words()['months_short'][int(found[2]) - 1]} {found[1]}"


def long_month(month: str) -> str:
    """`2022-09` → `September 2022`."""
    found = ISO_MONTH.match(month)
    if not found or not 1 <= int(found[2]) <= 12:
        return month
    return f"{words()['months'][int(found[2]) - 1]} {found[1]}"


def shown_date(value: str) -> str:
    """A date bound as the page's boxes show it: `2022-09-28` → `28/09/2022`, `2022-09` → `09/2022`."""
    found = ISO_DAY.fullmatch(value)
    if found:
        return f"{found[3]}/{found[2]}/{found[1]}"
    found = ISO_MONTH.fullmatch(value)
    if found:
        return f"{found[2]}/{found[1]}"
    return value


def error_title(status: int) -> str:
    titles = words()["error_titles"]
    return titles.get(str(status)) or titles["500" if status >= 500 else "400"]


def error_text(code: str, status: int, limits: Mapping[str, Any], fields: Mapping[str, Any] | None = None) -> str:
    """What an error code says on the page, its `{name}` fields filled from `limits` and the error's own
    `fields` (a list is read out: `A, B atau C`); `<code>_<variant>` stands instead when the error names one,
    `<code>_nearest` follows when it names values nearest to what was typed. An unknown code says what its
    status means."""
    errors = words()["errors"]
    variant = (fields or {}).get("variant")  # a case the code's own text would not name (`bad_date_calendar`)
    text = errors.get(f"{code}_{variant}") or errors.get(code)
    if text is None:
        by_status = words()["errors_by_status"]
        text = by_status.get(str(status)) or by_status["500" if status >= 500 else "400"]
    fields = {name: listed(value) if isinstance(value, (list, tuple)) else value
              for name, value in (fields or {}).items()}
    if fields.get("nearest") and f"{code}_nearest" in errors:
        text += " " + errors[f"{code}_nearest"]
    return text.format_map({**limits, **fields})


def listed(values: Sequence[str]) -> str:
    """`A`, `A atau B`, `A, B atau C`."""
    values = list(values)
    return " atau ".join(filter(None, [", ".join(values[:-1]), values[-1]])) if values else ""


def decimal(value: float) -> str:
    """`0.9` → `0,9`: a decimal comma."""
    return f"{value}".replace(".", ",")
