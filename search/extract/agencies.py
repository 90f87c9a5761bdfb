"""Find government bodies in an article and name each by one canonical value."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from collections import Counter
from typing import Iterator

from .gazetteer import Gazetteer, Match
from .lexicon import Lexicon, Region, load_lexicon
from .tokens import Token

REGION_LEVEL_WORDS = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota",
                      "provinsi": "provinsi", "prov": "provinsi"}
LEVEL_WORDS = {"provinsi": ("Provinsi", "Prov"), "kabupaten": ("Kabupaten", "Kab"), "kota": ("Kota",)}


@dataclass(frozen=True)
class RegionalBody:
    """A kind of body every region of some levels has, and the forms the news writes it in.

    In templates `{full}` is the region's full name, `{short}` its short name, `{w}` the name as written
    and `{level}` a level word (Kabupaten, Kab, Kota…)."""

    levels: tuple[str, ...]
    canonical: str
    acronym: str
    kind: str
    forms: tuple[str, ...]
    plain_forms: tuple[str, ...] = ()  # forms without a level word: only where the name is unambiguous


REGIONAL_BODIES = (
    RegionalBody(("provinsi",), "Pemerintah {full}", "Pemprov {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemprov {w}")),
    RegionalBody(("kabupaten",), "Pemerintah {full}", "Pemkab {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemkab {w}", "Pemda {level} {w}")),
    RegionalBody(("kota",), "Pemerintah {full}", "Pemkot {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemkot {w}", "Pemda {level} {w}")),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Dewan Perwakilan Rakyat Daerah {full}", "DPRD {short}",
                 "regional_legislature", ("DPRD {level} {w}",), ("DPRD {w}",)),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Komisi Pemilihan Umum {full}", "KPU {short}", "commission",
                 ("KPU {level} {w}", "Komisi Pemilihan Umum {level} {w}"), ("KPU {w}",)),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Badan Pengawas Pemilihan Umum {full}", "Bawaslu {short}",
                 "commission", ("Bawaslu {level} {w}",), ("Bawaslu {w}",)),
    RegionalBody(("provinsi",), "Kepolisian Daerah {short}", "Polda {short}", "police",
                 ("Polda {w}", "Kepolisian Daerah {w}")),
    RegionalBody(("kabupaten",), "Kepolisian Resor {short}", "Polres {short}", "police",
                 ("Polres {w}", "Kepolisian Resor {w}")),
    RegionalBody(("kabupaten", "kota"), "Kepolisian Resor Kota {short}", "Polresta {short}", "police",
                 ("Polresta {w}", "Polrestabes {w}", "Polres {w} Kota", "Kepolisian Resor Kota {w}")),
    RegionalBody(("provinsi",), "Kejaksaan Tinggi {short}", "Kejati {short}", "prosecutor",
                 ("Kejati {w}", "Kejaksaan Tinggi {w}")),
    RegionalBody(("kabupaten", "kota"), "Kejaksaan Negeri {short}", "Kejari {short}", "prosecutor",
                 ("Kejari {w}", "Kejaksaan Negeri {w}")),
)


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
    regions: Gazetteer[tuple[Region, ...]]  # and countries, as places with no Indonesian region

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
    for country in lexicon.countries:
        regions.add(country, ())  # one pass finds both; a country is a place with no Indonesian region
    units: Gazetteer[AgencyRef] = Gazetteer()
    for entry in lexicon.regional_units:
        ref = AgencyRef(entry.canonical, entry.aliases[0] if entry.aliases else None, "regional_unit")
        for name in (entry.canonical, *entry.aliases):
            units.add(name, ref)
    return AgencyGazetteers(national, units, regions)


def regional_body_forms(region: Region, written: str | None = None,
                        ambiguous: bool = False) -> Iterator[tuple[str, AgencyRef]]:
    """Every regional body of a region under each form the news writes it in; `ambiguous` names
    (several regions share them) get only forms that carry a level word."""
    written = written or region.short_name
    for body in REGIONAL_BODIES:
        if region.level not in body.levels:
            continue
        values = {"full": region.full_name, "short": region.short_name}
        ref = AgencyRef(body.canonical.format(**values), body.acronym.format(**values), body.kind, region)
        templates = body.forms + (() if ambiguous else body.plain_forms)
        for template in templates:
            for level in LEVEL_WORDS[region.level] if "{level}" in template else ("",):
                yield template.format(level=level, w=written), ref


def agency_forms(lexicon: Lexicon) -> Iterator[tuple[str, AgencyRef]]:
    """Every (written form, agency) pair: the national table, then each region's own bodies."""
    for entry in lexicon.agencies:
        ref = AgencyRef(entry.canonical, entry.aliases[0] if entry.aliases else None, entry.kind)
        for name in (entry.canonical, *entry.aliases):
            yield name, ref
    by_code = {region.code: region for region in lexicon.regions}
    sharing = Counter(region.short_name.lower() for region in lexicon.regions)
    for region in lexicon.regions:
        yield from regional_body_forms(region, ambiguous=sharing[region.short_name.lower()] > 1)
    for alias, code in lexicon.region_aliases:
        region = by_code.get(code)
        if region is not None:
            yield from regional_body_forms(region, alias, ambiguous=sharing[alias.lower()] > 0 and region.level != "provinsi")


