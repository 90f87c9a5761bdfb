"""The searches a server answered lately, kept in the index root so that the next server asks them before it
takes traffic (a restart then starts warm for the queries its readers ask, not only for the most frequent words).

A serving process records each search it answers (`RecentSearches`, bounded) and writes them now and then
(`save_searches`: one small JSON file, replaced atomically, so a reader never meets half a file). On start,
`load_searches` reads them back: a missing, oversized or damaged file is an empty list, and an entry that is no
longer a valid request (limits tightened since) is skipped, so the file can never stop a server from starting.
The file holds query text and filters, as an access log would; nothing about who asked."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Hashable

from .errors import WartaError

WARM_FILE = "warm-searches.json"
MAX_SAVED = 64  # searches written and replayed
MAX_FILE_BYTES = 256 * 1024  # a larger file is not read
FILE_MODE = 0o644  # as the index's other files (a temporary file is made 0600)


class RecentSearches:
    """The last `limit` distinct searches answered (by key), most recent last; safe across threads."""

    def __init__(self, limit: int = MAX_SAVED) -> None:
        self.limit = limit
        self._entries: OrderedDict[Hashable, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.changes = 0  # grows with every search recorded: a writer saves only when it moved

    def record(self, key: Hashable, fields: dict[str, Any]) -> None:
        with self._lock:
            self._entries.pop(key, None)
            self._entries[key] = fields
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)
            self.changes += 1

    def latest(self) -> list[dict[str, Any]]:
        """The searches' fields, most recent first."""
        with self._lock:
            return list(reversed(self._entries.values()))


def save_searches(index_root: Path, searches: list[dict[str, Any]]) -> None:
    """Put `searches` (most recent first) at the head of the index root's warm file, the searches saved there
    before after them, at most MAX_SAVED in all: each worker of a server saves its own, and none may replace
    another's. An OSError (a read-only index root, a full disk) is raised for the caller to report or ignore."""
    kept = searches + [entry for entry in load_searches(index_root, dict) if entry not in searches]
    text = json.dumps({"searches": kept[:MAX_SAVED]}, ensure_ascii=False)
    handle, temporary = tempfile.mkstemp(prefix=".warm-", dir=index_root)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, index_root / WARM_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_searches(index_root: Path, make: Callable[[dict[str, Any]], Any]) -> list[Any]:
    """The saved searches, each made into a request by `make` (entries it rejects with a WartaError, TypeError
    or ValueError are skipped); [] when there is no usable file."""
    path = index_root / WARM_FILE
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    entries = data.get("searches") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    made = []
    for entry in entries[:MAX_SAVED]:
        if not isinstance(entry, dict):
            continue
        try:
            made.append(make(entry))
        except (WartaError, TypeError, ValueError):
            continue
    return made
