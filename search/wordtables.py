"""Each segment's words of the surface fields, with the number of documents holding each, written beside the
segment when its generation is built (`MAIN_<segment>.words.npz`), so that a search reads a field's lexicon
in milliseconds instead of walking Whoosh's term file one decoded entry at a time (1.4 s of every one-off
`warta search` at 3,869 articles, before its first result).

A table holds what the segment's term file holds, and a segment never changes once written (deletions leave
its terms as they are), so the table lives as long as the segment: an update links it into the next generation
with the segment's other files, and Whoosh removes it with them when the segment is merged away (its name is
one of the segment's). Its generation's checksums cover it like every other file (generations.seal). A segment
without a table (a generation written before tables were, or a field left out) is read from Whoosh as before.
"""

from __future__ import annotations

from array import array
from itertools import islice
from pathlib import Path
from typing import Iterable

import numpy as np

from .schema import SURFACE_FIELDS
from .segments import segment_id

WORD_TABLE_EXTENSION = ".words.npz"  # after the segment id: a name Whoosh counts as the segment's
WORD_SEPARATOR = "\n"  # between a field's words; a word holding it is never written (its field is left out)
LEXICON_CHUNK = 1_000  # words of a term file read per hold of the io lock


def segment_lexicon(leaf, fieldname: str, io) -> tuple[list[str], np.ndarray]:
    """A segment's words of a field in order and their document frequencies (deleted documents included, as
    Whoosh counts): from its word table when it has one, else read from the term file LEXICON_CHUNK words at a
    time under `io` (the term file is read at explicit positions, so other searches' reads may come in between)."""
    table = read_word_table(leaf, fieldname)
    if table is not None:
        return table
    return walk_lexicon(leaf, fieldname, io)


def walk_lexicon(leaf, fieldname: str, io) -> tuple[list[str], np.ndarray]:
    """A segment's words of a field and their document frequencies, as Whoosh's term file lists them."""
    words: list[str] = []
    counts = array("i")
    if fieldname in leaf.schema:
        entries = leaf.iter_field(fieldname)
        while True:
            with io:
                chunk = list(islice(entries, LEXICON_CHUNK))
            for btext, info in chunk:
                words.append(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
                counts.append(info.doc_frequency())
            if len(chunk) < LEXICON_CHUNK:
                break
    return words, np.frombuffer(counts, dtype=np.int32)


def segment_file(leaf, extension: str) -> Path | None:
    """The path of a file of a segment's own (`MAIN_<segment><extension>`, which Whoosh counts as one of the
    segment's files), or None for a reader that is not one segment's in a directory."""
    segment = segment_id(leaf)
    folder = getattr(leaf.storage(), "folder", None) if hasattr(leaf, "storage") else None
    if segment is None or folder is None:
        return None
    return Path(folder) / f"{segment}{extension}"


def word_table_path(leaf) -> Path | None:
    """Where a segment's word table is, or None for a reader that is not one segment's in a directory."""
    return segment_file(leaf, WORD_TABLE_EXTENSION)


def read_word_table(leaf, fieldname: str) -> tuple[list[str], np.ndarray] | None:
    """A field's words and counts from its segment's word table; None when there is no table or no field in
    it. A table whose words and counts disagree is not one Warta wrote: ValueError (search reads run under
    query.reading, which checks the generation's files whole and names the damaged one)."""
    saved = read_segment_arrays(leaf, WORD_TABLE_EXTENSION, (f"{fieldname}.words", f"{fieldname}.counts"))
    if saved is None:
        return None
    counts = saved[f"{fieldname}.counts"]
    text = saved[f"{fieldname}.words"].tobytes().decode("utf-8")
    words = text.split(WORD_SEPARATOR) if len(counts) else []
    if len(words) != len(counts) or counts.dtype != np.int32:
        raise ValueError(f"the word table of {segment_id(leaf)} holds {len(words)} words of {fieldname} and "
                         f"{len(counts)} counts")
    return words, counts


def read_segment_arrays(leaf, extension: str, names: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """The arrays `names` of a segment's own file (numpy's npz), None when it has no such file or the file lacks
    one of them; the file is closed whatever its bytes give."""
    path = segment_file(leaf, extension)
    if path is None:
        return None
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return None
    with handle, np.load(handle, allow_pickle=False) as saved:
        if not all(name in saved.files for name in names):
            return None
        return {name: saved[name] for name in names}


def write_word_tables(reader, io, fields: Iterable[str] = SURFACE_FIELDS) -> list[str]:
    """Write the word table of every segment of `reader` that has none yet (an update's linked segments have
    theirs); the names written."""
    written = []
    for leaf, _ in reader.leaf_readers():
        path = word_table_path(leaf)
        if path is None or path.exists() or not leaf.doc_count_all():
            continue
        arrays = {}
        for fieldname in fields:
            words, counts = walk_lexicon(leaf, fieldname, io)
            if any(WORD_SEPARATOR in word for word in words):
                continue  # read from Whoosh instead
            arrays[f"{fieldname}.words"] = np.frombuffer(WORD_SEPARATOR.join(words).encode("utf-8"), dtype=np.uint8)
            arrays[f"{fieldname}.counts"] = np.asarray(counts, dtype=np.int32)
        with path.open("xb") as handle:  # np.savez given a name would add its own extension
            np.savez(handle, **arrays)
        written.append(path.name)
    return written
