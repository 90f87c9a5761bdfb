"""Facet counts over every matching document, from doc-number arrays built once per index generation."""

from __future__ import annotations


from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .facet_aliases import ValueWords, value_words
from .facet_registry import Facet
from .segments import SegmentMemo, read_postings, segment_id
from .wordtables import read_segment_arrays, segment_file

DEFAULT_FACET_SIZE = 20
# A tally over few documents reads only their pairs, by document (~48 ns a flagged document); a pass over
# every pair costs ~7 ns a pair (both measured at 1M articles by bench/facets.py, whose 105 tallies cost 269 ms
# by passes, 147 ms choosing the faster of the two each time, and 154 ms by this rule). A tally reads by
# document when flagged * SPARSE_COST < pairs + documents / 16.
SPARSE_COST = 6
FACET_TABLE_EXTENSION = ".facets.npz"  # a segment's facet pairs (write_facet_tables), beside its word table
VALUE_SEPARATOR = "\n"  # between a field's values (FACET_SEPARATOR: no value holds it)



@dataclass(frozen=True)
class FacetCount:
    """One value as a facet lists it: how many matching articles have it, and (nested facets) the counts of
    its children when it is expanded (selected, or the parent of a selected value)."""

    value: str
    count: int
    children: tuple["FacetCount", ...] = ()
    variants: tuple[str, ...] = ()  # a person's other stored forms, counted under this value (search/people.py)


def matching_values(values: Sequence[str], typed: str, limit: int = 50) -> list[str]:
    """Values a user means by `typed`: the same value in any case, else every value holding all its words."""
    wanted = typed.casefold().split()
    exact = [value for value in values if value.casefold() == typed.casefold()]
    if exact or not wanted:
        return exact
    found = [value for value in values if all(word in value.casefold().split() for word in wanted)]
    return found[:limit]


