"""Indonesian analysis as Whoosh components: tokenizer, lower-casing, stop words, a cached Sastrawi stemmer.

Two analyzers: `stemmed_analyzer()` for the fields searched by stem, `surface_analyzer()` for the fields
that keep each word as written, so that an exact word can rank above words that only share its stem.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

from .extract.lexicon import read_lines

WORD_PATTERN = r"\w+(?:[-'’]\w+)*"
_STEMMABLE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords.txt", "search.data"))


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Words Sastrawi would collapse into other words (`pemerintah` → `perintah`): they stem to themselves."""
    return frozenset(read_lines("protected_words.txt", "search.data"))


@lru_cache(maxsize=1)
def proper_names() -> frozenset[str]:
    """Place and person name words Sastrawi would turn into other words (`bali` → `bal`): never stemmed."""
    return frozenset(read_lines("proper_names.txt", "search.data"))


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=None)
def stem_word(word: str) -> str:
    """The Sastrawi stem of one lower-case word; words it cannot stem (digits, protected words) stay as they are.

    A plain module-level function so that Whoosh pickles it by name, not with Sastrawi's dictionary.
    """
    if word in protected_words() or word in proper_names() or not _STEMMABLE.match(word):
        return word
    return _sastrawi().stem(word) or word


def tokenizer() -> RegexTokenizer:
    return RegexTokenizer(WORD_PATTERN)


def surface_analyzer() -> Analyzer:
    return tokenizer() | LowercaseFilter()


def stemmed_analyzer() -> Analyzer:
    return (tokenizer() | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1)
            | StemFilter(stemfn=stem_word, cachesize=None))


def words_of(text: str) -> list[str]:
    """The lower-case surface words of a text, as the surface analyzer sees them."""
    return [token.text for token in surface_analyzer()(text)]
