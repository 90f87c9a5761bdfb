"""Punctuation some outlets write where news usually writes commas: a name set off between two dashes after its
post (`Wali Kota Balikpapan – Hari Setiawan Rahmat – meninjau …`, `Kepala Dinas PU Kota Balikpapan—Rita
Kusumawardhani—menyebut …`) is read as `Wali Kota Balikpapan, Hari Setiawan Rahmat, meninjau …`. Only an en or em
dash pair after a word and around one to six capitalised words changes, each dash to one comma: the text keeps
its length. A range (`40–60`), a hyphen and a lone dash (a dateline's `JAKARTA –`) stay."""

from __future__ import annotations

import re

DASHES = "\u2013\u2014"  # en dash, em dash
# A dash right after a word's letter (a space between or not), one to six capitalised words, the closing dash.
DASHED_NAME = re.compile(
    rf"(?<=[^\W\d_])( ?)[{DASHES}]( ?)([A-Z][^\W\d_]*\.?(?: [A-Z][^\W\d_'’]*\.?){{0,5}})( ?)[{DASHES}]")


def dashes_as_commas(text: str) -> str:
    """`text` with each dash pair around a name after a word written as commas."""
    if not any(dash in text for dash in DASHES):
        return text
    return DASHED_NAME.sub(lambda found: f"{found[1]},{found[2]}{found[3]}{found[4]},", text)
