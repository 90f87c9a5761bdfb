"""“Did you mean”: replace words the index does not know (or barely knows) by close, frequent spellings.

A word the index does not know takes its closest, then most frequent, spelling. A word it knows is replaced
only by a spelling one edit away in FAR_RARER times more articles, and never when either is `protected`
(a stop word, a gazetteer place, a name: `sumedang` is not `sedang`, `dana` is not `dan`)."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Protocol

import numpy as np

from .analysis import proper_names, stopwords, words_of
from .schema import BODY_WORDS, TITLE_WORDS

SPELLING_FIELD = BODY_WORDS
FEW_RESULTS = 3
FAR_RARER = 20  # a known word is respelled only to one in at least this many times more articles
MAX_WORD = 20
MAX_SPELLED = MAX_WORD + 2  # the longest word two edits of a word best_spelling asks about can reach
MAX_WORDS = 6
MAX_SPELLINGS = 3  # spellings an unknown word is searched as: the closest, the most frequent first
MAX_CANDIDATES = 200  # close spellings weighed per word (those that may be closest first), each a frequency look-up


class Reader(Protocol):
    def doc_frequency(self, fieldname: str, text: str) -> int: ...

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0, at_least: int = 0,
                     closest: bool = False): ...


FINISHING_WEIGHT = 10  # a spelling that finishes the typed word (`bupat`: `bupati`) counts as this many


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance, with a transposition counting as one edit; with a `limit`, any distance above it
    may be answered as limit + 1 (the rows stop once every cell exceeds it). A common beginning and end cost no
    edit and are left out of the table (most candidates share most of the word)."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if limit is not None and min(current) > limit and (not previous or min(previous) > limit):
            return limit + 1  # a transposition reaches back one row only: two rows above the limit end it
        previous_previous, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=1)
def gazetteer_words() -> frozenset[str]:
    """Words a known word is never respelled from or to: stop words; the words of regions' short names, their
    short forms, one-word kecamatan and countries; proper names kept unstemmed; nicknames and the names they
    stand for (person_aliases.tsv)."""
    from .extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    names: list[str] = [region.short_name for region in lexicon.regions]
    names += lexicon.region_alias_names | lexicon.country_names | proper_names()
    names += [name for name in lexicon.kecamatan_names if " " not in name]
    names += [name for pair in lexicon.person_aliases.items() for name in pair]
    return frozenset(stopwords()) | name_words(names)


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The lower-case words of names, those of at least 3 letters."""
    return frozenset(word for name in names for word in words_of(name) if len(word) >= 3 and word.isalpha())


def documents_holding(reader: Reader, fieldname: str, word: str) -> int:
    """The articles holding `word` in a field or, when none does, its full reduplication: a word the index
    writes only doubled (`cumi`, as *cumi-cumi*) is known, found by its stem, and no typo of another."""
    return reader.doc_frequency(fieldname, word) or reader.doc_frequency(fieldname, f"{word}-{word}")


def known_frequency(reader: Reader, word: str) -> int:
    """The articles whose body holds `word` (documents_holding), or else whose title does: a word written only
    in titles (`Perpanjang Kontrak`, the bodies saying `memperpanjang`) is known, no typo of a body word."""
    return documents_holding(reader, SPELLING_FIELD, word) or documents_holding(reader, TITLE_WORDS, word)


def _nothing_protected(word: str) -> bool:
    return False


def best_spelling(reader: Reader, word: str, protected: Callable[[str], bool] = _nothing_protected) -> str | None:
    """The closest, then most frequent, known word within two edits (one for words under 7 letters), a word
    that finishes the typed one counting FINISHING_WEIGHT times (`bupat` is `bupati` before the more frequent
    `buat`); for a word the index knows, only one edit away, FAR_RARER times as frequent, and neither word
    `protected`."""
    found = close_spellings(reader, word, protected, 1)
    return found[0] if found else None


def close_spellings(reader: Reader, word: str, protected: Callable[[str], bool] = _nothing_protected,
                    limit: int = MAX_SPELLINGS) -> list[str]:
    """The spellings best_spelling weighs that are as close as the best one, most frequent first, at most
    `limit` of them: what an unknown word is searched as (`maiun` may be `main` or `makmun`)."""
    if not 4 <= len(word) <= MAX_WORD or not word.isalpha():
        return []
    frequency = known_frequency(reader, word)
    if frequency and protected(word):
        return []
    maxdist = 1 if frequency or len(word) < 7 else 2
    keys: list[tuple[int, int, str]] = []
    close = reader.terms_within(SPELLING_FIELD, word, maxdist, at_least=frequency * FAR_RARER, closest=True)
    for candidate in islice(close, MAX_CANDIDATES):
        if candidate == word or (frequency and protected(candidate)):
            continue
        found = reader.doc_frequency(SPELLING_FIELD, candidate)
        keys.append((edit_distance(word, candidate), -found * (FINISHING_WEIGHT if candidate.startswith(word) else 1),
                     found, candidate))
    keys = sorted(key for key in keys if not frequency or key[2] >= frequency * FAR_RARER)
    return [candidate for distance, _, _, candidate in keys if distance == keys[0][0]][:limit]


