"""Parse what a user types into clauses. Forgiving: anything unreadable becomes plain words.

    reformasi "kelas dunia" -zoom bupati OR walikota birokra* official:"Suhajar Diantoro" agency:kemendagri
    source:detik place:kalianda from:2022-01-01 to:2022-12-31 +lampung dana AND desa said:"Suhajar Diantoro"
    -official:jokowi NOT source:detik

A phrase (alone), a word written `+word` and words joined by `AND` are required: the matching strategy
(search/relaxation.py) never lets an article without them through. `-` before a word, a phrase or a field
excludes what it would select; `NOT` (upper case, a word of its own) is a `-` on what follows it, and a sign never
cancels another (`--kpk`, `NOT -kpk`). Parentheses group: `-(kpk OR kejaksaan)` leaves out each word, fields joined
by OR (`official:jokowi OR official:ganjar`) select any of them. The operators are upper case: a lower-case `and`,
`or` or `not` is a word (query_fillers.txt lists them). What cannot be searched as written (`korupsi OR NOT kpk`,
`-(korupsi kpk)`, `"a b"~2`, `ko*rup*`) is refused, never searched as something else. An unknown field is one
part, any of its words (`catatan:presiden`); left out (`-catatan:presiden`), each of them is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .analysis import query_fillers, words_of
from .articles import normalise_text
from .errors import BadQueryError
from .facet_registry import FACETS

SAID_FIELD = "said"  # `said:"Suhajar Diantoro" reformasi`: the query's words inside that person's quotes
FILTER_FIELDS = (*FACETS.names, "place", SAID_FIELD)  # `region:lamsel`, `source:detik`, …
DATE_FIELDS = ("from", "to")
OPERATORS = ("OR", "AND", "NOT")  # upper case only: a lower-case `or` is a word
_PIECE = re.compile(  # a field's value may be missing: `official:` (then nothing is asked of it)
    r"(?P<open>(?P<open_sign>[-+]*)\()|(?P<close>\))"  # `-(kpk OR kejaksaan)`, `NOT(kpk)`, `(-kpk)`
    r'|(?P<field_sign>[-+]*)(?P<field>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"()]+))?'
    r'|(?P<sign>[-+]*)"(?P<phrase>[^"]*)(?:"(?P<near>~[^\s()"]*)?)?'  # `"a b"~2` (near): refused
    r"|(?P<word>[^\s()]+)"
)
# A minus sign or dash starting a word is a `-`: U+2212 minus, U+2010 hyphen, U+2011 non-breaking hyphen, U+2012
# figure dash, U+2013 en dash, U+2014 em dash (U+FE63 and the fullwidth U+FF0D are `-` after NFKC already); inside
# a word (`PAN–RB`, `2019–2024`) it is the hyphen the same word is searched with when typed `-`
SIGN_DASHES = re.compile(r"(^|[\s(:])([\u2212\u2010-\u2014]+)(?=[^\s\u2212\u2010-\u2014])")
INNER_DASHES = re.compile(r"(?<=\w)[\u2212\u2010-\u2014](?=\w)")
INNER_STAR = re.compile(r"[^*]\*+.*\w")  # `ko*rup*`, `pe*-rintah`: a `*` after a word's start, a letter after it


@dataclass(frozen=True)
class Clause:
    """One thing the articles must (or, negated, must not) contain."""

    words: tuple[str, ...]  # lower-case surface words; more than one for a phrase
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    required: bool = False  # `+word`, a quoted phrase, a word joined by `AND`: never dropped by relaxation


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...]  # AND of groups; the clauses inside a group are OR-ed
    filters: tuple[tuple[str, str], ...] = ()  # (field, value as typed) for the facets, place and said
    dates: tuple[tuple[str, str], ...] = ()  # ("from" | "to", value as typed)
    excluded: tuple[tuple[str, str], ...] = ()  # (field, value) of `-official:jokowi`, `NOT from:2022`: left out
    any_of: tuple[tuple[tuple[str, str], ...], ...] = ()  # fields joined by OR (`official:jokowi OR official:ganjar`):
    # each group selects the articles any of its (field, value) would

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
        return not (self.groups or self.filters or self.dates or self.excluded or self.any_of)

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
    """User text → AND-ed groups of OR-ed clauses, plus field filters, dates and excluded fields. BadQueryError
    (`bad_syntax`) for a grouping it cannot search as written (`korupsi OR NOT kpk`, `-(korupsi kpk)`), words
    near each other (`"a b"~2`) or a `*` inside a word (`ko*rup*`), with what to write instead."""
    text = read_as_typed(text or "")
    reading = _Reading()
    for match in _PIECE.finditer(text):
        reading = reading.take(match, text)
    while reading.outer is not None:  # `korupsi (kpk OR kejaksaan`: the group ends with the query
        reading = reading.close()
    return reading.parsed()


def read_as_typed(text: str) -> str:
    """Text as a query reads it: NFKC (fullwidth `２０１７` is `2017`), a dash starting a word a `-`, inside one
    the hyphen (`2017–01` is `2017-01`). A date parameter is read so too, as its `from:` is."""
    return _as_signs(normalise_text(text))


def _as_signs(text: str) -> str:
    """A minus sign or dash that starts a word (`−kpk`, `–kpk`, `—kpk`: phones and word processors write them)
    as `-`, and one inside a word (`PAN–RB`, `2019–2024`) as the hyphen; standing alone (`Jakarta – Presiden`) it
    stays."""
    if text.isascii():
        return text
    return INNER_DASHES.sub("-", SIGN_DASHES.sub(lambda match: match[1] + "-" * len(match[2]), text))


@dataclass
class _Part:
    """One thing read between operators: clauses (a word, phrase or prefix; an unknown field's words, any of
    them), a field's (name, value), or a group in parentheses; `text` as typed, for an error to quote."""

    text: str
    clauses: tuple[Clause, ...] = ()
    field: tuple[str, str] | None = None
    group: "_Reading | None" = None
    negated: bool = False
    required: bool = False


