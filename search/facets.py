"""Facet counts over every matching document, from doc-number arrays built once per index generation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_FACET_SIZE = 20


@dataclass
class FacetTable:
    """For one multi-valued field: each (document, value) pair as two parallel arrays."""

    field: str
    values: list[str]
    pair_doc: np.ndarray  # document numbers
    pair_value: np.ndarray  # index into `values`

    @classmethod
    def from_reader(cls, reader, field: str) -> "FacetTable":
        values: list[str] = []
        docs: list[np.ndarray] = []
        ordinals: list[np.ndarray] = []
        for term in reader.lexicon(field):
            ids = np.fromiter(reader.postings(field, term).all_ids(), dtype=np.int64)
            ordinals.append(np.full(len(ids), len(values), dtype=np.int64))
            docs.append(ids)
            values.append(term.decode("utf-8") if isinstance(term, bytes) else term)
        pair_doc = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
        pair_value = np.concatenate(ordinals) if ordinals else np.zeros(0, dtype=np.int64)
        return cls(field, values, pair_doc, pair_value)

    def matching_values(self, typed: str, limit: int = 50) -> list[str]:
        """Values a user means by `typed`: the same value in any case, else every value holding all its words."""
        wanted = typed.casefold().split()
        exact = [value for value in self.values if value.casefold() == typed.casefold()]
        if exact or not wanted:
            return exact
        found = [value for value in self.values if all(word in value.casefold().split() for word in wanted)]
        return found[:limit]

    def counts(self, matching: np.ndarray, size: int | None = DEFAULT_FACET_SIZE) -> list[tuple[str, int]]:
        """(value, count) for the documents flagged in the boolean array `matching`, most frequent first."""
        if not len(self.values):
            return []
        hits = self.pair_value[matching[self.pair_doc]]
        tally = np.bincount(hits, minlength=len(self.values))
        nonzero = np.flatnonzero(tally)
        ranked = sorted(nonzero.tolist(), key=lambda i: (-int(tally[i]), self.values[i]))
        if size is not None:
            ranked = ranked[:size]
        return [(self.values[i], int(tally[i])) for i in ranked]
