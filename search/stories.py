"""Stories: one press release republished by several outlets is one story.

Each outlet changes the headline, puts its own dateline and byline on the text (`KALIANDA (Lampost) --`),
rewords the lead, drops or moves a paragraph and adds `Baca juga` lines and a footer. Exact copies are
already one document (`content_key`); this module finds the near copies when an article is indexed:

1. the body is cleaned (search/cleaning.py's debris, then datelines, bylines and short footer lines) and cut
   into overlapping runs of SHINGLE_WORDS words;
2. a MinHash of those shingles (search/minhash.py, datasketch's values) is looked up in a MinHash LSH index for candidates;
3. each candidate is verified on the exact shingle sets (its text is read again): both the Jaccard
   similarity and the containment of the smaller text in the larger must reach their thresholds. LSH alone
   joins articles on the same topic that share an official's name and his stock phrases; the verification
   keeps those apart.

The article joins the story of the best verified candidate, else it starts its own story, whose id is the
article's id. The LSH state and every indexed article's story persist with the index generation
(`stories.npz`), so an update adds its new articles without recomputing the archive. The state holds at
most `max_articles` articles, the oldest-indexed leaving first (an old article keeps its story; a new copy
of it then starts a new one).

An update that deletes an article, or reads it again as maybe another text, may change the stories of the
articles indexed after it: its story may lose its first article (whose id names the story) or the article
other copies joined through, and a text rewritten in its place may now be the first of a story indexed after
it. Those stories are `unsettled`; the update assigns their articles again (`reassign`) in the order they were
indexed, each against the articles indexed before it, as a fresh build reading them in that order would.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import zipfile
import zlib
from collections import OrderedDict, deque
from dataclasses import asdict, dataclass
from pathlib import Path
from functools import partial
from typing import Callable, Iterable, NamedTuple

import numpy as np
from .cleaning import clean_paragraphs
from .errors import StoryStateError
from .minhash import band_shape, permutations as minhash_permutations, signature as minhash_signature
from .processes import Workers

STORIES_FILE = "stories.npz"
STORIES_DELTA = "stories-delta.npz"  # rows added to and removed from STORIES_FILE's snapshot since it was written
DELTA_SHARE = 8  # an update writes a delta while it holds at most 1/DELTA_SHARE as many rows as the snapshot
DELTA_MIN_ROWS = 4096  # ... or this many; past that it writes a snapshot again
STATE_VERSION = 1
SHINGLE_WORDS = 4
MIN_PARAGRAPH_WORDS = 8  # shorter lines are bylines, datelines, captions and footers, not the story
MAX_CANDIDATES = 16  # verified per new article, the most recently indexed first (copies follow within days)
MAX_BUCKET_ROWS = 32  # rows looked at per LSH band, the most recently indexed first (news corpus: at most 3 share one)
MAX_ARTICLES = 200_000  # articles whose signatures the state keeps (about 0.5 KB each with 64 permutations)
ESTIMATE_SLACK = 0.15  # a candidate is verified when its estimated Jaccard is at most this below the threshold
RECENT_SHINGLE_BYTES = 64 << 20  # shingle arrays of the articles indexed or verified lately (about 1.6 KB each)
KEY_BLOCK = 8192  # signatures whose band keys are computed at once
UNSORTED_ROWS = 1024  # recent rows searched by comparison before they are sorted into a run of their own
PARALLEL_CHUNK = 256  # texts per task sent to a worker process
PARALLEL_BLOCK = 4096  # texts per block prepared ahead of the story search (at most two blocks wait)

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
    recent_shingle_bytes: int = RECENT_SHINGLE_BYTES
    max_articles: int = MAX_ARTICLES
    seed: int = 1


def story_paragraphs(text: str) -> list[str]:
    """The paragraphs that carry the story: debris, datelines, bylines and footer lines removed."""
    paragraphs = clean_paragraphs(re.split(r"\n\s*\n|\n", text))
    kept = []
    last = len(paragraphs) - 1
    for number, paragraph in enumerate(paragraphs):
        if not kept:
            paragraph = _DATELINE.sub("", paragraph, count=1) if _dateline_like(paragraph) else paragraph
        if number == last or not kept:  # credits such as `(ant/rm)` close the text or its first line
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


def shingles(text: str, width: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct 32-bit hashes of every run of `width` words of the story text (lower case, words only),
    sorted (uint32).

    Runs do not cross paragraphs, so a moved paragraph keeps all its shingles. Each word is hashed once
    (CRC-32) and the runs are combined with numpy: five times faster than hashing every run's text. A sorted
    array takes a twelfth of a set's memory and two of them intersect in microseconds."""
    words: list[str] = []
    starts = []  # where each run may start: not within width-1 words of a paragraph's end
    for paragraph in story_paragraphs(text):
        found = _WORD.findall(paragraph.casefold())
        if found:
            starts.extend(range(len(words), len(words) + max(1, len(found) - width + 1)))
            words.extend(found)
            words.extend([""] * (width - 1))  # paragraph ends pad short paragraphs' runs
    if not words:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.array(list(map(zlib.crc32, map(str.encode, words))), dtype=np.uint64)
    count = len(words) - width + 1
    runs = hashes[:count] * _MIXERS[0]
    for offset in range(1, width):
        runs ^= hashes[offset:offset + count] * _MIXERS[offset]
    return np.unique((runs[np.array(starts)] >> np.uint64(32)).astype(np.uint32))


