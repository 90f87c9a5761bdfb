"""What each segment of an index gives, read once and kept while the segment lives.

An update adds a small segment beside large unchanged ones (and may mark some of their documents deleted,
which leaves what they hold unchanged), so a searcher opening the new generation reads only the new
segment: words, field lengths, dates, facet pairs of the others are taken from the memo.
"""

from __future__ import annotations

from typing import Callable, TypeVar

import numpy as np

T = TypeVar("T")


def segment_id(leaf) -> str | None:
    """The id Whoosh gives a segment for its lifetime; None for a reader that is not one segment's."""
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return segment.segment_id() if segment is not None else None


class SegmentMemo:
    """Values computed from one segment, keyed by (what, segment id, field); kept across generations."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, str, str], object] = {}

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[tuple[str, str, str]]:
        return list(self._values)

    def peek(self, key: tuple[str, str, str]) -> object:
        return self._values.get(key)

    def retain(self, reader) -> None:
        """Forget the segments `reader` no longer has (merged away or gone with their generation)."""
        alive = {segment_id(leaf) for leaf, _ in reader.leaf_readers()}
        for key in [key for key in self._values if key[1] not in alive]:
            del self._values[key]

    def get(self, leaf, what: str, field: str, compute: Callable[[], T]) -> T:
        segment = segment_id(leaf)
        if segment is None:
            return compute()
        key = (what, segment, field)
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]  # type: ignore[return-value]

    def concatenated(self, reader, what: str, field: str, compute: Callable[[object], np.ndarray],
                     dtype) -> np.ndarray:
        """One array over every document of `reader`: each segment's part from `compute(leaf)`, memoised."""
        parts = [self.get(leaf, what, field, lambda leaf=leaf: np.asarray(compute(leaf), dtype=dtype))
                 for leaf, _ in reader.leaf_readers()]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def live_documents(reader) -> np.ndarray:
    """True for each document that is not deleted; segment by segment from their (short) deletion lists."""
    live = np.ones(reader.doc_count_all(), dtype=bool)
    for leaf, offset in reader.leaf_readers():
        if leaf.has_deletions():
            deleted = getattr(leaf, "deleted_docs_set", None)  # a segment reader's, read from its segment
            if deleted is None:
                deleted = [doc for doc in range(leaf.doc_count_all()) if leaf.is_deleted(doc)]
            live[np.fromiter(deleted, dtype=np.int64, count=len(deleted)) + offset] = False
    return live


def column_values(reader, field: str, memo: SegmentMemo, dtype=np.int64) -> np.ndarray:
    """Every document's value in a column field (deleted documents included), one segment at a time."""
    return memo.concatenated(reader, "column", field,
                             lambda leaf: np.fromiter(leaf.column_reader(field), dtype=dtype,
                                                      count=leaf.doc_count_all()), dtype)

