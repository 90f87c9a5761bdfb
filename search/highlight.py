"""Snippets: the best passage of an article with the matched words marked. Text is escaped first."""

from __future__ import annotations

import re
from html import escape
from typing import Callable

from .analysis import WORD_PATTERN, stem_word

SNIPPET_CHARS = 240
_WORD = re.compile(WORD_PATTERN)
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\b[A-Z])\.)+[.!?]*")  # "Oded M. Danial" is one sentence


def make_matcher(words: set[str], prefixes: set[str] = frozenset()) -> Callable[[str], bool]:
    """A test for one lower-case word: the same word, the same stem, or a searched prefix."""
    stems = {stem_word(word) for word in words}

    def matches(word: str) -> bool:
        return word in words or stem_word(word) in stems or any(word.startswith(p) for p in prefixes)

    return matches


def snippet(text: str, matches: Callable[[str], bool], limit: int = SNIPPET_CHARS) -> str:
    """HTML: the passage with the most matched words, cut to about `limit` characters, matches in <mark>."""
    start, end = _best_window(text, matches, limit)
    passage = text[start:end]
    html = mark(passage, matches)
    return ("… " if start > 0 else "") + html + (" …" if end < len(text) else "")


def mark(text: str, matches: Callable[[str], bool]) -> str:
    pieces = []
    position = 0
    for word in _WORD.finditer(text):
        pieces.append(escape(text[position:word.start()]))
        if matches(word.group().lower()):
            pieces.append(f"<mark>{escape(word.group())}</mark>")
        else:
            pieces.append(escape(word.group()))
        position = word.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def _best_window(text: str, matches: Callable[[str], bool], limit: int) -> tuple[int, int]:
    best, best_score = (0, 0), -1
    for sentence in _SENTENCE.finditer(text):
        found = {w.group().lower() for w in _WORD.finditer(sentence.group()) if matches(w.group().lower())}
        if len(found) > best_score:
            best, best_score = (sentence.start(), sentence.end()), len(found)
    start, end = best
    start = _skip_space(text, start)
    if best_score <= 0:
        start, end = 0, len(text)
    if end - start > limit:
        first = next((w.start() for w in _WORD.finditer(text, start, end) if matches(w.group().lower())), start)
        if first - start > limit // 3:
            start = _word_start(text, first - limit // 3)
        end = min(end, start + limit)
        end = _word_end(text, end)
    return start, end


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
