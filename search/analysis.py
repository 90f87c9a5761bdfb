"""Indonesian analysis as Whoosh components: tokenizer, lower-casing, stop words, a cached Sastrawi stemmer.

Two analyzers: `stemmed_analyzer()` for the fields searched by stem, `surface_analyzer()` for the fields
that keep each word as written, so that an exact word can rank above words that only share its stem.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.formats import Positions

from .datafiles import read_lines

WORD_PATTERN = r"\w+(?:[-'’]\w+)*"
_WORDS = re.compile(WORD_PATTERN)
_STEMMABLE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Words Sastrawi would collapse into other words (`pemerintah` → `perintah`): they stem to themselves."""
    return frozenset(read_lines("protected_words.txt"))


@lru_cache(maxsize=1)
def proper_names() -> frozenset[str]:
    """Place and person name words Sastrawi would turn into other words (`bali` → `bal`): never stemmed."""
    return frozenset(read_lines("proper_names.txt"))


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


STEM_CACHE = "stems.tsv"  # in an index root: word -> stem, kept across reindexes and read by searchers
_STEMS: dict[str, str] = {}  # word -> stem, filled as words are met and from the index's stem cache


def stem_word(word: str) -> str:
    """The Sastrawi stem of one lower-case word; words it cannot stem (digits, protected words) stay as they are.

    A plain module-level function so that Whoosh pickles it by name, not with Sastrawi's dictionary.
    Sastrawi runs once per distinct word: results are kept in memory and, across runs, in the stem cache."""
    stem = _STEMS.get(word)
    if stem is None:
        if word in protected_words() or word in proper_names() or not _STEMMABLE.match(word):
            stem = word
        else:
            stem = _sastrawi().stem(word) or word
        _STEMS[word] = stem
    return stem


def stem_words_of(text: str) -> None:
    """Stem every distinct word of `text` that is not yet in the stem cache, so that the words an index holds
    can be grouped by stem when it is searched (the stems themselves are not indexed)."""
    for word in {word.lower() for word in _WORDS.findall(text)}:
        if word not in _STEMS and word not in stopwords():
            stem_word(word)


def stem_groups(words) -> dict[str, list[str]]:
    """The words (not stop words) under each stem."""
    groups: dict[str, list[str]] = {}
    stops = stopwords()
    for word in words:
        if word not in stops:
            groups.setdefault(stem_word(word), []).append(word)
    return groups


def stem_cache_size() -> int:
    return len(_STEMS)


def clear_stem_cache() -> None:
    _STEMS.clear()


def load_stem_cache(path: Path) -> int:
    """Read `word<TAB>stem` lines kept by an earlier run; return how many were new."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    before = len(_STEMS)
    for line in lines:
        word, _, stem = line.partition("\t")
        if word and stem and word not in protected_words() and word not in proper_names():
            _STEMS.setdefault(word, stem)
    return len(_STEMS) - before


def save_stem_cache(path: Path) -> None:
    """Write every stem known to this process, atomically (a reader never sees half a file)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_text("".join(f"{w}\t{s}\n" for w, s in sorted(_STEMS.items())), encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # a full disk leaves no half-written copy behind
        raise


def tokenizer() -> RegexTokenizer:
    return RegexTokenizer(WORD_PATTERN)


def surface_analyzer() -> Analyzer:
    return tokenizer() | LowercaseFilter()


def stemmed_analyzer() -> Analyzer:
    return (tokenizer() | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1)
            | StemFilter(stemfn=stem_word, cachesize=None))


_SINGLE_POSITIONS: dict[int, bytes] = {}  # module level: a format is pickled into every index's schema


class SurfacePositions(Positions):
    """Whoosh's Positions format for the fields `surface_analyzer()` analyses: the same postings, byte for
    byte, found with one `findall` over the text instead of a token object per word pushed through the
    analyzer chain (which measured a fifth of the time spent adding a document). Both are built from
    WORD_PATTERN; anything but a plain string goes the generic way."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for position, word in enumerate(_WORDS.findall(value)):
            positions[word.lower()].append(position)
        for word, found in positions.items():
            yield word, len(found), float(len(found)) * self.field_boost, self.encode(found)

    def encode(self, poslist: list[int]) -> bytes:
        """Positions.encode's bytes; most words occur once in an article, and those are encoded once."""
        if len(poslist) == 1:
            encoded = _SINGLE_POSITIONS.get(poslist[0])
            if encoded is None:
                encoded = _SINGLE_POSITIONS[poslist[0]] = super().encode(poslist)
            return encoded
        return super().encode(poslist)


def words_of(text: str) -> list[str]:
    """The lower-case surface words of a text, as the surface analyzer sees them."""
    return [token.text for token in surface_analyzer()(text)]
