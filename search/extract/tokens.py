"""Split text into the tokens the extractors walk: words, abbreviations with their full stop, punctuation.

Extraction runs on every article, and an article is a few hundred tokens: what a token knows about its text
(lower case, capitalised, an acronym) is computed once per distinct text and shared by every occurrence
(`Word`), and where each token stands is one list of offsets beside them (`Tokens.starts`), its text another
(`Tokens.texts`). The extractors' looks for cue words (`Tokens.where`) read which texts an article holds once.
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

class _Words(dict):
    """Each distinct token text's `Word`, made on the first look (`__missing__`): a look that finds one, as
    nearly every look does, stays in C, also when `map` asks for all of a text's tokens at once."""

    def __missing__(self, text: str) -> Word:
        if len(self) >= MAX_WORDS:
            self.clear()
        found = self[text] = Word(text)
        return found


_WORDS = _Words()
word = _WORDS.__getitem__  # a token's text -> its Word


class Tokens(list):
    """The tokens of one text, in order, where each starts in it, and their texts (the tokens never change)."""

    __slots__ = ("starts", "texts", "_lowers", "_text_set", "_places", "_key_places", "_key_set")

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[int] = []
        self.texts: list[str] = []
        self._lowers: list[str] | None = None
        self._text_set: set[str] | None = None  # the texts written: `where`
        self._places: dict[str, list[int]] | None = None  # each text's positions, in order: `where`
        self._key_places: dict[str, list[int]] | None = None  # each key's positions, and the keys written:
        self._key_set: set[str] | None = None  # `where_key`

    def start(self, i: int) -> int:
        return self.starts[i]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self[i].text)

    def touching(self, i: int) -> bool:
        """No space between token `i` and the one after it."""
        return i + 1 < len(self) and self.end(i) == self.starts[i + 1]

    def where(self, words: Container[str], start: int = 0, stop: int | None = None) -> list[int]:
        """The positions from `start` to `stop` (both from 0) of the tokens written as one of `words`, in order.
        Every extractor looks for its cue words among an article's tokens, a dozen looks an article: the texts
        both the article and `words` hold are found by a set operation in C (`_common`; an article has a few
        hundred distinct texts, a cue list one to several hundred words), and most looks find none. The
        positions of each text are listed once, by the first look (`_places_of`): going through every token
        at each look took a tenth of extraction's time."""
        places = self._text_places()
        return _placed(places, _common(self._text_set, words), start, stop)

    def _text_places(self) -> dict[str, list[int]]:
        if self._places is None:
            self._places = _places_of(self.texts)
            self._text_set = set(self._places)
        return self._places

    def where_key(self, words: Container[str], start: int = 0, stop: int | None = None) -> list[int]:
        """As `where`, for tokens whose key (Word.key: lower case, no full stop) is one of `words`. Each key's
        positions are those of the texts that have it (`Kota`, `kota`, `KOTA`), from the texts' places: an
        article has half as many distinct texts as tokens."""
        if self._key_places is None:
            self._key_places = _places_by_key(self._text_places(), self)
            self._key_set = set(self._key_places)
        return _placed(self._key_places, _common(self._key_set, words), start, stop)

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


def _places_of(values: list[str]) -> dict[str, list[int]]:
    """Each value's positions, in order."""
    places: dict[str, list[int]] = {}
    for i, value in enumerate(values):
        found = places.get(value)
        if found is None:
            places[value] = [i]
        else:
            found.append(i)
    return places


def _places_by_key(places: dict[str, list[int]], tokens: Tokens) -> dict[str, list[int]]:
    """Each key's positions, in order, from the positions of each text (`Word.key`: one per text)."""
    by_key: dict[str, list[int]] = {}
    for text, found in places.items():
        key = tokens[found[0]].key
        known = by_key.get(key)
        by_key[key] = found if known is None else sorted(known + found)
    return by_key


def _placed(places: dict[str, list[int]], common: set[str], start: int, stop: int | None) -> list[int]:
    """The positions from `start` to `stop` of the values in `common`, in order, from each value's places."""
    if not common:
        return []
    if len(common) == 1:
        found = places[next(iter(common))]
    else:
        found = sorted(chain.from_iterable(map(places.__getitem__, common)))
    if not start and stop is None:
        return found[:]
    first = bisect_left(found, start) if start else 0
    return found[first:bisect_left(found, stop) if stop is not None else len(found)]


def _common(values: set[str], words: Container[str]) -> set[str]:
    """The values both `values` and `words` (a set, a frozenset, a dict or any other collection) hold, found
    by going through the smaller of the two when both are sets (a dict's keys are one)."""
    if isinstance(words, dict):
        return words.keys() & values
    return values.intersection(words)


