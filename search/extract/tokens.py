"""Split text into the tokens the extractors walk: words, abbreviations with their full stop, punctuation.

Extraction runs on every article, and an article is a few hundred tokens: what a token knows about its text
(lower case, capitalised, an acronym) is computed once per distinct text and shared by every occurrence
(`Word`), and where each token stands is one list of offsets beside them (`Tokens.starts`), its text another
(`Tokens.texts`). The extractors' looks for cue words (`Tokens.where`) read where each text stands once an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import chain, compress, count
from operator import attrgetter
from typing import Container

_TOKEN = re.compile(
    r"([^\S\n]*)"  # the spaces before a token (never a newline, which is a token): offsets without str.find
    # M.Si.  Rep.Publ.  S.H; possessive: fewer letters never reach a full stop, so a word is not re-tried
    r"([A-Za-z]{1,6}+(?:\.[A-Za-z]{1,6}+)+\.?"
    r"|\w+(?:'\w+)?"
    r"|\n"
    r"|[^\w\s])"
)
SENTENCE_END = frozenset({".", "!", "?", "\n"})
TRAILING_MARKS = frozenset(",.:;?!)")  # often right after a word, then a space: the regex is not needed
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
MAX_WORDS = 200_000  # distinct token texts kept; the cache starts again when full (news vocabulary is ~100k)


class Word:
    """A token's text and what the extractors ask of it, computed once per distinct text."""

    __slots__ = ("text", "is_word", "lower", "key", "is_capitalised", "is_acronym")

    def __init__(self, text: str) -> None:
        first = text[:1]
        self.text = text
        self.is_word = first.isalnum() or first == "_"
        self.lower = text.lower()
        self.key = self.lower.rstrip(".") if self.is_word else text  # what gazetteers look up
        self.is_capitalised = self.is_word and first.isupper()
        letters = list(filter(str.isalpha, text)) if self.is_word else ()
        self.is_acronym = len(letters) >= 2 and all(map(str.isupper, letters))

    def __repr__(self) -> str:
        return f"Word({self.text!r})"


Token = Word  # what a position in `Tokens` holds

_WORDS: dict[str, Word] = {}


def word(text: str) -> Word:
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= MAX_WORDS:
            _WORDS.clear()
        found = _WORDS[text] = Word(text)
    return found


class Tokens(list):
    """The tokens of one text, in order, where each starts in it, and their texts (the tokens never change)."""

    __slots__ = ("starts", "texts", "_lowers", "_text_places", "_key_places")

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[int] = []
        self.texts: list[str] = []
        self._lowers: list[str] | None = None
        self._text_places: dict[str, list[int]] | None = None  # where each text stands: `where`
        self._key_places: dict[str, list[int]] | None = None  # where each key stands: `where_key`

    def start(self, i: int) -> int:
        return self.starts[i]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self[i].text)

    def touching(self, i: int) -> bool:
        """No space between token `i` and the one after it."""
        return i + 1 < len(self) and self.end(i) == self.starts[i + 1]

    def where(self, words: Container[str], start: int = 0, stop: int | None = None) -> list[int]:
        """The positions from `start` to `stop` (both from 0) of the tokens written as one of `words`, in order.
        Every extractor looks for its cue words among an article's tokens, a dozen looks an article: where each
        text stands is read once (`_places`), and each look asks only about the texts both the article and
        `words` hold (an article has a few hundred distinct texts, a cue list one to several hundred words)."""
        return _where(self._places_of_texts(), words, start, stop)

    def where_key(self, words: Container[str], start: int = 0, stop: int | None = None) -> list[int]:
        """As `where`, for tokens whose key (Word.key: lower case, no full stop) is one of `words`."""
        if self._key_places is None:
            self._key_places = self._places_of_keys()
        return _where(self._key_places, words, start, stop)

    def _places_of_texts(self) -> dict[str, list[int]]:
        if self._text_places is None:
            self._text_places = _places(self.texts)
        return self._text_places

    def _places_of_keys(self) -> dict[str, list[int]]:
        """Where each key stands, from where each text stands: a text has one key (`Bupati`, `bupati` and
        `BUPATI` share theirs), and an article has half as many distinct texts as tokens. The positions of a
        key several texts share are not in order (`_where` sorts what it finds)."""
        places: dict[str, list[int]] = {}
        for positions in self._places_of_texts().values():
            key = self[positions[0]].key
            found = places.get(key)
            places[key] = positions if found is None else found + positions
        return places

    def where_lower(self, words: Container[str], start: int = 0, stop: int | None = None) -> list[int]:
        """As `where`, for tokens whose lower case is one of `words`. A lower case of letters alone is its
        token's key as well (no full stop to strip): for such words the key places (read for the gazetteers
        anyway) hold every token asked for, and only a key's tokens ending in a full stop (`Kata.`) are not."""
        if isinstance(words, frozenset) and _all_letters(words):
            return [i for i in self.where_key(words, start, stop) if self[i].lower in words]
        if self._lowers is None:
            self._lowers = list(map(attrgetter("lower"), self))
        texts = self._lowers if not start and stop is None else self._lowers[start:stop]
        return list(compress(count(start), map(words.__contains__, texts)))


@lru_cache(maxsize=8)
def _all_letters(words: frozenset[str]) -> bool:
    """Every word is letters alone (`str.isalpha`), and there is one at least: asked once per word list."""
    return all(map(str.isalpha, words)) and bool(words)


