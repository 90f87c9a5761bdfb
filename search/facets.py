"""Facet counts over every matching document, from doc-number arrays built once per index generation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .matching import read_postings

DEFAULT_FACET_SIZE = 20


@dataclass
class FacetTable:
    """For one multi-valued field: each (document, value) pair as two parallel arrays."""

    field: str
    values: list[str]
    pair_doc: np.ndarray  # document numbers
    pair_value: np.ndarray  # index into `values`
    _ordinals: dict[str, int] | None = None
    _rank: np.ndarray | None = None

    @classmethod
    def from_reader(cls, reader, field: str, live: np.ndarray | None = None) -> "FacetTable":
        """Every value of `field` and the documents holding it; `live` flags the documents not deleted."""
        values: list[str] = []
        docs: list[np.ndarray] = []
        ordinals: list[np.ndarray] = []
        for term in reader.lexicon(field):
            ids, _ = read_postings(reader, field, term, live)
            if not len(ids):
                continue
            ordinals.append(np.full(len(ids), len(values), dtype=np.int32))
            docs.append(ids)
            values.append(term.decode("utf-8") if isinstance(term, bytes) else term)
        pair_doc = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
        pair_value = np.concatenate(ordinals) if ordinals else np.zeros(0, dtype=np.int32)
        return cls(field, values, pair_doc, pair_value)

    @property
    def alphabetical_rank(self) -> np.ndarray:
        """Each value's place in alphabetical order: the tie-break between equal counts."""
        if self._rank is None:
            self._rank = np.empty(len(self.values), dtype=np.int64)
            self._rank[sorted(range(len(self.values)), key=self.values.__getitem__)] = np.arange(len(self.values))
        return self._rank

    @property
    def ordinals(self) -> dict[str, int]:
        if self._ordinals is None:
            self._ordinals = {value: i for i, value in enumerate(self.values)}
        return self._ordinals

    def documents_with_any(self, values: tuple[str, ...] | list[str], doc_count: int) -> np.ndarray:
        """A boolean array over documents: True where the document has at least one of `values`."""
        wanted = np.zeros(len(self.values) + 1, dtype=bool)
        for value in values:
            if value in self.ordinals:
                wanted[self.ordinals[value]] = True
        mask = np.zeros(doc_count, dtype=bool)
        mask[self.pair_doc[wanted[self.pair_value]]] = True
        return mask

    def matching_values(self, typed: str, limit: int = 50) -> list[str]:
        """Values a user means by `typed`: the same value in any case, else every value holding all its words."""
        wanted = typed.casefold().split()
        exact = [value for value in self.values if value.casefold() == typed.casefold()]
        if exact or not wanted:
            return exact
        found = [value for value in self.values if all(word in value.casefold().split() for word in wanted)]
        return found[:limit]

    def tally(self, matching: np.ndarray) -> np.ndarray:
        """How many of the documents flagged in `matching` have each value."""
        if not len(self.values):
            return np.zeros(0, dtype=np.int64)
        return np.bincount(self.pair_value[matching[self.pair_doc]], minlength=len(self.values))

    def counts(self, matching: np.ndarray, size: int | None = DEFAULT_FACET_SIZE,
               always: tuple[str, ...] = (), prefix: str = "") -> list[tuple[str, int]]:
        """(value, count) for the documents flagged in `matching`, most frequent first, at most `size`;
        values in `always` are listed whatever their count; `prefix` keeps values with a word starting so."""
        tally = self.tally(matching)
        candidates = np.flatnonzero(tally)
        if prefix:
            wanted = prefix.casefold()
            candidates = np.array([i for i in candidates.tolist()
                                   if any(word.startswith(wanted) for word in self.values[i].casefold().split())],
                                  dtype=np.int64)
        ranked = candidates[np.lexsort((self.alphabetical_rank[candidates], -tally[candidates]))]
        if size is not None:
            ranked = ranked[:size]
        listed = [(self.values[i], int(tally[i])) for i in ranked.tolist()]
        shown = {value for value, _ in listed}
        for value in always:
            if value not in shown:
                listed.append((value, int(tally[self.ordinals[value]]) if value in self.ordinals else 0))
        return listed
