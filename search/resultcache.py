"""Result dicts of searches already answered by one index generation, kept within a byte budget.

A generation never changes, so the same request against it always gives the same result: popular queries
(the front page's empty search, a facet click, paging back) are answered from here in a fraction of a
millisecond instead of being evaluated again. Each entry is the result pickled, so that a caller can change
what it gets (web/views.py adds toggle URLs to facet items) without touching the cached copy, and so that
the budget counts real bytes. Least recently used entries leave first; the cache goes with its generation.
Each entry may keep the request that gave it, so that the searches asked lately can be asked again of the
next generation before it takes traffic (SearchService's autowarming, as Solr warms a new searcher's cache
from its predecessor's).
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from typing import Any, Hashable

RESULT_CACHE_BYTES = 32 * 1024 * 1024  # per generation and per process
LARGEST_ENTRY_SHARE = 16  # one result may take at most this share of the budget (1/16): never a deep export


class ResultCache:
    """A least-recently-used map from a request's key to its result dict, at most `budget` bytes pickled."""

    def __init__(self, budget: int = RESULT_CACHE_BYTES, largest: int | None = None) -> None:
        self.budget = budget
        self.largest = budget // LARGEST_ENTRY_SHARE if largest is None else largest  # bytes of one entry
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, tuple[bytes, Any]] = OrderedDict()  # key: (pickled, request)
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> dict[str, Any] | None:
        """A fresh copy of the result stored under `key`, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
        return pickle.loads(entry[0])

    def put(self, key: Hashable, result: dict[str, Any], request: Any = None) -> None:
        """Keep `result` (and the `request` that gave it, for recent()) under `key`, unless it alone is larger
        than `largest` (a share of the budget)."""
        pickled = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        if len(pickled) > self.largest:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= len(previous[0])
            self._entries[key] = (pickled, request)
            self.size += len(pickled)
            while self.size > self.budget:
                _, (dropped, _) = self._entries.popitem(last=False)
                self.size -= len(dropped)

    def recent(self, count: int) -> list[Any]:
        """The requests kept with the `count` most recently used entries that have one, most recent first."""
        with self._lock:
            entries = list(reversed(self._entries.values()))
        return [request for _, request in entries if request is not None][:count]

    def __len__(self) -> int:
        return len(self._entries)
