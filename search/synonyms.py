"""Agency names and acronyms as query synonyms: `Kemendagri` also finds `Kementerian Dalam Negeri`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .analysis import words_of
from .extract.agencies import agency_forms
from .datafiles import read_lines
from .extract.lexicon import load_lexicon

MAX_FORM_WORDS = 12


@dataclass(frozen=True)
class Agency:
    """One agency as a query sees it: its facet value and every way of writing it."""

    canonical: str
    forms: tuple[tuple[str, ...], ...]  # lower-case surface words of each written form
    in_facet: bool  # False for units (Diskominfo…), whose facet values carry a region


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    agency: Agency


class Synonyms:
    def __init__(self, pairs: list[tuple[str, str, bool]], ambiguous: frozenset[str]) -> None:
        """`pairs` are (written form, canonical name, canonical is a facet value)."""
        forms: dict[str, list[tuple[str, ...]]] = {}
        in_facet: dict[str, bool] = {}
        for form, canonical, facet in pairs:
            words = tuple(words_of(form))
            if words and words not in forms.setdefault(canonical, []):
                forms[canonical].append(words)
            in_facet[canonical] = facet
        self._by_form: dict[tuple[str, ...], Agency] = {}
        self._ambiguous = ambiguous
        for canonical, written in forms.items():
            agency = Agency(canonical, tuple(written), in_facet[canonical])
            for words in written:
                self._by_form.setdefault(words, agency)

    def lookup(self, words: tuple[str, ...], typed_in_capitals: bool = False) -> Agency | None:
        if len(words) == 1 and words[0] in self._ambiguous and not typed_in_capitals:
            return None
        return self._by_form.get(words)

    def find(self, words: list[str]) -> list[Match]:
        """Longest agency names in a word sequence, left to right, not overlapping."""
        found: list[Match] = []
        start = 0
        while start < len(words):
            for end in range(min(len(words), start + MAX_FORM_WORDS), start, -1):
                agency = self.lookup(tuple(words[start:end]))
                if agency is not None:
                    found.append(Match(start, end, agency))
                    start = end
                    break
            else:
                start += 1
        return found


@lru_cache(maxsize=1)
def load_synonyms() -> Synonyms:
    lexicon = load_lexicon()
    pairs = [(form, ref.canonical, True) for form, ref in agency_forms(lexicon)]
    for unit in lexicon.regional_units:
        pairs += [(form, unit.canonical, False) for form in (unit.canonical, *unit.aliases)]
    return Synonyms(pairs, frozenset(read_lines("ambiguous_acronyms.txt")))
