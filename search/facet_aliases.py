"""Facet values as people type them: any case, an official's nickname, an agency's acronym or short form.

One resolver serves the query's field filters (`official:jokowi`), the facet parameters of the API, the page
and the CLI (`official=joko widodo`, `agency=kemendagri`) and the type-ahead (`prefix=kpk` lists Komisi
Pemberantasan Korupsi): the same typed value means the same stored values everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

from .analysis import words_of
from .extract.lexicon import load_lexicon
from .identity import plain_letters, variants
from .facet_registry import FACETS
from .schema import AGENCY, REGION
from .synonyms import load_synonyms

PEOPLE = frozenset(facet.name for facet in FACETS.facets if facet.people)  # `official`, `quoted`: officials'
# names, which nicknames and one person's other forms stand for alike
PERSON_GROUPINGS_KEPT = 4  # official value lists (one per open generation) whose grouping by person is remembered
MAX_MATCHED_VALUES = 50  # values a typed value may stand for when it is words of several (`official:wayan`)
ALIAS_WORDS_KEPT = 8_192  # stored values whose other names' words are remembered (one entry per facet value)
WORD = re.compile(r"\w+")  # a word of a person's name or of a typed prefix, punctuation left out


@lru_cache(maxsize=1)
def _nicknames() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Lower-case nickname -> full name, and lower-case full name -> its nicknames."""
    full_of = {nick.casefold(): full for nick, full in load_lexicon().person_aliases.items()}
    nicks: dict[str, list[str]] = {}
    for nick, full in full_of.items():
        nicks.setdefault(full.casefold(), []).append(nick)
    return full_of, {full: tuple(names) for full, names in nicks.items()}


def named_values(facet: str, typed: str, values: "ValueWords",
                 grouped: Callable[[str, Sequence[str], Sequence[str]], list[str]] | None = None) -> list[str]:
    """The stored values meant by `typed`: the value itself in any case; else the official its nickname names,
    or the agency its acronym or short form names (and that agency qualified by a region: `Dinkes` is every
    `Dinas Kesehatan …`); else the values holding all its words, then those holding them among their own and
    their other names' words (`agency=polda`, `agency=pemkab lamsel`: ValueWords.holding). None: []. A value
    found brings the other forms of its person (`grouped`, with_variants unless given): `official:indrawati`
    finds `Sri Mulyani` too, as selecting her does."""
    grouped = grouped or with_variants
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return []
    same = values.same(wanted)
    if same:
        return grouped(facet, same, values.values)
    meant = _meant(facet, typed)
    if meant is not None:
        found = [value for value in values.values
                 if value == meant or (facet == AGENCY and value.startswith(meant + " "))]
        if found:
            return grouped(facet, found, values.values)
    found = values.holding(typed) or values.holding(typed, aliased=True)
    return grouped(facet, found, values.values) if found else []


class ValueWords:
    """A facet's stored values, most frequent first, as typed values are looked up in them: each value by its
    lower case, and each word -> the places of the values holding it (with `aliased`, among their other names'
    words too: alias_words), built once when first asked. A typed value's words are then a set intersection,
    not a walk of every value: 20 typed values in each of three facets walked 1,200 officials two or three
    times each, 250 ms a request (trial 41)."""

    def __init__(self, facet: str, values: Sequence[str]) -> None:
        self.facet = facet
        self.values = values
        self._words_of = value_words if facet in PEOPLE else _spaced_words
        self._folded: dict[str, list[str]] | None = None
        self._own: dict[str, set[int]] | None = None
        self._aliased: dict[str, set[int]] | None = None

    def same(self, wanted: str) -> list[str]:
        """The values written as `wanted` (lower case, single spaces) in any case."""
        if self._folded is None:
            folded: dict[str, list[str]] = {}
            for value in self.values:
                folded.setdefault(value.casefold(), []).append(value)
            self._folded = folded
        return list(self._folded.get(wanted, ()))

    def holding(self, typed: str, aliased: bool = False) -> list[str]:
        """The values holding every word of `typed` (any case; a person's words without punctuation or marks:
        `M` and `M.` name the same officials) as a word of their own, or with `aliased` of their other names,
        most frequent first, at most MAX_MATCHED_VALUES; none when `typed` has no word (`.`, `�`)."""
        words = self._words_of(typed)
        if not words:
            return []
        index = self._aliased_index() if aliased else self._own_index()
        places = [index.get(word) for word in set(words)]
        if not all(places):
            return []
        places.sort(key=len)
        common = places[0].intersection(*places[1:])
        return [self.values[i] for i in sorted(common)[:MAX_MATCHED_VALUES]]

    def _own_index(self) -> dict[str, set[int]]:
        if self._own is None:
            own: dict[str, set[int]] = {}
            for i, value in enumerate(self.values):
                for word in self._words_of(value):
                    own.setdefault(word, set()).add(i)
            self._own = own
        return self._own

    def _aliased_index(self) -> dict[str, set[int]]:
        if self._aliased is None:
            aliased = {word: set(places) for word, places in self._own_index().items()}
            for i, value in enumerate(self.values):
                for word in alias_words(self.facet, value):
                    aliased.setdefault(word, set()).add(i)
            self._aliased = aliased
        return self._aliased