def corrected_words(reader: Reader, words: list[str], total: int,
                    best: Callable[[Reader, str], str | None] = best_spelling) -> list[str] | None:
    """The words with unknown ones corrected, or, when every word is known and the query found few articles,
    the rare ones; None: no change. `best` finds one word's spelling (a caller may remember its answers)."""
    if len(words) > MAX_WORDS:
        return None
    corrected = []
    changed = False
    known = [known_frequency(reader, word) > 0 for word in words]
    for word, is_known in zip(words, known):
        replacement = best(reader, word) if not is_known or (all(known) and total < FEW_RESULTS) else None
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    return corrected if changed else None


MAX_SPELLING_WORDS = 200_000  # the most frequent body words a SpellingTable holds: ~100 bytes each, 20 MB at most
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letter_counts(word: str) -> np.ndarray:
    """How often each letter a-z occurs in `word`, and (last) every other character."""
    counts = np.zeros(len(_LETTERS) + 1, dtype=np.int16)
    for char in word:
        index = _LETTERS.find(char)
        counts[index if index >= 0 else len(_LETTERS)] += 1
    return counts


def _letter_table(words: list[str], lengths: np.ndarray) -> np.ndarray:
    """_letter_counts of every word, one row each (uint8: no word this long repeats a letter 256 times)."""
    width = len(_LETTERS) + 1
    codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.int64) - ord("a")
    codes[(codes < 0) | (codes >= len(_LETTERS))] = len(_LETTERS)
    rows = np.repeat(np.arange(len(words), dtype=np.int64), lengths.astype(np.int64))
    counts = np.bincount(rows * width + codes, minlength=len(words) * width)
    return np.minimum(counts, 255).astype(np.uint8).reshape(len(words), width)


def _by_second_letter(words: list[str]) -> dict[str, np.ndarray]:
    """The rows of the words (in order) under their second letter: 4 bytes a word."""
    seconds = np.array([word[1:2] for word in words])
    order = np.argsort(seconds, kind="stable")
    letters, starts = np.unique(seconds[order], return_index=True)
    ends = [*starts[1:].tolist(), len(words)]
    return {str(letter): order[start:end].astype(np.int32) for letter, start, end in zip(letters, starts, ends)
            if letter}


def merged_lexicon(segments: list[tuple[list[str], np.ndarray]]) -> tuple[list[str], np.ndarray]:
    """The words of letters only that some segment's documents hold, in order, and their document counts
    summed over the segments. The largest part is taken whole and the others' words looked up in it, so
    merging a few small segments into a large merged lexicon (the settled segments' part, remembered across
    generations) costs their words, not its (1.5 s for each generation at 1M articles before)."""
    parts = sorted(segments, key=lambda part: -len(part[0]))
    if not parts:
        return [], np.zeros(0, dtype=np.int64)
    first_words, first_counts = parts[0]
    totals = dict(zip(first_words, first_counts.tolist()))
    fresh: list[str] = []  # words the largest part lacks
    get = totals.get
    for words, counts in parts[1:]:
        for word, count in zip(words, counts.tolist()):
            found = get(word)
            if found is None:
                fresh.append(word)
                totals[word] = count
            else:
                totals[word] = found + count
    words, counts = _letters_only(first_words, np.fromiter(map(totals.__getitem__, first_words), dtype=np.int64,
                                                           count=len(first_words)))
    fresh = sorted(word for word in fresh if totals[word] and word.isalpha())
    if not fresh:
        return words, counts
    places = [bisect_left(words, word) for word in fresh]
    merged: list[str] = []
    for start, end, word in zip([0, *places], places, fresh):
        merged.extend(words[start:end])
        merged.append(word)
    merged.extend(words[places[-1]:])
    return merged, np.insert(counts, places, [totals[word] for word in fresh])