@dataclass
class _Conjunct:
    """Parts joined by OR; the conjuncts of a query (or a group) are AND-ed."""

    parts: list[_Part]
    required: bool = False  # joined by AND


class _Reading:
    """One query (or one group in parentheses of it) being parsed: the parts it has read, and what its last
    operator (`OR`, `AND`, `NOT`) asks of the next part."""

    def __init__(self, outer: "_Reading | None" = None, sign: str = "", field: str | None = None,
                 start: int = 0) -> None:
        self.outer, self.sign, self.field, self.start = outer, sign, field, start
        self.conjuncts: list[_Conjunct] = []
        self.join_next = self.require_next = self.negate_next = False
        self.field_next: tuple[str, str] | None = None  # `official:(`: the field the next group's words are for
        self.text = ""

    def take(self, match: re.Match, text: str) -> "_Reading":
        """Read one piece; the reading the next piece goes to (a group's, when this one opens it)."""
        if match["open"] is not None:
            field, sign = self.field_next or (self.field, "")
            self.field_next = None
            return _Reading(self, sign + match["open_sign"], field, match.start())
        if match["close"] is not None:
            return self.close(text[self.start:match.end()]) if self.outer is not None else self
        self.field_next = None
        field = (match["field"] or "").lower()
        if match["near"] is not None:  # `"a b"~2`
            raise _words_near_each_other(match, _signs(match["sign"] or "")[0] or self.negate_next)
        if match["word"] in OPERATORS:
            self.operator(match["word"])
        elif field in FILTER_FIELDS or field in DATE_FIELDS:
            self.read_field(field, match, text)
        elif field and (self.field is None or not (match["field_sign"] or self.negate_next)):
            self.unknown_field(match)
        elif self.field is not None:  # `official:(jokowi OR ganjar)`: each word a value of the field
            self.field_value(match)
        else:  # a word or a phrase
            clause = _clause(match, self.negate_next)
            if clause is not None:
                self.add(_Part(match.group(), (clause,), negated=clause.negated, required=_asked(match, clause)))
        return self

    def close(self, text: str = "") -> "_Reading":
        """The group ends: it is one part of the reading around it (an empty one, `()`, is none)."""
        self.text = text or f"({' '.join(part.text for c in self.conjuncts for part in c.parts)})"
        if self.conjuncts:
            negated, required = _signs(self.sign)
            self.outer.add(_Part(self.text, group=self, negated=negated, required=required))
        return self.outer

    def add(self, part: _Part) -> None:
        if self.negate_next:
            part = replace(part, negated=True)
        if self.join_next and self.conjuncts:
            self.conjuncts[-1].parts.append(part)
        else:
            self.conjuncts.append(_Conjunct([part], self.require_next))
        self.join_next = self.require_next = self.negate_next = False

    def operator(self, word: str) -> None:
        if word == "OR":
            self.join_next = bool(self.conjuncts)
        elif word == "NOT":  # `NOT kpk` is `-kpk`; alone or last, nothing
            self.negate_next = True
        elif self.conjuncts:  # AND: what is before it and what follows are required
            self.conjuncts[-1].required = self.require_next = True

    def read_field(self, field: str, match: re.Match, text: str) -> None:
        """`official:x` filters, `-official:x` (or `NOT official:x`, `official:-x`) leaves out what it would
        select; `from:zz` is refused as `from:2017-13` is, not searched as words; a bare `from:` asks for nothing,
        and `official:(a OR b)` is `official:a OR official:b`."""
        signs = match["field_sign"] or ""
        if match["quoted"] is not None:
            value = match["quoted"].strip()
        else:
            value = (match["bare"] or "").lstrip("-+")
            signs += (match["bare"] or "")[:len(match["bare"] or "") - len(value)]
        negated = _signs(signs)[0] or self.negate_next
        if not value and text.startswith("(", match.end()):
            self.field_next = (field, "-" if negated else "")
            self.negate_next = False
        elif value:
            self.add(_Part(match.group(), field=(field, value), negated=negated))
        else:
            self.negate_next = False

    def field_value(self, match: re.Match) -> None:
        """A word or phrase inside `official:( … )`: a value of that field; words one after the other, with no
        OR between them, are one value (`official:(joko widodo)` is `official:"joko widodo"`); a signed unknown
        field or a pasted address (`-catatan:x`, `NOT http://x.com`) is a value as written."""
        written = match["word"] if match["word"] is not None else match.group()
        raw = match["phrase"] if match["phrase"] is not None else written.lstrip("-+")
        signs = match["sign"] if match["phrase"] is not None else written[:len(written) - len(raw)]
        negated = _signs(signs or "")[0]
        if not raw.strip():
            return
        previous = self.conjuncts[-1].parts[-1] if self.conjuncts else None
        if (match["phrase"] is None and not negated and not self.join_next and not self.negate_next
                and previous is not None and previous.field is not None and previous.field[0] == self.field
                and not previous.negated and previous.group is None and '"' not in previous.text):
            self.conjuncts[-1].parts[-1] = replace(previous, text=f"{previous.text} {match.group()}",
                                                   field=(self.field, f"{previous.field[1]} {raw.strip()}"))
            return
        self.add(_Part(match.group(), field=(self.field, raw.strip()), negated=negated))

    def unknown_field(self, match: re.Match) -> None:
        """`catatan:presiden`, a pasted `https://…`, `10:30`: one unit, any of its words, which relaxation may
        drop; `-catatan:presiden` leaves out what it would find, each of its words, as `-(catatan OR presiden)`
        does."""
        negated, required = _signs(match["field_sign"] or "")
        words = tuple(Clause((word,)) for word in words_of(match.group()[len(match["field_sign"] or ""):]))
        if words:
            self.add(_Part(match.group(), words, negated=negated, required=required))

    def parsed(self) -> ParsedQuery:
        query = _Query()
        self.lower(query)
        return ParsedQuery(tuple(tuple(group) for group in query.groups), tuple(query.filters), tuple(query.dates),
                           tuple(query.excluded), tuple(query.any_of))

    def lower(self, query: "_Query", required: bool = False) -> None:
        """What this reading asks, into `query`'s groups, filters, dates and excluded fields."""
        for conjunct in self.conjuncts:
            parts, needed = conjunct.parts, required or conjunct.required
            if len(parts) == 1 and parts[0].group is not None and not parts[0].negated:
                parts[0].group.lower(query, needed or parts[0].required)  # `(a b)`: as if unbracketed
                continue
            alternatives = _alternatives(parts)
            if len(parts) == 1 and parts[0].negated:  # `-kpk`; `NOT (kpk OR kejaksaan)` is `-kpk -kejaksaan`
                for part in alternatives:
                    query.exclude(part)
            else:
                query.either(alternatives, needed)


