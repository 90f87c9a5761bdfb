"""Turn a parsed query and a request into Whoosh queries, in the light of what the index holds.

The scored part matches each word by surface form (boosted) or by stem, expands agency names and acronyms
to every way of writing them, and searches a word the index has never seen as its best spelling (spelling.py)
too, or, without a `spell`, widens it to its close spellings.
Filters (facet selections, field filters, dates) narrow without scoring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Protocol, Sequence

from whoosh import query as wq

from .analysis import Stems, stopwords
from .errors import BadQueryError
from .extract.dates import safe_date
from .facets import FacetTable
from .querylang import SAID_FIELD, Clause, ParsedQuery, is_filler_group, read_as_typed
from .matching import StemTerm
from .relaxation import MAX_UNITS
from .facet_aliases import named_values, with_variants
from .facet_registry import FACETS, FacetRegistry
from .said import MAX_SAID, quoted_word, said_within
from .spelling import known_frequency
from .schema import AGENCY, OFFICIAL, DATE_NUMBER, ID_FIELD, SURFACE_FIELDS, date_number
from .synonyms import Agency, Synonyms, load_synonyms

SURFACE_BOOST = 2.0  # an exact word counts for more than a word that only shares its stem
FUZZY_BOOST = 0.5
SPELLED_WEIGHT = FUZZY_BOOST  # an unknown word's best spelling is a guess: it weighs half a typed word
OTHER_SPELLING_WEIGHT = FUZZY_BOOST / 2  # and its other spellings as close, less frequent, a quarter
NOTHING = wq.Term(ID_FIELD, "\x00")  # a filter no document passes
FIRST_DATE_NUMBER = 1  # undated articles are stored as 0
MIN_YEAR, MAX_YEAR = 1900, 2100  # the years a date bound may name; the loaders read no other years either
# A date bound, wherever one is read (`from:`/`to:` in a query, the API's and the page's from/to, the CLI's
# --from/--to), is written one of these ways: year first as ISO writes it (`2022`, `2022-09`, `2022-09-28`) or
# day first as Indonesia does (`28/09/2022`, `09/2022`), `-`, `/` or `.` between the parts. Four digits are the
# year wherever they stand, so `2022/09` is September 2022 as `09/2022` is; a two-digit year is read nowhere.
# ASCII digits, after NFKC (`２０２２` is `2022`).
YEAR_FIRST_DATE = re.compile(r"([0-9]{4})(?:[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?)?")
YEAR_LAST_DATE = re.compile(r"(?:([0-9]{1,2})[-/.])?([0-9]{1,2})[-/.]([0-9]{4})")
DATE_BOUND_RULE = (f"a date written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, years {MIN_YEAR} to "
                   f"{MAX_YEAR}")
MAX_FUZZY_WORD = 20  # longer unknown words are not widened (cost grows with length)
MAX_FUZZY_WORDS = 3
MIN_JOINED = 6  # letters of the word two typed words make written together (`sepakbola`), below which none is
MAX_JOINED = 4  # pairs of typed words looked up written together per query (one frequency look-up each)
FUZZY_PREFIX = 0  # letters a fuzzy word (OpenSearch's, without `spell`) shares with the word typed: none, as
# spelling.close_spellings may change the first letter too (`bresiden`: presiden)


class Reader(Protocol):
    def doc_frequency(self, fieldname: str, text: str) -> int: ...


@dataclass(frozen=True)
class Unit:
    """One positive part of a query, scored: a word, an agency named in one or more words, a phrase, a prefix
    or an OR group. The matching strategy (relaxation.py) may let articles without it through unless it is
    `required` (a quoted phrase, `+word`, words joined by `AND`)."""

    query: wq.Query
    label: str  # as the result names it: `desa`, `kementerian dalam negeri`, `birokra*`, `bupati OR walikota`
    required: bool = False
    word: str | None = None  # the word, when the unit is one plain word (what spelling may replace)
    weak: bool = False  # a question word or filler (query_fillers.txt), or a unit past MAX_UNITS: it only ranks


@dataclass
class BuiltQuery:
    units: list[Unit] = field(default_factory=list)  # AND of these; none: everything the filters let through
    excluded: wq.Query | None = None  # what `-word`s exclude
    filters: list[wq.Query] = field(default_factory=list)  # field filters, and the dates the query text sets
    period: wq.Query | None = None  # the dates the request's from/to set: applied, as selections are, after the
    # matching strategy has chosen its tiers (a month's count in the histogram is what selecting it finds)
    selections: dict[str, wq.Query] = field(default_factory=dict)  # per facet: any of the selected values
    agencies: list[Agency] = field(default_factory=list)  # expanded from the words, for highlighting
    respelled: dict[str, str] = field(default_factory=dict)  # unknown word -> its best spelling, searched too
    spellings: set[str] = field(default_factory=set)  # every spelling searched for unknown words (highlighted)
    joined: set[str] = field(default_factory=set)  # typed word pairs searched written as one too (highlighted)

    @property
    def strong_units(self) -> list[Unit]:
        """The units that decide which articles match (the weak ones only rank them)."""
        return [unit for unit in self.units if not unit.weak]

    @property
    def scored(self) -> wq.Query | None:
        """All units, less the excluded; None when the query has no words."""
        if not self.units and self.excluded is None:
            return None
        positive = _all_of([unit.query for unit in self.strong_units]) if self.units else wq.Every()
        weak = [unit.query for unit in self.units if unit.weak]
        if weak:
            positive = wq.AndMaybe(positive, wq.Or(weak))
        return wq.AndNot(positive, self.excluded) if self.excluded is not None else positive

    @property
    def narrowing(self) -> list[wq.Query]:
        """The filters and the request's period: everything but the words and the selections."""
        return self.filters + ([self.period] if self.period is not None else [])

    def base(self) -> wq.Query:
        """Words, filters and period, without the facet selections (facet counts start from here)."""
        return _all_of(([self.scored] if self.scored is not None else []) + self.narrowing)

    def combined(self) -> wq.Query:
        return _all_of(([self.scored] if self.scored is not None else []) + self.narrowing
                       + list(self.selections.values()))


