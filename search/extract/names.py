"""Comparing people's names: spellings that are the same name, and shorter forms of a longer one.

Used within one article (extraction names each official by the fullest form the article writes) and across
the archive (search/identities.py resolves the variants of one person to one facet value).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Old and new Indonesian spellings of the same sounds (Soeharto/Suharto, Djarot/Jarot, Tjahjo/Cahyo), and
# spellings the news mixes (Khofifah/Chofifah, Yudhoyono/Yudoyono).
_SPELLINGS = (("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("oe", "u"), ("ch", "kh"), ("dh", "d"),
              ("th", "t"), ("ph", "f"), ("y", "j"))  # the old j is the new y: Tjahjo/Cahyo share "cahjo"
_REPEATED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z ]+")
MAX_CACHED_WORDS = 50_000


@lru_cache(maxsize=MAX_CACHED_WORDS)
def spelling_key(word: str) -> str:
    """One key for the spellings of a name word: `Mudjiono` and `Mujiono`, `Muhammad` and `Muhamad`."""
    key = _NOT_LETTER.sub("", word.casefold())
    for old, new in _SPELLINGS:
        key = key.replace(old, new)
    return _REPEATED.sub(r"\1", key)


def edit_distance_at_most_one(first: str, second: str) -> bool:
    """True when one insertion, deletion or substitution (or none) turns `first` into `second`."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for i, (a, b) in enumerate(zip(first, second)):
        if a != b:
            rest = first[i + 1:] if len(first) == len(second) else first[i:]
            return rest == second[i + 1:]
    return True


MIN_FUZZY_LETTERS = 5  # shorter words differ by one letter too often to be the same name (Andi/Anda, Budi/Bude)


def same_word(first: str, second: str) -> bool:
    """The same name word spelt alike or one letter apart (`Kofifah`/`Khofifah`, `Saiful`/`Saeful`)."""
    if first == second:
        return True
    key_first, key_second = spelling_key(first), spelling_key(second)
    if key_first == key_second:
        return True
    return (min(len(key_first), len(key_second)) >= MIN_FUZZY_LETTERS
            and edit_distance_at_most_one(key_first, key_second))


def is_initial_of(initial: str, word: str) -> bool:
    """`M.` or `M` stands for `Muhammad`, `Mochamad`…: one capital letter, the word's first."""
    letters = initial.rstrip(".")
    return len(letters) == 1 and letters.isupper() and word[:1].upper() == letters and len(word) > 1


def word_matches(short: str, long: str) -> bool:
    return same_word(short, long) or is_initial_of(short, long) or is_initial_of(long, short)


def is_shorter_form(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`short` names the person `long` names with fewer words: its words appear in `long` in order, spelt
    alike or as initials, and it keeps the family name (the last word) or the given name (the first)
    (`Emil Dardak` < `Emil Elestianto Dardak`, `Tito Karnavian` < `Muhammad Tito Karnavian`,
    `Khofifah` < `Khofifah Indar Parawansa`, `M. Tito Karnavian` < `Muhammad Tito Karnavian`)."""
    if not short or len(short) >= len(long):
        return False
    if len(short) == 1:
        return any(same_word(short[0], word) for word in long) and len(short[0].rstrip(".")) > 2
    position = 0
    matched: list[int] = []
    for word in short:
        while position < len(long) and not word_matches(word, long[position]):
            position += 1
        if position == len(long):
            return False
        matched.append(position)
        position += 1
    return matched[-1] == len(long) - 1 or matched[0] == 0