def find_agencies(text: str, tokens: list[Token], place_region: Region | None = None,
                  gazetteers: AgencyGazetteers | None = None,
                  regions: list[Match] | None = None) -> tuple[list[AgencyMention], list[tuple[int, int]]]:
    """All agencies in the text, merged by canonical name, and the token spans they cover.

    `regions` are the region names already found in `tokens`, when the caller has them."""
    gazetteers = gazetteers or load_gazetteers()
    if regions is None:
        regions = list(gazetteers.regions.find_all(tokens))
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
    covered = {i for match, _ in found for i in range(match.start, match.end)}
    found.extend(_named_units(tokens, covered, load_lexicon()))
    found.sort(key=lambda pair: pair[0].start)
    article_region = _article_region(found) or place_region or _first_city(regions, tokens)
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
    if match is None or not match.value:
        return (), position
    candidates = tuple(region for region in match.value if level is None or region.level == level)
    return (candidates, match.end) if candidates else ((), position)


def _named_units(tokens: list[Token], covered: set[int], lexicon: Lexicon):
    """`Kodim 0825 Banyuwangi`, `Kodam V/Brawijaya`, `Polsek Tembilahan Hulu`: a prefix and the name after it."""
    for index, token in enumerate(tokens):
        if token.text not in lexicon.named_units or index in covered:
            continue
        template, kind, most = lexicon.named_units[token.text]
        end = index + 1
        words = 0
        numbered = False
        while end < len(tokens) and words < (1 if numbered else most):
            text = tokens[end].text
            if text == "/" or text.isdigit() or _is_roman(text):
                numbered = True  # "Kodim 0825 Banyuwangi", "Kodam V/Brawijaya": one name word follows
                end += 1
            elif (tokens[end].is_capitalised and text not in lexicon.positions and text not in lexicon.ranks
                  and text not in lexicon.person_prefixes):
                end += 1
                words += 1
            else:
                break
        while end > index + 1 and tokens[end - 1].text == "/":
            end -= 1
        if end == index + 1:
            continue
        name = " ".join(t.text for t in tokens[index + 1:end]).replace(" / ", "/")
        yield Match(index, end, None), AgencyRef(template.format(name), f"{token.text} {name}", kind)


def _is_roman(text: str) -> bool:
    return bool(text) and all(c in "IVXL" for c in text)


REGION_CUES = {"Kabupaten": ("kabupaten",), "Kab": ("kabupaten",), "Kota": ("kota",), "Bupati": ("kabupaten",),
               "Wabup": ("kabupaten",), "Walikota": ("kota",), "Gubernur": ("provinsi",), "Wagub": ("provinsi",),
               "Provinsi": ("provinsi",), "Kapolda": ("provinsi",), "Kapolres": ("kabupaten", "kota"),
               "Kapolresta": ("kabupaten", "kota")}


def _first_city(regions: list[Match], tokens: list[Token]) -> Region | None:
    """A regional article's region when it names no regional government: the first region named right
    after a word that says which kind it is (`Kabupaten Indragiri Hilir`, `Bupati Banyuwangi`, `Gubernur Jakarta`)."""
    for match in regions:
        levels = REGION_CUES.get(tokens[match.start - 1].text.rstrip(".")) if match.start else None
        candidates = [region for region in match.value if levels and region.level in levels]
        if len(candidates) == 1:
            return candidates[0]
    return None


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
