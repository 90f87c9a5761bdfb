"""Every match of a search as rows, streamed: CSV (UTF-8 with BOM, RFC 4180 quoting) or JSON Lines.

Rows are produced one at a time from the ranked document numbers, so memory does not grow with the rows.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from .results import metadata

EXPORT_LIMIT = 10_000  # rows an export gives at most
COLUMNS = ("id", "title", "date", "url", "source", "place", "regions", "officials", "agencies", "story",
           "outlet")  # a column added goes last: what reads the others by position finds them where they were
FORMATS = ("csv", "jsonl")
LIST_SEPARATOR = "; "  # between the names of a list column in CSV
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def hits_to_export(backend, request) -> int:
    """How many hits the export of `request` would list with no limit (its search's `total`): an export that
    stops at EXPORT_LIMIT says so against it."""
    from dataclasses import replace

    return backend.search(replace(request, page=1, per_page=1, facet_size=1))["total"]


def cut_short_note(total: int, limit: int | None = None) -> str | None:
    """What to tell a reader of an export that stopped at `limit` rows (EXPORT_LIMIT) of `total`; None when
    nothing was cut."""
    limit = EXPORT_LIMIT if limit is None else limit
    if total <= limit:
        return None
    return f"{limit:,} of {total:,} hits exported: an export stops at {limit:,} rows; narrow the search for the rest"


def export_row(stored: dict[str, Any]) -> dict[str, Any]:
    """One article's row; regions, officials and agencies by name."""
    return {
        **metadata(stored),
        "regions": [region["name"] for region in stored.get("regions") or []],
        "officials": [o["name"] for o in stored.get("officials") or []],
        "agencies": [a["name"] for a in stored.get("agencies") or []],
        "story": stored.get("story") or stored["id"],
    }


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A BOM and the header, then one CRLF-terminated record per row; lists joined with '; '. The first row is
    read before the header is given: a search that fails (no index, a damaged one) gives no line at all, not a
    header alone for a file that looks like an export with no match."""
    rows = iter(rows)
    first = list(islice(rows, 1))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    yield BOM + buffer.getvalue()
    for row in chain(first, rows):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([inert(LIST_SEPARATOR.join(row[c]) if isinstance(row[c], list) else row[c]) for c in COLUMNS])
        yield buffer.getvalue()


def inert(value: Any) -> str:
    """A cell a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    (a formula to Excel and LibreOffice: `=HYPERLINK(…)` in a scraped title) gets a leading apostrophe, which
    the spreadsheet hides (OWASP's advice for CSV injection). JSON Lines are left as they are."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def export_lines(rows: Iterable[dict[str, Any]], format: str) -> Iterator[str]:
    return csv_lines(rows) if format == "csv" else jsonl_lines(rows)


STOPPED = "# export stopped"  # how the CSV line ending an export cut by an error starts


def stopped_line(format: str, code: str, message: str) -> str:
    """The last line of an export that failed after its first rows were sent (the index damaged while it
    streamed): in JSON Lines the API's error envelope, `{"error": {"code", "message"}}`, an object no row is; in
    CSV a record of one cell, `# export stopped (code): message` (CSV has no comments; a spreadsheet shows it as
    the last row's first cell), so that a reader of the file sees it is cut short, and why."""
    if format == "jsonl":
        return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False) + "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([f"{STOPPED} ({code}): {message}"])
    return buffer.getvalue()
