"""A token trie: finds the longest known name starting at each position in one pass over the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterator, TypeVar

from .tokens import Token, Tokens, tokenize

T = TypeVar("T")
_END = ""  # key under which a trie node keeps the payloads of a name ending there
_PLAIN_NAME = re.compile(r"\w+(?: \w+)*")  # no punctuation: every word token is a run of word characters
SKIPPABLE_INSIDE = frozenset({",", "-", "/", "."})
MAX_PARENTHESIS_TOKENS = 6


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int  # index of the first token
    end: int  # index after the last token
    value: T

    def surface(self, text: str, tokens: Tokens) -> str:
        """The matched words as the text wrote them."""
        return text[tokens.start(self.start):tokens.end(self.end - 1)]


@dataclass(frozen=True)
class _Entry(Generic[T]):
    value: T
    exact: tuple[str, ...] | None  # the tokens as they must be written, for case-sensitive acronyms


class Gazetteer(Generic[T]):
    """Maps multi-word names to values. Matching is case-insensitive except for all-capital aliases."""

    def __init__(self) -> None:
        self._root: dict = {}

    @property
    def first_words(self) -> frozenset[str]:
        return frozenset(self._root)

    def add(self, name: str, value: T) -> None:
        words = _words(name)
        if not words:
            return
        node = self._root
        for word in words:
            node = node.setdefault(word.lower(), {})
        exact = tuple(words) if all(_is_upper(word) for word in words) else None
        node.setdefault(_END, []).append(_Entry(value, exact))

    def match_at(self, tokens: list[Token], start: int) -> Match[T] | None:
        """The longest name that starts at `start`; it must start with a capitalised word."""
        first = tokens[start]
        if first.key not in self._root or not (first.is_capitalised or first.text[:1].isdigit()):
            return None
        node = self._root
        best: Match[T] | None = None
        position = start
        used: list[int] = []
        while position < len(tokens):
            token = tokens[position]
            if position > start and not token.is_word:
                skip_to = _skip(tokens, position)
                if skip_to is not None:
                    position = skip_to
                    continue
                break
            child = node.get(token.key)
            if child is None:
                break
            node = child
            used.append(position)
            position += 1
            for entry in node.get(_END, ()):
                if entry.exact is None or entry.exact == tuple(tokens[i].text.rstrip(".") for i in used):
                    best = Match(start, position, entry.value)
                    break
        return best

    def find_all(self, tokens: list[Token]) -> Iterator[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        position = 0  # tokens before this are inside a match already
        for start in self.openings(tokens):
            if start < position:
                continue
            match = self.match_at(tokens, start)
            if match is not None:
                yield match
                position = match.end

    def openings(self, tokens: list[Token]) -> list[int]:
        """Where a name may start: the tokens that are a name's first word, found in one pass."""
        root = self._root
        if isinstance(tokens, Tokens):
            return tokens.where_key(root)
        return [i for i, token in enumerate(tokens) if token.key in root]


def _skip(tokens: list[Token], position: int) -> int | None:
    """Where matching resumes after punctuation allowed inside a name: commas, hyphens, a (parenthesis)."""
    text = tokens[position].text
    if text in SKIPPABLE_INSIDE:
        return position + 1
    if text == "(":
        for offset in range(1, MAX_PARENTHESIS_TOKENS + 1):
            if position + offset < len(tokens) and tokens[position + offset].text == ")":
                return position + offset + 1
    return None


def _words(name: str) -> list[str]:
    """The words of a name as tokenize() finds them; names of plain words and single spaces (most of the
    fourteen thousand a gazetteer is built from at every start) are split without building tokens."""
    if _PLAIN_NAME.fullmatch(name):
        return name.split(" ")
    return [token.text for token in tokenize(name) if token.is_word]


def _is_upper(word: str) -> bool:
    if not word.isupper():  # a lower-case letter: the quick answer for nearly every word
        return False
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 2