@dataclass
class _Query:
    """A parsed query being put together from the parts read."""

    groups: list[list[Clause]] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)
    any_of: list[tuple[tuple[str, str], ...]] = field(default_factory=list)

    def exclude(self, part: _Part) -> None:
        if part.field is not None:
            self.excluded.append(part.field)
        else:
            self.groups.extend([replace(clause, negated=True, required=False)] for clause in part.clauses)

    def either(self, parts: list[_Part], required: bool) -> None:
        """Positive parts joined by OR: one group of clauses, or one filter of fields (any of them)."""
        fields = [part.field for part in parts if part.field is not None]
        if fields and len(fields) < len(parts):
            words = next(part.text for part in parts if part.field is None)
            raise BadQueryError(f"OR joins words with words and fields with fields, not {words} with "
                                f"{':'.join(fields[0])}: write them without OR to ask for both", "bad_syntax",
                                {"variant": "word_or_field", "word": words, "field": ':'.join(fields[0])})
        if len(fields) > 1:
            self.any_of.append(tuple(fields))
        elif fields:
            (self.filters if fields[0][0] in FILTER_FIELDS else self.dates).append(fields[0])
        else:  # a quoted phrase is required alone; in an OR group, only when the group or the phrase is signed
            alone = sum(len(part.clauses) for part in parts) == 1
            self.groups.append([replace(clause, required=(alone and clause.required) or part.required or required)
                                for part in parts for clause in part.clauses])


