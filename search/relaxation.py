"""The matching strategy: every word, and when that finds too little, articles missing the fewest words.

People search with the words they remember, and one of them is often not in the article they want: the AND
of all words then finds nothing. Modelled on Meilisearch's `matchingStrategy`, Typesense's
`drop_tokens_threshold` and Elasticsearch's `minimum_should_match`, but our own:

- a query's positive parts are units (a word, an agency named in several words, a prefix, an OR group, a
  phrase); a phrase, a `+word` and words joined by `AND` are required, the others may be dropped;
- when the articles holding every unit (after the query's own filters: `official:x`, `from:2017`) are fewer
  than a threshold (RELAX_BELOW), the articles lacking one droppable unit are added, then those lacking two,
  until the threshold is reached or half the units (rounded down) are missing; when not one article holds
  that many (`UCL barca chelsea`: none names two of them), the articles holding the most units any article
  holds, down to one, rather than an empty page; facet selections and the request's from/to narrow what that
  lets through, so the count beside a facet value or a month is what selecting it finds;
- articles holding more units always rank above articles holding fewer; within a tier the scores decide, and
  as a missing rare word costs more score than a missing common one, the articles lacking only the least
  informative word come first.

A part the expansion caps left without a word to search (`pe*` after the query's prefixes used up its 1,000
words: search/matching.py) cannot be known to be held by any article. It is dropped as a word is, counting
against the half (the result names it `unsearched`, and no hit is said to lack it); where it could not be
dropped, because it is required, match=all asks for every word, or more than half the units would be missing
with it, the search is refused (`prefix_too_wide`) rather than answered without it.

`match=all` turns it off. The work is bounded: one boolean and one score array per unit (cached postings),
one count per document, and one pass over them per tier weighed (at most half the units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from .analysis import WORD_PATTERN
from .errors import BadQueryError

RELAX_BELOW = 10  # articles matching every word, below which articles missing some are added
MATCH_MODES = ("relaxed", "all")  # `relaxed` (default) adds articles missing words; `all` never does
FEWEST_HELD = 1  # droppable units a hit holds at least when none holds half of them (most_missing): never zero
MAX_UNITS = 32  # droppable units counted (a 500-character query holds at most ~250 words); the rest only rank
_WORDS = re.compile(WORD_PATTERN)  # a word as the index reads one (a hit's words, when a prefix was cut short)


@dataclass(frozen=True)
class Tiers:
    """Which articles a relaxed query lets through: those holding at least `needed` of the droppable units."""

    held: np.ndarray  # per document, how many droppable units it holds
    droppable: int
    needed: int

    @property
    def relaxed(self) -> bool:
        return self.needed < self.droppable

    def admitted(self) -> np.ndarray:
        return self.held >= self.needed

    def missing(self) -> np.ndarray:
        """Per document, how many droppable units it lacks."""
        return self.droppable - self.held


def always_held(units: Iterable[Any]) -> list[bool]:
    """Per strong unit of a query (querybuild.Unit), whether every hit must hold it: a required one, and any past
    the first MAX_UNITS droppable ones (only with match=all: querybuild makes the rest weak otherwise)."""
    always, droppable = [], 0
    for unit in units:
        always.append(unit.required or droppable == MAX_UNITS)
        droppable += not always[-1]
    return always


def most_missing(units: int, droppable: int) -> int:
    """How many droppable units an article may lack: half of all units, rounded down (one of two or three,
    two of four), and only droppable ones."""
    return min(droppable, units // 2)


def choose_tiers(held: np.ndarray, droppable: int, allowed: np.ndarray, threshold: int = RELAX_BELOW,
                 relax: bool = True, units: int | None = None) -> Tiers:
    """The fewest missing units that let at least `threshold` of the `allowed` documents through (documents
    holding every required unit, passing the query's filters), within most_missing of `units` (all the
    query's units; the droppable ones when None); past it, only while no allowed document is let through,
    down to FEWEST_HELD units held."""
    most = most_missing(droppable if units is None else units, droppable)
    if not relax or most == 0:
        return Tiers(held, droppable, droppable)
    needed = droppable
    total = _allowed_holding(held, allowed, needed)  # mostly enough: one tier counted, not every document's
    while total < threshold and droppable - needed < most:
        needed -= 1
        total += _allowed_holding(held, allowed, needed)
    while total == 0 and needed > FEWEST_HELD:  # the most units any article holds, rather than nothing
        needed -= 1
        total += _allowed_holding(held, allowed, needed)
    return Tiers(held, droppable, needed)


def _allowed_holding(held: np.ndarray, allowed: np.ndarray, units: int) -> int:
    """How many allowed documents hold exactly `units` droppable units."""
    return int(np.count_nonzero((held == units) & allowed))


def tiered(keys: np.ndarray, missing: np.ndarray, admitted: np.ndarray) -> np.ndarray:
    """Ranking keys that put every article lacking fewer units first, `keys` deciding within a tier."""
    keys = keys.astype(np.float64)
    if not admitted.any():
        return keys
    span = float(keys[admitted].max() - min(0.0, float(keys[admitted].min()))) + 1.0
    return keys - missing.astype(np.float64) * span


def unsearched_units(units: list[Any], expansions: Any, relax: bool) -> list[str]:
    """The labels of a query's strong `units` (querybuild.Unit) that the caps left without a word to search
    (`expansions`: the search's matching.Expansions, once every unit was expanded), in the query's order: each is
    dropped as relaxation drops a word. BadQueryError `prefix_too_wide` for the first that cannot be: one every
    hit must hold (always_held), any with match=all (`relax` false), or more of them than may be missing."""
    unsearched = []
    always = always_held(units)
    for unit, required in zip(units, always):
        if expansions.unsearched(unit.label):
            if required or not relax:
                raise unsearched_refusal(unit.label, expansions.capped, "match=all asks for every word" if
                                         not relax else "it is required")
            unsearched.append(unit.label)
    check_unsearched(unsearched, expansions.capped, len(units), always.count(False))
    return unsearched


def held_units(labels: list[str], holds: Iterable[bool], unsearched: list[str], expansions: Any,
               stored: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The labels of the query's strong units a hit holds, and of those it lacks (`holds`: per label, whether
    the search found it there). A unit the caps left without a word is neither (the result says `unsearched`);
    one with a prefix cut short (`expansions`: Expansions.cut_short) is held when the article (its `stored`
    fields) has a word the prefix starts that was not searched for."""
    held, lacked = [], []
    for label, found in zip(labels, holds):
        if label in unsearched:
            continue
        (held if found or _holds_a_word_of(stored, expansions.cut_short(label)) else lacked).append(label)
    return held, lacked


def _holds_a_word_of(stored: dict[str, Any], prefixes: list[str]) -> bool:
    """Whether the article's title or body has a word starting with one of `prefixes` (as the index reads its
    words: analysis.WORD_PATTERN, lower case)."""
    if not prefixes:
        return False
    starts = tuple(prefixes)
    return any(word.lower().startswith(starts)
               for text in (stored.get("title") or "", stored.get("body") or "") for word in _WORDS.findall(text))


def check_unsearched(unsearched: list[str], capped: dict[str, dict[str, int]], units: int, droppable: int) -> None:
    """BadQueryError `prefix_too_wide` when more of the query's parts were left unsearched (their labels;
    `capped`: Expansions.capped) than relaxation may drop: most_missing of all `units`."""
    if len(unsearched) > most_missing(units, droppable):
        raise unsearched_refusal(unsearched[0], capped, f"without {', '.join(unsearched)} more than half of the "
                                                        f"query's {units} words would be missing")


def unsearched_refusal(label: str, capped: dict[str, dict[str, int]], reason: str) -> BadQueryError:
    """Why a search needing a part the caps left without a word (`label`) is refused: what its first prefix
    stands for (`capped`: Expansions.capped), and why the part could not be dropped (`reason`)."""
    prefix = next(part for part in label.split(" OR ") if part in capped)
    counts = capped[prefix]
    return BadQueryError(f"{prefix} stands for {counts['found']:,} words, and the query's prefixes together for more "
                         f"than one search reads: {label} could not be searched, and {reason}. Use longer prefixes, "
                         f"or fewer", "prefix_too_wide", {"prefix": prefix, **counts})
