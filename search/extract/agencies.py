"""Find government bodies in an article and name each by one canonical value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections import Counter
from typing import Callable, Iterator

from .gazetteer import Gazetteer, Match
from .lexicon import DAYS, PLACE_LINK, RANK_SERVICES, Lexicon, Region, load_lexicon
from .tokens import SENTENCE_END, Token, Tokens, word

REGION_LEVEL_WORDS = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota",
                      "provinsi": "provinsi", "prov": "provinsi"}
LEVEL_WORDS = {"provinsi": ("Provinsi", "Prov"), "kabupaten": ("Kabupaten", "Kab", "Kabupaten Administrasi"),
               "kota": ("Kota", "Kota Administrasi")}  # Jakarta's kota and Kepulauan Seribu are `Administrasi`


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
    parent: "RegionalBody | None" = None  # the body every form also names (`Ditreskrimum Polda Jatim`)
    provinces: tuple[str, ...] = ()  # only regions of these provinces (codes) have it; () means every province
    not_provinces: tuple[str, ...] = ()  # regions of these provinces have another body instead
    codes: tuple[str, ...] = ()  # only these regions have it; () means every region of the levels and provinces

    def serves(self, region: Region) -> bool:
        province = region.code.split(".")[0]
        return (region.level in self.levels and (not self.provinces or province in self.provinces)
                and province not in self.not_provinces and (not self.codes or region.code in self.codes))


DPRK_PROVINCES = ("11", "91", "92", "93", "94", "95", "96")  # Aceh; the six of Papua since 2022 (UU 2/2021)
POLDA = RegionalBody(("provinsi",), "Kepolisian Daerah {polda}", "Polda {polda}", "police",
                     ("Polda {w}", "Kepolisian Daerah {w}", "Mapolda {w}"))  # `Mapolda`: its headquarters
POLDA_NAMES = {"31": "Metro Jaya"}  # a Polda not named after its province: Polda Metro Jaya covers Jakarta
METRO_POLRES = ("31",)  # the Polres of every kota of Jakarta is a Metro one, written with `Metro` or without
METRO_KABUPATEN = ("32.16",)  # the one kabupaten with a Polres Metro (Bekasi, under Polda Metro Jaya)
METRO_TWIN_KOTA = ("36.71",)  # Polres Metro Tangerang (Kota): Kabupaten Tangerang has Polresta Tangerang instead


def _polda_unit(name: str, acronym: str, *aliases: str) -> RegionalBody:
    """A directorate or unit of a Polda, written with its Polda (`Ditreskrimum Polda Jatim`)."""
    written = (acronym, name, *aliases)
    return RegionalBody(("provinsi",), f"{name} Kepolisian Daerah {{polda}}", f"{acronym} Polda {{polda}}", "police",
                        tuple(f"{form} {polda}" for form in written for polda in ("Polda {w}", "Kepolisian Daerah {w}")),
                        parent=POLDA)


REGIONAL_BODIES = (
    RegionalBody(("provinsi",), "Pemerintah {full}", "Pemprov {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemprov {w}"), ("Pemerintah {w}",)),  # `Pemerintah Aceh`, its legal name
    RegionalBody(("kabupaten",), "Pemerintah {full}", "Pemkab {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemkab {w}", "Pemda {level} {w}")),
    RegionalBody(("kota",), "Pemerintah {full}", "Pemkot {short}", "regional_government",
                 ("Pemerintah {level} {w}", "Pemkot {w}", "Pemko {w}", "Pemda {level} {w}")),  # `Pemko`: Sumatra's
    RegionalBody(("provinsi", "kabupaten", "kota"), "Pemerintah {full}", "Pemda {short}", "regional_government",
                 (), ("Pemda {w}",)),  # `Pemda DIY`, `Pemda Sleman`: a regional government named without its level
    RegionalBody(("provinsi", "kabupaten", "kota"), "Dewan Perwakilan Rakyat Daerah {full}", "DPRD {short}",
                 "regional_legislature", ("DPRD {level} {w}", "Dewan Perwakilan Rakyat Daerah {level} {w}"),
                 ("DPRD {w}", "Dewan Perwakilan Rakyat Daerah {w}")),
    RegionalBody(("kabupaten", "kota"), "Dewan Perwakilan Rakyat {full}", "DPRK {short}", "regional_legislature",
                 ("DPRK {level} {w}", "Dewan Perwakilan Rakyat {level} {w}"), ("DPRK {w}",),
                 provinces=DPRK_PROVINCES),  # Aceh's kabupaten and kota name their legislature DPRK, and Papua's
    RegionalBody(("provinsi",), "Dewan Perwakilan Rakyat {short}", "DPR {short}", "regional_legislature",
                 (), ("Dewan Perwakilan Rakyat {w}", "DPR {w}"), provinces=DPRK_PROVINCES),
    # their provinces' too: `Dewan Perwakilan Rakyat Aceh`, `DPR Papua Tengah` (no national DPR)
    RegionalBody(("provinsi",), "Dewan Perwakilan Rakyat {short}", "DPRA", "regional_legislature", (), ("DPRA",),
                 codes=("11",)),
    RegionalBody(("provinsi",), "Dewan Perwakilan Rakyat {short}", "DPRP", "regional_legislature", (), ("DPRP",),
                 codes=("91",)),
    RegionalBody(("provinsi",), "Dewan Perwakilan Rakyat {short}", "DPRPB", "regional_legislature", (),
                 ("DPRPB",), codes=("92",)),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Komisi Pemilihan Umum {full}", "KPU {short}", "commission",
                 ("KPU {level} {w}", "Komisi Pemilihan Umum {level} {w}"), ("KPU {w}", "Komisi Pemilihan Umum {w}")),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Badan Pengawas Pemilihan Umum {full}", "Bawaslu {short}",
                 "commission", ("Bawaslu {level} {w}", "Badan Pengawas Pemilihan Umum {level} {w}",
                                "Badan Pengawas Pemilu {level} {w}"),
                 ("Bawaslu {w}", "Badan Pengawas Pemilihan Umum {w}", "Badan Pengawas Pemilu {w}")),
    POLDA,
    _polda_unit("Direktorat Reserse Kriminal Umum", "Ditreskrimum"),
    _polda_unit("Direktorat Reserse Kriminal Khusus", "Ditreskrimsus"),
    _polda_unit("Direktorat Reserse Narkoba", "Ditresnarkoba", "Ditnarkoba"),
    _polda_unit("Direktorat Reserse Siber", "Ditressiber", "Direktorat Siber", "Ditsiber"),  # since 2024
    _polda_unit("Direktorat Lalu Lintas", "Ditlantas", "Direktorat Lantas"),
    _polda_unit("Direktorat Samapta", "Ditsamapta", "Dit Samapta"),
    _polda_unit("Direktorat Kepolisian Perairan dan Udara", "Ditpolairud", "Ditpolair"),
    _polda_unit("Direktorat Intelijen Keamanan", "Ditintelkam"),
    _polda_unit("Direktorat Pembinaan Masyarakat", "Ditbinmas"),
    RegionalBody(("kabupaten",), "Kepolisian Resor {short}", "Polres {short}", "police",
                 ("Polres {w}", "Kepolisian Resor {w}", "Mapolres {w}")),
    RegionalBody(("kota",), "Kepolisian Resor {short}", "Polres {short}", "police",
                 (), ("Polres {w}", "Kepolisian Resor {w}", "Mapolres {w}"),  # Polres Lhokseumawe; Polres Blitar is
                 not_provinces=METRO_POLRES),  # the kabupaten's
    RegionalBody(("kota",), "Kepolisian Resor Metropolitan {short}", "Polres Metro {short}", "police",
                 (), ("Polres {w}", "Kepolisian Resor {w}", "Mapolres {w}"), provinces=METRO_POLRES),
                 # `Polres Jakarta Selatan`
    RegionalBody(("kota",), "Kepolisian Resor Metropolitan {short}{twin}", "Polres Metro {short}{twin}", "police",
                 ("Polres Metro {w} Kota", "Polrestro {w} Kota", "Kepolisian Resor Metropolitan {w} Kota"),
                 ("Polres Metro {w}", "Polrestro {w}", "Kepolisian Resor Metropolitan {w}", "Mapolres Metro {w}")),
                 # Polres Metro Depok; Polres Metro Bekasi Kota, whose kabupaten has a Polres Metro Bekasi
    RegionalBody(("kota",), "Kepolisian Resor Metropolitan {short}{twin}", "Polres Metro {short}{twin}", "police",
                 ("Polres Metro {w}", "Polrestro {w}"), codes=METRO_TWIN_KOTA),  # its kabupaten has a Polresta
    RegionalBody(("kabupaten",), "Kepolisian Resor Metropolitan {short}", "Polres Metro {short}", "police",
                 ("Polres Metro {w}", "Polrestro {w}", "Polres Metro {level} {w}"), codes=METRO_KABUPATEN),
    # Polres Metro Bekasi; Polres Metro Bekasi Kota is the kota's
    RegionalBody(("kabupaten", "kota"), "Kepolisian Resor Kota {short}", "Polresta {short}", "police",
                 ("Polresta {w}", "Kepolisian Resor Kota {w}", "Mapolresta {w}")),
    RegionalBody(("kota",), "Kepolisian Resor Kota Besar {short}", "Polrestabes {short}", "police",
                 ("Polrestabes {w}", "Kepolisian Resor Kota Besar {w}"),
                 ("Polrestabes {w}", "Mapolrestabes {w}")),  # a big city's
    RegionalBody(("kota",), "Kepolisian Resor Kota {short}", "Polresta {short}", "police",
                 ("Polres {w} Kota",)),  # Polres Blitar Kota is the kota's, whichever region registers first
    RegionalBody(("provinsi",), "Kejaksaan Tinggi {short}", "Kejati {short}", "prosecutor",
                 ("Kejati {w}", "Kejaksaan Tinggi {w}")),
    RegionalBody(("kabupaten", "kota"), "Kejaksaan Negeri {short}", "Kejari {short}", "prosecutor",
                 ("Kejari {w}", "Kejaksaan Negeri {w}")),
    RegionalBody(("kabupaten", "kota"), "Pengadilan Negeri {short}", "PN {short}", "court",
                 ("Pengadilan Negeri {w}", "PN {w}")),
    RegionalBody(("provinsi",), "Pengadilan Tinggi {short}", "PT {short}", "court", ("Pengadilan Tinggi {w}",)),
    RegionalBody(("kota",), "Pengadilan Tinggi {short}", "PT {short}", "court",  # named after its seat
                 ("Pengadilan Tinggi {w}",)),
    RegionalBody(("provinsi", "kota"), "Pengadilan Tata Usaha Negara {short}", "PTUN {short}", "court",
                 ("PTUN {w}", "Pengadilan Tata Usaha Negara {w}")),
    RegionalBody(("provinsi", "kabupaten", "kota"), "Pengadilan Tindak Pidana Korupsi {short}", "Pengadilan Tipikor {short}",
                 "court", ("Pengadilan Tipikor {w}", "Pengadilan Tindak Pidana Korupsi {w}")),
    RegionalBody(("kabupaten", "kota"), "Pengadilan Agama {short}", "PA {short}", "court", ("Pengadilan Agama {w}",)),
)


@dataclass(frozen=True)
class AgencyRef:
    """What a name in the gazetteer stands for."""

    canonical: str
    acronym: str | None
    kind: str
    region: Region | None = None
    parent: "AgencyRef | None" = None  # a body the written form names too


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
    unit_field_words: frozenset[str] = frozenset()  # what regional units' names are made of (`Perkebunan`)

    @property
    def first_words(self) -> frozenset[str]:
        """Every word an agency or unit name can start with: most tokens are not, and are skipped at once."""
        if not hasattr(self, "_first_words"):
            self._first_words = self.national.first_words | self.units.first_words
        return self._first_words

    @property
    def scan_words(self) -> frozenset[str]:
        """`first_words` and the first words of sub-units and named units (Komisi, Setjen, Kodim…)."""
        if not hasattr(self, "_scan_words"):
            lexicon = load_lexicon()
            self._scan_words = self.first_words | frozenset(
                prefix[0].lower() for unit in lexicon.sub_units for prefix in unit.prefixes) | frozenset(
                prefix.split()[0].lower().rstrip(".") for prefix in lexicon.named_units)
        return self._scan_words


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
    return AgencyGazetteers(national, units, regions, _unit_field_words(lexicon))


NOT_FIELD_WORDS = frozenset({"Kabupaten", "Kota", "Provinsi", "Republik", "Indonesia", "Negara", "Nasional", "Pusat",
                             "Dinas", "Badan", "Kantor", "Kementerian", "Tim"})  # a region, a nation or another body


def _unit_field_words(lexicon: Lexicon) -> frozenset[str]:
    """The words the fields in regional units' names are written with (`Perkebunan`, `Olahraga`, `Usaha`,
    `Mikro`): every word of the table's regional units, and unit_field_words.txt (national bodies' words are
    not: `Dinas Penerangan Tentara` is the air force's)."""
    words = set(lexicon.unit_field_words)
    for entry in lexicon.regional_units:
        words.update(word for word in entry.canonical.replace(",", " ").split()
                     if word[0].isupper() and word.isalpha() and not word.isupper())
    return frozenset(words - NOT_FIELD_WORDS)


