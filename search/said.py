"""Who said what, searchable: `said:"Suhajar Diantoro" reformasi` finds articles where Suhajar Diantoro is
quoted (directly or indirectly) with `reformasi` inside what he said.

The Whoosh said field holds, per article, one term per speaker (`Suhajar Diantoro`: quoted at all) and one per
word inside anyone's quotes (`\\x1freformasi`: a word matched inside a quote scores a little more), with
positions that say whose quote a word is in: the k-th speaker's name stands at k x SPAN and their words right
after it; words quoted from nobody named sit in block 0 (`said_positions`). A said: filter (`SaidWords`) reads
those positions: every positive group of the query must be inside the speaker's block (a phrase's words each,
not necessarily adjacent, stop words such as `yang` left out; a prefix `birokra*` any word it starts; stems are
not expanded: `reformasi` does not match `reformasinya`; a hyphenated compound's parts are words of the quote:
`covid` matches `Covid-19`). Stop words are not indexed here: a quote's `dan` or
`yang` says nothing about what was said.

Positions replace the speaker-and-word terms (`Suhajar Diantoro\\x1freformasi`) this field held before: those were
nearly all unique to one article, and Whoosh writes every term's postings as a block of its own, which made
quotes cost a quarter of a build. The OpenSearch backend still indexes those terms (`said_terms`, `said_query`),
and an index written before the change is still read through them (`SaidWords.matcher`).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.reading import TermNotFound

from .analysis import WORD_PATTERN, compound_parts, stem_word, stopwords
from .segments import CHECK_EVERY, CheckedQuery, no_deadline
from .querylang import SAID_FIELD as SAID, Clause, ParsedQuery, is_filler_group

JOIN = "\x1f"  # before a quoted word (and, in the OpenSearch terms, between a speaker and a word)
MAX_SAID = 5  # said: filters one query may have
_WORDS = re.compile(WORD_PATTERN)  # the surface analyzer's words (analysis.words_of), found by one findall
QUOTE_BOOST = 0.2  # a word inside a quote adds this much of a term's score: a little, never more than a title
SPAN = 1 << 16  # positions one speaker's block takes: their name, then at most SPAN - 1 distinct words
MAX_PREFIX_WORDS = 1_000  # words one said: prefix may stand for in one segment, as matching.MAX_EXPANDED_TERMS

Quoted = tuple[str | None, str]  # (speaker or None, text): one quote, as the said field reads it


def _quoted_words(text: str) -> list[str]:
    """A quote's words, lower-case, each once, stop words left out; a hyphenated compound's parts after it
    (`covid-19`, then `covid` and `19`), as a search word finds the compound (analysis.compound_parts)."""
    common = stopwords()
    words: dict[str, None] = {}
    for word in dict.fromkeys(w.lower() for w in _WORDS.findall(text)):
        if word not in common:
            words[word] = None
            if "-" in word:
                words.update(dict.fromkeys(compound_parts(word, stem_word(word))))
    return list(words)


def _words_by_speaker(quotes: Iterable[Quoted]) -> dict[str | None, dict[str, None]]:
    """Each speaker's words (None: quotes nobody named said), in order, each once; None comes first."""
    words: dict[str | None, dict[str, None]] = {None: {}}
    for speaker, text in quotes:
        words.setdefault(speaker, {}).update(dict.fromkeys(_quoted_words(text)))
    return words


def said_positions(quotes: Iterable[Quoted]) -> list[tuple[str, list[int]]]:
    """What the Whoosh said field holds for an article's quotes: (term, positions) for each speaker (their
    block's start) and each quoted word (where it stands in each speaker's block)."""
    positions: dict[str, list[int]] = {}
    for number, (speaker, words) in enumerate(_words_by_speaker(quotes).items()):
        start = number * SPAN
        if speaker is not None:
            positions[speaker] = [start]
        for offset, word in enumerate(list(words)[:SPAN - 1], start=1):
            positions.setdefault(JOIN + word, []).append(start + offset)
    return list(positions.items())