def _all_of(parts: list[wq.Query]) -> wq.Query:
    if not parts:
        return wq.Every()
    return parts[0] if len(parts) == 1 else wq.And(parts)


def date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a date bound written any way DATE_BOUND_RULE allows, month and day None when it
    names none: `28/09/2022` and `2022-9-28` are (2022, 9, 28), `09/2022` and `2022/09` (2022, 9, None); None for
    any other text. Read as the query reads `from:` (`２０２２` is `2022`), wherever it was typed: the one reading
    of a date bound."""
    text = read_as_typed(value).strip()
    found = YEAR_FIRST_DATE.fullmatch(text)
    if found:
        year, month, day = found.groups()
    else:
        found = YEAR_LAST_DATE.fullmatch(text)
        if not found:
            return None
        day, month, year = found.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def parse_date_bound(value: str, upper: bool) -> date | None:
    """A date bound (date_parts: `2022`, `09/2022`, `2022-09-28`, `28/09/2022`) as the first (or, for `upper`,
    the last) day it covers; None for anything else, including years outside MIN_YEAR..MAX_YEAR (`0000` would
    not even make a `date`) and days or months the calendar lacks."""
    parts = date_parts(value)
    if parts is None or not MIN_YEAR <= parts[0] <= MAX_YEAR:
        return None
    year, month, day = parts
    if day is not None:
        return safe_date(year, month, day)
    if month is not None:
        if not 1 <= month <= 12:
            return None
        if not upper:
            return date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(year, 12, 31) if upper else date(year, 1, 1)


def written_date_bound(value: str) -> str:
    """A date bound parse_date_bound reads, written as the API writes one, to the same precision: `2022-9` ->
    `2022-09`, `28/9/2022` -> `2022-09-28`, `09/2022` -> `2022-09`, ` 2022 ` -> `2022`, `２０２２` -> `2022`;
    anything else as it is."""
    parts = date_parts(value)
    if parts is None:
        return value
    year, month, day = parts
    return "-".join([f"{year:04d}", *(f"{part:02d}" for part in (month, day) if part is not None)])


def date_bound_error(name: str, value: str) -> BadQueryError:
    """Why `value` bounds no dates: a day or month the calendar lacks (`2017-02-29`, `29/02/2017`: its `fields`
    say so, `variant` `calendar`, for the page to say it too), or not written as one."""
    parts = date_parts(value)
    if parts is not None and MIN_YEAR <= parts[0] <= MAX_YEAR:
        return BadQueryError(f"{name} {value.strip()} is not in the calendar: must be {DATE_BOUND_RULE}",
                             "bad_date", {"variant": "calendar", "typed": value.strip()})
    return BadQueryError(f"{name} must be {DATE_BOUND_RULE}", "bad_date")


def check_date_range(start: date | None, end: date | None) -> None:
    """An inverted range is refused, not answered with nothing: `from=2017&to=2016` is a mistake to show."""
    if start and end and start > end:
        raise BadQueryError(f"the date range ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                            "bad_date_range")


def date_filter(start: date | None, end: date | None) -> wq.Query | None:
    """Articles dated within the bounds; an article without a date never passes a date filter."""
    if start is None and end is None:
        return None
    return wq.NumericRange(DATE_NUMBER, date_number(start.isoformat()) if start else FIRST_DATE_NUMBER,
                           date_number(end.isoformat()) if end else None)


class QueryBuilder:
    def __init__(self, reader: Reader, facets: dict[str, FacetTable], synonyms: Synonyms | None = None,
                 stems: Stems | None = None, registry: FacetRegistry = FACETS,
                 spell: Callable[[Reader, str], list[str]] | None = None,
                 persons: Callable[[Sequence[str]], list[str]] | None = None) -> None:
        self.registry = registry  # how a typed facet value resolves (`source:detik` is `detik.com`)
        self.persons = persons  # stored official forms -> every form of their persons, as selections group them
        self.spell = spell  # an unknown word's closest spellings, best first; without it, unknown words go fuzzy
        self.respelled: dict[str, str] = {}
        self.searched_spellings: set[str] = set()
        self.fuzzy_left = MAX_FUZZY_WORDS
        self.joins_left = MAX_JOINED
        self.stems = stems if stems is not None else Stems()
        self.reader = reader
        self.facets = facets
        self.synonyms = synonyms or load_synonyms()
        self.fillers_weak = False  # whether the query being built holds more than fillers (scored_query)
        self.asks_more = False  # whether the query being built also filters or selects (build)

    # -- words ---------------------------------------------------------------------------------
    def is_known(self, word: str) -> bool:
        """Whether an article holds the word, or only its full reduplication (spelling.known_frequency)."""
        return known_frequency(self.reader, word) > 0

    def word_query(self, word: str) -> wq.Query:
        options: list[wq.Query] = []
        unknown = not self.is_known(word)
        spelled = self.spellings(word) if unknown else []
        fuzzy = unknown and self.spell is None and 4 <= len(word) <= MAX_FUZZY_WORD and self.fuzzy_left > 0
        self.fuzzy_left -= fuzzy
        weights = [1.0] + [SPELLED_WEIGHT] + [OTHER_SPELLING_WEIGHT] * (len(spelled) - 1)
        for written, weight in zip([word, *spelled], weights):
            for surface_field in SURFACE_FIELDS:
                options.append(wq.Term(surface_field, written, boost=SURFACE_BOOST * weight))
                if written not in stopwords():
                    options.append(StemTerm(surface_field, self.stems.stem(written), boost=weight))
                if fuzzy:
                    options.append(wq.FuzzyTerm(surface_field, written, boost=FUZZY_BOOST,
                                                maxdist=2 if len(written) >= 7 else 1, prefixlength=FUZZY_PREFIX))
            if written not in stopwords():  # a word inside a quote scores a little more (search/said.py)
                options.append(quoted_word(written, weight))
        return wq.Or(options)

    def spellings(self, word: str) -> list[str]:
        """An unknown word's closest spellings, best first, searched beside it (for at most MAX_FUZZY_WORDS
        words per query); the best is what the word is said to be respelled as."""
        if self.spell is None or len(self.respelled) >= MAX_FUZZY_WORDS:
            return []
        spelled = list(self.spell(self.reader, word))
        if spelled:
            self.respelled[word] = spelled[0]
            self.searched_spellings.update(spelled)
        return spelled

    def clause_query(self, clause: Clause, built: BuiltQuery | None = None) -> wq.Query:
        if clause.phrase:
            phrase = wq.Or([wq.Phrase(surface, list(clause.words)) for surface in SURFACE_FIELDS])
            joined = self.joined_word(*clause.words) if len(clause.words) == 2 and built is not None else None
            if joined is None:
                return phrase
            built.joined.add(joined)  # `"bulu tangkis"`, `play-off`: `bulutangkis`, `playoff` too
            return wq.Or([phrase, self.joined_query(joined)])
        if clause.prefix:
            return wq.Or([wq.Prefix(surface, clause.words[0]) for surface in SURFACE_FIELDS])
        return self.word_query(clause.words[0])

    def joined_word(self, first: str, second: str) -> str | None:
        """The word two typed words make written together (`bulu tangkis`: `bulutangkis`, `sepak bola`,
        `play off`), when some article writes it so: Indonesian writes many compounds either way. Neither may be
        a stop word, and at most MAX_JOINED pairs are looked up per query."""
        joined = first + second
        if (len(joined) < MIN_JOINED or not joined.isalpha() or self.joins_left <= 0
                or first in stopwords() or second in stopwords()):
            return None
        self.joins_left -= 1
        return joined if known_frequency(self.reader, joined) else None

    def joined_query(self, joined: str) -> wq.Query:
        return wq.Or([wq.Term(surface, joined, boost=SURFACE_BOOST) for surface in SURFACE_FIELDS])

    def plain_units(self, clauses: list[Clause], built: BuiltQuery) -> list[Unit]:
        """The units of consecutive plain words; two next to each other that an article writes as one word
        (joined_word) are each held by that word too: an article writing `bulutangkis` holds `bulu` and
        `tangkis` of the query `bulu tangkis`; so is a word written with a hyphen (`play-off`: `playoff`)."""
        units = [self.word_unit(clause) for clause in clauses]
        pairs = [((i,), clause.words[0].split("-")) for i, clause in enumerate(clauses)]  # `play-off`: `playoff`
        pairs += [((i, i + 1), [clauses[i].words[0], clauses[i + 1].words[0]]) for i in range(len(clauses) - 1)]
        for holders, parts in pairs:
            if len(parts) != 2 or any(units[i].weak for i in holders):
                continue
            joined = self.joined_word(*parts)
            if joined is not None:
                built.joined.add(joined)
                for i in holders:
                    units[i] = replace(units[i], query=wq.Or([units[i].query, self.joined_query(joined)]))
        return units

    def agency_query(self, agency: Agency) -> wq.Query:
        """Any way of writing the agency, in title or body, or the agency facet itself."""
        options: list[wq.Query] = [wq.Term(AGENCY, agency.canonical, boost=SURFACE_BOOST)] if agency.in_facet else []
        for words in agency.forms:
            for surface in SURFACE_FIELDS:
                if len(words) == 1:
                    options.append(wq.Term(surface, words[0], boost=SURFACE_BOOST))
                else:
                    options.append(wq.Phrase(surface, list(words), boost=SURFACE_BOOST))
        return wq.Or(options)

    def excluded_query(self, clause: Clause) -> wq.Query:
        """What `-word` leaves out: every article the word alone would find, by every form of the agency it names
        (`-kpk` also leaves out an article writing only `Komisi Pemberantasan Korupsi`)."""
        query = self.clause_query(clause)
        named = [] if clause.phrase or clause.prefix else self.synonyms.find(list(clause.words))
        return wq.Or([query, self.agency_query(named[0].agency)]) if named else query

    def clause_unit(self, clause: Clause, built: BuiltQuery | None = None) -> Unit:
        plain = not (clause.phrase or clause.prefix)
        return Unit(self.clause_query(clause, built), _label(clause), clause.required,
                    clause.words[0] if plain else None)

    def word_unit(self, clause: Clause) -> Unit:
        """A plain word's unit: weak when it is a filler (`siapa`, `yg`: is_filler_group) in a query asking more."""
        unit = self.clause_unit(clause)
        return replace(unit, weak=True) if self.fillers_weak and is_filler_group([clause]) else unit

    def scored_query(self, parsed: ParsedQuery, built: BuiltQuery) -> None:
        """The query's units and exclusions, into `built`."""
        must_not: list[wq.Query] = []
        run: list[Clause] = []  # consecutive plain words, where agency names are looked for

        def flush_run() -> None:
            words = [clause.words[0] for clause in run]
            position = 0
            for match in self.synonyms.find(words):  # an agency's name may hold function words (`dan`)
                built.units.extend(self.plain_units(run[position:match.start], built))
                named = run[match.start:match.end]
                built.units.append(Unit(self.agency_query(match.agency), " ".join(words[match.start:match.end]),
                                        any(c.required for c in named)))
                built.agencies.append(match.agency)
                position = match.end
            built.units.extend(self.plain_units(run[position:], built))
            run.clear()

        positive = [group for group in parsed.groups if not group[0].negated]
        self.fillers_weak = self.asks_more or not all(is_filler_group(group) for group in positive)
        for group in parsed.groups:
            clause = group[0]
            if len(group) == 1 and not (clause.negated or clause.phrase or clause.prefix):
                run.append(clause)
                continue
            flush_run()
            if len(group) == 1 and clause.negated:
                must_not.append(self.excluded_query(clause))
            elif len(group) == 1:
                built.units.append(self.clause_unit(clause, built))
            else:
                built.units.append(Unit(wq.Or([self.clause_query(c) for c in group]),
                                        " OR ".join(_label(c) for c in group),
                                        any(c.required for c in group)))
        flush_run()
        if must_not:
            built.excluded = wq.Or(must_not)

    # -- filters -------------------------------------------------------------------------------
    def facet_filter(self, field_name: str, typed: str) -> wq.Query:
        """`official:suhajar`, `official:jokowi`, `agency:kemendagri` or `region:lamsel` → the facet values meant,
        any of them (facet_aliases.py)."""
        table = self.facets[field_name]
        resolved = self.registry.get(field_name).resolve_or_refuse(typed) if field_name in self.registry else None
        values = (self.grouped(field_name, [resolved], table.values) if resolved in table.ordinals
                  else named_values(field_name, typed, table.words, self.grouped))
        if not values:
            return NOTHING
        terms = [wq.Term(table.field, value) for value in values]
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    def said_filter(self, typed: str, parsed: ParsedQuery) -> wq.Query:
        """`said:suhajar reformasi`: the officials `suhajar` names (as `official:` resolves it), else the name as
        written (a person who is no official), each with the query's words inside their quotes."""
        table = self.facets.get(OFFICIAL)
        speakers = named_values(OFFICIAL, typed, table.words, self.grouped) if table is not None else []
        return said_within(speakers or [" ".join(typed.split())], parsed)

    def grouped(self, facet: str, found: Sequence[str], values: Sequence[str]) -> list[str]:
        """`found` with the other stored forms of their persons: as the generation groups them for selections
        (`persons`, roles weighed), else by name alone (facet_aliases.with_variants)."""
        if self.persons is not None and facet in self.registry and self.registry.get(facet).people:
            return self.persons(found)
        return with_variants(facet, found, values)

    def selections(self, selected: dict[str, tuple[str, ...]]) -> dict[str, wq.Query]:
        """Values selected in one facet combine with OR; facets combine with AND."""
        return {name: wq.Or([wq.Term(self.facets[name].field if name in self.facets else name, value)
                             for value in values]) for name, values in selected.items() if values}

    def filters(self, parsed: ParsedQuery, start: date | None, end: date | None) -> list[wq.Query]:
        """Field filters, then what the excluded fields would select, left out, then the dates the query text
        sets (`from:2017`); the request's own `start`/`end` only check that the two ranges meet."""
        either = [pair for group in parsed.any_of for pair in group]
        said = sum(name == SAID_FIELD for name, _ in parsed.filters + parsed.excluded + tuple(either))
        if said > MAX_SAID:
            raise BadQueryError(f"at most {MAX_SAID} said: filters in one query", "bad_filter")
        filters = [self.field_filter(name, typed, parsed) for name, typed in parsed.filters]
        filters += [wq.Or([self.excluded_filter(name, typed, parsed) for name, typed in group])
                    for group in parsed.any_of]
        filters += [wq.Not(self.excluded_filter(name, typed, parsed)) for name, typed in parsed.excluded]
        typed_start = typed_end = None
        for name, typed in parsed.dates:
            bound = _date_bound(name, typed)
            typed_start, typed_end = (max(typed_start, bound) if typed_start else bound, typed_end) \
                if name == "from" else (typed_start, min(typed_end, bound) if typed_end else bound)
        check_date_range(*_meeting(start, end, typed_start, typed_end))
        dates = date_filter(typed_start, typed_end)
        return filters + ([dates] if dates is not None else [])

    def field_filter(self, name: str, typed: str, parsed: ParsedQuery) -> wq.Query:
        """What `name:typed` selects: a speaker's quotes, a facet's values, or a place."""
        if name == SAID_FIELD:
            return self.said_filter(typed, parsed)
        if name in self.facets:
            return self.facet_filter(name, typed)
        return wq.Term(f"{name}_key", typed.casefold())

    def excluded_filter(self, name: str, typed: str, parsed: ParsedQuery) -> wq.Query:
        """What `-name:typed` leaves out, and what it adds to `name:typed OR …` (ParsedQuery.any_of): what
        `name:typed` alone would select (`-from:2022`: the articles dated 2022 or later; undated ones stay)."""
        if name == "from":
            return date_filter(_date_bound(name, typed), None)
        if name == "to":
            return date_filter(None, _date_bound(name, typed))
        return self.field_filter(name, typed, parsed)

    def build(self, parsed: ParsedQuery, selected: dict[str, tuple[str, ...]],
              start: date | None = None, end: date | None = None, selecting: bool = False,
              relax: bool = True) -> BuiltQuery:
        """The query's parts; `selecting`: facet values are selected apart from `selected` (OpenSearch's);
        `relax`: the matching strategy will run (units past MAX_UNITS then only rank)."""
        self.respelled, self.searched_spellings = {}, set()
        built = BuiltQuery(respelled=self.respelled, spellings=self.searched_spellings)
        self.asks_more = bool(parsed.filters or parsed.dates or parsed.any_of or any(selected.values()) or selecting
                              or start or end)
        self.scored_query(parsed, built)
        built.units = _without_repeats(built.units)
        if relax:
            built.units = _optional_past_cap(built.units)
        built.filters = self.filters(parsed, start, end)
        built.period = date_filter(start, end)
        built.selections = self.selections(selected)
        return built