def similarity(first: np.ndarray, second: np.ndarray) -> tuple[float, float]:
    """(Jaccard similarity, containment of the smaller set in the larger) of two shingle arrays."""
    if not len(first) or not len(second):
        return 0.0, 0.0
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / (len(first) + len(second) - shared), shared / min(len(first), len(second))


class Prepared(NamedTuple):
    signature: np.ndarray  # MinHash values (uint32)
    shingles: np.ndarray  # the text's shingles, sorted (uint32): verifying needs them, so they come along
    keys: np.ndarray  # the signature's LSH band keys (uint64)


def band_keys(signatures: np.ndarray, bands: int, rows: int, out: np.ndarray | None = None) -> np.ndarray:
    """One 64-bit key per band of `rows` signature values, for each signature (signatures x bands); the
    band's number is mixed in, so all bands' keys can share one sorted array. Computed in blocks of
    KEY_BLOCK signatures: whole, a load at a million articles made 300 MB of temporaries (0.2-0.45 s in a
    fresh process, against 0.03-0.04 s in blocks). `out`: an array of at least as many rows to write them
    into (its first rows; returned whole)."""
    if out is None and len(signatures) <= KEY_BLOCK:
        return _band_keys_block(signatures, bands, rows)
    keys = np.empty((len(signatures), bands), dtype=np.uint64) if out is None else out
    for start in range(0, len(signatures), KEY_BLOCK):
        block = signatures[start:start + KEY_BLOCK]
        keys[start:start + len(block)] = _band_keys_block(block, bands, rows)
    return keys