def said_terms(quotes: Iterable[Quoted]) -> list[str]:
    """The OpenSearch said field's terms: each speaker, then each speaker's words (`speaker\\x1fword`), then the
    words quoted from anyone (speaker known or not), each once."""
    terms: dict[str, None] = {}
    anyone: dict[str, None] = {}
    for speaker, words in _words_by_speaker(quotes).items():
        anyone.update(dict.fromkeys(JOIN + word for word in words))
        if speaker is not None:
            terms[speaker] = None
            terms.update(dict.fromkeys(speaker + JOIN + word for word in words))
    return [*terms, *anyone]


class SaidPositions(Positions):
    """The said field's format: Whoosh's positions, taken from `said_positions` as given (no analyzer), each
    term weighing 1 per article however many speakers said it."""

    def word_values(self, value, analyzer, **kwargs):
        if isinstance(value, str):  # a plain string: Whoosh's own way
            yield from super().word_values(value, analyzer, **kwargs)
            return
        for term, positions in value:
            yield term, len(positions), self.field_boost, self.encode(positions)


def quoted_word(word: str, weight: float = 1.0) -> wq.Query:
    """`word` inside anyone's quotes: scored beside the word itself, with a small boost (times the `weight`
    a respelled word has)."""
    return wq.Term(SAID, JOIN + word, boost=QUOTE_BOOST * weight)


Wanted = tuple[tuple[tuple[tuple[str, ...], bool], ...], ...]  # groups of OR-ed (words, is a prefix) clauses


def _wanted(parsed: ParsedQuery) -> Wanted:
    """The query's positive groups, each a tuple of clauses: (words, prefix); stop words left out of words, and
    question words and fillers (`siapa`, `terbaru`) left out: nobody needs to have said them."""
    groups = []
    for group in parsed.groups:
        if is_filler_group(group):
            continue
        clauses = tuple((_clause_words(clause), clause.prefix) for clause in group if not clause.negated)
        if clauses:
            groups.append(clauses)
    return tuple(groups)


def _clause_words(clause: Clause) -> tuple[str, ...]:
    if clause.prefix:
        return clause.words[:1]
    return tuple(word for word in clause.words if word not in stopwords()) or clause.words  # stop words: not indexed


def said_within(speakers: Sequence[str], parsed: ParsedQuery) -> wq.Query:
    """Whoosh: articles where any of `speakers` (the stored names one typed name resolved to) said every
    positive group of the query; with no words, where any of them is quoted at all."""
    options = [SaidWords(speaker, _wanted(parsed)) for speaker in speakers]
    return options[0] if len(options) == 1 else wq.Or(options)


def said_query(speakers: Sequence[str], parsed: ParsedQuery) -> wq.Query:
    """The same articles as `said_within`, in speaker-and-word terms (`said_terms`): OpenSearch's form."""
    options = [_pair_query(speaker, _wanted(parsed)) for speaker in speakers]
    return options[0] if len(options) == 1 else wq.Or(options)


def _pair_query(speaker: str, wanted: Wanted) -> wq.Query:
    parts: list[wq.Query] = [wq.Term(SAID, speaker)]
    for group in wanted:
        ors = [_pair_clause(speaker, words, prefix) for words, prefix in group]
        parts.append(ors[0] if len(ors) == 1 else wq.Or(ors))
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _pair_clause(speaker: str, words: tuple[str, ...], prefix: bool) -> wq.Query:
    if prefix:
        return wq.Prefix(SAID, speaker + JOIN + words[0])
    terms = [wq.Term(SAID, speaker + JOIN + word) for word in words]
    return terms[0] if len(terms) == 1 else wq.And(terms)


