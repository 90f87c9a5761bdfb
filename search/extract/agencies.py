"""Find government bodies in an article and name each by one canonical value."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .gazetteer import Gazetteer, Match
from .lexicon import Lexicon, Region, load_lexicon
from .tokens import Token

REGION_LEVEL_WORDS = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota",
                      "provinsi": "provinsi", "prov": "provinsi"}
GOVERNMENT_FORMS = {
    "provinsi": ("Pemerintah Provinsi {}", "Pemprov {}", "Pemerintah Prov {}"),
    "kabupaten": ("Pemerintah Kabupaten {}", "Pemkab {}", "Pemerintah Kab {}"),
    "kota": ("Pemerintah Kota {}", "Pemkot {}"),
}
POLICE_FORMS = {
    "provinsi": ("Kepolisian Daerah {}", "Polda {}"),
    "kabupaten": ("Kepolisian Resor {}", "Polres {}"),
    "kota": ("Kepolisian Resor Kota {}", "Polresta {}", "Polres {}"),
}
LEGISLATURE_FORMS = {
    "provinsi": ("DPRD Provinsi {}", "DPRD Prov {}"),
    "kabupaten": ("DPRD Kabupaten {}", "DPRD Kab {}"),
    "kota": ("DPRD Kota {}",),
}


@dataclass(frozen=True)
class AgencyRef:
    """What a name in the gazetteer stands for."""

    canonical: str
    acronym: str | None
    kind: str
    region: Region | None = None


@dataclass
class AgencyMention:
    name: str
    acronym: str | None
    kind: str
    surfaces: list[str] = field(default_factory=list)
    region: Region | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "acronym": self.acronym, "kind": self.kind, "surfaces": self.surfaces}


@dataclass(frozen=True)
class _UnitMatch:
    unit: AgencyRef
    regions: tuple[Region, ...]  # candidates named right after the unit, empty when none


@dataclass
class AgencyGazetteers:
    national: Gazetteer[AgencyRef]
    units: Gazetteer[AgencyRef]
    regions: Gazetteer[tuple[Region, ...]]
    countries: Gazetteer[str]

    @property
    def first_words(self) -> frozenset[str]:
        """Every word an agency or unit name can start with: most tokens are not, and are skipped at once."""
        if not hasattr(self, "_first_words"):
            self._first_words = self.national.first_words | self.units.first_words
        return self._first_words


@lru_cache(maxsize=1)
def load_gazetteers() -> AgencyGazetteers:
    return build_gazetteers(load_lexicon())


def build_gazetteers(lexicon: Lexicon) -> AgencyGazetteers:
    national: Gazetteer[AgencyRef] = Gazetteer()
    for form, ref in agency_forms(lexicon):
        national.add(form, ref)
    by_short_name: dict[str, list[Region]] = {}
    for region in lexicon.regions:
        by_short_name.setdefault(region.short_name.lower(), []).append(region)
    by_code = {region.code: region for region in lexicon.regions}
    for alias, code in lexicon.region_aliases:
        if code in by_code:
            by_short_name.setdefault(alias.lower(), []).insert(0, by_code[code])
    regions: Gazetteer[tuple[Region, ...]] = Gazetteer()
    for key, candidates in by_short_name.items():
        regions.add(key, tuple(dict.fromkeys(candidates)))
    countries: Gazetteer[str] = Gazetteer()
    for country in lexicon.countries:
        countries.add(country, country)
    units: Gazetteer[AgencyRef] = Gazetteer()
    for entry in lexicon.regional_units:
        ref = AgencyRef(entry.canonical, entry.aliases[0] if entry.aliases else None, "regional_unit")
        for name in (entry.canonical, *entry.aliases):
            units.add(name, ref)
    return AgencyGazetteers(national, units, regions, countries)


def regional_body_forms(region: Region, written: str | None = None) -> Iterator[tuple[str, AgencyRef]]:
    """Government, legislature and police of a region, under each form the news writes them in."""
    written = written or region.short_name
    bodies = (
        (GOVERNMENT_FORMS, f"Pemerintah {region.full_name}", GOVERNMENT_FORMS[region.level][1], "regional_government"),
        (LEGISLATURE_FORMS, f"Dewan Perwakilan Rakyat Daerah {region.full_name}", "DPRD {}", "regional_legislature"),
        (POLICE_FORMS, POLICE_FORMS[region.level][0].format(region.short_name), POLICE_FORMS[region.level][1],
         "police"),
    )
    for forms, canonical, acronym, kind in bodies:
        ref = AgencyRef(canonical, acronym.format(region.short_name), kind, region)
        for form in forms[region.level]:
            yield form.format(written), ref


def agency_forms(lexicon: Lexicon) -> Iterator[tuple[str, AgencyRef]]:
    """Every (written form, agency) pair: the national table, then each region's own bodies."""
    for entry in lexicon.agencies:
        ref = AgencyRef(entry.canonical, entry.aliases[0] if entry.aliases else None, entry.kind)
        for name in (entry.canonical, *entry.aliases):
            yield name, ref
    by_code = {region.code: region for region in lexicon.regions}
    for region in lexicon.regions:
        yield from regional_body_forms(region)
    for alias, code in lexicon.region_aliases:
        region = by_code.get(code)
        if region is not None and region.level == "provinsi":
            yield from regional_body_forms(region, alias)