def _band_keys_block(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    values = signatures[:, :bands * rows].astype(np.uint64).reshape(len(signatures), bands, rows)
    keys = np.broadcast_to(np.arange(bands, dtype=np.uint64) * _MIXERS[-1], (len(signatures), bands)).copy()
    for offset in range(rows):
        keys ^= (values[:, :, offset] + np.uint64(offset + 1)) * _MIXERS[offset % len(_MIXERS)]
    return keys


def _prepare(permutations: np.ndarray, bands: int, rows: int, text: str) -> Prepared:
    """A text's MinHash signature (32-bit affine permutations), shingles and band keys; a plain function, so
    that worker processes can run it."""
    own = shingles(text)
    signature = minhash_signature(own, permutations)
    return Prepared(signature, own, band_keys(signature[None], bands, rows)[0])


class StoryIndex:
    """Which story each article belongs to, and the LSH that finds a new article's story.

    The MinHash signatures are datasketch's (computed by search/minhash.py); the LSH bands are kept here as numpy arrays (every row's band
    keys in a few sorted runs, plus a short unsorted tail of recent articles) instead of datasketch's
    MinHashLSH, whose pickled state took 2.4 s to load at 20k articles (12.8 MB) and would be loaded by every
    update; these arrays load in milliseconds and a lookup is one binary search per band and run."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        # datasketch MinHashLSH's choice of bands for the threshold
        self.bands, self.rows = band_shape(self.config.lsh_threshold, self.config.num_perm)
        self._permutations = minhash_permutations(self.config.num_perm, self.config.seed)
        self._ids: list[str] = []  # per row, in the order articles were indexed
        self._stories: list[str] = []
        self._row_of: dict[str, int] = {}  # article id -> row, for the articles the state still holds
        # shingle sets of articles indexed or verified lately (copies follow their original within days)
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._recent_bytes = 0
        self._signatures = np.zeros((0, self.config.num_perm), dtype=np.uint32)
        self._sizes = np.zeros(0, dtype=np.int32)
        self._live = np.zeros(0, dtype=bool)  # False: removed, or no words to compare
        # each row's place in the order articles were indexed, saved with the state (a state saved without them:
        # the rows' numbers); an article removed and indexed again keeps its place (rewritten, it still came
        # before its copies), so rows are in the order of places only until then
        self._places = np.zeros(0, dtype=np.int64)
        self._next_place = 0
        self._left_places: dict[str, int] = {}  # articles removed since loading: the place each had
        # stories whose articles may now belong elsewhere: that of each article removed since loading, and those
        # of the articles indexed after an article indexed again that verify against its new text
        self.unsettled: set[str] = set()
        self._keys = np.zeros((0, self.bands), dtype=np.uint64)
        self._oldest = 0  # rows before this one are no longer held (forgotten as the oldest, or removed)
        self._sorted = 0  # rows [0, _sorted) have their keys of every band in the runs below
        # sorted runs, each (keys ascending, where each key is in _keys.ravel(): row * bands + band), over
        # consecutive blocks of rows, largest first; runs of like size are merged, so there are at most about
        # log2(rows / UNSORTED_ROWS) of them
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []
        # the generation whose saved snapshot rows [0, count) are, while they keep their numbers: a save then
        # links that snapshot and writes only what changed (at a million articles the snapshot is 95 MB)
        self._snapshot: tuple[Path, int] | None = None

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._row_of

    def story_of(self, article_id: str) -> str | None:
        row = self._row_of.get(article_id)
        return self._stories[row] if row is not None else None

    def band_keys(self, signatures: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        return band_keys(signatures, self.bands, self.rows, out)

    def prepare(self, text: str) -> Prepared:
        """What assigning needs of a text before it meets the index: its signature, shingles and band keys."""
        return _prepare(self._permutations, self.bands, self.rows, text)

    def assign(self, article_id: str, text: str, text_of: Callable[[str], str | None],
               prepared: Prepared | None = None,
               elsewhere: Callable[[Prepared], Iterable[tuple[str, str]]] | None = None) -> str:
        """Index one article and return its story id. `text_of(id)` gives a known article's body (None when
        it is gone), for verifying a candidate on its exact shingles; `prepared` is `prepare(text)`.
        `elsewhere(prepared)` names more candidates, (article id, story id), that an outside store found by
        the same band keys (the OpenSearch backend's live index); they are verified the same way."""
        if article_id in self._row_of:
            return self._stories[self._row_of[article_id]]
        prepared = prepared or self.prepare(text)
        signature, own, keys = prepared
        candidates = [(self._ids[row], self._stories[row]) for row in self._candidates(keys, signature, len(own))]
        if elsewhere is not None and len(own):
            candidates += [(found, story) for found, story in elsewhere(prepared) if found not in self._row_of]
        verified = self._verified(own, candidates, text_of)
        story = verified[0][2] if verified else article_id
        place = self._left_places.pop(article_id, None)
        if place is not None:  # indexed again in its place: the copies indexed after it may now follow it
            self.unsettled.update(their_story for _, candidate, their_story in verified
                                  if candidate in self._row_of and self._places[self._row_of[candidate]] > place)
        self._add(article_id, story, prepared, place)
        return story

    def reassign(self, article_ids: Iterable[str], text_of: Callable[[str], str | None]) -> dict[str, str]:
        """Assign these articles their stories again, as a build reading them in the order they were indexed
        would: each joins the best verified candidate indexed before it (one indexed again since loading keeps
        its place), else starts its own story. For the articles of the `unsettled` stories, whose story id may
        name an article that is gone or is another text now. Articles the state no longer holds (forgotten as
        the oldest) come first, in the order given, and are held again; those whose text `text_of` does not give
        keep their story. Returns the story of each one assigned."""
        queue = self._queued_again(list(dict.fromkeys(article_ids)), text_of)
        for _, article_id, _ in queue:
            self._drop(article_id)
        found = {}
        for place, article_id, prepared in queue:
            signature, own, keys = prepared
            rows = self._candidates(keys, signature, len(own), before=place)
            verified = self._verified(own, [(self._ids[row], self._stories[row]) for row in rows], text_of)
            found[article_id] = verified[0][2] if verified else article_id
            self._add(article_id, found[article_id], prepared, place)
        return found

    def _queued_again(self, article_ids: list[str], text_of: Callable[[str], str | None]) \
            -> list[tuple[int, str, Prepared]]:
        """(place, id, prepared) of the articles to assign again, in the order of their places: a held one's
        signature is its row's, one no longer held is prepared from its text and placed before every row."""
        unheld = [article_id for article_id in article_ids if article_id not in self._row_of]
        first = min(0, int(self._places[:len(self._ids)].min())) if self._ids else 0
        queue = []
        for number, article_id in enumerate(unheld):
            text = text_of(article_id)
            if text is not None:
                queue.append((first - len(unheld) + number, article_id, self.prepare(text)))
        for article_id in article_ids:
            row = self._row_of.get(article_id)
            own = self._shingles_of(article_id, text_of) if row is not None else None
            if own is not None:
                prepared = Prepared(self._signatures[row].copy(), own, self._keys[row].copy())
                queue.append((int(self._places[row]), article_id, prepared))
        return sorted(queue, key=lambda item: item[0])

    def _verified(self, own: np.ndarray, candidates: list[tuple[str, str]],
                  text_of: Callable[[str], str | None]) -> list[tuple[float, str, str]]:
        """(similarity, article id, story id) of the candidates (article id, story id) whose exact shingles are
        near enough to `own`, the most similar first (ties: in the candidates' order)."""
        verified = []
        for candidate, their_story in candidates:
            theirs = self._shingles_of(candidate, text_of)
            if theirs is None:
                continue
            jaccard, containment = similarity(own, theirs)
            if jaccard >= self.config.min_jaccard and containment >= self.config.min_containment:
                verified.append((jaccard + containment, candidate, their_story))
        verified.sort(key=lambda found: -found[0])  # stable
        return verified

    def _add(self, article_id: str, story: str, prepared: Prepared, place: int | None) -> None:
        signature, own, keys = prepared
        self._append(article_id, story, signature, len(own), keys, live=len(own) > 0, place=place)
        self._remember(article_id, own)  # the next copies of this story will be verified against it
        self._keep_within_budget()

    def _shingles_of(self, article_id: str, text_of: Callable[[str], str | None]) -> np.ndarray | None:
        """A candidate's shingles: from the recent ones kept, else from its text."""
        found = self._recent.get(article_id)
        if found is not None:
            self._recent.move_to_end(article_id)
            return found
        text = text_of(article_id)
        if text is None:
            return None
        found = shingles(text)
        self._remember(article_id, found)
        return found

    def _remember(self, article_id: str, found: np.ndarray) -> None:
        self._forget(article_id)
        self._recent[article_id] = found
        self._recent_bytes += found.nbytes
        while self._recent_bytes > self.config.recent_shingle_bytes:
            self._recent_bytes -= self._recent.popitem(last=False)[1].nbytes

    def _forget(self, article_id: str) -> None:
        found = self._recent.pop(article_id, None)
        if found is not None:
            self._recent_bytes -= found.nbytes

    def _candidates(self, keys: np.ndarray, signature: np.ndarray, size: int,
                    before: int | None = None) -> np.ndarray:
        """Rows sharing a band with the signature whose estimated Jaccard similarity may reach the
        threshold, the most similar first, at most max_candidates; with `before`, only rows placed before it.
        Of each band's bucket only the MAX_BUCKET_ROWS most recently indexed rows that may be candidates are
        looked at, so the work per article is bounded however many articles share a band."""
        if not size or not len(self._ids):
            return np.zeros(0, dtype=np.int64)
        rows = self._sharing_a_band(keys, before)
        if not len(rows):
            return rows
        estimate = (self._signatures[rows] == signature).mean(axis=1)
        # the containment these sizes and that Jaccard similarity imply: |A∩B| = J(|A|+|B|)/(1+J)
        sizes = self._sizes[rows]
        contained = estimate * (sizes + size) / ((1 + estimate) * np.maximum(1, np.minimum(sizes, size)))
        keep = (estimate >= self.config.min_jaccard - ESTIMATE_SLACK) \
            & (contained >= self.config.min_containment - ESTIMATE_SLACK)
        rows, estimate = rows[keep], estimate[keep]
        return rows[np.argsort(-estimate, kind="stable")][:self.config.max_candidates]

    def _sharing_a_band(self, keys: np.ndarray, before: int | None = None) -> np.ndarray:
        """The rows (ascending) that share a band with `keys` and may be candidates, of each band's bucket the
        MAX_BUCKET_ROWS most recently indexed (with `before`, of those placed before it)."""
        wanted = np.full(self.bands, MAX_BUCKET_ROWS, dtype=np.int64)  # rows still to take from each band
        found = [self._newest_in_tail(keys, wanted, before)]
        for run_keys, run_places in reversed(self._runs):  # newest rows first
            low = np.searchsorted(run_keys, keys, "left")
            high = np.searchsorted(run_keys, keys, "right")
            for band in np.flatnonzero((high > low) & (wanted > 0)).tolist():
                rows = self._newest_in_bucket(run_places, int(low[band]), int(high[band]), int(wanted[band]), before)
                wanted[band] -= len(rows)
                found.append(rows)
        return np.unique(np.concatenate(found)).astype(np.int64, copy=False)

    def _eligible(self, rows: np.ndarray, before: int | None) -> np.ndarray:
        """Of `rows`, those that may be candidates: held and with words (and placed before `before`)."""
        rows = rows[self._live[rows]]
        return rows if before is None else rows[self._places[rows] < before]

    def _newest_in_tail(self, keys: np.ndarray, wanted: np.ndarray, before: int | None) -> np.ndarray:
        """The unsorted tail's rows sharing a band with `keys`, of each band the `wanted` newest eligible ones
        (`wanted` is lowered by those taken). The tail has at most UNSORTED_ROWS rows: it is compared whole."""
        tail = self._keys[self._sorted:len(self._ids)]
        if not len(tail):
            return np.zeros(0, dtype=np.int64)
        matches = tail == keys
        eligible = np.zeros(len(tail), dtype=bool)
        eligible[self._eligible(np.flatnonzero(matches.any(axis=1)) + self._sorted, before) - self._sorted] = True
        matches &= eligible[:, None]
        newest_first = np.cumsum(matches[::-1], axis=0)[::-1]  # per band, each match's rank from the newest
        taken = matches & (newest_first <= wanted)
        wanted -= taken.sum(axis=0)
        return np.flatnonzero(taken.any(axis=1)) + self._sorted

    def _newest_in_bucket(self, run_places: np.ndarray, start: int, end: int, wanted: int,
                          before: int | None) -> np.ndarray:
        """The `wanted` newest eligible rows of one band's bucket, run_places[start:end] (one key's entries of a
        sorted run, in row order), read from its newest end in slices that double while too few are eligible.
        A build adds live rows at the end, so one slice of `wanted` rows serves: a templated feed (100,000
        articles of one sentence and a number share every band) took every bucket whole, a build of n such
        articles cost n^2. Rows removed or placed after `before` are read past, at worst the whole bucket."""
        taken: list[np.ndarray] = []
        count, step = 0, wanted
        while end > start and count < wanted:
            rows = self._eligible(run_places[max(start, end - step):end] // self.bands, before)
            rows = rows[max(0, len(rows) - (wanted - count)):]
            taken.append(rows)
            count += len(rows)
            end, step = end - step, 2 * step
        return np.concatenate(taken) if taken else np.zeros(0, dtype=np.int64)

    def _reserve(self, rows: int) -> None:
        """Room for `rows` more rows and an eighth more: arrays restored at their size are copied once, not
        doubled (at a million articles doubling wrote 150 MB for one new article)."""
        needed = len(self._ids) + rows
        if needed + 1 > len(self._signatures):
            self._grow_to(_room_for(needed))

    def _grow_to(self, capacity: int) -> None:
        self._signatures = _grown(self._signatures, capacity)
        self._sizes = _grown(self._sizes, capacity)
        self._live = _grown(self._live, capacity)
        self._keys = _grown(self._keys, capacity)
        self._places = _grown(self._places, capacity)

    def _append(self, article_id: str, story: str, signature: np.ndarray, size: int, keys: np.ndarray,
                live: bool, place: int | None = None) -> None:
        """A row for the article, at the place given (by default after every other)."""
        row = len(self._ids)
        if row == len(self._signatures):  # grow by doubling
            self._grow_to(max(64, 2 * row))
        place = self._next_place if place is None else place
        self._next_place = max(self._next_place, place + 1)
        self._signatures[row], self._sizes[row], self._live[row], self._keys[row] = signature, size, live, keys
        self._places[row] = place
        self._ids.append(article_id)
        self._stories.append(story)
        self._row_of[article_id] = row
        if row + 1 - self._sorted >= UNSORTED_ROWS:
            self._sort_tail()

    def _sort(self) -> None:
        """Every row in one sorted run (the unsorted tail is searched by comparison)."""
        self._runs, self._sorted = [], 0
        self._sort_tail()

    def _sort_tail(self) -> None:
        """The unsorted tail as a sorted run of its own, then merge the last two runs while the older is less
        than twice the newer: a tail of constant size is searched by comparison, and sorting costs
        O(log rows) per row in all (a tail grown with the rows made a build of n articles cost n^2)."""
        count = len(self._ids)
        if count > self._sorted:
            self._runs.append(self._sorted_run(self._keys[self._sorted:count], self._sorted))
            self._sorted = count
        while len(self._runs) > 1 and len(self._runs[-2][0]) < 2 * len(self._runs[-1][0]):
            newer = self._runs.pop()
            self._runs.append(_merged([self._runs.pop(), newer]))

    def _sorted_run(self, keys: np.ndarray, first_row: int) -> tuple[np.ndarray, np.ndarray]:
        flat = keys.ravel()
        order = np.argsort(flat, kind="stable")
        return flat[order], order + first_row * self.bands

    def _saved_order(self, rows: np.ndarray) -> np.ndarray:
        """Where each band key of the held `rows` stands in the saved keys (rows renumbered 0..len(rows)-1),
        in ascending key order: the sorted run a load would otherwise sort again (0.9 s at 200,000 rows). The
        runs and the tail are merged, a stable sort of runs already sorted (20 ms)."""
        self._sort_tail()
        keys, places = _merged(self._runs) if self._runs else (np.zeros(0, np.uint64), np.zeros(0, np.int64))
        renumbered = np.full(len(self._ids), -1, dtype=np.int64)
        renumbered[rows] = np.arange(len(rows))
        new_rows = renumbered[places // self.bands]
        held = new_rows >= 0
        return (new_rows[held] * self.bands + places[held] % self.bands).astype(np.int32)

    def remove(self, article_id: str) -> None:
        """Forget an article (deleted from the index): its story is unsettled, its other articles keep their
        story id until they are assigned again (reassign). Indexed again while this object lives, it keeps its
        place among the articles before and after it."""
        row = self._row_of.get(article_id)
        if row is not None:
            self._left_places[article_id] = int(self._places[row])
            self.unsettled.add(self._stories[row])
        self._drop(article_id)

    def _drop(self, article_id: str) -> None:
        self._forget(article_id)
        row = self._row_of.pop(article_id, None)
        if row is not None:
            self._live[row] = False

    def _keep_within_budget(self) -> None:
        """Forget the oldest articles beyond max_articles. Rows are numbered in the order articles came, so
        the oldest held is found by walking rows from the last one forgotten (listing the held ids, as this
        did, cost O(articles) per article once the state was full)."""
        while len(self._row_of) > self.config.max_articles:
            article_id = self._ids[self._oldest]
            if self._row_of.get(article_id) == self._oldest:  # else removed, or indexed again in a later row
                self._drop(article_id)
            self._oldest += 1
        if len(self._ids) > 2 * self.config.max_articles:  # removed rows take room too: drop them
            self._compact()

    def _compact(self) -> None:
        rows = np.array(sorted(self._row_of.values()), dtype=np.int64)
        self._restore([self._ids[r] for r in rows], [self._stories[r] for r in rows], self._signatures[rows],
                      self._sizes[rows], self._live[rows], places=self._places[rows])

    def _restore(self, ids: list[str], stories: list[str], signatures: np.ndarray, sizes: np.ndarray,
                 live: np.ndarray, order: np.ndarray | None = None, places: np.ndarray | None = None) -> None:
        """Hold these rows; `order` (from _saved_order) spares sorting their keys when it is one. The band keys
        are computed again: at a million articles that took 0.33 s of a load, reading them saved took 0.55 s.
        `signatures` may have more rows than `ids` (room read into by load): the first ones are theirs.
        `places`: the rows' places; by default their numbers (a state saved without them)."""
        count = len(ids)
        self._ids, self._stories = list(ids), list(stories)
        self._oldest = 0
        self._snapshot = None  # rows renumbered: a save writes a snapshot
        self._row_of = {article_id: row for row, article_id in enumerate(self._ids)}
        self._signatures = np.ascontiguousarray(signatures, dtype=np.uint32)
        room = len(self._signatures)
        self._sizes, self._live = _grown(np.asarray(sizes, dtype=np.int32), room), _grown(np.asarray(live, dtype=bool), room)
        places = np.arange(count, dtype=np.int64) if places is None else np.asarray(places, dtype=np.int64)
        self._places = _grown(places, room)
        self._next_place = max(self._next_place, int(places.max()) + 1 if count else 0)
        self._keys = self.band_keys(self._signatures[:count], np.empty((room, self.bands), dtype=np.uint64))
        run = _run_in_order(self._keys[:count].ravel(), order)
        if run is None:
            self._sort()
        else:
            self._runs, self._sorted = [run], len(self._ids)

    def save(self, directory: Path) -> Path:
        """Write the state into a new generation directory (new files: generations share files by hard links).
        Only the articles the state holds are written: as a snapshot of them all, or, when the state came from a
        snapshot whose rows kept their numbers and it changed little since, as that snapshot (linked) and a
        delta of the rows added and removed since it was written. Returns the file written."""
        directory = Path(directory)
        rows = np.array(sorted(self._row_of.values()), dtype=np.int64)
        if self._snapshot is not None:
            source, count = self._snapshot
            added = rows[rows >= count]
            if len(added) <= max(DELTA_MIN_ROWS, count // DELTA_SHARE) and _linked(source / STORIES_FILE,
                                                                                    directory / STORIES_FILE):
                removed = np.setdiff1d(np.arange(count, dtype=np.int64), rows[rows < count], assume_unique=True)
                return self._write(directory / STORIES_DELTA, added, snapshot_rows=np.array(count),
                                   snapshot_bytes=np.array((directory / STORIES_FILE).stat().st_size),
                                   removed=removed)
        return self._write(directory / STORIES_FILE, rows, order=self._saved_order(rows))

    def _write(self, path: Path, rows: np.ndarray, **more: np.ndarray) -> Path:
        """The held `rows` (and the `more` arrays) into the .npz file `path`, whole or not at all."""
        temporary = path.with_name(f".{path.name}.{os.getpid()}.npz")
        try:
            with temporary.open("wb") as handle:
                np.savez(handle, version=np.array(STATE_VERSION), config=np.array(json.dumps(asdict(self.config))),
                         ids=np.array([self._ids[r] for r in rows], dtype=str),
                         stories=np.array([self._stories[r] for r in rows], dtype=str),
                         signatures=self._signatures[rows], sizes=self._sizes[rows], live=self._live[rows],
                         places=self._places[rows], **more)
            os.replace(temporary, path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise StoryStateError(f"cannot write {path}: {error.strerror or error}") from error
        return path

    @staticmethod
    def saved_in(directory: Path, config: StoryConfig | None = None) -> bool:
        """Whether a generation holds a state that load would give under `config`, reading its settings only."""
        try:
            with np.load(Path(directory) / STORIES_FILE, allow_pickle=False) as saved:
                return _same_settings(saved, config or StoryConfig())
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise StoryStateError(f"cannot read {Path(directory) / STORIES_FILE}: {error}") from error

    @classmethod
    def load(cls, directory: Path | None, config: StoryConfig | None = None) -> "StoryIndex | None":
        """The state saved in a generation; None when there is none or it was saved under other settings
        (the caller then rebuilds it from the articles)."""
        if directory is None:
            return None
        path = Path(directory) / STORIES_FILE
        config = config or StoryConfig()
        try:
            with np.load(path, allow_pickle=False) as saved:
                if not _same_settings(saved, config):
                    return None
                index = cls(config)
                ids = saved["ids"].tolist()
                index._restore(ids, saved["stories"].tolist(), _read_with_room(saved, "signatures", _room_for(len(ids))),
                               saved["sizes"], saved["live"], saved["order"] if "order" in saved else None,
                               _saved_places(saved, len(ids)))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise StoryStateError(f"cannot read {path}: {error}") from error
        index._snapshot = (Path(directory), len(index._ids))
        index._apply_delta(Path(directory) / STORIES_DELTA, path.stat().st_size)  # within the room read, mostly
        return index

    def _apply_delta(self, path: Path, snapshot_bytes: int) -> bool:
        """Remove and add the rows a delta saved beside the snapshot just restored; False when there is none."""
        try:
            with np.load(path, allow_pickle=False) as delta:
                if not _same_settings(delta, self.config) or int(delta["snapshot_rows"]) != len(self._ids) \
                        or int(delta["snapshot_bytes"]) != snapshot_bytes:
                    raise StoryStateError(f"{path} was not written for the snapshot beside it")
                removed = delta["removed"].astype(np.int64)
                if len(removed) and (removed.min() < 0 or removed.max() >= len(self._ids)):
                    raise StoryStateError(f"{path} removes rows the snapshot beside it does not have")
                for row in removed.tolist():
                    self._row_of.pop(self._ids[row], None)
                self._live[removed] = False
                signatures = np.ascontiguousarray(delta["signatures"], dtype=np.uint32)
                self._reserve(len(signatures))
                places = _saved_places(delta, len(signatures))
                places = [None] * len(signatures) if places is None else places.tolist()
                for article_id, story, signature, size, live, keys, place in zip(
                        delta["ids"].tolist(), delta["stories"].tolist(), signatures, delta["sizes"].tolist(),
                        delta["live"].tolist(), self.band_keys(signatures), places):
                    self._append(article_id, story, signature, size, keys, live, place)
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile) as error:
            raise StoryStateError(f"cannot read {path}: {error}") from error
        return True


def _saved_places(saved, rows: int) -> np.ndarray | None:
    """The places of the `rows` rows of an open .npz; None when it was saved without them."""
    if "places" not in saved:
        return None
    places = saved["places"]
    if places.shape != (rows,) or not np.issubdtype(places.dtype, np.integer):
        raise ValueError(f"{places.shape} places for {rows} rows")
    return places


def _linked(source: Path, target: Path) -> bool:
    """`source` hard-linked (else copied) as `target`; False when there is no `source`."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        return False
    except OSError:
        shutil.copy2(source, target)
    return True


def _same_settings(saved, config: StoryConfig) -> bool:
    """Whether a saved state (an open .npz) was written by this version under settings deciding as `config`."""
    return int(saved["version"]) == STATE_VERSION \
        and _deciding(json.loads(str(saved["config"]))) == _deciding(asdict(config))


def _merged(runs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted runs as one, equal keys in run order (as a stable sort of the runs one after another)."""
    keys, places = runs[0]
    for newer_keys, newer_places in runs[1:]:
        keys, places = _merged_pair(keys, places, newer_keys, newer_places)
    return keys, places


def _merged_pair(keys: np.ndarray, places: np.ndarray, newer_keys: np.ndarray,
                 newer_places: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted runs as one, the newer's keys after equal older ones: each newer key is put where a binary
    search finds its place. Linear in the rows, where a stable sort of both took 0.3 s for one new article at a
    million (3.2 million keys)."""
    at = np.searchsorted(keys, newer_keys, side="right") + np.arange(len(newer_keys))
    older = np.ones(len(keys) + len(newer_keys), dtype=bool)
    older[at] = False
    merged_keys = np.empty(len(older), dtype=np.result_type(keys, newer_keys))
    merged_places = np.empty(len(older), dtype=np.result_type(places, newer_places))
    merged_keys[at], merged_keys[older] = newer_keys, keys
    merged_places[at], merged_places[older] = newer_places, places
    return merged_keys, merged_places


def _run_in_order(flat: np.ndarray, order: np.ndarray | None) -> tuple[np.ndarray, np.ndarray] | None:
    """The sorted run `order` says (each key's place in `flat`, in ascending key order); None unless it is
    one: every place once, keys ascending (a state saved before orders were kept, or a damaged one, is
    sorted again)."""
    if order is None or order.ndim != 1 or len(order) != len(flat) or not np.issubdtype(order.dtype, np.integer):
        return None
    places = order.astype(np.int32 if len(flat) < 2 ** 31 else np.int64, copy=False)  # as saved: no 8-byte copy
    if len(places) and (places.min() < 0 or places.max() >= len(flat)):
        return None
    seen = np.zeros(len(flat), dtype=bool)
    seen[places] = True
    if not seen.all():  # as many places as keys, each seen: every place once
        return None
    keys = flat[places]
    if len(keys) > 1 and not (keys[1:] >= keys[:-1]).all():
        return None
    return keys, places


class StoryStream:
    """The stories of a fresh build's articles, found while they are read.

    Worker processes (forked when the stream opens, while the parent is still small) prepare blocks of texts
    as the reading goes on, using the core the reading leaves idle; the parent assigns stories in reading
    order, at most two blocks behind, so the prepared shingles held at once stay bounded."""

    def __init__(self, index: StoryIndex, text_of: Callable[[str], str | None], workers: int) -> None:
        self.index = index
        self.text_of = text_of
        self.work = partial(_prepare, index._permutations, index.bands, index.rows)
        self.pool = Workers(self.work, workers, PARALLEL_CHUNK) if workers > 1 else None
        self.waiting: list[tuple[str, str]] = []  # (article id, text) not yet sent to the workers
        self.pending: deque = deque()  # (block, the workers' ticket for its prepared texts), in reading order
        self.stories: list[str] = []

    def __enter__(self) -> "StoryStream":
        return self

    def __exit__(self, *failure) -> None:
        if self.pool is not None:
            self.pool.close()

    def append(self, article_id: str, text: str) -> None:
        self.waiting.append((article_id, text))
        if len(self.waiting) >= PARALLEL_BLOCK:
            self._send()

    def finish(self) -> list[str]:
        """Every appended article's story, in order."""
        self._send()
        while self.pending:
            self._assign_oldest()
        return self.stories

    def _send(self) -> None:
        block, self.waiting = self.waiting, []
        if not block:
            return
        texts = [text for _, text in block]
        prepared = self.pool.map(texts) if self.pool else None
        self.pending.append((block, prepared))
        while len(self.pending) > 2:
            self._assign_oldest()

    def _assign_oldest(self) -> None:
        block, prepared = self.pending.popleft()
        ready = self.pool.results(prepared) if prepared is not None else [self.work(text) for _, text in block]
        for (article_id, text), found in zip(block, ready):
            self.stories.append(self.index.assign(article_id, text, self.text_of, found))


def _deciding(settings: dict) -> dict:
    """The settings that decide stories: a cache's budget (named differently by earlier versions) does not."""
    return {name: value for name, value in settings.items() if not name.startswith("recent_shingle")}


LOCAL_HEADER_BYTES = 30  # a zip member's local header, before its name and extra field
LOCAL_HEADER_SIGNATURE = b"PK\x03\x04"


def _room_for(rows: int) -> int:
    """The rows to hold `rows` with room to grow: an eighth more (at least 64), so appends rarely copy."""
    return rows + max(64, rows // 8)


def _read_with_room(saved, name: str, rows: int) -> np.ndarray:
    """The 2-D array `name` of an open .npz, read straight from the file into an array of `rows` rows (its own
    first): no second copy to grow it (at a million articles, 51 MB of signatures copied after every load).
    np.savez stores members uncompressed, so the member's bytes lie in the file as they are in memory; a member
    stored otherwise is read as numpy reads it."""
    info = saved.zip.getinfo(f"{name}.npy")
    handle = saved.zip.fp
    if info.compress_type != zipfile.ZIP_STORED or handle is None:
        return saved[name]
    handle.seek(info.header_offset)
    local = handle.read(LOCAL_HEADER_BYTES)
    if len(local) != LOCAL_HEADER_BYTES or local[:4] != LOCAL_HEADER_SIGNATURE:
        raise ValueError(f"{name} has no local header where the zip directory says")
    name_bytes, extra_bytes = struct.unpack("<HH", local[26:30])
    handle.seek(info.header_offset + LOCAL_HEADER_BYTES + name_bytes + extra_bytes)
    version = np.lib.format.read_magic(handle)
    shape, fortran, dtype = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                             else np.lib.format.read_array_header_2_0)(handle)
    if fortran or len(shape) != 2 or dtype.hasobject or shape[0] > rows:
        return saved[name]  # not as save writes it
    array = np.empty((rows, shape[1]), dtype=dtype)
    if not shape[0] * shape[1]:
        return array
    view = memoryview(array[:shape[0]]).cast("B")
    done = 0
    while done < len(view):
        got = handle.readinto(view[done:])
        if not got:
            raise ValueError(f"{name} ends after {done} of {len(view)} bytes")
        done += got
    return array


def _grown(array: np.ndarray, capacity: int) -> np.ndarray:
    grown = np.zeros((capacity, *array.shape[1:]), dtype=array.dtype)
    grown[:len(array)] = array
    return grown


def story_number(story: str) -> int:
    """A story id as a signed 64-bit number (60 bits of its SHA-1): the column collapsing reads."""
    return int(hashlib.sha1(story.encode("utf-8")).hexdigest()[:15], 16)


MAX_DUPLICATES = 20  # other versions listed under one hit


def story_representatives(documents: np.ndarray, stories: np.ndarray, preference: np.ndarray,
                          orders: np.ndarray | None = None) -> np.ndarray:
    """Of `documents` (document numbers), the one per story with the highest `preference` (ties: the lower of
    `orders`, the read order; None: the lower document number), in ascending document order."""
    if not len(documents):
        return documents
    story = stories[documents]
    ties = documents if orders is None else orders[documents]
    order = np.lexsort((ties, -preference[documents].astype(np.float64), story))
    first = np.ones(len(order), dtype=bool)
    first[1:] = story[order][1:] != story[order][:-1]
    return np.sort(documents[order][first])


def earliest_first(dates: np.ndarray) -> np.ndarray:
    """A preference for the earliest dated article (undated ones last)."""
    return -np.where(dates > 0, dates, np.iinfo(np.int64).max // 2).astype(np.float64)


@dataclass(frozen=True)
class Collapsing:
    """One generation's story columns, read once when it opens: each document's story, whether it is the only
    document of its story (most are: they skip the sort that picks a story's representative), and the
    preference for a story's earliest article. The answers are those of story_representatives and
    other_versions, at the cost of the matching documents that share a story."""

    stories: np.ndarray
    alone: np.ndarray  # bool per document: no other document, live or deleted, has its story
    earliest: np.ndarray  # earliest_first(dates)
    orders: np.ndarray | None = None  # each document's read order, which breaks ties (None: document numbers)

    @classmethod
    def from_columns(cls, stories: np.ndarray, dates: np.ndarray, orders: np.ndarray | None = None) -> "Collapsing":
        alone = np.ones(len(stories), dtype=bool)
        if len(stories):
            order = np.argsort(stories, kind="stable")
            ordered = stories[order]
            repeated = np.zeros(len(stories), dtype=bool)
            repeated[1:] = ordered[1:] == ordered[:-1]
            repeated[:-1] |= repeated[1:]
            alone[order[repeated]] = False
        return cls(stories, alone, earliest_first(dates), orders)

    def representatives(self, matching: np.ndarray, preference: np.ndarray | None = None) -> np.ndarray:
        """A boolean array over documents: of those flagged in `matching`, one per story, the one with the
        highest `preference` (None: the earliest by date; ties: the one read first)."""
        preference = self.earliest if preference is None else preference
        shown = matching & self.alone
        shared = np.flatnonzero(matching & ~self.alone)
        shown[story_representatives(shared, self.stories, preference, self.orders)] = True
        return shown

    def other_versions(self, representatives: np.ndarray, matching: np.ndarray,
                       limit: int = MAX_DUPLICATES) -> list[np.ndarray]:
        """For each representative, the other documents of its story flagged in `matching`, earliest first (then
        the one read first), at most `limit`."""
        found = [np.zeros(0, dtype=np.int64)] * len(representatives)
        shared = [i for i, document in enumerate(representatives.tolist()) if not self.alone[document]]
        if shared:
            versions = other_versions(representatives[shared], np.flatnonzero(matching & ~self.alone),
                                      self.stories, self.earliest, orders=self.orders)
            for i, documents in zip(shared, versions):
                found[i] = documents[:limit]
        return found


def other_versions(representatives: np.ndarray, documents: np.ndarray, stories: np.ndarray,
                   preference: np.ndarray, limit: int = MAX_DUPLICATES,
                   orders: np.ndarray | None = None) -> list[np.ndarray]:
    """For each representative, the other `documents` of its story, by `preference` (highest first; ties: the
    lower of `orders`, the read order; None: the lower document number), at most `limit`."""
    wanted = stories[representatives]
    members = documents[np.isin(stories[documents], wanted)]
    members = members[np.lexsort((members if orders is None else orders[members], -preference[members]))]
    found = []
    for representative, story in zip(representatives.tolist(), wanted.tolist()):
        same = members[(stories[members] == story) & (members != representative)]
        found.append(same[:limit])
    return found