class SaidWords(CheckedQuery):
    """Articles where `speaker` is quoted and each of the `wanted` groups stands inside their block of the said
    field (`said_positions`). A filter: every document it finds weighs 1. Its documents are read in Python, a
    posting at a time, so it asks the search's deadline every CHECK_EVERY postings and before each word."""

    def __init__(self, speaker: str, wanted: Wanted = ()) -> None:
        self.speaker = speaker
        self.wanted = wanted
        self.boost = 1.0

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and (other.speaker, other.wanted) == (self.speaker, self.wanted)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.speaker, self.wanted))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.speaker!r}, {self.wanted!r})"

    def is_leaf(self) -> bool:
        return True

    def checked_matcher(self, searcher, check: Callable[[], None]):
        if SAID not in searcher.schema:  # written before quotes were indexed: nobody is quoted in it
            return NullMatcher()
        if not searcher.schema[SAID].format.supports("positions"):  # written before positions: the old terms
            return _pair_query(self.speaker, self.wanted).matcher(searcher, searcher.context())
        found = sorted(self.documents(searcher.reader(), check))
        return ListMatcher(found, [1.0] * len(found)) if found else NullMatcher()

    def documents(self, reader, check: Callable[[], None] = no_deadline) -> set[int]:
        """One segment's documents (deleted ones included) where the speaker said every wanted group."""
        starts = _block_starts(reader, self.speaker, check)
        for group in self.wanted:
            if not starts:
                break
            inside: set[int] = set()
            for words, prefix in group:
                left = {document: start for document, start in starts.items() if document not in inside}
                if not left:
                    break  # every document has one of the group's clauses: the others are not read
                inside |= (_prefix_inside(reader, left, words[0], check) if prefix
                           else _words_inside(reader, left, words, check))
            starts = {document: start for document, start in starts.items() if document in inside}
        return set(starts)


def _block_starts(reader, speaker: str, check: Callable[[], None]) -> dict[int, int]:
    """The documents quoting `speaker`, each with where the speaker's block starts."""
    try:
        matcher = reader.postings(SAID, speaker)
    except TermNotFound:
        return {}
    starts = {}
    while matcher.is_active():
        if len(starts) % CHECK_EVERY == 0:
            check()
        starts[matcher.id()] = matcher.value_as("positions")[0]
        matcher.next()
    return starts


def _words_inside(reader, starts: dict[int, int], words: tuple[str, ...], check: Callable[[], None]) -> set[int]:
    documents = set(starts)
    for word in words:
        documents = _term_inside(reader, {d: starts[d] for d in documents}, JOIN + word, check)
        if not documents:
            break
    return documents


def _prefix_inside(reader, starts: dict[int, int], prefix: str, check: Callable[[], None]) -> set[int]:
    """Those of `starts`' documents where a word of `prefix` stands inside the block; the words left are not
    read once every document has one (`said:jokowi me*`: the first few of 200 words often settle it)."""
    documents: set[int] = set()
    for number, term in enumerate(reader.expand_prefix(SAID, JOIN + prefix)):
        if number == MAX_PREFIX_WORDS or len(documents) == len(starts):
            break
        left = {document: start for document, start in starts.items() if document not in documents}
        documents |= _term_inside(reader, left, term.decode("utf-8") if isinstance(term, bytes) else term, check)
    return documents


def _term_inside(reader, starts: dict[int, int], term: str, check: Callable[[], None]) -> set[int]:
    """Those of `starts`' documents where `term` stands inside the block starting there."""
    check()
    try:
        matcher = reader.postings(SAID, term)
    except TermNotFound:
        return set()
    found = set()
    for number, document in enumerate(sorted(starts), 1):
        if number % CHECK_EVERY == 0:
            check()
        if matcher.id() < document:
            matcher.skip_to(document)
        if not matcher.is_active():
            break
        start = starts[document]
        if matcher.id() == document and any(start < p < start + SPAN for p in matcher.value_as("positions")):
            found.add(document)
    return found