def regional_body_forms(region: Region, written: str | None = None, ambiguous: bool = False,
                        twin: bool = False) -> Iterator[tuple[str, AgencyRef]]:
    """Every regional body of a region under each form the news writes it in; `ambiguous` names
    (several regions share them) get only forms that carry a level word. A kota that shares its short name
    with a kabupaten (`twin`) names some bodies with `Kota` after it (`Polres Metro Bekasi Kota`)."""
    written = written or region.short_name
    for body in REGIONAL_BODIES:
        if not body.serves(region):
            continue
        values = {"full": region.full_name, "short": region.short_name,
                  "polda": POLDA_NAMES.get(region.code, region.short_name),
                  "twin": " Kota" if twin and region.level == "kota" else ""}
        parent = body.parent and AgencyRef(body.parent.canonical.format(**values), body.parent.acronym.format(**values),
                                           body.parent.kind, region)
        ref = AgencyRef(body.canonical.format(**values), body.acronym.format(**values), body.kind, region, parent)
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
        twin = sharing[region.short_name.lower()] > 1
        yield from regional_body_forms(region, ambiguous=twin, twin=twin)
    for alias, code in lexicon.region_aliases:
        region = by_code.get(code)
        if region is not None:
            yield from regional_body_forms(region, alias, sharing[alias.lower()] > 0 and region.level != "provinsi",
                                           sharing[region.short_name.lower()] > 1)


def find_agencies(text: str, tokens: Tokens, place_region: Region | None = None,
                  gazetteers: AgencyGazetteers | None = None,
                  regions: list[Match] | None = None) -> tuple[list[AgencyMention], list[tuple[int, int]]]:
    """All agencies in the text, merged by canonical name, and the token spans they cover.

    `regions` are the region names already found in `tokens`, when the caller has them."""
    gazetteers = gazetteers or load_gazetteers()
    lexicon = load_lexicon()
    if regions is None:
        regions = list(gazetteers.regions.find_all(tokens))
    found: list[tuple[Match, AgencyRef | _UnitMatch]] = []
    learned: dict[str, AgencyRef | _UnitMatch] = {}
    defined_as_other: dict[tuple[str, str], bool] = {}  # (acronym, table's body) -> the article defines another
    position = 0  # tokens before this are read already
    first_words = gazetteers.scan_words
    for start in tokens.where_key(first_words):
        if start < position:
            continue
        position = start
        match = _longest_at(gazetteers, tokens, position)
        sub = _sub_unit_at(gazetteers, lexicon, tokens, position)
        if sub is not None and (match is None or sub[0][0].end > match[0].end):
            found.extend(sub)
            position = sub[0][0].end
            continue
        if match is not None and _not_an_agency(gazetteers, lexicon, tokens, match[0], defined_as_other):
            position = match[0].end
            continue
        if match is None:
            unit = _unlisted_unit_at(gazetteers, tokens, position) or _named_unit_at(tokens, position, lexicon,
                                                                                   gazetteers)
            if unit is not None:
                found.append(unit)
                position = unit[0].end
            else:
                position += 1
            continue
        match = _as_defined(match, learned.get(tokens[position].text))
        found.append(match)
        acronym = _defined_acronym(tokens, match[0].end)
        if acronym and (acronym in lexicon.ranks or gazetteers.regions.match_at(tokens, match[0].end + 1)):
            acronym = None  # not `Mayjen TNI (Purn.)`, a retired officer, nor `KPU Kabupaten Kotawaringin Timur
            # (Kotim)`: the region's short name
        acronym = acronym or _defined_before_region(tokens, match, lexicon)
        if acronym:
            learned[acronym] = match[1]
        position = match[0].end
    covered = {i for match, _ in found for i in range(match.start, match.end)} if learned else set()
    for index, token in enumerate(tokens if learned else ()):
        if token.text in learned and index not in covered:
            found.append((Match(index, index + 1, learned[token.text]), learned[token.text]))
    found.extend(_bare_commissions(gazetteers, tokens, found))
    found.extend(_bare_governments(tokens, found, regions, _article_region(found, place_region)
                                   or _first_city(regions, tokens)))
    found.extend(_bare_legislature(tokens, found))
    found.sort(key=lambda pair: pair[0].start)
    _share_regions(found, tokens)
    article_region = _article_region(found, place_region) or _first_city(regions, tokens)
    own_regions = _units_own_regions(found, article_region)
    mentions: dict[str, AgencyMention] = {}
    for n, (match, value) in enumerate(found):
        if _names_a_rank(tokens, match, lexicon):
            continue  # its span stays covered: no name starts at `Polri` in `Brigjen Polri Budi`
        if isinstance(value, _UnitMatch) and not value.regions:
            region = (_government_just_named(found, n, tokens) or own_regions.get(value.unit.canonical)
                      or article_region)
        else:
            region = article_region
        ref = _resolve(value, region)
        surface = match.surface(text, tokens)
        for named in (ref, ref.parent) if ref.parent else (ref,):
            mention = mentions.setdefault(named.canonical, AgencyMention(named.canonical, named.acronym, named.kind,
                                                                         region=named.region))
            if surface not in mention.surfaces:
                mention.surfaces.append(surface)
    spans = [(match.start, match.end) for match, _ in found]
    joined = _bare_acronyms_to_region(_short_unit_names_joined(list(mentions.values())))
    return _unplaced_courts_placed(_partial_unit_names_joined(joined, lexicon), lexicon), spans


# A court written without its seat (`Pengadilan Tipikor`, agencies.tsv) -> the acronym of its regional bodies, the
# province whose court it is in a story of the national body named with it, and that body: the corruption
# court in Jakarta tries the cases the KPK brings from national bodies (as the dev labels read a bare one)
UNPLACED_COURTS = {"Pengadilan Tindak Pidana Korupsi": ("Pengadilan Tipikor", "31", "Komisi Pemberantasan Korupsi")}


def _unplaced_courts_placed(mentions: list[AgencyMention], lexicon: Lexicon) -> list[AgencyMention]:
    """A court named without its seat is the court of that name the article places (`Pengadilan Tipikor
    Bengkulu` ... `Pengadilan Tipikor`); else, in a story of the national body that brings its cases, the seat
    UNPLACED_COURTS gives; else no value, as nothing says which court it is."""
    kept = []
    for mention in mentions:
        if mention.name not in UNPLACED_COURTS or mention.region is not None:
            kept.append(mention)
            continue
        acronym, seat, national_body = UNPLACED_COURTS[mention.name]
        placed = [other for other in mentions if other.name.startswith(mention.name + " ")]
        if placed:
            placed[0].surfaces.extend(s for s in mention.surfaces if s not in placed[0].surfaces)
        elif any(other.name == national_body for other in mentions):
            ref = _regional_ref(acronym, lexicon.regions_by_code[seat])
            if ref is not None:
                kept.append(AgencyMention(ref.canonical, ref.acronym, ref.kind, list(mention.surfaces), ref.region))
    return kept


MAX_DEFINED_WORDS = 10  # words read back from an acronym in brackets for the name it defines
PARLIAMENT_CUES = frozenset({"DPR", "Parlemen", "Senayan"})  # the national legislature, or its seat
DPR_COMMISSIONS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"})


def _bare_commissions(gazetteers: AgencyGazetteers, tokens: Tokens,
                      found: list[tuple[Match, AgencyRef | _UnitMatch]]) -> list[tuple[Match, AgencyRef]]:
    """`Raker bersama Komisi XI di Kompleks Parlemen`: a commission numbered I-XIII with no legislature after it,
    in an article that names the DPR or its seat and no regional legislature, is the DPR's (and names the DPR)."""
    bare = [i for i in tokens.where({"Komisi"}) if i + 1 < len(tokens) and tokens[i + 1].text in DPR_COMMISSIONS]
    if not bare or not tokens.where(PARLIAMENT_CUES):
        return []
    if any(isinstance(value, AgencyRef) and value.kind == "regional_legislature" for _, value in found):
        return []
    dpr = gazetteers.national.match_at([word("DPR")], 0)
    if dpr is None:
        return []
    covered = {i for match, _ in found for i in range(match.start, match.end)}
    added = []
    for i in bare:
        if i not in covered:
            ref = AgencyRef(f"Komisi {tokens[i + 1].text} {dpr.value.canonical}", None, dpr.value.kind,
                            parent=dpr.value)
            added.append((Match(i, i + 2, ref), ref))
    return added


