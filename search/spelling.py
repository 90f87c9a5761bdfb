"""“Did you mean”: replace words the index does not know (or barely knows) by close, frequent spellings."""

from __future__ import annotations

from itertools import islice
from typing import Callable, Protocol

from .schema import BODY_WORDS

SPELLING_FIELD = BODY_WORDS
FEW_RESULTS = 3
MIN_GAIN = 5  # a replacement must occur in at least this many times more articles
MAX_WORD = 20
MAX_WORDS = 6
MAX_CANDIDATES = 200  # close spellings weighed per word (in lexicon order): each costs a frequency look-up


class Reader(Protocol):
    def doc_frequency(self, fieldname: str, text: str) -> int: ...

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0): ...


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a transposition counting as one edit."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


def best_spelling(reader: Reader, word: str) -> str | None:
    """The closest, then most frequent, known word within two edits; for a word the index knows, only a
    much more frequent one."""
    if not 4 <= len(word) <= MAX_WORD or not word.isalpha():
        return None
    frequency = reader.doc_frequency(SPELLING_FIELD, word)
    maxdist = 2 if len(word) >= 7 else 1
    best: tuple[int, int, str] | None = None
    for candidate in islice(reader.terms_within(SPELLING_FIELD, word, maxdist, prefix=1), MAX_CANDIDATES):
        if candidate == word:
            continue
        key = (edit_distance(word, candidate), -reader.doc_frequency(SPELLING_FIELD, candidate), candidate)
        if best is None or key < best:
            best = key
    if best is None or (frequency and -best[1] < frequency * MIN_GAIN):
        return None
    return best[2]


def corrected_words(reader: Reader, words: list[str], total: int,
                    best: Callable[[Reader, str], str | None] = best_spelling) -> list[str] | None:
    """The words with unknown (or, when the query found few articles, rare) ones corrected; None: no change.
    `best` finds one word's spelling (a caller may remember its answers)."""
    if len(words) > MAX_WORDS:
        return None
    corrected = []
    changed = False
    for word in words:
        frequency = reader.doc_frequency(SPELLING_FIELD, word)
        replacement = best(reader, word) if frequency == 0 or total < FEW_RESULTS else None
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    return corrected if changed else None
