"""Indonesian analysis as Whoosh components: tokenizer, lower-casing, stop words, a cached Sastrawi stemmer.

Two analyzers: `stemmed_analyzer()` for the fields searched by stem, `surface_analyzer()` for the fields
that keep each word as written, so that an exact word can rank above words that only share its stem.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.formats import Positions

from .datafiles import read_lines

WORD_PATTERN = r"\w+(?:[-'’]\w+)*"
_WORDS = re.compile(WORD_PATTERN)
_STEMMABLE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
# Sastrawi changes a word of letters only where one of its rules takes an affix off: a prefix (di-, ke-, se-, be-,
# te-, me-, pe-, ku-, kau-), an infix after the first consonant (-el-, -em-, -er-, -in- before a vowel) or a
# suffix (-lah, -kah, -tah, -pun, -ku, -mu, -nya, -is, -isme, -i, -an, -kan). A word with none comes back as it
# is, and is not asked: most names are such words (7,488 of the 12,033 capitalised words the corpus's officials
# ask about), and Sastrawi takes as long to find nothing as to stem.
SASTRAWI_PREFIXES = ("di", "ke", "se", "be", "te", "me", "pe", "ku")
SASTRAWI_SUFFIXES = ("lah", "kah", "tah", "pun", "ku", "mu", "nya", "is", "isme", "i", "an")
_SASTRAWI_INFIX = re.compile(r"[bcdfghjklmnpqrstvwxyz](?:el|em|er|in)[aiueo]")
_LETTERS = re.compile(r"[a-z]+")
# A hyphenated compound (`Prabowo-Gibran`, `Covid-19`, `e-KTP`) is one word of the index, also found under each
# of its parts' stems; a word of more parts than this is a slug or a list (`berita-ekonomi-bisnis-daerah-2024`),
# found whole.
MAX_COMPOUND_PARTS = 4
MAX_COMPOUNDS_PER_STEM = 32  # compounds a part's stem finds; the shared corpus's largest group holds 15 (`0`)
CLITICS = frozenset({"nya", "lah", "kah", "pun", "ku", "mu"})  # `Covid-nya`: a suffix after a hyphen, no part


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def query_fillers() -> frozenset[str]:
    """Words a query may hold that no article needs to (query_fillers.txt)."""
    return frozenset(read_lines("query_fillers.txt"))


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
    """Sastrawi's stemmer without the result cache its factory wraps it in, which keeps every word ever stemmed
    (no budget); stem_word remembers the last STEMS_REMEMBERED words instead. The stems are the same."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


STEM_CACHE = "stems.tsv"  # in an index root: word -> stem of every word indexed, written by reindex, read by searchers
STEMS_REMEMBERED = 262_144  # words the plain stemmer remembers, ~30 MB (Sastrawi stems ~3,500 words/s)
ASKED_WORDS_KEPT = 50_000  # words a Stems object keeps that its index does not hold (query words)


@lru_cache(maxsize=STEMS_REMEMBERED)
def stem_word(word: str) -> str:
    """The Sastrawi stem of one lower-case word; words it cannot stem (digits, protected words) stay as they are.

    A plain module-level function so that Whoosh pickles it by name, not with Sastrawi's dictionary. It
    remembers the last STEMS_REMEMBERED words; an index's words are kept, across runs, by its `Stems`. A full
    reduplication stems as the word it doubles (`cumi-cumi`: cumi, `bali-bali`: bali), which Sastrawi leaves
    whole when its dictionary lacks the word and stems past the protected words and names."""
    if word in protected_words() or word in proper_names() or not _STEMMABLE.match(word):
        return word
    doubled = doubled_word(word)
    if doubled is not None:
        return stem_word(doubled)
    if not may_take_affix(word):
        return word
    return _sastrawi().stem(word) or word


def doubled_word(word: str) -> str | None:
    """The word a full reduplication repeats (`kupu-kupu`: kupu), None for any other word (`sayur-mayur`)."""
    first, hyphen, rest = word.partition("-")
    if hyphen and first and all(part == first for part in rest.split("-")):
        return first
    return None


def may_take_affix(word: str) -> bool:
    """Whether Sastrawi may stem `word` (lower case) to anything else: a word of letters needs an affix it knows."""
    return (not _LETTERS.fullmatch(word) or word.startswith(SASTRAWI_PREFIXES) or word.endswith(SASTRAWI_SUFFIXES)
            or _SASTRAWI_INFIX.match(word) is not None)


