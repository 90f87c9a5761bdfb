"""Stories: one press release republished by several outlets is one story.

Each outlet changes the headline, puts its own dateline and byline on the text (`KALIANDA (Lampost) --`),
rewords the lead, drops or moves a paragraph and adds `Baca juga` lines and a footer. Exact copies are
already one document (`content_key`); this module finds the near copies when an article is indexed:

1. the body is cleaned (search/cleaning.py's debris, then datelines, bylines and short footer lines) and cut
   into overlapping runs of SHINGLE_WORDS words;
2. a MinHash of those shingles (datasketch) is looked up in a MinHash LSH index for candidates;
3. each candidate is verified on the exact shingle sets (its text is read again): both the Jaccard
   similarity and the containment of the smaller text in the larger must reach their thresholds. LSH alone
   joins articles on the same topic that share an official's name and his stock phrases; the verification
   keeps those apart.

The article joins the story of the best verified candidate, else it starts its own story, whose id is the
article's id. The LSH state and every indexed article's story persist with the index generation
(`stories.pickle`), so an update adds its new articles without recomputing the archive. The state holds at
most `max_articles` articles, the oldest-indexed leaving first (an old article keeps its story; a new copy
of it then starts a new one).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .cleaning import clean_paragraphs
from .errors import StoryStateError

STORIES_FILE = "stories.pickle"
STATE_VERSION = 1
SHINGLE_WORDS = 4
MIN_PARAGRAPH_WORDS = 8  # shorter lines are bylines, datelines, captions and footers, not the story
MAX_CANDIDATES = 16  # verified per new article, the most recently indexed first (copies follow within days)
MAX_ARTICLES = 200_000  # articles whose signatures the state keeps (about 0.9 KB each with 64 permutations)

_WORD = re.compile(r"[^\W_]+")
# odd 64-bit multipliers, one per position in a run: a run's hash depends on the order of its words
_MIXERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53], dtype=np.uint64)
# `KALIANDA (Lampost) --`, `Jakarta, CNN Indonesia --`, `BANDAR LAMPUNG, KOMPAS.com -`, `Kalianda -`:
# a place (and outlet) before a dash within the first words of the first paragraph.
_DATELINE = re.compile(r"^[^\n.!?\"“]{1,60}?(?:\([^)\n]{1,40}\))?\s*(?:--|—|–|-)\s+")
_TRAILING_CREDIT = re.compile(r"\s*\((?:[A-Za-z]{1,12}(?:/[A-Za-z]{1,12})*|[^)]{1,40}\b(?:red|ant|humas|kominfo)\b[^)]*)\)\s*$",
                              re.IGNORECASE)


@dataclass(frozen=True)
class StoryConfig:
    """How near two texts must be to be one story. Chosen on bench/stories.py's development seed."""

    num_perm: int = 64
    lsh_threshold: float = 0.3  # candidates: MinHash LSH tuned to this estimated Jaccard similarity
    min_jaccard: float = 0.3  # verified on exact shingle sets
    min_containment: float = 0.65  # shared shingles over the smaller text's shingles
    max_candidates: int = MAX_CANDIDATES
    max_articles: int = MAX_ARTICLES
    seed: int = 1


def story_paragraphs(text: str) -> list[str]:
    """The paragraphs that carry the story: debris, datelines, bylines and footer lines removed."""
    paragraphs = clean_paragraphs(re.split(r"\n\s*\n|\n", text))
    kept = []
    for paragraph in paragraphs:
        if not kept:
            paragraph = _DATELINE.sub("", paragraph, count=1) if _dateline_like(paragraph) else paragraph
        paragraph = _TRAILING_CREDIT.sub("", paragraph)
        if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS:
            kept.append(paragraph)
    return kept or paragraphs


def _dateline_like(paragraph: str) -> bool:
    match = _DATELINE.match(paragraph)
    if match is None:
        return False
    head = match.group(0)
    return len(head.split()) <= 6 and (head[:1].isupper() or "(" in head)


def shingles(text: str, width: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of every run of `width` words of the story text (lower case, words only).

    Runs do not cross paragraphs, so a moved paragraph keeps all its shingles. Each word is hashed once
    (CRC-32) and the runs are combined with numpy: five times faster than hashing every run's text."""
    words: list[str] = []
    starts = []  # where each run may start: not within width-1 words of a paragraph's end
    for paragraph in story_paragraphs(text):
        found = _WORD.findall(paragraph.casefold())
        if found:
            starts.extend(range(len(words), len(words) + max(1, len(found) - width + 1)))
            words.extend(found)
            words.extend([""] * (width - 1))  # paragraph ends pad short paragraphs' runs
    if not words:
        return set()
    hashes = np.array(list(map(zlib.crc32, map(str.encode, words))), dtype=np.uint64)
    count = len(words) - width + 1
    runs = hashes[:count] * _MIXERS[0]
    for offset in range(1, width):
        runs ^= hashes[offset:offset + count] * _MIXERS[offset]
    return set((runs[np.array(starts)] >> np.uint64(32)).tolist())


def similarity(first: set[int], second: set[int]) -> tuple[float, float]:
    """(Jaccard similarity, containment of the smaller set in the larger) of two shingle sets."""
    if not first or not second:
        return 0.0, 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared), shared / min(len(first), len(second))