def _alternatives(parts: list[_Part]) -> list[_Part]:
    """The parts an OR joins, groups opened (`kpk OR (kejaksaan OR polri)` is three), each with the sign of the
    group around it; refused where that is no longer an OR of words or of fields."""
    opened: list[_Part] = []
    for part in parts:
        if part.group is None:
            opened.append(part)
            continue
        inner = part.group.conjuncts
        if len(inner) > 1:
            raise _compound_group(part, negated=len(parts) == 1)
        for alternative in _alternatives(inner[0].parts) if inner else []:
            opened.append(replace(alternative, text=part.text if part.negated else alternative.text,
                                  negated=alternative.negated or part.negated,
                                  required=alternative.required or part.required or inner[0].required))
    left_out = next((part for part in opened if part.negated), None)
    if len(parts) > 1 and left_out is not None:  # `-(kpk OR kejaksaan)` alone leaves out each
        shown = left_out.text if left_out.text.startswith(("-", "NOT")) else f"NOT {left_out.text}"
        raise BadQueryError(f"OR cannot join a part that is left out ({shown}): leave it out without OR "
                            f"(korupsi -kpk), or ask for either without - or NOT (korupsi OR kpk)", "bad_syntax",
                            {"variant": "or_left_out", "part": shown})
    return opened


def _compound_group(part: _Part, negated: bool) -> BadQueryError:
    """Why a group of several parts searched together cannot be left out, or joined by OR."""
    each = " ".join(_left_out(p) for conjunct in part.group.conjuncts for p in conjunct.parts) or "-a -b"
    if negated:
        return BadQueryError(f"-{part.text.lstrip('-+')} leaves out the articles holding all of it together, "
                             f"which cannot be searched: join its parts with OR, or write {each} to leave out "
                             f"each of them", "bad_syntax",
                             {"variant": "group_left_out", "group": part.text.lstrip('-+'), "each": each})
    return BadQueryError(f"OR cannot join {part.text}, a group searched together: join its parts with OR too, "
                         "or search the group and the other side apart", "bad_syntax",
                         {"variant": "group_or", "group": part.text})