def tokenize(text: str, abbreviations: frozenset[str] = frozenset(), undotted: frozenset[str] = frozenset()) -> Tokens:
    """Tokens of `text`; a word followed by '.' keeps it when the pair is a known abbreviation or an initial,
    and a word of `undotted` (an officer's rank: `Irjen. Helmy Santika`) drops it, so that neither a full stop
    nor a second spelling stands between the rank and the name.
    Most of what stands between two spaces is one word of letters or digits (`str.isalnum`), a token as it is;
    `_read_piece` reads the rest (`kata,`, `Dr.`, `"Kami`). No token holds a space, so the regex finds the same
    tokens in a piece between spaces as in the whole text, at a fraction of the cost. The pieces are read into
    the tokens' texts and offsets; their `Word`s are looked up after, all at once (`map`, in C)."""
    tokens = Tokens()
    texts, starts = tokens.texts, tokens.starts
    add_start, add_text = starts.append, texts.append
    position = 0  # where the piece starts
    for piece in text.split(" "):
        if piece.isalnum():
            add_start(position)
            add_text(piece)
        elif piece[-1:] in TRAILING_MARKS and piece[-1:] != "." and piece[:-1].isalnum():
            # `kata,` `Jakarta)`: a word and the mark closing it, one piece in ten; not a full stop, which
            # may belong to the word (`_add_word_and_mark`)
            head = piece[:-1]
            add_start(position)
            add_start(position + len(head))
            add_text(head)
            add_text(piece[-1])
        elif piece:
            _read_piece(texts, starts, piece, position, abbreviations, undotted)
        position += len(piece) + 1
    tokens.extend(map(word, texts))
    return tokens


def _read_piece(texts: list[str], starts: list[int], piece: str, start: int, abbreviations: frozenset[str],
                undotted: frozenset[str] = frozenset()) -> None:
    """The tokens' texts and offsets of a piece of text between two spaces that is neither a plain word nor a
    word and its mark. A line's end is a token of its own, and no other token holds one (nor does a full stop
    join a word across it): the lines of `sendiri.\n\n"Kami` are read apart, and a mark alone (`-`, `"`, `/`)
    is a token as it is."""
    if "\n" not in piece:
        _read_line(texts, starts, piece, start, abbreviations, undotted)
        return
    *lines, last = piece.split("\n")
    for line in lines:
        if line:
            _read_line(texts, starts, line, start, abbreviations, undotted)
        start += len(line)
        starts.append(start)
        texts.append("\n")
        start += 1
    if last:
        _read_line(texts, starts, last, start, abbreviations, undotted)


def _read_line(texts: list[str], starts: list[int], piece: str, start: int, abbreviations: frozenset[str],
               undotted: frozenset[str] = frozenset()) -> None:
    """The tokens of a piece with no space or line's end in it; the regex reads what no quicker test does."""
    if piece.isalnum():
        starts.append(start)
        texts.append(piece)
    elif piece[-1] in TRAILING_MARKS and piece[:-1].isalnum():  # `kata,` `Bandung.` `Dr.`
        _add_word_and_mark(texts, starts, piece, start, abbreviations, undotted)
    elif len(piece) == 1:  # a mark is a token, any other space (a tab) none
        if not piece.isspace():
            starts.append(start)
            texts.append(piece)
    else:
        at = start
        for space, value in _TOKEN.findall(piece.rstrip()):  # spaces ending a piece end no token: never asked
            # again from each of their positions (a run of 10,000 tabs before a space took 7.5 s: trial 25)
            at += len(space)
            if value == "." and not space and at > start and texts[-1] in undotted:
                at += 1  # `Irjen.`: the rank as written without it
                continue
            if value == "." and not space and at > start and _takes_full_stop(word(texts[-1]), abbreviations):
                texts[-1] += "."
                at += 1
                continue
            starts.append(at)
            texts.append(value)
            at += len(value)


def _add_word_and_mark(texts: list[str], starts: list[int], piece: str, start: int, abbreviations: frozenset[str],
                       undotted: frozenset[str] = frozenset()) -> None:
    """A word and the mark right after it, the regex's two tokens: a full stop may belong to the word, or be
    dropped after an `undotted` one."""
    head, mark = piece[:-1], piece[-1]
    if mark == "." and head in undotted:
        starts.append(start)
        texts.append(head)
        return
    if mark == "." and _takes_full_stop(word(head), abbreviations):
        starts.append(start)
        texts.append(piece)
        return
    starts.extend((start, start + len(head)))
    texts.extend((head, mark))


def _takes_full_stop(previous: Word, abbreviations: frozenset[str]) -> bool:
    """`Dr.`, `Kab.`, the initial in `Oded M. Danial`: the full stop touching the word belongs to it."""
    text = previous.text
    if not previous.is_word or text.endswith("."):
        return False
    return text + "." in abbreviations or (len(text) == 1 and text.isupper())
