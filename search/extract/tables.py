"""Tables flattened to text, read row by row: a row's cells (`2 | AKBP Teguh Prasetyo Nugroho | Kasubdit II
Ditresnarkoba Polda Riau | Kapolres Agam`) are read as clauses set off by commas, so that a name and the post in
the next cell read as `Name, Post` does in a sentence. Cells are separated by `|` (cleaning.py writes a table's
tabs and aligned columns so); only a line of two separators or more is a row. A cell holding only a post every
organisation has (`Anggota`, `Wakil Ketua II`: a member's place in a task force the table lists), or only a
row's number, ends its line instead, so that it is not taken as the post of the name after it. Each `|` becomes
one character: the text keeps its length."""

from __future__ import annotations

import re

CELL_SEPARATOR = "|"
MIN_ROW_SEPARATORS = 2  # `a | b` in a sentence is no table; `1 | Nama | Jabatan` is a row
ROW = re.compile(r"[^\n]*\|[^\n]*\|[^\n]*")
PLACE_IN_LIST = re.compile(r"[IVX]+|[0-9]+")  # `Wakil Ketua II`, `Anggota 3`


def cells_as_commas(text: str, generic_posts: frozenset[str]) -> str:
    """`text` with the cell separators of each table row written as commas (as a line's end after a cell that
    is only a post of `generic_posts` or a number)."""
    if text.count(CELL_SEPARATOR) < MIN_ROW_SEPARATORS:
        return text
    return ROW.sub(lambda row: _row_as_clauses(row[0], generic_posts), text)


def _row_as_clauses(row: str, generic_posts: frozenset[str]) -> str:
    cells = row.split(CELL_SEPARATOR)
    ends = ["\n" if _no_post_of_its_own(cell, generic_posts) else "," for cell in cells[:-1]]
    return "".join(cell + end for cell, end in zip(cells, ends)) + cells[-1]


def _no_post_of_its_own(cell: str, generic_posts: frozenset[str]) -> bool:
    words = cell.split()
    return bool(words) and all(word in generic_posts or PLACE_IN_LIST.fullmatch(word) for word in words)