def _places(values: list[str]) -> dict[str, list[int]]:
    """Where each value stands in `values`, in order (the key places share these lists: never change one)."""
    places: dict[str, list[int]] = {}
    place = places.setdefault  # one call a value: the empty list it may make costs less than a second look
    for i, value in enumerate(values):
        place(value, []).append(i)
    return places


def _where(places: dict[str, list[int]], words: Container[str], start: int, stop: int | None) -> list[int]:
    """The positions in `places` of the values in `words`, from `start` to `stop`, in order. The texts both
    hold are found by going through the smaller of the two (a set operation in C, `_common`); the positions of
    a value need not be in order."""
    positions = sorted(chain.from_iterable(map(places.__getitem__, _common(places, words))))
    if not start and stop is None:
        return positions
    first = bisect_left(positions, start)
    return positions[first:] if stop is None else positions[first:bisect_left(positions, stop, first)]


def _common(places: dict[str, list[int]], words: Container[str]) -> set[str]:
    """The values both `places` and `words` (a set, a frozenset or a dict) hold. A dict view's `&` goes
    through its other operand, a set's `intersection` through a dict it is given: whichever is smaller."""
    if isinstance(words, dict):
        return places.keys() & words.keys()
    if len(words) <= len(places) or not isinstance(words, (set, frozenset)):
        return places.keys() & words  # any other collection: gone through whole
    return words.intersection(places)


def tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> Tokens:
    """Tokens of `text`; a word followed by '.' keeps it when the pair is a known abbreviation or an initial.
    Most of what stands between two spaces is one word of letters or digits (`str.isalnum`), a token as it is;
    `_read_piece` reads the rest (`kata,`, `Dr.`, `"Kami`). No token holds a space, so the regex finds the same
    tokens in a piece between spaces as in the whole text, at a fraction of the cost."""
    tokens = Tokens()
    append, add_start, add_text = tokens.append, tokens.starts.append, tokens.texts.append
    get = _WORDS.get
    position = 0  # where the piece starts
    for piece in text.split(" "):
        if piece.isalnum():
            append(get(piece) or word(piece))
            add_start(position)
            add_text(piece)
        elif piece:
            _read_piece(tokens, piece, position, abbreviations)
        position += len(piece) + 1
    return tokens


def _read_piece(tokens: Tokens, piece: str, start: int, abbreviations: frozenset[str]) -> None:
    """The tokens of a piece of text between two spaces that is neither a plain word nor a word and its mark.
    A line's end is a token of its own, and no other token holds one (nor does a full stop join a word across
    it): the lines of `sendiri.\n\n"Kami` are read apart, and a mark alone (`-`, `"`, `/`) is a token as it is."""
    if "\n" not in piece:
        _read_line(tokens, piece, start, abbreviations)
        return
    *lines, last = piece.split("\n")
    for line in lines:
        if line:
            _read_line(tokens, line, start, abbreviations)
        start += len(line)
        _add(tokens, "\n", start)
        start += 1
    if last:
        _read_line(tokens, last, start, abbreviations)


def _read_line(tokens: Tokens, piece: str, start: int, abbreviations: frozenset[str]) -> None:
    """The tokens of a piece with no space or line's end in it; the regex reads what no quicker test does."""
    if piece.isalnum():
        _add(tokens, piece, start)
    elif piece[-1] in TRAILING_MARKS and piece[:-1].isalnum():  # `kata,` `Bandung.` `Dr.`
        _add_word_and_mark(tokens, piece, start, abbreviations)
    elif len(piece) == 1:  # a mark is a token, any other space (a tab) none
        if not piece.isspace():
            _add(tokens, piece, start)
    else:
        at = start
        for space, value in _TOKEN.findall(piece.rstrip()):  # spaces ending a piece end no token: never asked
            # again from each of their positions (a run of 10,000 tabs before a space took 7.5 s: trial 25)
            at += len(space)
            if value == "." and not space and at > start and _takes_full_stop(tokens[-1], abbreviations):
                tokens[-1] = word(tokens[-1].text + ".")
                tokens.texts[-1] = tokens[-1].text
                at += 1
                continue
            _add(tokens, value, at)
            at += len(value)


def _add(tokens: Tokens, text: str, start: int) -> None:
    tokens.append(word(text))
    tokens.starts.append(start)
    tokens.texts.append(text)


def _add_word_and_mark(tokens: Tokens, piece: str, start: int, abbreviations: frozenset[str]) -> None:
    """A word and the mark right after it, the regex's two tokens: a full stop may belong to the word."""
    head, mark = word(piece[:-1]), piece[-1]
    if mark == "." and _takes_full_stop(head, abbreviations):
        _add(tokens, piece, start)
        return
    tokens.extend((head, word(mark)))
    tokens.starts.extend((start, start + len(head.text)))
    tokens.texts.extend((head.text, mark))


def _takes_full_stop(previous: Word, abbreviations: frozenset[str]) -> bool:
    """`Dr.`, `Kab.`, the initial in `Oded M. Danial`: the full stop touching the word belongs to it."""
    text = previous.text
    if not previous.is_word or text.endswith("."):
        return False
    return text + "." in abbreviations or (len(text) == 1 and text.isupper())