def compound_parts(word: str, stem: str) -> list[str]:
    """The words a reader may search a hyphenated compound by (`prabowo-gibran`: prabowo, gibran; `covid-19`:
    covid, 19), `stem` being its own stem. None for a reduplication, which is one word (its stem has no
    hyphen: `anak-anak` is anak, `kupu-kupu` kupu; or every part is the same word), nor for a word of more than
    MAX_COMPOUND_PARTS parts; stop words and clitics are left out (`ke-19`: 19; `covid-nya`: covid)."""
    if "-" not in stem:
        return []
    parts = word.split("-")
    if len(parts) > MAX_COMPOUND_PARTS or len(set(parts)) == 1:
        return []
    stops = stopwords()
    return [part for part in dict.fromkeys(parts) if part and part not in stops and part not in CLITICS]


class Stems:
    """The stems of one index root's words: every word its articles bring (`learn`, at indexing), saved in
    the root's stem cache file and read back by searchers (`refresh`), so that grouping an index's words by
    stem never waits for Sastrawi; and, within a budget, words only asked about (least recently asked out).
    Thread-safe."""

    def __init__(self, root: str | os.PathLike | None = None, asked_budget: int = ASKED_WORDS_KEPT) -> None:
        self.path = Path(root) / STEM_CACHE if root is not None else None
        self.asked_budget = asked_budget
        self._indexed: dict[str, str] = {}
        self._asked: OrderedDict[str, str] = OrderedDict()
        self._read: tuple[int, int] | None = None  # mtime and size of the file last read
        self.corrected = 0  # lines of the files read whose stem an older Warta gave otherwise: a save mends them
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many words of the index it knows (the words only asked about are not counted)."""
        return len(self._indexed)

    @property
    def asked(self) -> int:
        return len(self._asked)

    def stem(self, word: str) -> str:
        """A word's stem: from the index's words, else from those asked lately, else from Sastrawi (kept as asked)."""
        found = self._indexed.get(word)
        if found is not None:
            return found
        with self._lock:
            found = self._asked.get(word)
            if found is not None:
                self._asked.move_to_end(word)
                return found
        found = stem_word(word)
        with self._lock:
            self._asked[word] = found
            while len(self._asked) > self.asked_budget:
                self._asked.popitem(last=False)
        return found

    def learn(self, text: str) -> None:
        """Stem every distinct word of `text` (stop words aside) as a word of the index, and the parts of its
        compounds, which searchers stem to group the compounds under them."""
        stops = stopwords()
        for word in {word.lower() for word in _WORDS.findall(text)}:
            if word not in self._indexed and word not in stops:
                stem = self._indexed[word] = stem_word(word)
                for part in compound_parts(word, stem):
                    if part not in self._indexed:
                        self._indexed[part] = stem_word(part)

    def compound_stems(self, word: str, stem: str) -> list[str]:
        """The stems a hyphenated compound is found under besides its own `stem`: its parts' (compound_parts)."""
        found: list[str] = []
        for part in compound_parts(word, stem):
            part_stem = self.stem(part)
            if part_stem != stem and part_stem not in found:
                found.append(part_stem)
        return found

    def groups(self, words, frequency: Callable[[str], int] | None = None) -> dict[str, list[str]]:
        """The words (not stop words) under each stem; the words are the index's own (a lexicon, in order). A
        compound is under its parts' stems too, at most MAX_COMPOUNDS_PER_STEM of them under one stem,
        the most frequent by `frequency` (a word's documents; without it, the first): a search reads each word
        of a stem's group, and an archive of slugs or a hostile one could give a common word thousands."""
        groups: dict[str, list[str]] = {}
        compounds: dict[str, list[str]] = {}
        stops = stopwords()
        for word in words:
            if word not in stops:
                stem = self._indexed.get(word)
                if stem is None:
                    stem = self._indexed[word] = stem_word(word)
                groups.setdefault(stem, []).append(word)
                for part_stem in self.compound_stems(word, stem) if "-" in word else ():
                    compounds.setdefault(part_stem, []).append(word)
        for part_stem, found in compounds.items():
            if len(found) > MAX_COMPOUNDS_PER_STEM:
                kept = set(sorted(found, key=lambda word: -frequency(word))[:MAX_COMPOUNDS_PER_STEM] if frequency
                           else found[:MAX_COMPOUNDS_PER_STEM])
                found = [word for word in found if word in kept]
            groups[part_stem] = sorted(groups.get(part_stem, []) + found)
        return groups

    def refresh(self) -> bool:
        """Read the root's stem cache file when it changed since last read; True when it was read."""
        if self.path is None:
            return False
        try:
            stat = self.path.stat()
        except OSError:
            return False
        if (stat.st_mtime_ns, stat.st_size) == self._read:
            return False
        self.merge(self.path)
        self._read = (stat.st_mtime_ns, stat.st_size)
        return True

    def merge(self, path: Path) -> int:
        """Read `word<TAB>stem` lines kept by an earlier run (or a worker); return how many were new. It is a
        cache: a line that is not one word, a tab and one stem in UTF-8 is skipped (the word is stemmed again
        when met), and a file that cannot be read is none."""
        try:
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        except OSError:
            return 0
        before = len(self._indexed)
        indexed, protected, names = self._indexed, protected_words(), proper_names()
        for line in lines:
            word, _, stem = line.partition("\t")
            if word and stem and "\t" not in stem and "\ufffd" not in line and word not in indexed:
                if word in protected or word in names:
                    current = word  # a protected word stems to itself, whatever an older cache said
                elif "-" in word:
                    current = _current_stem(word, stem)  # a doubled word as the word (an older cache: cumi-cumi)
                else:
                    current = stem
                self.corrected += current != stem
                indexed[word] = current
        return len(indexed) - before

    def save(self, path: Path | None = None) -> None:
        """Write the index's words and stems, atomically (a reader never sees half a file), leaving no
        temporary copy behind when writing fails. The copy is made anew, never opened through a symlink put in
        its place (the stems would be written into the file it names: trial 53); one left by a killed
        process of the same pid is replaced."""
        path = path or self.path
        if path is None:
            raise ValueError("a Stems object without an index root needs a path to save to")
        temporary = temporary_copy(path, os.getpid())
        temporary.unlink(missing_ok=True)  # a symlink there is removed, not followed
        try:
            write_new_file(temporary, "".join(f"{w}\t{s}\n" for w, s in sorted(self._indexed.items())))
            os.replace(temporary, path)
        except BaseException:  # a full disk: the half-written copy would hold the space it lacks
            temporary.unlink(missing_ok=True)
            raise

    def remove_unfinished_saves(self) -> list[str]:
        """The temporary copies a save killed between writing and renaming left beside the root's stem cache
        (`.stems.tsv.<pid>`, kept forever otherwise: trial 40). Only called while holding the root's reindex lock:
        only a reindex saves there, so no other process is writing one and every copy but this process's is
        stale, whether or not its pid runs now (a pid is reused)."""
        if self.path is None:
            return []
        named = re.compile(rf"\.{re.escape(self.path.name)}\.[0-9]+")  # as temporary_copy names them
        own = temporary_copy(self.path, os.getpid()).name
        removed = []
        for copy in self.path.parent.glob(f".{self.path.name}.*"):
            if named.fullmatch(copy.name) and copy.name != own and not copy.is_symlink() and copy.is_file():
                copy.unlink(missing_ok=True)
                removed.append(copy.name)
        return sorted(removed)


def _current_stem(word: str, cached: str) -> str:
    """The stem of a hyphenated `word` as this analysis gives it, `cached` by an older run: the same but for a
    full reduplication an older Warta stemmed whole (`cumi-cumi`) or past a protected word or name (`bali-bali`:
    bal), stemmed again (39 words of the corpus's 51,227: stem_word asks Sastrawi for the word doubled)."""
    doubled = doubled_word(word)
    if doubled is None or not ("-" in cached or doubled in protected_words() or doubled in proper_names()):
        return cached
    return stem_word(word)


def write_new_file(path: Path, text: str) -> None:
    """Write `text` in UTF-8 into a file made anew at `path`: never opened through a symlink, nor over a file
    there (FileExistsError)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def temporary_copy(path: Path, pid: int) -> Path:
    """Where process `pid` writes a save of `path` before renaming it onto `path`."""
    return path.with_name(f".{path.name}.{pid}")


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
    """The lower-case surface words of a text, as the surface analyzer sees them: its tokenizer's matches of
    WORD_PATTERN, each lower-cased, found with one `findall` (a token object per word through the analyzer
    chain took 0.9 s of every `warta search` for the 39,000 agency forms synonyms.py reads)."""
    return [word.lower() for word in _WORDS.findall(text)]