@dataclass
class FacetTable:
    """For one multi-valued field: each (document, value) pair as two parallel arrays, in document order, and
    where each document's pairs start (a document's pairs are [starts[d], starts[d + 1])). Passes over every
    pair read the documents' flags in order; a tally of few documents reads only their pairs."""

    field: str
    values: list[str]
    pair_doc: np.ndarray  # document numbers, ascending
    pair_value: np.ndarray  # index into `values`
    _ordinals: dict[str, int] | None = None
    _rank: np.ndarray | None = None
    _totals: np.ndarray | None = None
    _by_frequency: list[str] | None = None
    _words: ValueWords | None = None
    starts: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.pair_doc) > 1 and not (self.pair_doc[1:] >= self.pair_doc[:-1]).all():
            order = np.argsort(self.pair_doc, kind="stable")
            self.pair_doc, self.pair_value = self.pair_doc[order], self.pair_value[order]
        doc_count = int(self.pair_doc[-1]) + 1 if len(self.pair_doc) else 0
        starts = np.zeros(doc_count + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.pair_doc, minlength=doc_count), out=starts[1:])
        self.starts = starts.astype(np.int32) if starts[-1] < 2 ** 31 else starts

    @classmethod
    def from_reader(cls, reader, field: str, live: np.ndarray | None = None,
                    memo: SegmentMemo | None = None) -> "FacetTable":
        """Every value of `field` held by a live document (`live` flags them; None: all), and those
        documents; each segment's pairs are read once when a `memo` keeps them. An index without the
        field (built before a facet was declared) has no values."""
        if field not in reader.schema:
            return cls(field, [], np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))
        memo = memo if memo is not None else SegmentMemo()
        parts = [(memo.get(leaf, "facet pairs", field, lambda leaf=leaf: cls._segment_pairs(leaf, field)), offset)
                 for leaf, offset in reader.leaf_readers()]
        return cls._merged(field, parts, live)

    @classmethod
    def _segment_pairs(cls, leaf, field: str) -> "FacetTable":
        """One segment's table, its own document numbers, deleted documents included: from its facet table file
        when it has one (write_facet_tables), else read from the index."""
        saved = _saved_pairs(leaf, field)
        return cls(field, *saved) if saved is not None else cls._read_pairs(leaf, field)

    @classmethod
    def _read_pairs(cls, leaf, field: str) -> "FacetTable":
        """One segment's table from its postings, value by value (0.45 s of every one-off `warta search` at
        3,869 articles), put in document order once per segment (a sort of every pair of a 1M index took 1 s a
        facet)."""
        values: list[str] = []
        docs: list[np.ndarray] = []
        ordinals: list[np.ndarray] = []
        for term in leaf.lexicon(field):
            ids, _ = read_postings(leaf, field, term)
            if not len(ids):
                continue
            ordinals.append(np.full(len(ids), len(values), dtype=np.int32))
            docs.append(ids)
            values.append(term.decode("utf-8") if isinstance(term, bytes) else term)
        return cls(field, values, _joined(docs), _joined(ordinals))

    @classmethod
    def _merged(cls, field: str, parts: list[tuple["FacetTable", int]], live: np.ndarray | None) -> "FacetTable":
        """The segments' tables as one over the whole index, without the pairs of deleted documents
        (nor the values only deleted documents held); segments follow each other, so the pairs stay in
        document order."""
        if len(parts) == 1 and parts[0][1] == 0:
            table = parts[0][0]
            values, pair_doc, pair_value = table.values, table.pair_doc, table.pair_value
        else:
            values = sorted({value for table, _ in parts for value in table.values})
            number = {value: i for i, value in enumerate(values)}
            pair_doc = _joined([table.pair_doc + offset for table, offset in parts])
            pair_value = _joined([np.array([number[v] for v in table.values], dtype=np.int32)[table.pair_value]
                                  for table, _ in parts if len(table.values)])
        if live is not None and not live[pair_doc].all():
            keep = live[pair_doc]
            pair_doc, pair_value = pair_doc[keep], pair_value[keep]
            held = np.bincount(pair_value, minlength=len(values)) > 0
            if not held.all():
                renumber = np.cumsum(held, dtype=np.int32) - 1
                values = [value for value, kept in zip(values, held.tolist()) if kept]
                pair_value = renumber[pair_value]
        if len(parts) == 1 and parts[0][1] == 0 and pair_doc is parts[0][0].pair_doc:
            return parts[0][0]  # the segment's own table, in use as it is
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
        return matching_values(self.values, typed, limit)

    def grouped(self, group_of: Mapping[str, str]) -> "FacetTable":
        """The same documents with each value replaced by its group's (`group_of`; a value missing there is a
        group of its own), a document's pairs of one group counted once: one person's forms as one value."""
        groups = sorted({group_of.get(value, value) for value in self.values})
        if not self.values:
            return FacetTable(self.field, groups, self.pair_doc, self.pair_value)
        number = {group: i for i, group in enumerate(groups)}
        group_of_value = np.array([number[group_of.get(value, value)] for value in self.values], dtype=np.int64)
        keys = np.unique(self.pair_doc.astype(np.int64) * len(groups) + group_of_value[self.pair_value])
        return FacetTable(self.field, groups, (keys // len(groups)).astype(np.int32),
                          (keys % len(groups)).astype(np.int32))

    def tally(self, matching: np.ndarray, documents: np.ndarray | None = None) -> np.ndarray:
        """How many of the documents flagged in `matching` (their numbers: `documents`, when known) have each
        value. When most documents are flagged (an empty query with a filter counts its own facet over all of
        them), the pairs of those left out are counted and taken from the totals: the same answer from fewer
        pairs. Few flagged documents are counted from their own pairs (by document), many by a pass over all
        pairs."""
        if not len(self.values):
            return np.zeros(0, dtype=np.int64)
        flagged = np.count_nonzero(matching) if documents is None else len(documents)
        if flagged * 2 > len(matching):
            return self.totals - self._count(~matching, len(matching) - flagged)
        return self._count(matching, flagged, documents)

    def _count(self, matching: np.ndarray, flagged: int, documents: np.ndarray | None = None) -> np.ndarray:
        if flagged * SPARSE_COST < len(self.pair_doc) + len(matching) // 16:
            return self._sparse_tally(np.flatnonzero(matching) if documents is None else documents)
        return self._tally(matching)

    def _sparse_tally(self, documents: np.ndarray) -> np.ndarray:
        """_tally for a few documents (ascending numbers), from their pairs alone."""
        documents = documents[documents < len(self.starts) - 1]  # beyond the last document with a value
        first = self.starts[documents]
        sizes = self.starts[documents + 1] - first
        ends = np.cumsum(sizes)
        places = np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(first - ends + sizes, sizes)
        return np.bincount(self.pair_value[places], minlength=len(self.values))

    @property
    def totals(self) -> np.ndarray:
        """How many documents have each value."""
        if self._totals is None:
            self._totals = np.bincount(self.pair_value, minlength=len(self.values))
        return self._totals

    @property
    def by_frequency(self) -> list[str]:
        """The values, those in most documents first (ties in stored order): where a typed value's matches are
        cut (facet_aliases.MAX_MATCHED_VALUES), the largest are kept (`agency=dinas`: trial 28)."""
        if self._by_frequency is None:
            order = np.argsort(-self.totals, kind="stable")
            self._by_frequency = [self.values[i] for i in order.tolist()]
        return self._by_frequency

    @property
    def words(self) -> ValueWords:
        """The values as typed values are looked up in them (facet_aliases.named_values), most frequent first."""
        if self._words is None:
            self._words = ValueWords(self.field, self.by_frequency)
        return self._words

    def _tally(self, matching: np.ndarray) -> np.ndarray:
        return np.bincount(self.pair_value[matching[self.pair_doc]], minlength=len(self.values))

    def counts(self, matching: np.ndarray, size: int | None = DEFAULT_FACET_SIZE,
               always: Iterable[str] = (), prefix: str = "", shown_as: Callable[[str], str] = str,
               within: Callable[[str], bool] | None = None,
               aliases: Callable[[str], Iterable[str]] | None = None,
               documents: np.ndarray | None = None, meant: str | None = None) -> list[tuple[str, int]]:
        """(value, count) for the documents flagged in `matching`, most frequent first, at most `size`;
        values in `always` are listed whatever their count; `prefix` keeps values with a word (of the value as
        `shown_as` shows it, or of its other names: `aliases`) starting so; `within` keeps only the values it
        accepts; `documents`: the numbers of the flagged documents, when known."""
        tally = self.tally(matching, documents)
        candidates = np.flatnonzero(tally)
        if within is not None:
            candidates = np.array([i for i in candidates.tolist() if within(self.values[i])], dtype=np.int64)
        if prefix:
            candidates = np.array([i for i in candidates.tolist()
                                   if typed_into(self.values[i], prefix, shown_as, aliases, meant)], dtype=np.int64)
        ranked = candidates[np.lexsort((self.alphabetical_rank[candidates], -tally[candidates]))]
        if size is not None:
            ranked = ranked[:size]
        listed = [(self.values[i], int(tally[i])) for i in ranked.tolist()]
        shown = {value for value, _ in listed}
        for value in always:
            if value not in shown:
                listed.append((value, int(tally[self.ordinals[value]]) if value in self.ordinals else 0))
        return listed


def typed_into(value: str, prefix: str, shown_as: Callable[[str], str] = str,
               aliases: Callable[[str], Iterable[str]] | None = None, meant: str | None = None) -> bool:
    """Whether the type-ahead's `prefix` is typed into `value`: each of its words starts a word of its own of the
    value as `shown_as` shows it or of its other names (`aliases`: an agency's acronyms, an official's
    nicknames, a region's short forms), in any order and case (`joko w`, `widodo joko`, `polda metro jaya`,
    `kab. lampung`), a word typed twice needing two (`sri sri` is not typed into `Sri Mulyani`); or the whole
    prefix names the value (`meant`: `cnn indonesia` is cnnindonesia.com, `dki jakarta` is 31). Marks do not
    count (`hung` is typed into `Đỗ Văn Hưng`). A prefix of no word at all (`(`, `*`, `😀`) is typed into no
    value; a blank one into every value."""
    if meant is not None and value == meant:
        return True
    wanted = value_words(prefix)
    if not wanted:
        return not prefix.strip()
    own = value_words(shown_as(value))
    words = own + list({word for name in (aliases(value) if aliases else ()) for word in value_words(name)}
                       - set(own))  # another name's words that the value's own name lacks
    return _each_starts_its_own_word(wanted, words)


def _each_starts_its_own_word(wanted: list[str], words: list[str]) -> bool:
    """Whether each of `wanted` starts a different one of `words`. Longest first, each takes any word it starts:
    the words two typed words start are either apart or those of the longer among those of the shorter (which
    starts it), so no choice the longer makes can leave the shorter one without a word another choice leaves."""
    free = list(words)
    for part in sorted(wanted, key=len, reverse=True):
        taken = next((i for i, word in enumerate(free) if word.startswith(part)), None)
        if taken is None:
            return False
        free.pop(taken)
    return True


def facet_counts(facet: Facet, table: FacetTable, matching: np.ndarray, size: int | None,
                 selected: tuple[str, ...], documents: np.ndarray | None = None) -> list[FacetCount]:
    """What a facet lists for the documents flagged in `matching` (numbered `documents`, when known): its
    values, most frequent first, selected ones always; a nested facet lists its top values, and the children
    of those that are expanded."""
    if not facet.nested:
        return [FacetCount(value, count) for value, count in table.counts(matching, size, always=selected,
                                                                          documents=documents)]
    expanded = {facet.parent(value) or value for value in selected}
    top = table.counts(matching, size, always=sorted(expanded), within=lambda value: facet.parent(value) is None,
                       documents=documents)
    return [FacetCount(value, count, tuple(
        FacetCount(child, child_count) for child, child_count in table.counts(
            matching, size, always=[s for s in selected if facet.parent(s) == value],
            within=lambda child, value=value: facet.parent(child) == value, documents=documents))
        if value in expanded else ()) for value, count in top]


def write_facet_tables(reader, fields: Iterable[str]) -> list[str]:
    """Write the facet table of every segment of `reader` that has none yet (an update's linked segments have
    theirs): each of `fields`' values and its (document, value) pairs, as FacetTable._read_pairs reads them, so
    that opening a generation reads one file a segment instead of every value's postings. The names written."""
    written = []
    for leaf, _ in reader.leaf_readers():
        path = segment_file(leaf, FACET_TABLE_EXTENSION)
        if path is None or path.exists() or not leaf.doc_count_all():
            continue
        arrays = {}
        for name in fields:
            if name not in leaf.schema:
                continue
            table = FacetTable._read_pairs(leaf, name)
            if any(VALUE_SEPARATOR in value for value in table.values):
                continue  # read from the index instead
            arrays[f"{name}.values"] = np.frombuffer(VALUE_SEPARATOR.join(table.values).encode("utf-8"),
                                                     dtype=np.uint8)
            arrays[f"{name}.docs"] = np.asarray(table.pair_doc, dtype=np.int32)
            arrays[f"{name}.ordinals"] = np.asarray(table.pair_value, dtype=np.int32)
        with path.open("xb") as handle:  # np.savez given a name would add its own extension
            np.savez(handle, **arrays)
        written.append(path.name)
    return written


def _saved_pairs(leaf, field: str) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """A field's values and pairs from its segment's facet table; None when there is no table or no field in
    it. A table that disagrees with itself is not one Warta wrote: ValueError (search reads run under
    query.reading, which checks the generation's files whole and names the damaged one)."""
    saved = read_segment_arrays(leaf, FACET_TABLE_EXTENSION, (f"{field}.values", f"{field}.docs", f"{field}.ordinals"))
    if saved is None:
        return None
    docs, ordinals = saved[f"{field}.docs"], saved[f"{field}.ordinals"]
    text = saved[f"{field}.values"].tobytes().decode("utf-8")
    values = text.split(VALUE_SEPARATOR) if text or len(ordinals) else []
    if (len(docs) != len(ordinals) or docs.dtype != np.int32 or ordinals.dtype != np.int32
            or (len(ordinals) and not 0 <= int(ordinals.min()) <= int(ordinals.max()) < len(values))):
        raise ValueError(f"the facet table of {segment_id(leaf)} holds {len(values)} values of {field} and "
                         f"{len(ordinals)} pairs")
    return values, docs, ordinals


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(np.int32, copy=False) if arrays else np.zeros(0, dtype=np.int32)