def find_agencies(text: str, tokens: list[Token], place_region: Region | None = None,
                  gazetteers: AgencyGazetteers | None = None) -> tuple[list[AgencyMention], list[tuple[int, int]]]:
    """All agencies in the text, merged by canonical name, and the token spans they cover."""
    gazetteers = gazetteers or load_gazetteers()
    found: list[tuple[Match, AgencyRef | _UnitMatch]] = []
    learned: dict[str, AgencyRef | _UnitMatch] = {}
    position = 0
    first_words = gazetteers.first_words
    while position < len(tokens):
        if tokens[position].key not in first_words:
            position += 1
            continue
        match = _longest_at(gazetteers, tokens, position)
        if match is None:
            position += 1
            continue
        found.append(match)
        acronym = _defined_acronym(tokens, match[0].end)
        if acronym:
            learned[acronym] = match[1]
        position = match[0].end
    covered = {i for match, _ in found for i in range(match.start, match.end)} if learned else set()
    for index, token in enumerate(tokens if learned else ()):
        if token.text in learned and index not in covered:
            found.append((Match(index, index + 1, learned[token.text]), learned[token.text]))
    found.sort(key=lambda pair: pair[0].start)
    article_region = _article_region(found) or place_region
    mentions: dict[str, AgencyMention] = {}
    for match, value in found:
        ref = _resolve(value, article_region)
        mention = mentions.setdefault(ref.canonical, AgencyMention(ref.canonical, ref.acronym, ref.kind,
                                                                   region=ref.region))
        surface = match.surface(text, tokens)
        if surface not in mention.surfaces:
            mention.surfaces.append(surface)
    spans = [(match.start, match.end) for match, _ in found]
    return list(mentions.values()), spans


def article_region_of(mentions: list[AgencyMention]) -> Region | None:
    for mention in mentions:
        if mention.kind == "regional_government" and mention.region is not None:
            return mention.region
    return None


def _longest_at(gazetteers: AgencyGazetteers, tokens: list[Token], position: int):
    national = gazetteers.national.match_at(tokens, position)
    unit = gazetteers.units.match_at(tokens, position)
    if unit is not None and (national is None or unit.end > national.end):
        regions, end = _region_after(gazetteers, tokens, unit.end)
        return Match(position, end, unit.value), _UnitMatch(unit.value, regions)
    if national is not None:
        return national, national.value
    return None


def _region_after(gazetteers: AgencyGazetteers, tokens: list[Token], position: int) -> tuple[tuple[Region, ...], int]:
    """A region named right after a unit ("Kota Bandung", "Lampung Selatan"): candidates and where it ends."""
    level = None
    start = position
    if position < len(tokens) and tokens[position].lower.rstrip(".") in REGION_LEVEL_WORDS:
        level = REGION_LEVEL_WORDS[tokens[position].lower.rstrip(".")]
        start = position + 1
        if start < len(tokens) and tokens[start].text == ".":
            start += 1
    if start >= len(tokens):
        return (), position
    match = gazetteers.regions.match_at(tokens, start)
    if match is None:
        return (), position
    candidates = tuple(region for region in match.value if level is None or region.level == level)
    return (candidates, match.end) if candidates else ((), position)


def _defined_acronym(tokens: list[Token], position: int) -> str | None:
    """`(Kemendagri)` right after a name defines an acronym for the rest of the article."""
    if position + 2 < len(tokens) and tokens[position].text == "(" and tokens[position + 2].text == ")":
        candidate = tokens[position + 1]
        if candidate.is_capitalised and len(candidate.text) >= 2:
            return candidate.text
    return None


def _article_region(found) -> Region | None:
    for _, value in found:
        if isinstance(value, AgencyRef) and value.kind == "regional_government" and value.region:
            return value.region
    return None


def _resolve(value: AgencyRef | _UnitMatch, article_region: Region | None) -> AgencyRef:
    if isinstance(value, AgencyRef):
        return value
    region = _choose_region(value.regions, article_region)
    if region is None:
        return value.unit
    acronym = f"{value.unit.acronym} {region.short_name}" if value.unit.acronym else None
    return AgencyRef(f"{value.unit.canonical} {region.full_name}", acronym, "regional_unit", region)


def _choose_region(candidates: tuple[Region, ...], article_region: Region | None) -> Region | None:
    """The region a unit belongs to: the one named after it, read in the light of the article's region."""
    if not candidates:
        return article_region
    if len(candidates) == 1:
        return candidates[0]
    if article_region is not None:
        for region in candidates:
            if region.code == article_region.code:
                return region
        for region in candidates:
            if region.province_code == article_region.province_code and region.level != "provinsi":
                return region
    for level in ("kota", "kabupaten", "provinsi"):
        for region in candidates:
            if region.level == level:
                return region
    return candidates[0]