def _meeting(start: date | None, end: date | None, typed_start: date | None,
             typed_end: date | None) -> tuple[date | None, date | None]:
    """The range both the request's dates and the query text's allow (its start may come after its end)."""
    first = max(day for day in (start, typed_start) if day) if start or typed_start else None
    last = min(day for day in (end, typed_end) if day) if end or typed_end else None
    return first, last


def _date_bound(name: str, typed: str) -> date:
    """The day `from:typed` (or `to:typed`) starts (ends) with; BadQueryError when it names none."""
    bound = parse_date_bound(typed, upper=name == "to")
    if bound is None:
        raise date_bound_error(f"{name}:", typed)
    return bound


def _optional_past_cap(units: list[Unit]) -> list[Unit]:
    """The droppable units past the first MAX_UNITS, weak: they rank, and no article needs them. The matching
    strategy weighs MAX_UNITS; when the rest were required, a word a pasted passage held past them decided alone
    whether its article was found at all."""
    capped, droppable = [], 0
    for unit in units:
        if not (unit.weak or unit.required):
            droppable += 1
            unit = replace(unit, weak=True) if droppable > MAX_UNITS else unit
        capped.append(unit)
    return capped


def _without_repeats(units: list[Unit]) -> list[Unit]:
    """`bupati bupati gowa`: a unit written twice is one (twice, it let articles lack half the others);
    required if either was."""
    kept: dict[tuple[str, bool], Unit] = {}
    for unit in units:
        key = (unit.label, unit.weak)
        if key in kept:
            kept[key] = replace(kept[key], required=kept[key].required or unit.required)
        else:
            kept[key] = unit
    return list(kept.values())


def _label(clause: Clause) -> str:
    """A clause as the result names it: the word, `prefix*` or the phrase's words."""
    return " ".join(clause.words) + ("*" if clause.prefix else "")