def _identity(value: int) -> int:
    return value


class StoryIndex:
    """Which story each article belongs to, and the LSH that finds a new article's story."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self._lsh = MinHashLSH(threshold=self.config.lsh_threshold, num_perm=self.config.num_perm)
        self._stories: dict[str, str] = {}  # article id -> story id, oldest-indexed first
        self._order: dict[str, int] = {}  # article id -> when it was indexed (a counter)
        self._counter = 0
        self._permutations = MinHash(num_perm=self.config.num_perm, seed=self.config.seed,
                                     hashfunc=_identity).permutations

    def __len__(self) -> int:
        return len(self._stories)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._stories

    def story_of(self, article_id: str) -> str | None:
        return self._stories.get(article_id)

    def minhash(self, hashes: set[int]) -> MinHash:
        signature = MinHash(num_perm=self.config.num_perm, seed=self.config.seed, hashfunc=_identity,
                            permutations=self._permutations, scheme="affine32")
        if hashes:
            signature.update_batch(np.fromiter(hashes, dtype=np.uint32, count=len(hashes)))
        return signature

    def assign(self, article_id: str, text: str, text_of: Callable[[str], str | None]) -> str:
        """Index one article and return its story id. `text_of(id)` gives a known article's body (None when
        it is gone), for verifying a candidate on its exact shingles."""
        if article_id in self._stories:
            return self._stories[article_id]
        own = shingles(text)
        signature = self.minhash(own)
        best, best_score = article_id, 0.0
        candidates = self._lsh.query(signature) if own else []
        candidates.sort(key=lambda key: self._order.get(key, -1), reverse=True)
        for candidate in candidates[:self.config.max_candidates]:
            candidate_text = text_of(candidate)
            if candidate_text is None:
                continue
            jaccard, containment = similarity(own, shingles(candidate_text))
            if jaccard >= self.config.min_jaccard and containment >= self.config.min_containment:
                score = jaccard + containment
                if score > best_score:
                    best, best_score = self._stories[candidate], score
        story = best if best_score else article_id
        if own:
            self._lsh.insert(article_id, signature, check_duplication=False)
        self._stories[article_id] = story
        self._order[article_id] = self._counter
        self._counter += 1
        self._keep_within_budget()
        return story

    def remove(self, article_id: str) -> None:
        """Forget an article (deleted from the index); its story's other articles keep their story id."""
        self._order.pop(article_id, None)
        if self._stories.pop(article_id, None) is not None and self._lsh_has(article_id):
            self._lsh.remove(article_id)

    def _lsh_has(self, article_id: str) -> bool:
        return self._lsh.keys.has_key(article_id)

    def _keep_within_budget(self) -> None:
        while len(self._stories) > self.config.max_articles:
            self.remove(next(iter(self._stories)))

    def save(self, directory: Path) -> Path:
        """Write the state into a generation directory (a new file: generations share files by hard links)."""
        path = Path(directory) / STORIES_FILE
        temporary = path.with_name(f".{STORIES_FILE}.{os.getpid()}")
        state = {"version": STATE_VERSION, "config": self.config, "lsh": self._lsh, "stories": self._stories,
                 "order": self._order, "counter": self._counter}
        try:
            with temporary.open("wb") as handle:
                pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise StoryStateError(f"cannot write {path}: {error.strerror or error}") from error
        return path

    @classmethod
    def load(cls, directory: Path | None, config: StoryConfig | None = None) -> "StoryIndex | None":
        """The state saved in a generation; None when there is none or it was saved under other settings
        (the caller then rebuilds it from the articles)."""
        if directory is None:
            return None
        path = Path(directory) / STORIES_FILE
        try:
            with path.open("rb") as handle:
                state = pickle.load(handle)  # written by this module into the index root only
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
            raise StoryStateError(f"cannot read {path}: {error}") from error
        config = config or StoryConfig()
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION or state.get("config") != config:
            return None
        index = cls(config)
        index._lsh, index._stories = state["lsh"], state["stories"]
        index._order, index._counter = state["order"], state["counter"]
        return index


def story_number(story: str) -> int:
    """A story id as a signed 64-bit number (60 bits of its SHA-1): the column collapsing reads."""
    return int(hashlib.sha1(story.encode("utf-8")).hexdigest()[:15], 16)
