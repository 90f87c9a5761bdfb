"""The place an article was filed from: its dateline, and the region that place lies in."""

from __future__ import annotations

import re

from ..articles import normalise_text
from .lexicon import Lexicon, Region
from .outlets import is_outlet_name

DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z'.]{1,30}(?:[ \t]+[A-Z][A-Za-z'.]{1,30}){0,2})"  # 3 words of 31 letters, one line
    r"\s*(?:\([A-Za-z .]{1,30}\))?\s*(?:,(?:\s*\([A-Za-z .]{1,30}\)\s*[-–—]{1,2}(?=\s|[A-Z]))?"
    r"|\s[-–—]{1,2}(?=\s|[A-Z]))"  # `Kupang (ANTARA News) -Ketua`, `Kalianda, (Diskominfo) –`, `KALIANDA (Humas) --`
)


LINE_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x85\u2028\u2029", "\n"))  # what else ends a line: a
# manual line break as Word exports it (VT), a form feed, NEL and Unicode's separators (normalise_text spaces them)
DATELINE_SCAN = 300  # characters of a body's start a dateline lies in (outlet, three words, a desk in brackets)
OUTLET_LEAD = re.compile(r"\s*(?P<outlet>[A-Za-z0-9][\w.-]{0,40})\s*,\s*")  # `TRIBUN-TIMUR.COM, ` before the place


def outlet_lead_end(text: str, start: int = 0) -> int:
    """Where the text after an outlet's name written first at `start` begins (`TRIBUN-TIMUR.COM, ` before the
    place); `start` when there is none."""
    lead = OUTLET_LEAD.match(text, start)
    return lead.end() if lead is not None and is_outlet_name(lead["outlet"]) else start


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline `text` opens with, also when the outlet's name comes first (`TRIBUN-TIMUR.COM, SUNGGUMINASA
    –`, `Liputan6.com, Jakarta -`, as the Tribun network, Liputan6 and Tempo write it); its end is an offset in
    `text`."""
    return DATELINE.match(text, outlet_lead_end(text))  # anchored there, as `match` is


def _known_place(place: str, lexicon: Lexicon) -> bool:
    """A kabupaten's, kota's, province's or kecamatan's name (any case)."""
    key = " ".join(place.split()).lower()
    return key in lexicon.cities_by_name or key in lexicon.kecamatan_names or key in lexicon.province_names


def find_dateline(text: str, lexicon: Lexicon) -> str | None:
    """`Kalianda, Pemerintah…` → `Kalianda`; role words, agencies and outlets (`Suara.com -`) are not places.
    Read as the index will hold the text (normalise_text: fullwidth letters, soft hyphens, a leading bidi mark)."""
    match = dateline_match(normalise_text(text[:DATELINE_SCAN].translate(LINE_BREAKS)))
    if match is None:
        return None
    place = match["place"].strip()
    if is_outlet_name(place):
        return None
    first_word = place.split()[0]
    if (first_word in lexicon.positions or first_word in lexicon.role_words or first_word in lexicon.person_prefixes) \
            and not _known_place(place, lexicon):
        return None  # `Bupati - …`; not `Metro -`, `Negara -`, `Kota Agung -`: a kota's or a kecamatan's name
    return " ".join(word.capitalize() if word.isupper() else word for word in place.split())


def region_of_place(place: str | None, lexicon: Lexicon) -> Region | None:
    """The kabupaten/kota a place names (also as the news spells it: `Bandarlampung`, region_aliases.tsv) or
    lies in, when that is unambiguous; none for a city or country abroad (world_cities.txt, foreign_cities.txt)."""
    if not place:
        return None
    key = place.lower()
    if key in lexicon.world_cities or key in lexicon.country_names or tuple(place.split()) in lexicon.foreign_cities:
        return None  # `Wina (ANTARA News) -`: Vienna, not the kecamatan Wina of Tolikara
    named = lexicon.cities_by_name.get(key, ())
    if len(named) == 1:
        return named[0]
    code = lexicon.kecamatan_to_region.get(key) or _city_alias(key, lexicon)
    if named and code not in {region.code for region in named}:
        return None  # `Jayapura`, a kabupaten's and a kota's name, is not the kecamatan Jayapura of OKU Timur
    return lexicon.regions_by_code.get(code) if code else None


_SPELLINGS: dict[int, dict[str, str]] = {}  # id(lexicon) -> spellings; one lexicon is loaded, one entry kept


def _city_alias(key: str, lexicon: Lexicon) -> str | None:
    """The kabupaten/kota a lower-case name spells with its words run together or split otherwise
    (`bandarlampung`, `pangkalpinang`: region_aliases.tsv); other aliases (`jakarta`, `solo`) are not, nor is a
    name a kabupaten and a kota share (`bandung`)."""
    spellings = _SPELLINGS.get(id(lexicon))
    if spellings is None:
        _SPELLINGS.clear()
        spellings = _SPELLINGS[id(lexicon)] = _spellings(lexicon)
    return spellings.get(key)


def _spellings(lexicon: Lexicon) -> dict[str, str]:
    found = {}
    for alias, code in lexicon.region_aliases:
        region = lexicon.regions_by_code.get(code)
        key = alias.lower()
        if region is not None and key not in lexicon.cities_by_name and _letters(alias) == _letters(region.short_name):
            found[key] = code
    return found


def _letters(name: str) -> str:
    return "".join(character for character in name.lower() if character.isalpha())
