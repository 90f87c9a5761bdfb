"""Parse what a user types into clauses. Pure and forgiving: anything unreadable becomes plain words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import words_of

_PIECE = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"?|(?P<word>\S+)')


@dataclass(frozen=True)
class Clause:
    """One thing the articles must (or, negated, must not) contain."""

    words: tuple[str, ...]  # lower-case surface words; more than one for a phrase
    phrase: bool = False
    prefix: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...]  # AND of groups; the clauses inside a group are OR-ed

    @property
    def is_empty(self) -> bool:
        return not any(clause for group in self.groups for clause in group if not clause.negated)

    @property
    def positive_words(self) -> set[str]:
        return {word for group in self.groups for clause in group if not clause.negated for word in clause.words}


def parse(text: str) -> ParsedQuery:
    """`reformasi "kelas dunia" -zoom bupati OR walikota birokra*` → clauses, AND-ed, with OR groups."""
    groups: list[list[Clause]] = []
    join_next = False
    for match in _PIECE.finditer(text or ""):
        if match["word"] == "OR":
            join_next = bool(groups)
            continue
        clause = _clause(match)
        if clause is None:
            continue
        if join_next and not clause.negated and not any(c.negated for c in groups[-1]):
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = False
    return ParsedQuery(tuple(tuple(group) for group in groups))


def _clause(match: re.Match) -> Clause | None:
    if match["phrase"] is not None:
        words = tuple(words_of(match["phrase"]))
        if not words:
            return None
        return Clause(words, phrase=len(words) > 1, negated=bool(match["neg"]))
    raw = match["word"]
    negated = raw.startswith("-") and len(raw) > 1
    prefix = raw.endswith("*")
    words = tuple(words_of(raw))
    if not words:
        return None
    if len(words) > 1:  # "PAN-RB" is one word, "kota/kabupaten" two: search them as a phrase
        return Clause(words, phrase=True, negated=negated)
    return Clause(words, prefix=prefix and len(words[0]) >= 2, negated=negated)
