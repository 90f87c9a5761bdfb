"""Parse what a user types into clauses. Pure and forgiving: anything unreadable becomes plain words.

    reformasi "kelas dunia" -zoom bupati OR walikota birokra* official:"Suhajar Diantoro" agency:kemendagri
    source:detik place:kalianda from:2022-01-01 to:2022-12-31 +lampung dana AND desa said:"Suhajar Diantoro"
    -official:jokowi NOT source:detik

A phrase, a word written `+word` and words joined by `AND` are required: the matching strategy
(search/relaxation.py) never lets an article without them through. `-` before a word, a phrase or a field
excludes what it would select; `NOT` (upper case, a word of its own) is a `-` on what follows it. The
operators are upper case: a lower-case `and`, `or` or `not` is a word (query_fillers.txt lists them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .analysis import query_fillers, words_of
from .articles import normalise_text
from .facet_registry import FACETS

SAID_FIELD = "said"  # `said:"Suhajar Diantoro" reformasi`: the query's words inside that person's quotes
FILTER_FIELDS = (*FACETS.names, "place", SAID_FIELD)  # `region:lamsel`, `source:detik`, …
PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")  # ASCII digits only
DATE_FIELDS = ("from", "to")
OPERATORS = ("OR", "AND", "NOT")  # upper case only: a lower-case `or` is a word
_PIECE = re.compile(  # a field's value may be missing: `official:` (then nothing is asked of it)
    r'(?P<field_sign>[-+])?(?P<field>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"]+))?'
    r'|(?P<sign>[-+])?"(?P<phrase>[^"]*)"?'
    r"|(?P<word>\S+)"
)


@dataclass(frozen=True)
class Clause:
    """One thing the articles must (or, negated, must not) contain."""

    words: tuple[str, ...]  # lower-case surface words; more than one for a phrase
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    required: bool = False  # `+word`, `+"a phrase"`, a word joined by `AND`: never dropped by relaxation


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...]  # AND of groups; the clauses inside a group are OR-ed
    filters: tuple[tuple[str, str], ...] = ()  # (field, value as typed) for the facets, place and said
    dates: tuple[tuple[str, str], ...] = ()  # ("from" | "to", value as typed)
    excluded: tuple[tuple[str, str], ...] = ()  # (field, value) of `-official:jokowi`, `NOT from:2022`: left out

    def with_said(self, names) -> "ParsedQuery":
        """The query with a `said:` filter for each of `names` (the API's and the CLI's `said=`)."""
        added = tuple((SAID_FIELD, name.strip()) for name in names if name.strip())
        return replace(self, filters=self.filters + added) if added else self

    @property
    def is_empty(self) -> bool:
        return not any(clause for group in self.groups for clause in group if not clause.negated)

    @property
    def reads_nothing(self) -> bool:
        """No word, phrase, filter or date could be read (`😀`, `!!!`): the query searches for nothing."""
        return not (self.groups or self.filters or self.dates or self.excluded)

    @property
    def positive_words(self) -> set[str]:
        return {word for group in self.groups for clause in group if not clause.negated for word in clause.words}

    @property
    def text(self) -> str:
        """The word part of the query, as plain text (for spelling suggestions)."""
        return " ".join(" ".join(clause.words) for group in self.groups for clause in group if not clause.negated)


def is_filler_group(group: list[Clause]) -> bool:
    """A plain word a query may hold that no article needs to (query_fillers.txt: `siapa`, `berapa`, `yg`)."""
    clause = group[0]
    return (len(group) == 1 and not (clause.negated or clause.phrase or clause.prefix or clause.required)
            and clause.words[0] in query_fillers())


def parse(text: str) -> ParsedQuery:
    """User text → AND-ed groups of OR-ed clauses, plus field filters, dates and excluded fields."""
    reading = _Reading()
    for match in _PIECE.finditer(normalise_text(text or "")):
        reading.take(match)
    return reading.parsed()


class _Reading:
    """One query being parsed: what it has read, and what its last operator (`OR`, `AND`, `NOT`) asks of the next
    part."""

    def __init__(self) -> None:
        self.groups: list[list[Clause]] = []
        self.filters: list[tuple[str, str]] = []
        self.dates: list[tuple[str, str]] = []
        self.excluded: list[tuple[str, str]] = []
        self.join_next = self.require_next = self.negate_next = False

    def parsed(self) -> ParsedQuery:
        return ParsedQuery(tuple(tuple(group) for group in self.groups), tuple(self.filters), tuple(self.dates),
                           tuple(self.excluded))

    def take(self, match: re.Match) -> None:
        field = (match["field"] or "").lower()
        if match["word"] in OPERATORS:
            self.operator(match["word"])
        elif field in FILTER_FIELDS or field in DATE_FIELDS:
            self.field(field, match)
        elif field and not (match["field_sign"] or self.negate_next):
            self.unknown_field(match)
        else:  # a word, a phrase, or a signed unknown field (`-catatan:x`), read as a word
            self.clause(_clause(match))

    def operator(self, word: str) -> None:
        if word == "OR":
            self.join_next = bool(self.groups)
        elif word == "NOT":  # `NOT kpk` is `-kpk`; alone or last, nothing
            self.negate_next = True
        elif self.groups and not any(c.negated for c in self.groups[-1]):  # AND
            self.groups[-1] = [replace(c, required=True) for c in self.groups[-1]]
            self.require_next = True

    def field(self, field: str, match: re.Match) -> None:
        """`official:x` filters, `-official:x` (or `NOT official:x`) leaves out what it would select; `from:zz` is
        refused as `from:2017-13` is, not searched as words; a bare `from:` asks for nothing."""
        value = (match["quoted"] if match["quoted"] is not None else match["bare"] or "").strip()
        negated = match["field_sign"] == "-" or self.negate_next
        self.negate_next = False
        if not value:
            return
        if negated:
            self.excluded.append((field, value))
        else:
            (self.filters if field in FILTER_FIELDS else self.dates).append((field, value))

    def unknown_field(self, match: re.Match) -> None:
        """`catatan:presiden`, a pasted `https://…`, `10:30`: one unit, any of its words, which relaxation may
        drop."""
        words = [Clause((word,)) for word in words_of(match.group())]
        if words:
            self.groups.append(words)
        self.join_next = self.require_next = False

    def clause(self, clause: Clause | None) -> None:
        if clause is None:
            return
        if self.negate_next:
            clause = replace(clause, negated=True, required=False)
        if self.require_next and not clause.negated:
            clause = replace(clause, required=True)
        if self.join_next and not clause.negated and not any(c.negated for c in self.groups[-1]):
            self.groups[-1].append(clause)
        else:
            self.groups.append([clause])
        self.join_next = self.require_next = self.negate_next = False


def _clause(match: re.Match) -> Clause | None:
    if match["phrase"] is not None:
        words = tuple(words_of(match["phrase"]))
        if not words:
            return None
        return Clause(words, phrase=len(words) > 1, negated=match["sign"] == "-", required=match["sign"] == "+")
    raw = match["word"] or match.group()
    negated = raw.startswith("-") and len(raw) > 1
    required = raw.startswith("+") and len(raw) > 1
    prefix = raw.endswith("*")
    words = tuple(words_of(raw))
    if not words:
        return None
    if len(words) > 1:  # "kota/kabupaten" is two words: search them as a phrase
        return Clause(words, phrase=True, negated=negated, required=required)
    return Clause(words, prefix=prefix and len(words[0]) >= 2, negated=negated, required=required)
