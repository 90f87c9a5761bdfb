"""Tables flattened to text, read row by row: a row's cells (`2 | AKBP Teguh Prasetyo Nugroho | Kasubdit II
Ditresnarkoba Polda Riau | Kapolres Agam`) are read as clauses set off by commas, so that a name and the post in
the next cell read as `Name, Post` does in a sentence. Cells are separated by `|` (cleaning.py writes a table's
tabs and aligned columns so); a row is a line of two separators or more, or a line of one next to another line
that holds one (a table of two columns: `Camat Waru | Heru Santoso`; a lone `a | b` in a sentence or a caption is
no table). In a row of three cells or more, a cell holding only a post every organisation has (`Anggota`, `Wakil
Ketua II`: a member's place in a task force the table lists), or only a row's number, ends its line instead, so
that it is not taken as the post of the name after it; in a row of two, such a post is the name's only one
(`Ketua | Budi Hartono`). Each `|` becomes one character: the text keeps its length. Read line by line: linear."""

from __future__ import annotations

import re

from ..cleaning import CELL_SEPARATOR  # what table_cells_marked writes between cells

MIN_ROW_SEPARATORS = 2  # `a | b` in a sentence is no table; `1 | Nama | Jabatan` is a row
PLACE_IN_LIST = re.compile(r"[IVX]+|[0-9]+")  # `Wakil Ketua II`, `Anggota 3`


def cells_as_commas(text: str, generic_posts: frozenset[str]) -> str:
    """`text` with the cell separators of each table row written as commas (as a line's end after a cell that
    is only a post of `generic_posts` or a number, in a row of three cells or more)."""
    if CELL_SEPARATOR not in text:
        return text
    lines = text.split("\n")
    separators = [line.count(CELL_SEPARATOR) for line in lines]
    if sum(separators) < MIN_ROW_SEPARATORS:
        return text
    beside = _beside_a_row(lines, separators)
    return "\n".join(
        _row_as_clauses(line, generic_posts) if count >= MIN_ROW_SEPARATORS or (count and near) else line
        for line, count, near in zip(lines, separators, beside))


def _beside_a_row(lines: list[str], separators: list[int]) -> list[bool]:
    """For each line, whether the nearest line before or after it that holds text holds a separator: a blank
    line between two rows, as paragraphs are written, does not part them."""
    beside = [False] * len(lines)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        last = 0
        for k in order:
            beside[k] = beside[k] or last > 0
            if lines[k].strip():
                last = separators[k]
    return beside


def _row_as_clauses(row: str, generic_posts: frozenset[str]) -> str:
    cells = row.split(CELL_SEPARATOR)
    if len(cells) <= MIN_ROW_SEPARATORS:
        return ",".join(cells)  # `Ketua | Budi Hartono`: the name's post, whatever it is
    ends = ["\n" if _no_post_of_its_own(cell, generic_posts) else "," for cell in cells[:-1]]
    return "".join(cell + end for cell, end in zip(cells, ends)) + cells[-1]


def _no_post_of_its_own(cell: str, generic_posts: frozenset[str]) -> bool:
    words = cell.split()
    return bool(words) and all(word in generic_posts or PLACE_IN_LIST.fullmatch(word) for word in words)