def value_words(text: str) -> list[str]:
    """The words of a person's name, or of a type-ahead's text, as they are matched: any case, punctuation and
    marks left out (`M.` is `m`, `PU-PR` is `pu`, `pr`, `Hưng` is `hung`), as search/identity.py reads a name."""
    return WORD.findall(plain_letters(text.casefold()))


def _spaced_words(text: str) -> list[str]:
    """A value's words between spaces, as written (`detik.com`, `18.01`: `com` or `01` names none)."""
    return text.casefold().split()


def with_variants(facet: str, found: Sequence[str], values: Sequence[str]) -> list[str]:
    """`found` and, for officials, every other stored form of the same people (search/identity.py: `Sri Mulyani`
    brings `Sri Mulyani Indrawati`); `values` are all the facet's stored values."""
    if facet not in PEOPLE or not found:
        return list(found)
    groups = _person_groups(tuple(values))
    chosen = dict.fromkeys(found)
    for value in found:
        chosen.update(dict.fromkeys(groups.get(value, ())))
    return list(chosen)


@lru_cache(maxsize=PERSON_GROUPINGS_KEPT)
def _person_groups(values: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each stored official value -> every stored form of its person (itself included)."""
    groups = {}
    for names in variants(dict.fromkeys(values, 1)).values():
        groups.update((name, tuple(names)) for name in names)
    return groups


def meant_value(facet: str, typed: str) -> str:
    """The stored value `typed` stands for by the alias tables alone (a nickname's full name, an acronym's
    agency), else `typed`: what a backend that cannot list its stored values (OpenSearch) asks for."""
    return _meant(facet, typed) or typed


def prefix_value(facet, typed: str) -> str | None:
    """The stored value the type-ahead's whole text names (`facet` a registry Facet): a nickname's full name, an
    acronym's agency, a region's name or short form, an outlet's name; None when it names none."""
    if not typed.strip():
        return None
    return facet.resolve(meant_value(facet.name, typed))


def _meant(facet: str, typed: str) -> str | None:
    """The canonical name a nickname, acronym or short form stands for; None when it is none of them."""
    if facet in PEOPLE:
        return _nicknames()[0].get(" ".join(typed.split()).casefold())
    if facet == AGENCY:
        agency = load_synonyms().lookup(tuple(words_of(typed)), typed_in_capitals=typed.isupper())
        return agency.canonical if agency is not None else None
    return None


@lru_cache(maxsize=1)
def _region_alias_words() -> dict[str, frozenset[str]]:
    """Region code -> the words of its short forms (region_aliases.tsv: `Lamsel`, `Jaksel`)."""
    words: dict[str, set[str]] = {}
    for alias, code in load_lexicon().region_aliases:
        words.setdefault(code.strip(), set()).update(words_of(alias))
    return {code: frozenset(found) for code, found in words.items()}


@lru_cache(maxsize=ALIAS_WORDS_KEPT)
def alias_words(facet: str, value: str) -> frozenset[str]:
    """The words of a stored value's other names, for the type-ahead: an agency's acronyms and short forms (of
    the agency a region qualifies too: `Dinas Kesehatan Kota Bekasi` has `dinkes`), an official's nicknames, a
    region's short forms (`18.01` has `lamsel`)."""
    if facet in PEOPLE:
        return frozenset(word for nick in _nicknames()[1].get(value.casefold(), ()) for word in words_of(nick))
    if facet == REGION:
        return _region_alias_words().get(value, frozenset())
    if facet != AGENCY:
        return frozenset()
    synonyms = load_synonyms()
    words = words_of(value)
    for end in range(len(words), 0, -1):  # the longest leading words that name an agency
        agency = synonyms.lookup(tuple(words[:end]), typed_in_capitals=True)
        if agency is not None:
            return frozenset(word for form in agency.forms for word in form)
    return frozenset()