def _letters_only(words: list[str], counts: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The words of letters only, no longer than a spelling of a word best_spelling asks about can be
    (MAX_WORD + 2: a `x` * 32768 of a bad record would not even fit the table's lengths), held by some
    document (a merged lexicon is one already: kept as it is)."""
    if (counts > 0).all() and "".join(words).isalpha() and max(map(len, words), default=0) <= MAX_SPELLED:
        return list(words), counts
    held = [i for i, (word, count) in enumerate(zip(words, counts.tolist()))
            if count and word.isalpha() and len(word) <= MAX_SPELLED]
    return [words[i] for i in held], counts[held]


class SpellingTable:
    """A generation's frequent body words, answering the two questions best_spelling asks without walking the
    term file (Whoosh's terms_within computed an edit distance for every word sharing the first letter: 50-300 ms
    per unknown word at 20k articles). A word's close spellings are the words with its first letter, or one an
    edit of it reaches (_reachable_first_letters), whose length and letter counts could be reached in `maxdist`
    edits (an edit changes at most two letter counts), the MAX_CANDIDATES that may be fewest edits away, then
    most frequent, checked by edit distance, the closest first."""

    def __init__(self, words: list[str], counts: np.ndarray, reader: Reader) -> None:
        self.words = words  # in order
        self.counts = counts.astype(np.int64, copy=False)
        self.lengths = np.array([len(word) for word in words], dtype=np.int16)
        self.letters = _letter_table(words, self.lengths)
        self.by_second = _by_second_letter(words)
        self.reader = reader  # for words the table does not hold

    @classmethod
    def from_lexicon(cls, segments: list[tuple[list[str], np.ndarray]], reader: Reader,
                     limit: int = MAX_SPELLING_WORDS) -> "SpellingTable":
        """From each segment's words and document counts (PostingCache.lexicon): the `limit` most frequent
        words of letters only (a larger lexicon loses its rarest words, one-off typos among them). A segment
        may be a merged_lexicon of several."""
        words, counts = merged_lexicon(segments)
        if len(words) > limit:
            kept = np.sort(np.lexsort((np.arange(len(words)), -counts))[:limit])  # ties: the first in word order
            words, counts = [words[i] for i in kept.tolist()], counts[kept]
        return cls(words, counts, reader)

    def doc_frequency(self, fieldname: str, text: str) -> int:
        if fieldname == SPELLING_FIELD:
            index = bisect_left(self.words, text)
            if index < len(self.words) and self.words[index] == text:
                return int(self.counts[index])
        return self.reader.doc_frequency(fieldname, text)

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0, at_least: int = 0,
                     closest: bool = False) -> list[str]:
        """The table words within `maxdist` edits of `text` sharing its first `prefix` characters (none: see
        _reachable_first_letters) and in at least `at_least` articles, in word order, of the MAX_CANDIDATES that
        may be fewest edits away, then most frequent; `closest`: only those fewest edits away but `text`."""
        if fieldname != SPELLING_FIELD:
            return [term for term in islice(self.reader.terms_within(fieldname, text, maxdist, prefix=prefix),
                                            MAX_CANDIDATES) if self.reader.doc_frequency(fieldname, term) >= at_least]
        rows = self._starting(text[:prefix]) if prefix or len(text) < 2 else self._reachable_first_letters(text)
        near = rows[(np.abs(self.lengths[rows] - len(text)) <= maxdist) & (self.counts[rows] >= at_least)]
        differences = np.abs(self.letters[near].astype(np.int16) - _letter_counts(text)).sum(axis=1)
        kept = differences <= 2 * maxdist
        near, differences = near[kept], differences[kept]
        # the fewest edits each may be (an edit changes at most two letter counts), then the most frequent
        fewest = np.maximum((differences + 1) // 2, np.abs(self.lengths[near] - len(text)))
        order = np.lexsort((-self.counts[near], fewest))[:MAX_CANDIDATES]
        if closest:
            return self._closest(text, near[order].tolist(), fewest[order].tolist(), maxdist)
        return [self.words[i] for i in sorted(near[order].tolist())
                if edit_distance(self.words[i], text, maxdist) <= maxdist]

    def _closest(self, text: str, rows: list[int], fewest: list[int], maxdist: int) -> list[str]:
        """Of the words of `rows`, the fewest edits each may be from `text` ascending (`fewest`), those but `text`
        fewest edits from it (at most `maxdist`), in word order: the first row that may not be as close as the
        closest found ends the search (on the corpus, 13 edit distances a typo instead of 65)."""
        found: list[tuple[int, int]] = []
        best = maxdist
        for row, bound in zip(rows, fewest):
            if bound > best:
                break
            word = self.words[row]
            distance = edit_distance(word, text, best) if word != text else best + 1
            if distance <= best:
                best = distance
                found.append((row, distance))
        return [self.words[row] for row, distance in sorted(found) if distance == best]

    def _starting(self, start: str) -> np.ndarray:
        """The rows of the words starting with `start` (every row for "")."""
        first = bisect_left(self.words, start)
        return np.arange(first, bisect_left(self.words, start + "\U0010ffff", first) if start else len(self.words))

    def _reachable_first_letters(self, text: str) -> np.ndarray:
        """The rows of the words that may be a few edits from `text` (two letters at least) and not all of them:
        those with its first letter; and those an edit of its first letter reaches, the second one kept: with
        another first letter and its second (`bresiden`: presiden), starting with its second (a letter typed
        before the word, `xkorupsi`, or the first two swapped, `okrupsi`: korupsi) or with its first as theirs
        (the first letter left out, `orupsi`: korupsi). Within one edit that is every word; within two, all but
        those whose second letter the other edit changes too. Four slices of the table, not all of it."""
        chosen = np.zeros(len(self.words), dtype=bool)
        for first in dict.fromkeys(text[:2]):
            start = bisect_left(self.words, first)
            chosen[start:bisect_left(self.words, first + "\U0010ffff", start)] = True
            chosen[self.by_second.get(first, [])] = True
        return np.flatnonzero(chosen)
