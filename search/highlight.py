"""Snippets: the best passage of an article with the matched words marked. Text is escaped first."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from html import escape
from typing import Any, Callable, Mapping, Sequence

from .analysis import WORD_PATTERN, compound_parts, stem_word

SNIPPET_CHARS = 240
SNIPPET_SCAN_CHARS = 50_000  # where a snippet is looked for: the work per hit stays bounded on huge texts
_WORD = re.compile(WORD_PATTERN)
# "Oded M. Danial" is one sentence, and so are "Suara.com - Hujan…" and "Rp1.000": a full stop before a letter
# or digit ends no sentence.
_SENTENCE = re.compile(r"(?:[^.!?\n]+|(?<=\b[A-Z])\.|\.(?=\w))+[.!?]*")
_SPACES = re.compile(r"\s+")


class WordMatcher:
    """A test for one lower-case word: the same word, the same stem, or a searched prefix (answers memoised:
    a snippet asks about every word of an article)."""

    def __init__(self, words: set[str], prefixes: set[str] = frozenset(), forms: set[str] | None = None,
                 stem: Callable[[str], str] = stem_word) -> None:
        self.words = frozenset(words)
        self.stem = stem  # an index's Stems.stem when the caller has one
        self.stems = {stem(word) for word in words}
        self.prefixes = tuple(prefixes)
        # Every word with one of the stems, when the caller knows them (the index's stem groups): then a text
        # is searched for those words directly instead of testing each of its words.
        self.forms = tuple(sorted(set(forms) | self.words)) if forms is not None else None
        self._answers: dict[str, bool] = {}

    @property
    def empty(self) -> bool:
        return not self.words and not self.prefixes

    def __call__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = (word in self.words or self._stem_matches(word)
                                            or word.startswith(self.prefixes))
        return answer

    def _stem_matches(self, word: str) -> bool:
        """The word's stem is searched, or, for a compound (`covid-19`), a part's stem is (as it was found)."""
        stem = self.stem(word)
        return stem in self.stems or any(self.stem(part) in self.stems for part in compound_parts(word, stem))


def snippet(text: str, matches: WordMatcher, limit: int = SNIPPET_CHARS) -> str:
    """HTML: the passage with the most matched words, cut to about `limit` characters, matches in <mark>."""
    start, end = _best_window(text[:SNIPPET_SCAN_CHARS], matches, limit)
    passage = _SPACES.sub(" ", text[start:end])  # one line: paragraph breaks would break a terminal's layout
    html = mark(passage, matches)
    return ("… " if start > 0 else "") + html + (" …" if end < len(text) else "")


def matched_count(text: str, matches: WordMatcher) -> int:
    """How many distinct matched words `text` holds."""
    return len({word for _, word in _matched_words(text[:SNIPPET_SCAN_CHARS], matches)})


def mark(text: str, matches: Callable[[str], bool]) -> str:
    """`text` escaped, its matched words in <mark>. Escaping works character by character, so the text between
    two matched words is escaped in one call (escaping word by word cost a tenth of a search at 100k)."""
    pieces = []
    position = 0
    for word in _WORD.finditer(text):
        if matches(word.group().lower()):
            pieces.append(escape(text[position:word.start()]))
            pieces.append(f"<mark>{escape(word.group())}</mark>")
            position = word.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def _best_window(text: str, matches: WordMatcher, limit: int) -> tuple[int, int]:
    best, best_score = (0, 0), -1
    hits = [] if matches.empty else _matched_words(text, matches)
    offsets = [offset for offset, _ in hits]
    for sentence in _SENTENCE.finditer(text) if hits else ():
        first, last = bisect_left(offsets, sentence.start()), bisect_left(offsets, sentence.end())
        found = len({word for _, word in hits[first:last]})
        if found > best_score:
            best, best_score = (sentence.start(), sentence.end()), found
    start, end = best
    start = _skip_space(text, start)
    if best_score <= 0:
        start, end = 0, len(text)
    if end - start > limit:
        following = bisect_left(offsets, start)  # the first matched word in the window, if any
        first = offsets[following] if following < len(offsets) and offsets[following] < end else start
        if first - start > limit // 3:
            start = _word_start(text, first - limit // 3)
        end = min(end, start + limit)
        end = _word_end(text, end)
    return start, end


def _matched_words(text: str, matches: WordMatcher) -> list[tuple[int, str]]:
    """(offset, lower-case word) of every matched word. Words matched as written (the same for every text of a
    search) are searched for as whole words by one pattern, compiled once: a tenth of a loop over every word.
    Otherwise the distinct words are tested first (findall runs in C), then the words are gone through once
    for the matched ones: the matched words differ from text to text, and a pattern compiled for each took
    3-5 ms (a page of 100 hits of `se* di*`, 2 s)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer would shift every offset
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if matches.forms is not None and not matches.prefixes:
        if not matches.forms:
            return []
        return [(found.start(), found.group()) for found in _words_pattern(matches.forms).finditer(lowered)]
    wanted = {word for word in set(_WORD.findall(lowered)) if matches(word)}
    if not wanted:
        return []
    return [(found.start(), word) for found in _WORD.finditer(lowered) if (word := found.group()) in wanted]


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as a whole word the way WORD_PATTERN cuts words (not inside `anak-anak` or `it's`)."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?<!\w[-'’])(?:{alternatives})(?!\w|[-'’]\w)")


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _word_start(text: str, position: int) -> int:
    space = text.rfind(" ", 0, position)
    return space + 1 if space >= 0 else 0


def _word_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", 0, position)
    return space if space > 0 else position


def mark_phrases(text: str, phrases: dict[str, str]) -> str:
    """HTML: `text` escaped, each occurrence of a phrase wrapped in <mark class="KIND">, longest phrase first."""
    if not phrases:
        return escape(text)
    ordered = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")
    pieces = []
    position = 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[position:found.start()]))
        pieces.append(f'<mark class="{phrases[found.group()]}">{escape(found.group())}</mark>')
        position = found.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


_NAME_AFTER = r"\s+([A-Z][\w'’-]*)"  # the capitalised word that follows a name's first word


def shared_given_names(text: str, officials: Sequence[Mapping[str, Any]]) -> set[str]:
    """The one-word surfaces of officials (`Abdul`, for Abdul Latif) that another person in `text` shares:
    `Abdul Basit` is written there, or another official has the same surface. Such a bare name cannot be
    told apart, so it is not marked as either."""
    owners: dict[str, set[str]] = {}
    for official in officials:
        for surface in official.get("surfaces", []):
            if " " not in surface.strip():
                owners.setdefault(surface.strip(), set()).add(official["name"])
    shared = {surface for surface, names in owners.items() if len(names) > 1}
    for surface in owners.keys() - shared:
        longer = {s for o in officials if surface in o.get("surfaces", []) for s in [o["name"], *o["surfaces"]]}
        for found in re.finditer(rf"(?<!\w){re.escape(surface)}{_NAME_AFTER}", text):
            if not any(f" {surface} {found[1]} " in f" {name} " for name in longer):
                shared.add(surface)
                break
    return shared