def _left_out(part: _Part) -> str:
    """How one part of a group is written left out on its own: `-kpk`, `-"kota bandung"`, `-kpk*`,
    `-official:jokowi`, `-official:"joko widodo"`."""
    if part.field is not None:
        name, value = part.field
        return f'-{name}:"{value}"' if " " in value else f"-{name}:{value}"
    return " ".join("-" + _written(clause) for clause in part.clauses)


def _written(clause: Clause) -> str:
    text = " ".join(clause.words)
    return f'"{text}"' if len(clause.words) > 1 else text + ("*" if clause.prefix else "")


def _signs(signs: str) -> tuple[bool, bool]:
    """(negated, required) that a run of signs asks: one `-` among them leaves out (`--kpk`, `+-kpk`: a sign
    never cancels another), `+` alone requires."""
    negated = "-" in signs
    return negated, bool(signs) and not negated


def _asked(match: re.Match, clause: Clause) -> bool:
    """Whether a sign requires the clause (`+kpk`, `+"abc def"`): a quoted phrase is required for being quoted
    only where it stands alone, so `(zzzqx OR "abc def")` is an OR group relaxation may drop."""
    return _signs(match["sign"] or "")[1] if match["phrase"] is not None else clause.required


def _clause(match: re.Match, after_not: bool = False) -> Clause | None:
    """A word, a prefix or a phrase; BadQueryError (`bad_syntax`) for a `*` inside a word (`ko*rup*`), which
    looks like a search it cannot do."""
    if match["phrase"] is not None:
        words = tuple(words_of(match["phrase"]))
        if not words:
            return None
        negated, required = _signs(match["sign"] or "")  # a quoted phrase is required: the user asked for it
        return Clause(words, phrase=len(words) > 1, negated=negated,
                      required=required or (len(words) > 1 and not negated))
    raw = match["word"] or match.group()
    bare = raw.lstrip("-+")
    negated, required = _signs(raw[:len(raw) - len(bare)]) if bare else (False, False)
    words = tuple(words_of(bare))
    if not words:
        return None
    if INNER_STAR.search(bare):
        raise _star_inside(bare, negated or after_not)
    if len(words) > 1:  # `kota/kabupaten`, `Rp1.000`, `www.kpk.go.id`: its words in order, droppable as a word is
        return Clause(words, phrase=True, negated=negated, required=required)
    return Clause(words, prefix=bare.endswith("*") and len(words[0]) >= 2, negated=negated, required=required)


def _words_near_each_other(match: re.Match, negated: bool) -> BadQueryError:
    """`"komisi pemberantasan korupsi"~2` (Lucene's proximity) cannot be searched: the phrase, or the words."""
    sign, words = "-" if negated else "", words_of(match["phrase"]) or ["…"]
    phrase, apart = f'{sign}"{" ".join(words)}"', " ".join(sign + word for word in words)
    return BadQueryError(f"{sign}{match.group().lstrip('-+')} asks for words near each other, which cannot be "
                         f"searched: write {phrase} for the phrase, or {apart} without quotes for the words "
                         f"anywhere", "bad_syntax",
                         {"variant": "near", "phrase": phrase, "words": apart})


def _star_inside(bare: str, negated: bool) -> BadQueryError:
    """`ko*rup*`: a `*` inside a word is no wildcard; the prefix before it is what can be searched."""
    sign = "-" if negated else ""
    start = bare.lstrip("*").split("*")[0]
    return BadQueryError(f"a * ends a word, so {sign}{bare} cannot be searched: write {sign}{start}* for the words "
                         f"starting {start}, or the whole word", "bad_syntax",
                         {"variant": "star_inside", "written": sign + bare, "prefix": f"{sign}{start}*"})
