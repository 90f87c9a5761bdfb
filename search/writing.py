"""How every Whoosh writer in Warta is opened: one place for the memory and file-layout choices."""

from __future__ import annotations

WRITER_MEMORY_MB = 256


def open_writer(ix):
    """A writer whose segments stay as separate files.

    Whoosh's default packs a segment into one compound file; a reader then copies each file of it
    (postings included) out of the memory map into a private buffer, which measured 600 MB of resident
    memory for a 100k-article index before the first query. Separate files are read in place.
    """
    return ix.writer(limitmb=WRITER_MEMORY_MB, compound=False)
