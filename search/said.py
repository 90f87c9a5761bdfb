"""Who said what, searchable: `said:"Suhajar Diantoro" reformasi` finds articles where Suhajar Diantoro is
quoted (directly or indirectly) with `reformasi` inside what he said.

The index holds, per article, one term per speaker (`Suhajar Diantoro`: quoted at all), one per speaker
and word of their quotes (`Suhajar Diantoro\\x1freformasi`), words as the surface analyzer reads them, and
one per word inside anyone's quotes (`\\x1freformasi`: a word matched inside a quote scores a little more). A
said: filter is built from the query's own words: every positive group must be inside the speaker's quotes
(a phrase's words each, not necessarily adjacent, stop words such as `yang` left out; a prefix `birokra*`
any word it starts; stems are not expanded: `reformasi` does not match `reformasinya`). Stop words are not
indexed here: a quote's `dan` or `yang` says nothing about what was said.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from whoosh import query as wq

from .analysis import WORD_PATTERN, stopwords
from .querylang import SAID_FIELD as SAID, Clause, ParsedQuery

JOIN = "\x1f"  # between a speaker and a word in one term (no name or word holds it)
MAX_SAID = 5  # said: filters one query may have
_WORDS = re.compile(WORD_PATTERN)  # the surface analyzer's words (analysis.words_of), found by one findall
QUOTE_BOOST = 0.2  # a word inside a quote adds this much of a term's score: a little, never more than a title


def said_terms(quotes: Iterable) -> list[str]:
    """The terms an article's quotes put in the said field: each speaker, then each speaker's words, then the
    words quoted from anyone (speaker known or not), each once."""
    terms: dict[str, None] = {}
    anyone: dict[str, None] = {}
    common = stopwords()
    for quote in quotes:
        words = [word for word in dict.fromkeys(w.lower() for w in _WORDS.findall(quote.text)) if word not in common]
        anyone.update(dict.fromkeys(JOIN + word for word in words))
        if quote.speaker:
            terms[quote.speaker] = None
            terms.update(dict.fromkeys(quote.speaker + JOIN + word for word in words))
    return [*terms, *anyone]


def quoted_word(word: str, weight: float = 1.0) -> wq.Query:
    """`word` inside anyone's quotes: scored beside the word itself, with a small boost (times the `weight`
    a respelled word has)."""
    return wq.Term(SAID, JOIN + word, boost=QUOTE_BOOST * weight)


def said_query(speakers: Sequence[str], parsed: ParsedQuery) -> wq.Query:
    """Articles where any of `speakers` (the stored names one typed name resolved to) said every positive
    group of the query; with no words, where any of them is quoted at all."""
    options = [_speaker_query(speaker, parsed) for speaker in speakers]
    return options[0] if len(options) == 1 else wq.Or(options)


def _speaker_query(speaker: str, parsed: ParsedQuery) -> wq.Query:
    groups = [[clause for clause in group if not clause.negated] for group in parsed.groups]
    parts: list[wq.Query] = [wq.Term(SAID, speaker)]
    for group in groups:
        if group:
            ors = [_clause_query(speaker, clause) for clause in group]
            parts.append(ors[0] if len(ors) == 1 else wq.Or(ors))
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _clause_query(speaker: str, clause: Clause) -> wq.Query:
    if clause.prefix:
        return wq.Prefix(SAID, speaker + JOIN + clause.words[0])
    words = [word for word in clause.words if word not in stopwords()] or clause.words  # stop words: not indexed
    terms = [wq.Term(SAID, speaker + JOIN + word) for word in words]
    return terms[0] if len(terms) == 1 else wq.And(terms)