def _names_a_rank(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """`Mayjen TNI Budi`, `Laksamana Madya TNI (Purn.) Achmad`, `Brigjen Polri Budi`: an acronym right after a
    rank is the rank's service, written as part of it, not a mention of the body (labelling guideline)."""
    return (match.end - match.start == 1 and tokens[match.start].text in RANK_SERVICES and match.start > 0
            and tokens[match.start - 1].text in lexicon.ranks)


REGIONAL_LEGISLATURE = "DPRD"
NOT_ONE_LEGISLATURE = frozenset({"kabupaten", "kota", "provinsi", "se", "di", "tingkat", "seluruh"})


def _bare_legislature(tokens: Tokens,
                      found: list[tuple[Match, AgencyRef | _UnitMatch]]) -> list[tuple[Match, AgencyRef]]:
    """`Pemprov DKI ... dibahas bersama DPRD`: a bare `DPRD`, in an article naming one regional government and
    no legislature of any region, is that government's (not `DPRD kabupaten/kota`, `DPRD se-Jatim`); naming
    none, it stays regionless (BARE_LEGISLATURE) until placed_in_region finds the one kab/kota the article is
    about, or drops it."""
    bare = [i for i in tokens.where({REGIONAL_LEGISLATURE})
            if i + 1 >= len(tokens) or tokens[i + 1].lower not in NOT_ONE_LEGISLATURE]
    if not bare:
        return []
    covered = {i for match, _ in found for i in range(match.start, match.end)}
    governments = {value.region for _, value in found if isinstance(value, AgencyRef)
                   and value.kind == "regional_government" and value.region is not None}
    if len(governments) > 1 or any(isinstance(value, AgencyRef) and value.kind == "regional_legislature"
                                   for _, value in found):
        return []
    ref = _regional_ref(REGIONAL_LEGISLATURE, governments.pop()) if governments else BARE_LEGISLATURE
    return [(Match(i, i + 1, ref), ref) for i in bare if i not in covered and ref is not None]


BARE_LEGISLATURE = AgencyRef("Dewan Perwakilan Rakyat Daerah", REGIONAL_LEGISLATURE, "regional_legislature", None)


# a regional government written without its region's name (not `Pemda`: as often every regional government)
BARE_GOVERNMENTS = {"Pemkab": ("kabupaten",), "Pemkot": ("kota",), "Pemko": ("kota",), "Pemprov": ("provinsi",)}
NOT_ONE_GOVERNMENT = frozenset({"/", "se", "-"})  # `Pemkab/Pemkot`, `Pemkab se-Jatim`


def _bare_governments(tokens: Tokens, found: list[tuple[Match, AgencyRef | _UnitMatch]], regions: list[Match],
                      article_region: Region | None) -> list[tuple[Match, AgencyRef]]:
    """`Bupati Banyuwangi Ipuk … Pemkab menyiapkan dapur umum`: a regional government written bare is the
    government of the one region of its level the article is about (its dateline, its regional bodies, the
    regions it names after a post or a level word); none when it names two of that level (`Bupati Jember` too)
    or writes the word for governments in general (`Pemkab/Pemkot`, `Pemkab se-Jatim`)."""
    bare = [i for i in tokens.where(BARE_GOVERNMENTS) if not _names_several(tokens, i)]
    if not bare or article_region is None:
        return []
    covered = {i for match, _ in found for i in range(match.start, match.end)}
    added = []
    for i in bare:
        region = _government_region(tokens[i].text, article_region)
        if i in covered or region is None or len(_cued_regions(regions, tokens, region.level)) > 1:
            continue
        ref = _regional_ref("Pemprov" if region.level == "provinsi" else
                            "Pemkab" if region.level == "kabupaten" else "Pemkot", region)
        if ref is not None:
            added.append((Match(i, i + 1, ref), ref))
    return added


def _names_several(tokens: Tokens, i: int) -> bool:
    """`Pemkab/Pemkot`, `Pemkab se-Jatim`, `Pemkab dan Pemkot`: governments in general; `Pemkab Xyz`: a name not
    read. `Pemkot dan TNI` is one."""
    before = tokens[i - 1].text if i > 0 else ""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in NOT_ONE_GOVERNMENT or (before == "dan" and i > 1 and tokens[i - 2].text in BARE_GOVERNMENTS):
        return True
    return following is not None and (following.lower in NOT_ONE_GOVERNMENT or following.is_capitalised or (
        following.lower == "dan" and i + 2 < len(tokens) and tokens[i + 2].text in BARE_GOVERNMENTS))


def _government_region(acronym: str, article_region: Region) -> Region | None:
    """The region a bare `Pemkab`/`Pemkot`/`Pemprov` stands for: the article's, at that level, or its province
    for `Pemprov`."""
    levels = BARE_GOVERNMENTS[acronym]
    if article_region.level in levels:
        return article_region
    if levels == ("provinsi",):
        return load_lexicon().regions_by_code.get(article_region.province_code)
    return None


def _cued_regions(regions: list[Match], tokens: Tokens, level: str) -> set[str]:
    """The codes of the regions of `level` named after a post or a level word (`Bupati Jember`), or, for the
    provinces, the provinces of every region so named."""
    codes = set()
    for match in _not_police_metro(regions, tokens):
        levels = REGION_CUES.get(tokens[match.start - 1].text.rstrip(".")) if match.start else None
        for region in match.value:
            if levels and region.level in levels:
                codes.add(region.province_code if level == "provinsi" else region.code
                          if region.level == level else "")
    return codes - {""}


def _bare_acronyms_to_region(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """`KPU Trenggalek` ... `KPU meminta`: a national commission written only by its bare acronym, in an article
    about one regional office of it, is that office; so is a regional unit named without its region (`Damkar
    Jaktim` ... `pemadam kebakaran (Damkar)`) beside the one region's unit of that name."""
    def regional(mention: AgencyMention) -> list[AgencyMention]:
        if not _named_bare(mention):
            return []
        return [other for other in mentions if other.region is not None and other.name.startswith(mention.name + " ")]
    return _joined_into_fuller(mentions, regional)


def _provinces_office_named(mention: AgencyMention, mentions: list[AgencyMention]) -> bool:
    """A bare commission in an article that names a province's office of it too (`KPU Jatim` … `KPU Surabaya`
    … `KPU`): which office, or the national one, the bare name is, nothing says (dev labels read it national)."""
    return mention.kind == "commission" and any(
        other.region is not None and other.region.level == "provinsi" and other.name.startswith(mention.name + " ")
        for other in mentions)


def _named_bare(mention: AgencyMention) -> bool:
    """A regional unit named without a region, or a national commission written only by its bare acronym
    (`KPU`, `Bawaslu`), which a regional story uses for the region's office."""
    if mention.region is not None or mention.kind not in ("commission", "regional_unit"):
        return False
    return mention.kind == "regional_unit" or (bool(mention.acronym) and all(
        surface == mention.acronym for surface in mention.surfaces))


ADMINISTRATIVE = "Administrasi"  # Jakarta's kota and kabupaten: no units of their own, the province's serve them


def placed_in_region(mentions: list[AgencyMention], regions: list[Region], lexicon: Lexicon) -> list[AgencyMention]:
    """Regional units and a bare `DPRD` still named without a region, in an article about one kabupaten or kota
    (find_regions, which also weighs kecamatan, landmarks and datelines): that one's (`SIGLI - … Pasar Daging
    Sigli, Kecamatan Kota Sigli … Dinas Peternakan` is Pidie's; in Jakarta's kota, the province's), a unit
    joined into the same unit named with it; a bare `KPU` or `Bawaslu` joins that one's office when the article
    names it (and no province's office of it). A bare `DPRD` of an article about no one kab/kota is dropped."""
    local = [region for region in regions if region.level != "provinsi"]
    if len(local) != 1:
        return [m for m in mentions if m.name != BARE_LEGISLATURE.canonical]  # no one DPRD it can be
    local_region = region = local[0]
    if ADMINISTRATIVE in region.full_name.split():
        region = lexicon.regions_by_code[region.province_code]
    mentions = [_legislature_of(m, region) if m.name == BARE_LEGISLATURE.canonical else m for m in mentions]
    homes = {m.name: local_region if _is_sub_office(m.name) else region for m in mentions
             if _named_bare(m) and not _provinces_office_named(m, mentions)}  # a Suku Dinas is its kota's
    homes = {name: home for name, home in homes.items() if _may_hold(name, home)}
    if not homes:
        return mentions
    by_name = {m.name: m for m in mentions}
    mentions = _joined_into_fuller(mentions, lambda m: [by_name[f"{m.name} {homes[m.name].full_name}"]]
                                   if m.name in homes and f"{m.name} {homes[m.name].full_name}" in by_name else [])
    return [_placed(m, homes[m.name]) if m.name in homes and m.kind == "regional_unit" else m for m in mentions]


def _placed(mention: AgencyMention, region: Region) -> AgencyMention:
    """A regional unit named bare, as `region`'s."""
    acronym = f"{mention.acronym} {region.short_name}" if mention.acronym else None
    return AgencyMention(f"{mention.name} {region.full_name}", acronym, mention.kind, mention.surfaces, region)


def _legislature_of(mention: AgencyMention, region: Region) -> AgencyMention:
    """A bare `DPRD` (BARE_LEGISLATURE) as the legislature of `region`."""
    ref = _regional_ref(REGIONAL_LEGISLATURE, region)
    return AgencyMention(ref.canonical, ref.acronym, ref.kind, mention.surfaces, region) if ref else mention


def _short_unit_names_joined(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """`Dinas Pendidikan Kabupaten Kebumen` ... `Dinas Pendidikan, Pemuda dan Olahraga`: a regional unit named
    once by the first field of its name and once written out (_written_on) is one unit, under its written name."""
    written = [mention for mention in mentions if mention.kind == "regional_unit" and _unit_name(mention).count(" dan ")]
    if not written:
        return mentions  # most articles: nothing to join

    def written_out(mention: AgencyMention) -> list[AgencyMention]:
        if mention.kind != "regional_unit" or mention in written:
            return []
        short = _unit_name(mention)
        return [other for other in written if mention.region in (None, other.region)
                and _unit_name(other).startswith((short + ",", short + " dan "))]
    return _joined_into_fuller(mentions, written_out)


def _joined_into_fuller(mentions: list[AgencyMention],
                        fuller_of: Callable[[AgencyMention], list[AgencyMention]]) -> list[AgencyMention]:
    """The mentions, each one `fuller_of` finds exactly one fuller mention for joined into it (its surfaces
    added there) and gone itself."""
    by_name = {mention.name: mention for mention in mentions}
    for mention in mentions:
        fuller = fuller_of(mention)
        if len(fuller) == 1:
            fuller[0].surfaces.extend(s for s in mention.surfaces if s not in fuller[0].surfaces)
            del by_name[mention.name]
    return list(by_name.values())


def _unit_name(mention: AgencyMention) -> str:
    """A regional unit's name without its region's."""
    suffix = " " + mention.region.full_name if mention.region else ""
    return mention.name[:-len(suffix)] if suffix and mention.name.endswith(suffix) else mention.name


JOINED_UNIT_KINDS = frozenset({"military", "embassy"})  # named units whose shorter name is the same unit's


def _partial_unit_names_joined(mentions: list[AgencyMention], lexicon: Lexicon) -> list[AgencyMention]:
    """`Pangkalan TNI AL Tanjungbalai Asahan` ... `Pangkalan TNI AL Tanjungbalai`, `Kodim 0818/Malang-Batu` ...
    `Kodim 0818`: a base, a command or an embassy (named_units.tsv) named once in full and once cut short is one
    unit, under its full name. Police units are not joined: `Polres Malang` and `Polres Malang Kota` are two."""
    if sum(mention.kind in JOINED_UNIT_KINDS for mention in mentions) < 2:
        return mentions  # most articles: nothing to join
    heads = {unit.template.split("{}")[0] for unit in lexicon.named_units.values() if unit.kind in JOINED_UNIT_KINDS}

    def full_name(mention: AgencyMention) -> list[AgencyMention]:
        if mention.kind not in JOINED_UNIT_KINDS or not any(mention.name.startswith(head) for head in heads):
            return []
        fuller = [other for other in mentions if other.name.startswith((mention.name + " ", mention.name + "/"))
                  or other is not mention and _without_level_after_number(other.name) == mention.name]
        return [other for other in fuller if not _level_dropped_from_another(other, fuller)]
    return _joined_into_fuller(mentions, full_name)


def _level_dropped_from_another(mention: AgencyMention, others: list[AgencyMention]) -> bool:
    """`Kodim 0621 Bogor` beside `Kodim 0621 Kabupaten Bogor`: one fuller name of `Kodim 0621`, not two."""
    return any(other is not mention and _without_level_after_number(other.name) == mention.name for other in others)


NUMBERED_LEVEL = re.compile(r"(?<=\d)([ /])(?:Kabupaten|Kab\.?|Kota) ")


def _without_level_after_number(name: str) -> str:
    """`Komando Distrik Militer 0621 Bogor` for `… 0621 Kabupaten Bogor`: the number names the unit already."""
    return NUMBERED_LEVEL.sub(r"\1", name, count=1)


def _share_regions(found: list[tuple[Match, AgencyRef | _UnitMatch]], tokens: Tokens) -> None:
    """`Komisioner KPU dan Bawaslu Banyuwangi`: a national acronym joined by `dan` to a regional body of the
    same kind is that kind's body of the same region."""
    for n, (match, value) in enumerate(found[:-1]):
        following, other = found[n + 1]
        if (isinstance(value, AgencyRef) and value.region is None and match.end - match.start == 1
                and tokens[match.end].text in ("dan", ",") and following.start == match.end + 1
                and isinstance(other, AgencyRef) and other.region is not None and other.kind == value.kind):
            counterpart = _regional_ref(tokens[match.start].text, other.region)
            if counterpart is not None:
                found[n] = (match, counterpart)


def _regional_ref(acronym: str, region: Region) -> AgencyRef | None:
    for body in REGIONAL_BODIES:
        if body.serves(region) and body.acronym.split(" {")[0] == acronym:
            values = {"full": region.full_name, "short": region.short_name,
                      "polda": POLDA_NAMES.get(region.code, region.short_name)}
            return AgencyRef(body.canonical.format(**values), body.acronym.format(**values), body.kind, region)
    return None


PARTY_BOARDS = frozenset({"DPD", "DPP", "DPC", "DPW"})  # "DPD PDIP Jatim" is a party's board, not the DPD
BOARD_LEVEL = "Tingkat"  # `DPD Tingkat I`: a party's board by its level
MAX_ASIDE = 6  # tokens of a bracketed aside between a party board's name and its party
HOME_COUNTRY = frozenset({"Indonesia", "RI"})
NATIONAL_WORD = "Nasional"  # after a regional unit's name: a country's body (`… Nasional Singapura`)


def _not_an_agency(gazetteers: AgencyGazetteers, lexicon: Lexicon, tokens: Tokens, match: Match,
                   defined_as_other: dict[tuple[str, str], bool]) -> bool:
    """`DPD Golkar`, `DPD II Partai Golkar`: a party board; `Kementerian Keuangan China`: a body abroad;
    `Dirjen Dukcapil`: a directorate general's head, not the regional unit its short name also names;
    `BPKH Limited`: a company."""
    after = match.end
    kind = getattr(match.value, "kind", None)
    if _names_initials(tokens, match) or _defines_another_body(tokens, match, lexicon, defined_as_other):
        return True
    if after < len(tokens) and tokens[after].text in lexicon.company_suffixes:
        return True
    if _inside_a_bank_name(tokens, match, lexicon):
        return True
    if _names_a_hospital(tokens, match) or _names_a_club(tokens, match):
        return True
    if _degree_after_a_name(tokens, match, lexicon):
        return True
    if _inside_a_law_title(tokens, match):
        return True
    if tokens[match.start].text == SERVICE_WORD and (match.start == 0 or tokens[match.start - 1].text != STAFF_WORD):
        return True  # `Angkatan Laut` alone is any country's navy: Indonesia's in `Kepala Staf Angkatan Laut`
    if match.start > 0 and tokens[match.start - 1].text in DIRECTOR_GENERAL_POSTS and kind == "regional_unit":
        return True
    if kind == "regional_unit" and after < len(tokens) and tokens[after].text == NATIONAL_WORD:
        return True  # `Badan Lingkungan Hidup Nasional Singapura`: a country's body, no region's unit
    if kind == "regional_unit" and after < len(tokens) and _ministry_at(gazetteers, tokens, after):
        return True  # `Dukcapil Kemendagri`: the ministry's directorate general, no region's Dinas
    if after < len(tokens) and kind in NATIONAL_KINDS and (
            tokens[after].text in ABROAD_WORDS or (kind == "legislature" and tokens[after].text == "DPRD")):
        return True  # `Kejaksaan Agung setempat` (in Venezuela), `Mahkamah Agung negara Teluk itu`;
        # `Pansus Hak Angket DPRD Jember`: the DPRD's
    if match.end - match.start == 1 and tokens[match.start].text in PARTY_BOARDS:
        if after < len(tokens) and _is_roman(tokens[after].text):
            after += 1
        if after < len(tokens) and tokens[after].text == "(":  # `DPD I (tingkat provinsi) Partai Golkar`
            after = next((k + 1 for k in range(after + 1, min(after + MAX_ASIDE, len(tokens)))
                          if tokens[k].text == ")"), after)
        return after < len(tokens) and (tokens[after].text in lexicon.parties or tokens[after].text in
                                        lexicon.organisation_heads or tokens[after].text == BOARD_LEVEL
                                        or _names_an_organisation(gazetteers, tokens, after))
        # `DPD Front Pembela Islam`, `DPD FPI DKI`: a mass organisation's board; `DPD Tingkat I dan II`: a party's
    if after < len(tokens) and tokens[after].is_capitalised and tokens[after].text not in HOME_COUNTRY:
        place = gazetteers.regions.match_at(tokens, after)
        return place is not None and place.value == ()
    return False


def _ministry_at(gazetteers: AgencyGazetteers, tokens: Tokens, at: int) -> bool:
    national = gazetteers.national.match_at(tokens, at)
    return national is not None and national.value.kind in MINISTRY_KINDS


def _names_an_organisation(gazetteers: AgencyGazetteers, tokens: Tokens, at: int) -> bool:
    """An acronym after a board's word (`DPD FPI`, `DPD KNPI`) names the organisation whose board it is: the
    Dewan Perwakilan Daerah is followed by `RI` or a region (`DPD DKI`, its senators of a province), never by
    another body's acronym."""
    token = tokens[at]
    return (token.is_acronym and len(token.text) >= 2 and token.text not in HOME_COUNTRY
            and gazetteers.regions.match_at(tokens, at) is None)


def _defines_another_body(tokens: Tokens, match: Match, lexicon: Lexicon,
                          verdicts: dict[tuple[str, str], bool]) -> bool:
    """An acronym the article defines, anywhere in it, as a body other than the table's: then it is that other
    body everywhere in the article (`Kesatuan Pelaut Indonesia (KPI) … Presiden KPI`, not the Komisi Penyiaran),
    unless the article also writes the table's body out, when only the definition itself is the other body's
    (`Koalisi Pemantau Korupsi (KPK)` beside the Komisi Pemberantasan Korupsi). `verdicts` keeps each
    acronym's for the article: its every use is looked at once."""
    text, ref = tokens[match.start].text, match.value.unit if isinstance(match.value, _UnitMatch) else match.value
    here = _defined_here_as_another(tokens, match.start, match.end, ref, lexicon)
    if match.end - match.start != 1 or here:
        return here
    asked = (text, ref.canonical)
    if asked not in verdicts:
        verdicts[asked] = not _name_written(tokens, ref.canonical) and any(
            _defined_here_as_another(tokens, k, k + 1, ref, lexicon) for k in tokens.where((text,)))
    return verdicts[asked]


def _name_written(tokens: Tokens, name: str) -> bool:
    words = name.split()
    return any(tokens.texts[k:k + len(words)] == words for k in tokens.where((words[0],)))


def _defined_here_as_another(tokens: Tokens, start: int, end: int, unit: AgencyRef, lexicon: Lexicon) -> bool:
    """The acronym at `start:end`, in brackets, follows a name written out that shares less than half its words
    with the table's body of that acronym: `Badan Kerja Sama Antar Desa (BKAD)` (the table's BKAD is the Badan
    Keuangan dan Aset Daerah), a regional unit, the article's own body, which no table knows. Any other body's
    acronym after a name is often its holder's (`Mohammad Amin (Bekraf)`): such a name must also spell the
    acronym by its words' initials (`Kesatuan Pelaut Indonesia (KPI)`)."""
    if start < 3 or tokens[start - 1].text != "(" or end >= len(tokens) or tokens[end].text != ")":
        return False
    written = []
    k = start - 2
    while k >= 0 and len(written) < MAX_DEFINED_WORDS and (tokens[k].is_capitalised or tokens[k].text == ","
                                                           or tokens[k].text in lexicon.connectors):
        written.append(tokens[k].text)
        k -= 1
    named = [word for word in reversed(written) if word[:1].isupper()]
    if unit.kind == "regional_unit" and DIRECTORATE_GENERAL_WORD in named:
        return True  # `Direktur Jenderal Kependudukan dan Pencatatan Sipil (Dukcapil)`: a ministry's, no Dinas
    if unit.kind != "regional_unit":
        acronym = tokens[start].text
        named = named[-len(acronym):]  # the words that spell it, if any do
        if (not tokens[start].is_acronym or len(acronym) < MIN_SPELLED_ACRONYM
                or "".join(word[0] for word in named) != acronym):
            return False  # `Majelis Kehormatan (MK)`: two initials say too little
    return len(set(named)) >= 2 and len(set(named) & set(unit.canonical.split())) * 2 < len(set(named))


def _inside_a_law_title(tokens: Tokens, match: Match) -> bool:
    """`UU MPR, DPD, DPR dan DPRD`, `revisi UU KPK`: bodies a law is named after, no body acting in the story."""
    k = match.start - 1
    while k >= 0 and match.start - k <= LAW_LIST_REACH:
        if tokens[k].text in LAW_WORDS:
            return True
        if not (tokens[k].text in LAW_LIST_JOINERS or tokens[k].is_acronym):
            return False
        k -= 1
    return False


LAW_WORDS = frozenset({"UU", "RUU", "Perppu", "Perpu"})  # a law, a bill, a regulation in lieu of a law
LAW_LIST_JOINERS = frozenset({",", "dan", "serta"})
LAW_LIST_REACH = 8  # tokens back from a body's acronym to the law's word


def _names_a_hospital(tokens: Tokens, match: Match) -> bool:
    """`RS Polri Kramat Jati`, `Rumah Sakit Polri`: a hospital named after a body, not the body (hospitals are
    no agencies)."""
    start = match.start
    return (start > 0 and tokens[start - 1].text in HOSPITAL_WORDS) or (
        start > 1 and tokens[start - 2].text == "Rumah" and tokens[start - 1].text == "Sakit")


HOSPITAL_WORDS = frozenset({"RS", "RSU", "Rumkit"})


def _names_a_club(tokens: Tokens, match: Match) -> bool:
    """`PS TNI`, `PS Polri`, `Polri FC`: a football club named after a body, not the body."""
    start, end = match.start, match.end
    return (start > 0 and tokens[start - 1].text in CLUB_OPENERS) or (end < len(tokens) and tokens[end].text
                                                                       in CLUB_CLOSERS)


CLUB_OPENERS = frozenset({"PS"})  # Persatuan Sepak Bola
CLUB_CLOSERS = frozenset({"FC"})


def _degree_after_a_name(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """`Dr Husaini Ibrahim MA`, `Budi Santoso, MA`: a degree after a person's name, two words at least (`MA` is
    also the Mahkamah Agung's acronym); `Ketua MA`, `Putusan MA` stay the court."""
    if match.end - match.start != 1 or tokens[match.start].text not in lexicon.degree_suffixes:
        return False
    last = match.start - 1
    if last >= 0 and tokens[last].text == ",":
        last -= 1
    return last >= 1 and _name_word(tokens[last], lexicon) and (_name_word(tokens[last - 1], lexicon)
                                                                or tokens[last - 1].text in lexicon.person_prefixes)


def _name_word(token: Token, lexicon: Lexicon) -> bool:
    return token.is_capitalised and not token.is_acronym and _may_name_a_person(token.text, lexicon)


def _inside_a_bank_name(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """`Shinhan Bank Indonesia`, `Standard Chartered Bank Indonesia`: a bank's name ending in `Bank Indonesia`, not
    the central bank; a post or an ordinary word before it leaves it the central bank (`Gubernur Bank Indonesia`,
    `Kantor Perwakilan Bank Indonesia Bali`)."""
    if tokens[match.start].text != BANK_WORD or match.start == 0:
        return False
    before = tokens[match.start - 1]
    opens_sentence = match.start == 1 or tokens[match.start - 2].text in SENTENCE_MARKS
    return (before.is_capitalised and before.text not in lexicon.positions and before.text not in lexicon.role_words
            and before.lower not in lexicon.common_words and not opens_sentence)


def _names_initials(tokens: Tokens, match: Match) -> bool:
    """`menyiram saudara MA`, `menetapkan BI sebagai tersangka`: two capitals that are a person's initials, as
    crime news writes them, not a body's acronym; once so anywhere in the text, everywhere in it (`pria dengan
    inisial MA …, MA dipukul …`). Also a code inside a letter's number (`Nomor S-781/MK 08/2017`, `S-781/MK.08`)."""
    text = tokens[match.start].text
    if match.end - match.start != 1 or not text.isupper() or len(text) > MAX_INITIALS:
        return False
    return (any(_initials_at(tokens, i) for i in tokens.where((text,)))
            or (match.start > 0 and tokens[match.start - 1].text == "/" and match.end + 1 < len(tokens)
                and (tokens[match.end].text[:1].isdigit() or (tokens[match.end].text == "."
                                                               and tokens[match.end + 1].text[:1].isdigit()))))


def _initials_at(tokens: Tokens, i: int) -> bool:
    """Token `i` written as a person's initials: after a cue (`inisial`, `tersangka`) or before `sebagai
    tersangka`."""
    after = i + 1
    return ((i > 0 and tokens[i - 1].text.lower() in INITIALS_CUES)
            or (after + 1 < len(tokens) and tokens[after].text == "sebagai" and tokens[after + 1].text in CHARGED))


def _sub_unit_at(gazetteers: AgencyGazetteers, lexicon: Lexicon, tokens: Tokens,
                 position: int) -> list[tuple[Match, AgencyRef]] | None:
    """`Komisi III DPR`, `Setjen Kemendagri`, `Ditjen Bina Marga`, `Balai Besar Wilayah Sungai Brantas`: the
    unit (and the body it belongs to, named after it), or None."""
    for unit, prefix in lexicon.sub_unit_prefixes.get(tokens[position].text, ()):
        end = position + len(prefix)
        if tuple(token.text for token in tokens[position:end]) != prefix:
            continue
        words, after = _qualifier(gazetteers, tokens, end, unit.qualifier, lexicon)
        if words is None or (unit.parent_kinds and unit.qualifier == "words" and _ends_a_longer_name(tokens, position,
                                                                                                       lexicon)):
            continue
        named = _longest_at(gazetteers, tokens, end) if unit.qualifier == "words" else None
        if named is not None and isinstance(named[1], AgencyRef) and \
                named[1].canonical.startswith(unit.template.split("{")[0]):
            return [(Match(position, named[0].end, named[1]), named[1])]  # "Ditjen Bea Cukai": a body we know
        if not unit.parent_kinds:
            if unit.qualifier == "words" and not _plausible_unit_words(prefix, words):
                continue
            known = _known_directorate_general(lexicon, unit, words)
            if known:
                written, name = known
                words, after = list(name), end + len(written)
            ref = AgencyRef(unit.template.format(q=" ".join(words), parent=""), None, "unit")
            return [(Match(position, after, ref), ref)]
        if unit.qualifier == "-" and _short_name_aside(tokens, after):
            after += 3  # `Badan Kebijakan Fiskal (BKF) Kementerian Keuangan`, `Badan Legislasi Daerah (Balegda) DPRD
            # DKI`: the unit's short name, then its body
        parent = _longest_at(gazetteers, tokens, after) if after < len(tokens) else None
        if parent is not None and isinstance(parent[1], _UnitMatch) and unit.takes_parent(
                parent[1].unit.kind, parent[1].unit.canonical):  # `Biro Umum Setda Provinsi Kalsel`: the unit of a
            # regional unit takes its region as the parent does
            ref = AgencyRef(unit.template.format(q=" ".join(words), parent=parent[1].unit.canonical), None,
                            parent[1].unit.kind)
            return [(Match(position, parent[0].end, ref), _UnitMatch(ref, parent[1].regions)), parent]
        if parent is None or not isinstance(parent[1], AgencyRef) or not unit.takes_parent(parent[1].kind,
                                                                                            parent[1].canonical):
            continue
        ref = AgencyRef(unit.template.format(q=_written_out(words, lexicon), parent=parent[1].canonical), None,
                        parent[1].kind, parent[1].region)
        return [(Match(position, parent[0].end, ref), ref), parent]
    return None


def _written_out(words: list[str], lexicon: Lexicon) -> str:
    """A unit's words with its short ones written out (`Hukum dan Humas`: `Hukum dan Hubungan Masyarakat`)."""
    return " ".join(lexicon.unit_word_forms.get(word.rstrip(","), word.rstrip(",")) + "," * word.endswith(",")
                    for word in words)  # `Biro Humas, Data, dan Informasi`: a list inside the name


def _ends_a_longer_name(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """`Direktur Perlindungan WNI dan Badan Hukum Indonesia Kemlu`: a unit's word after `dan` and a capitalised
    word is the end of a longer name, no unit of its own."""
    return (position > 1 and tokens[position - 1].text in lexicon.connectors
            and tokens[position - 2].is_capitalised)


def _known_directorate_general(lexicon: Lexicon, unit, words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The longest directorate general's form (directorates_general.txt) that a Ditjen's words start with, and
    the unit's full name (`Hubla`: `Perhubungan Laut`)."""
    if not unit.template.startswith("Direktorat Jenderal "):
        return None
    return next(((written, name) for written, name in lexicon.directorate_general_names
                 if tuple(words[:len(written)]) == written), None)


MAX_UNIT_WORDS = 6
EMBASSY_KIND = "embassy"
EMBASSY_SHORT = "KBRI"  # the embassy itself, in a country's capital (a KJRI, a consulate, sits in another city)
MAX_COUNTRY_WORDS = 3  # words of a country an embassy is named by (`Uni Emirat Arab`)
MIN_SPELLED_ACRONYM = 3  # letters of a national body's acronym another name must spell to take it over
MINISTRY_KINDS = frozenset({"ministry", "coordinating_ministry"})
DIRECTORATE_GENERAL_WORD = "Jenderal"  # `Direktorat Jenderal`, `Direktur Jenderal`: a ministry's unit or its head
DIRECTOR_GENERAL_POSTS = frozenset({"Dirjen", "Sesditjen"})  # the head of a directorate general, its secretary
BANK_WORD = "Bank"
SENTENCE_MARKS = frozenset({".", "!", "?", "\n", '"', "“"})
SERVICE_WORD, STAFF_WORD = "Angkatan", "Staf"  # agencies.tsv's bare `Angkatan Darat`: after `Kepala Staf` only
INITIALS_CUES = frozenset({"saudara", "sdr", "tersangka", "terdakwa", "pelaku", "korban", "inisial",
                           "berinisial", "terpidana", "pria", "wanita", "perempuan", "bocah", "remaja", "balita"})
CHARGED = frozenset({"tersangka", "terdakwa", "terpidana"})
MAX_INITIALS = 2  # `tersangka KPK` is the commission: three capitals are as often a body
ABROAD_WORDS = frozenset({"setempat", "negara"})  # in lower case after a national body's name: the local one, of the
# country the story is in
NATIONAL_KINDS = frozenset({"ministry", "coordinating_ministry", "agency", "commission", "legislature", "court",
                            "prosecutor", "central_bank", "auditor", "police", "military"})
NOT_UNITS = frozenset({"Kota", "Desa", "Kelurahan", "Warga", "Pertemuan", "Rakyat", "Agung", "Sidang", "Kampung",
                       "Lelang", "Budaya"})  # `Balai Lelang Christie`: an auction house; `Balai Budaya`: a hall


ROMAN_DIGITS = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
MAX_ROMAN_NUMBER = 20  # `Komisi 1 DPR` is Komisi I: commissions are numbered so, none past XIII


def _as_roman(text: str) -> str:
    """`1` -> `I`, `11` -> `XI`: a commission's number written in digits, as its name writes it."""
    if not text.isdigit() or not 0 < int(text) <= MAX_ROMAN_NUMBER:
        return text
    number, roman = int(text), ""
    for letters, value in ROMAN_DIGITS:
        while number >= value:
            roman, number = roman + letters, number - value
    return roman


MIN_HOLDER_WORDS = 2
MAX_HOLDER_WORDS = 3  # words of a holder's name after a unit's


def _qualifier(gazetteers: AgencyGazetteers, tokens: Tokens, start: int, kind: str,
               lexicon: Lexicon) -> tuple[list[str] | None, int]:
    """The words a sub-unit's prefix takes: a number (`III`, `A`, `2`), capitalised words, or none."""
    if kind == "-":
        return [], start
    if kind == "number":
        if start < len(tokens) and (_is_roman(tokens[start].text) or tokens[start].text.isdigit()
                                    or (len(tokens[start].text) == 1 and tokens[start].text.isupper())):
            return [_as_roman(tokens[start].text)], start + 1
        return None, start
    words: list[str] = []
    end = start
    while end < len(tokens) and len(words) < MAX_UNIT_WORDS:
        token = tokens[end]
        if words and token.text in lexicon.person_prefixes:
            break  # `Balai Besar Wilayah Sungai Pompengan Jeneberang Ir. Dwi Purwantoro`: the holder's title
        if token.is_capitalised and not (words and _longest_at(gazetteers, tokens, end)):
            words.append(token.text)
            end += 1
        elif token.text == "dan" and words and end + 1 < len(tokens) and tokens[end + 1].is_capitalised:
            words.append(token.text)
            end += 1
        elif words and _acronym_aside(tokens, end):
            end += 3  # `Balai Besar Wilayah Sungai (BBWS) Citarum`: the acronym of the words so far, then the name
        elif words and _joined_word_follows(tokens, end):
            words[-1] += "-" + tokens[end + 1].text  # `BBWS Cimanuk-Cisanggarung`, `Jawa Tengah-DIY`
            end += 2
        elif words and token.text == "," and _listed_words_follow(gazetteers, tokens, end):
            words[-1] += ","  # `Balai Besar Meteorologi, Klimatologi, dan Geofisika`: a list inside the name
            end += 1
        else:
            break
    if len(words) == MAX_UNIT_WORDS:
        words, end = _place_completed(gazetteers, tokens, words, end)
    while words and words[-1] == "dan":
        words.pop()
        end -= 1
    if words and words[-1].endswith(","):  # a list that did not go on
        words[-1] = words[-1][:-1]
        end -= 1
    kept = _before_holder(words, lexicon)
    return (words[:kept] or None), end - (len(words) - kept)


def _place_completed(gazetteers: AgencyGazetteers, tokens: Tokens, words: list[str],
                     end: int) -> tuple[list[str], int]:
    """`Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Jawa Barat`: a region's name the word cap
    cut in two (`Jawa`) is taken whole."""
    for back in (1, 2):
        start = end - back
        match = gazetteers.regions.match_at(tokens, start) if start >= 0 else None
        if match is not None and match.end > end and list(tokens.texts[start:end]) == words[-back:]:
            return words + list(tokens.texts[end:match.end]), match.end
    return words, end


def _joined_word_follows(tokens: Tokens, hyphen: int) -> bool:
    """At `hyphen`, a hyphen written close between a word and a capitalised one."""
    return (hyphen + 1 < len(tokens) and tokens[hyphen].text == "-" and tokens.touching(hyphen - 1)
            and tokens.touching(hyphen) and tokens[hyphen + 1].is_capitalised)


def _listed_words_follow(gazetteers: AgencyGazetteers, tokens: Tokens, comma: int) -> bool:
    """After a comma at `comma`, capitalised words and commas up to `dan` and a capitalised word: the rest of a
    list the name is made of; not when a word could open a body's name (`Balai Besar Wilayah Sungai Brantas,
    BPBD, dan Dinas PUPR`, `Ditjen Ketenagalistrikan, dan Direktorat Jenderal Minerba`: a list of bodies)."""
    for i in range(comma + 1, min(len(tokens) - 1, comma + 1 + MAX_UNIT_WORDS)):
        text = tokens[i].text
        if text == "dan":
            return _listed_word(gazetteers, tokens[i + 1])
        if text != "," and not _listed_word(gazetteers, tokens[i]):
            return False
    return False


def _listed_word(gazetteers: AgencyGazetteers, token: Token) -> bool:
    return token.is_capitalised and not token.is_acronym and token.key not in gazetteers.scan_words


def _short_name_aside(tokens: Tokens, i: int) -> bool:
    """At `i`, one capitalised word in brackets (`(BKF)`, `(Balegda)`), then a capitalised word."""
    return _aside_at(tokens, i) and tokens[i + 1].is_capitalised


def _acronym_aside(tokens: Tokens, i: int) -> bool:
    """At `i`, an acronym in brackets, then a capitalised word."""
    return _aside_at(tokens, i) and tokens[i + 1].is_acronym


def _aside_at(tokens: Tokens, i: int) -> bool:
    """At `i`, one token in brackets, then a capitalised word."""
    return (i + 3 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")"
            and tokens[i + 3].is_capitalised)


def _before_holder(words: list[str], lexicon: Lexicon) -> int:
    """How many of a unit's words are its name when a holder's name of two words or more is written right after
    it (`Kepala Balai Taman Nasional Tambora Budi Kurniawan`, `Balai Besar Pelaksanaan Jalan Nasional VI Atyanto
    Busono`): the name ends at its last number, at the last place the gazetteers know, even of one word, or at the
    end of a river basin's or a national park's name (unit_name_endings.txt: `Wilayah Sungai Brantas`). A holder's
    first word alone counts when the words read stop at MAX_UNIT_WORDS (`… Nasional (BBPJN) Wilayah VI Atyanto`)."""
    for k in range(len(words) - 1, max(0, len(words) - MAX_HOLDER_WORDS - 1), -1):
        if len(words) - k < MIN_HOLDER_WORDS and len(words) < MAX_UNIT_WORDS:
            continue
        if all(_may_name_a_person(word, lexicon) for word in words[k:]) and _ends_unit_name(words[k - 1], lexicon):
            return k
    return len(words)


def _ends_unit_name(word: str, lexicon: Lexicon) -> bool:
    """A number, a place the gazetteers know (`Tambora`, `Maluku`) or the end of a basin's or park's name."""
    word = word.rsplit("-", 1)[-1]  # `Cimanuk-Cisanggarung`, `Jawa Tengah-DIY`: the name's last part
    lowered = word.lower()
    return (_is_roman(word) or word.isdigit() or word in lexicon.unit_name_endings or lowered in lexicon.province_names
            or lowered in lexicon.region_alias_names
            or (lowered not in lexicon.common_words and (lowered in lexicon.kecamatan_names
                                                         or lowered in lexicon.cities_by_name)))


def _may_name_a_person(word: str, lexicon: Lexicon) -> bool:
    """No ordinary word, word of a role or place: `Budi`, `Kurniawan`, not `Pelayanan`, `Gunung`, `Nasional`,
    `Maluku`."""
    lowered = word.lower()
    return (word.isalpha() and lowered not in lexicon.common_words and word not in lexicon.role_words
            and word not in lexicon.positions and lowered not in lexicon.kecamatan_names
            and lowered not in lexicon.cities_by_name and lowered not in lexicon.province_names)


def _plausible_unit_words(prefix: tuple[str, ...], words: list[str]) -> bool:
    """`Balai Kota` (a city hall) and `Balai Desa` are places, and a Balai is named in two words at least."""
    if words[0] in NOT_UNITS:
        return False
    return len(words) >= 2 or prefix[0] != "Balai" or prefix == ("Balai", "Besar")


def _longest_at(gazetteers: AgencyGazetteers, tokens: list[Token], position: int):
    national = gazetteers.national.match_at(tokens, position)
    unit = gazetteers.units.match_at(tokens, position)
    if unit is not None and (national is None or unit.end > national.end):
        ref, name_end = _written_on(gazetteers, tokens, position, unit.end, unit.value)
        regions, end = _region_after(gazetteers, tokens, name_end)
        if _jakarta_sub_office(tokens, position, ref):
            ref = AgencyRef(f"{SUB_OFFICE} {ref.canonical}", None, ref.kind)
            return Match(position - 1, end, ref), _UnitMatch(ref, regions)
        return Match(position, end, ref), _UnitMatch(ref, regions)
    if national is not None:
        return national, national.value
    return None


SUB_OFFICE = "Suku"  # `Suku Dinas Perhubungan Jakarta Selatan`: a Jakarta dinas's office in one of its kota


def _jakarta_sub_office(tokens: Tokens, position: int, unit: AgencyRef) -> bool:
    """`Kepala Suku Dinas Sumber Daya Air Jakarta Selatan`: `Suku` before a dinas's name makes it that dinas's
    office in a kota of Jakarta, a body of its own (`Suku Dinas … Kota Administrasi Jakarta Selatan`)."""
    return position > 0 and tokens[position - 1].text == SUB_OFFICE and unit.canonical.startswith("Dinas ")


MAX_FIELD_WORDS = 4  # words of one field in a unit's name (`Usaha Mikro`, `Sumber Daya Air`)


def _written_on(gazetteers: AgencyGazetteers, tokens: Tokens, start: int, end: int,
                unit: AgencyRef) -> tuple[AgencyRef, int]:
    """A regional unit whose written name goes on past the table's form with more fields, `dan` before the last
    (`Dinas Pertanian dan Perkebunan`, `Dinas Koperasi, Usaha Mikro, dan Perdagangan`, `Dinas Pekerjaan Umum
    Bina Marga dan Sumber Daya Air`): that unit, under its name as written, and where the name ends; else `unit`
    as the table names it. A form with an acronym in it (`Dinas PU`) is not written on."""
    if any(token.is_acronym for token in tokens[start:end]):
        return unit, end
    i = end
    written_end = None  # after the last field a `dan` joined: `Dinas Koperasi, Usaha Kecil dan Menengah dan
    # Perdagangan` has two
    while i < len(tokens) and tokens[i].text in (",", "dan"):
        separator = tokens[i].text
        if separator == "," and i + 1 < len(tokens) and tokens[i + 1].text == "dan":
            i, separator = i + 1, "dan"
        field_end = _field_end(gazetteers, tokens, i + 1)
        if field_end == i + 1 or _names_a_village(gazetteers, tokens, field_end):
            break
        i = field_end
        if separator == "dan":
            written_end = i
    if written_end is None:
        return unit, end
    return AgencyRef(_written_name(tokens, start, written_end), _defined_acronym(tokens, written_end), unit.kind), \
        written_end


VILLAGE_WORD = "Desa"  # a field of `Dinas Pemberdayaan Masyarakat dan Desa`, and a village's title


def _names_a_village(gazetteers: AgencyGazetteers, tokens: Tokens, end: int) -> bool:
    """Fields ending at `end` with `Desa` and a capitalised word after, neither a region nor its level word: a
    village (`Dinas Pariwisata dan Desa Wisata Oebelo`), not the unit's field (`… dan Pemerintahan Desa Kabupaten
    Sikka`)."""
    return (tokens[end - 1].text == VILLAGE_WORD and end < len(tokens) and tokens[end].is_capitalised
            and tokens[end].lower.rstrip(".") not in REGION_LEVEL_WORDS and not gazetteers.regions.match_at(tokens, end))


def _written_name(tokens: Tokens, start: int, end: int) -> str:
    return " ".join(token.text for token in tokens[start:end]).replace(" ,", ",")


CITY_WORD = "Kota"
UNLISTED_UNIT_HEADS = frozenset({"Dinas"})  # a regional office the table lacks is still `Dinas <its fields>`


def _unlisted_unit_at(gazetteers: AgencyGazetteers, tokens: Tokens, position: int) -> tuple[Match, _UnitMatch] | None:
    """`Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Bengkulu Tengah`: a regional unit the table
    lacks, named by the fields it serves (words regional units' names are made of), then its region."""
    if tokens[position].text not in UNLISTED_UNIT_HEADS:
        return None
    end = _field_end(gazetteers, tokens, position + 1)
    if end == position + 1:
        return None
    if end < len(tokens) and tokens[end].text == CITY_WORD and not _region_after(gazetteers, tokens, end)[0]:
        end += 1  # `Dinas Penataan Kota dan Badan Pertanahan`: no kota named, the word is the unit's
    ref = AgencyRef(_written_name(tokens, position, end), _defined_acronym(tokens, end), "regional_unit")
    ref, name_end = _written_on(gazetteers, tokens, position, end, ref)
    listed = _defined_acronym(tokens, name_end) and gazetteers.units.match_at(tokens, name_end + 1)
    if listed and listed.end == name_end + 2:
        ref = listed.value  # `Dinas Kependudukan dan Catatan Sipil (Dukcapil)`: the table's unit, spelled otherwise
    regions, match_end = _region_after(gazetteers, tokens, name_end)
    return Match(position, match_end, ref), _UnitMatch(ref, regions)


def _field_end(gazetteers: AgencyGazetteers, tokens: Tokens, start: int) -> int:
    """Where the capitalised field words from `start` end (`start` when there are none, or a body's name starts
    there): words the tables' names are made of, no acronym, none opening a region's name."""
    if start < len(tokens) and (gazetteers.units.match_at(tokens, start) or gazetteers.national.match_at(tokens, start)):
        return start  # `Inspektorat dan Satuan Polisi Pamong Praja`: two bodies, not one name
    i = start
    while (i < len(tokens) and i - start < MAX_FIELD_WORDS and tokens[i].text in gazetteers.unit_field_words
           and gazetteers.regions.match_at(tokens, i) is None):
        i += 1
    return i


def _region_after(gazetteers: AgencyGazetteers, tokens: list[Token], position: int) -> tuple[tuple[Region, ...], int]:
    """A region named right after a unit ("Kota Bandung", "Lampung Selatan"), or after the acronym it defines
    (`Dinas Pendidikan (Dispendik) Surabaya`): candidates and where it ends."""
    aside_end = _short_aside_end(tokens, position)
    if aside_end:
        regions, end = _region_after(gazetteers, tokens, aside_end)
        return (regions, end) if regions else ((), position)
    level = None
    start = position
    if position < len(tokens) and tokens[position].lower.rstrip(".") in REGION_LEVEL_WORDS:
        level = REGION_LEVEL_WORDS[tokens[position].lower.rstrip(".")]
        start = position + 1
        if start < len(tokens) and tokens[start].text == ".":
            start += 1
        if level != "provinsi" and start < len(tokens) and tokens[start].text == ADMINISTRATIVE:
            start += 1  # a level word, then this: `Kabupaten Administrasi Kepulauan Seribu`
    if start >= len(tokens):
        return (), position
    match = gazetteers.regions.match_at(tokens, start)
    if match is None or not match.value:
        return (), position
    candidates = tuple(region for region in match.value if level is None or region.level == level)
    return (candidates, match.end) if candidates else ((), position)


def _level_and_city(name: str, lexicon: Lexicon) -> bool:
    """`Kota Tangerang`, `Kabupaten Bekasi`: a level word and the short name of a kabupaten or kota."""
    level, _, city = name.partition(" ")
    return level in UNIT_PLACE_LEVELS and city.lower() in lexicon.cities_by_name


def _seat_end(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the longest town the gazetteer knows among the words [start, end) ends, read from `start`; None
    when none is."""
    for cut in range(end - 1, start, -1):
        seat = " ".join(tokens.texts[start:cut]).lower()
        if seat in lexicon.kecamatan_names and seat.rstrip(".") not in REGION_LEVEL_WORDS:  # `PN Kota Tangerang`
            return cut
    return None


def _named_unit_at(tokens: Tokens, index: int, lexicon: Lexicon,
                   gazetteers: AgencyGazetteers | None = None) -> tuple[Match, AgencyRef] | None:
    """`Kodim 0825 Banyuwangi`, `Kodam V/Brawijaya`, `Polsek Tembilahan Hulu`, `KBRI Den Haag`: a prefix and
    the name after it (a place abroad named in several words is taken whole)."""
    prefix = _named_unit_prefix(tokens, index, lexicon)
    if prefix is None:
        return None
    unit = lexicon.named_units[prefix]
    template, kind, most = unit.template, unit.kind, unit.most_words
    name_start = end = _after_unit_prefix(tokens, index + len(prefix.split()), kind)
    after_number = _motto_words(tokens, index, template, lexicon)
    words = 0
    numbered = False
    capital = _embassy_country_at(tokens, end, lexicon) if kind == EMBASSY_KIND else None
    if capital is not None:  # `KBRI Malaysia`, `Kedutaan Besar RI di Arab Saudi`: the embassy in its capital; a
        country_words, city_name = capital  # consulate is named by its own city, else by the whole country
        if lexicon.named_unit_short.get(prefix, prefix) != EMBASSY_SHORT:
            city_name = " ".join(tokens.texts[end:end + country_words])
        return _embassy_in(index, end + country_words, city_name, prefix, template, kind, lexicon)
    city = _foreign_city_at(tokens, end, lexicon)
    if city:
        end += city
    level = 0  # "Kodim 0833/Kota Malang": a level word before the one name word after a number
    while not city and end < len(tokens) and words < (after_number + level if numbered else most):
        text = tokens[end].text
        if words and gazetteers is not None and _longest_at(gazetteers, tokens, end):
            break  # `Yonif 411/Pandawa Kostrad`: the command it belongs to
        if text == "/" or text.isdigit() or _is_roman(text):
            numbered = True  # "Kodim 0825 Banyuwangi", "Kodam V/Brawijaya": one name word follows (_motto_words)
            end += 1
        elif (tokens[end].is_capitalised and text not in lexicon.positions and text not in lexicon.ranks
              and text not in lexicon.person_prefixes and text not in lexicon.headline_verbs  # `Kejari Tahan …`
              and text not in DAYS and text not in lexicon.named_units):  # `di Makodim Rabu`, `Kodim Kodam`
            end += 1
            words += 1
            if text == "Metro" and words == 1:
                most += 1  # "Polsek Metro Kebayoran Baru"
            if numbered and words == 1 and text in UNIT_PLACE_LEVELS:
                level = 1
        else:
            break
    while end > name_start and tokens[end - 1].text == "/":
        end -= 1
    if end == name_start:
        return None
    if numbered and words == after_number + level:
        end += _place_words_on(tokens, end - 1, lexicon)  # `Kodim 0411/Lampung Tengah`
    if numbered and words and _joined_place_follows(tokens, end, lexicon):
        end += 2  # `Kodim 0818/Malang-Batu`: the district covers both
    name = " ".join(t.text for t in tokens[name_start:end]).replace(" / ", "/").replace(" - ", "-")
    if prefix in ANY_COUNTRYS_FORMS and not _indonesian_unit_cue(tokens, end, lexicon):
        return None
    if kind in SEATED_KINDS and _level_and_city(name, lexicon):
        name = name.split(" ", 1)[1]  # `PN Kota Tangerang`: the court is named after its city alone
    elif kind in SEATED_KINDS and name.lower() not in lexicon.kecamatan_names:
        end = _seat_end(tokens, name_start, end, lexicon)
        if end is None:
            return None  # `Humas PN Andri Hadi`: a court is named after its seat, a town the gazetteer knows
        name = " ".join(tokens.texts[name_start:end])  # `Ketua PN Kotabumi Hendri …`: the seat, not the judge
    name = _joined_number(name, unit.number_joiner)
    canonical = template.format("Metropolitan" + name[len("Metro"):] if name.startswith("Metro ") else name)
    parent = unit.parent_template and AgencyRef(unit.parent_template.format(name), None, kind)
    return Match(index, end, None), AgencyRef(canonical, f"{lexicon.named_unit_short.get(prefix, prefix)} {name}", kind,
                                              parent=parent or None)


def _embassy_country_at(tokens: Tokens, start: int, lexicon: Lexicon) -> tuple[int, str] | None:
    """(how many words, the capital) of a country an embassy is named by at `start` (embassy_capitals.tsv), the
    longest country first (`Uni Emirat Arab` before no shorter one)."""
    for length in range(MAX_COUNTRY_WORDS, 0, -1):
        city = lexicon.embassy_capitals.get(tuple(tokens.texts[start:start + length]))
        if city is not None:
            return length, city
    return None


def _embassy_in(index: int, end: int, city: str, prefix: str, template: str, kind: str,
                lexicon: Lexicon) -> tuple[Match, AgencyRef]:
    return Match(index, end, None), AgencyRef(template.format(city), f"{lexicon.named_unit_short.get(prefix, prefix)} "
                                                                     f"{city}", kind)


def _joined_number(name: str, joiner: str) -> str:
    """`XVII Cenderawasih` as `XVII/Cenderawasih` where the unit's number and name are joined so (a Kodam)."""
    number, space, rest = name.partition(" ")
    if joiner == " " or not space or not _is_roman(number):
        return name
    return f"{number}{joiner}{rest}"


def _motto_words(tokens: Tokens, index: int, template: str, lexicon: Lexicon) -> int:
    """How many name words a unit takes after its number: one (`Kodam V/Brawijaya`), or a battalion's motto of up
    to MOTTO_WORDS (`Yonif 700/Wira Yudha Cakti`) unless a post stands before it (`Komandan Yonif 413/Bremoro
    Rizky Pratama`: its holder's name follows, and its words cannot be told from a motto's)."""
    if not template.startswith(BATTALION) or (index and tokens[index - 1].text in lexicon.positions):
        return 1
    return MOTTO_WORDS


BATTALION, MOTTO_WORDS = "Batalyon ", 3
ANY_COUNTRYS_FORMS = frozenset({"Pangkalan Udara"})  # `Pangkalan Udara Shayrat, Suriah`: not written as TNI's


def _indonesian_unit_cue(tokens: Tokens, end: int, lexicon: Lexicon) -> bool:
    """After a base's name at `end`, what makes it Indonesia's: an Indonesian place after a comma (`Pangkalan
    Udara Halim Perdanakusuma, Jakarta`) or its commander's rank (`Komandan Pangkalan Udara Ngurah Rai Kolonel
    Penerbang Wayan`)."""
    if end < len(tokens) and tokens[end].text in lexicon.ranks:
        return True
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    place = tokens[end + 1].lower
    return (place in lexicon.cities_by_name or place in lexicon.province_names or place in lexicon.region_alias_names
            or place in lexicon.kecamatan_names)


MAX_PLACE_NAME_WORDS = 3  # `Tanjung Jabung Timur`


def _place_words_on(tokens: Tokens, first: int, lexicon: Lexicon) -> int:
    """How many words after the word at `first` continue a kabupaten's or kota's name it opens (`Lampung` +
    `Tengah`): the longest such name, 0 when the word is no opening of one."""
    words = [tokens[first].lower]
    found = 0
    for extra in range(1, MAX_PLACE_NAME_WORDS):
        if first + extra >= len(tokens) or not tokens[first + extra].is_capitalised:
            break
        words.append(tokens[first + extra].lower)
        if " ".join(words) in lexicon.cities_by_name:
            found = extra
    return found


def _joined_place_follows(tokens: Tokens, end: int, lexicon: Lexicon) -> bool:
    """At `end`, a hyphen written close between the name's last word and a kabupaten's or kota's name
    (`Malang-Batu`; not a province's, `V/Brawijaya-Jatim`)."""
    return _joined_word_follows(tokens, end) and tokens[end + 1].lower in lexicon.cities_by_name


def _named_unit_prefix(tokens: Tokens, index: int, lexicon: Lexicon) -> str | None:
    """The longest named unit's prefix written at `index` (`KBRI`, `Kedutaan Besar Republik Indonesia`)."""
    for prefix in lexicon.named_unit_prefixes.get(tokens[index].text, ()):
        words = prefix.split()
        if [token.text for token in tokens[index:index + len(words)]] == words:
            return prefix
    return None


def _after_unit_prefix(tokens: Tokens, position: int, kind: str) -> int:
    """Where a unit's name starts: after its acronym in brackets (`Komando Distrik Militer (Kodim) 0808`,
    `Pengadilan Negeri (PN) Lhoksukon`), and for an embassy after `di` (`Kedutaan Besar Republik Indonesia (KBRI)
    di Singapura`, `KBRI di Kuala Lumpur`)."""
    if _defined_acronym(tokens, position):
        position += 3
    if kind != "embassy":
        return position
    return position + (position < len(tokens) and tokens[position].text == PLACE_LINK)


UNIT_PLACE_LEVELS = frozenset({"Kota", "Kabupaten", "Kab"})
MAX_CITY_WORDS = 4
SEATED_KINDS = frozenset({"court"})  # named after a kecamatan town (`PN Kepanjen`); a kabupaten or kota seat
# is a regional body (`PN Surabaya`)


def _foreign_city_at(tokens: Tokens, start: int, lexicon: Lexicon) -> int:
    """How many words a place abroad of several words takes at `start` (0 when none starts there)."""
    for length in range(MAX_CITY_WORDS, 1, -1):
        if tuple(token.text for token in tokens[start:start + length]) in lexicon.foreign_cities:
            return length
    return 0


def _is_roman(text: str) -> bool:
    return bool(text) and all(c in "IVXL" for c in text)


REGION_CUES = {"Kabupaten": ("kabupaten",), "Kab": ("kabupaten",), "Kota": ("kota",), "Bupati": ("kabupaten",),
               "Wabup": ("kabupaten",), "Walikota": ("kota",), "Walkot": ("kota",), "Gubernur": ("provinsi",),
               "Wagub": ("provinsi",), "Provinsi": ("provinsi",), "Kapolda": ("provinsi",),
               "Kapolres": ("kabupaten", "kota"), "Kapolresta": ("kabupaten", "kota")}


METROPOLITAN_POLICE = frozenset({"Kapolres", "Wakapolres", "Polres", "Kapolsek", "Polsek"})  # then `Metro <region>`


def _not_police_metro(regions: list[Match], tokens: list[Token]) -> list[Match]:
    """The region names but `Metro` in `Kapolres Metro Tangerang Kota`: the police's word, not Kota Metro."""
    starts = {match.start for match in regions}
    return [match for match in regions
            if not (match.start and match.end in starts and tokens[match.start - 1].text in METROPOLITAN_POLICE)]


def _first_city(regions: list[Match], tokens: list[Token]) -> Region | None:
    """A regional article's region when it names no regional government: the first region named right
    after a word that says which kind it is (`Kabupaten Indragiri Hilir`, `Bupati Banyuwangi`, `Gubernur Jakarta`)."""
    for match in _not_police_metro(regions, tokens):
        levels = REGION_CUES.get(tokens[match.start - 1].text.rstrip(".")) if match.start else None
        candidates = [region for region in match.value if levels and region.level in levels]
        if len(candidates) == 1:
            return candidates[0]
    return None


def _as_defined(match: tuple[Match, AgencyRef | _UnitMatch],
                defined: AgencyRef | _UnitMatch | None) -> tuple[Match, AgencyRef | _UnitMatch]:
    """A regional unit's acronym the article defined as another unit than the table's (`Badan Keuangan Daerah
    (BKD) Sumbar` … `BKD Sumbar`, where the table's BKD is the Badan Kepegawaian Daerah): the article's unit,
    of the region named with it here."""
    found = match[1]
    if isinstance(found, _UnitMatch) and isinstance(defined, _UnitMatch) and defined.unit != found.unit:
        return match[0], _UnitMatch(defined.unit, found.regions)
    return match


MAX_ASIDE_WORDS = 3  # capitalised words in brackets between a unit's name and its region


def _short_aside_end(tokens: list[Token], position: int) -> int:
    """`(Dispendik)`, `(Sudin Gulkarmat)`: where a short aside in brackets of capitalised words opening at
    `position` ends (after its `)`), 0 when none opens there."""
    if position >= len(tokens) or tokens[position].text != "(":
        return 0
    for end in range(position + 2, min(position + MAX_ASIDE_WORDS + 2, len(tokens))):
        if tokens[end].text == ")":
            return end + 1
        if not tokens[end - 1].is_capitalised:
            return 0
    return 0


def _defined_acronym(tokens: list[Token], position: int) -> str | None:
    """`(Kemendagri)` right after a name defines an acronym for the rest of the article."""
    if position + 2 < len(tokens) and tokens[position].text == "(" and tokens[position + 2].text == ")":
        candidate = tokens[position + 1]
        if candidate.is_capitalised and len(candidate.text) >= 2:
            return candidate.text
    return None


def _defined_before_region(tokens: list[Token], match: tuple[Match, AgencyRef | _UnitMatch],
                           lexicon: Lexicon) -> str | None:
    """`Badan Keuangan Daerah (BKD) Sumbar`: an acronym defined inside a regional unit's name, before its
    region; not a post's (`Kepala Kejaksaan Negeri (Kajari) Sinjai`)."""
    span, value = match
    if not isinstance(value, _UnitMatch):
        return None
    for k in range(span.start + 1, span.end - 3):
        if tokens[k].text == "(":
            acronym = _defined_acronym(tokens, k)
            return None if acronym in lexicon.role_openers else acronym
    return None


def _article_region(found, place_region: Region | None = None) -> Region | None:
    """The region a unit named without one belongs to: the regional government the article names (unless it is a
    province whose one kabupaten or kota the article's bodies and dateline name more: `Komisi III DPRD Lamsel
    … Dinas PUPR Lamsel … Dinas Perhubungan … meminta Pemprov Lampung`), else the place it was filed from, else
    the kabupaten or kota its regional bodies (Polres, DPRD, KPU…) name most."""
    for _, value in found:
        if isinstance(value, AgencyRef) and value.kind == "regional_government" and value.region:
            return _local_story(found, value.region, place_region) or value.region
    if place_region is not None:
        return place_region
    named = Counter(value.region for _, value in found if isinstance(value, AgencyRef) and value.region
                    and value.region.level != "provinsi")
    return named.most_common(1)[0][0] if named else None


def _local_story(found, government: Region, place_region: Region | None) -> Region | None:
    """The kabupaten or kota of `government`'s province that the article's bodies (and its dateline) name more
    often than the province's own bodies, when `government` is a province; else None."""
    if government.level != "provinsi":
        return None
    named = Counter(region for region in [*_named_regions(found), place_region]
                    if region is not None and region.province_code == government.code)
    province = named.pop(government, 0)
    local = named.most_common(1)
    return local[0][0] if local and local[0][1] > province else None


def _named_regions(found) -> Iterator[Region]:
    """The region each body names: its own, or a unit's one region written after it."""
    for _, value in found:
        if isinstance(value, AgencyRef) and value.region is not None:
            yield value.region
        elif isinstance(value, _UnitMatch) and len(value.regions) == 1:
            yield value.regions[0]


GOVERNMENT_SENTENCES = 2  # the unit's sentence and the one before it
GOVERNMENT_REACH = 150  # tokens at most: text without sentence ends (a comma-separated list of offices) is one sentence


def _government_just_named(found, n: int, tokens: Tokens) -> Region | None:
    """`Pemkab Bogor juga menerjunkan personel Satpol PP`, `Pemkab Langkat membuka posko. "Dinas Sosial sudah
    kami siagakan"`: a unit named without a region, in the sentence naming a regional government or the one
    after it, is that government's (the last one named), whatever else the article is about."""
    start = found[n][0].start
    boundary, sentences, farthest = start, 0, max(0, start - GOVERNMENT_REACH)
    while boundary > farthest and sentences < GOVERNMENT_SENTENCES:
        boundary -= 1
        if tokens[boundary].text in SENTENCE_END and tokens[boundary - 1].text not in SENTENCE_END:
            sentences += 1  # a sentence's end and the blank line after it are one end
    for before in range(n - 1, -1, -1):
        match, value = found[before]
        if match.start < boundary:
            return None
        if isinstance(value, AgencyRef) and value.kind == "regional_government" and value.region is not None:
            return value.region
    return None


def _units_own_regions(found, article_region: Region | None) -> dict[str, Region]:
    """The region each unit is written with somewhere in the article (`disita Satpol PP Kota Tangerang
    Selatan`): the same unit written bare later (`jajaran Satpol PP`) is that one, whatever the dateline."""
    own: dict[str, Region] = {}
    for _, value in found:
        if isinstance(value, _UnitMatch) and value.regions:
            region = _choose_region(value.regions, article_region)
            if region is not None:
                own.setdefault(value.unit.canonical, region)
    return own


def _resolve(value: AgencyRef | _UnitMatch, article_region: Region | None) -> AgencyRef:
    if isinstance(value, AgencyRef):
        return value
    region = _choose_region(value.regions, article_region)
    if region is None or not _may_hold(value.unit.canonical, region):
        return value.unit
    acronym = f"{value.unit.acronym} {region.short_name}" if value.unit.acronym else None
    return AgencyRef(f"{value.unit.canonical} {region.full_name}", acronym, "regional_unit", region)


JAKARTA = "31"  # the province whose kota and kabupaten hold a dinas's sub-office


def _is_sub_office(unit: str) -> bool:
    return unit.startswith(f"{SUB_OFFICE} ")


def _may_hold(unit: str, region: Region) -> bool:
    """A Suku Dinas is only ever of a kota or the kabupaten of Jakarta; any unit else of its region."""
    return not _is_sub_office(unit) or (region.level != "provinsi" and region.code.split(".")[0] == JAKARTA)


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
