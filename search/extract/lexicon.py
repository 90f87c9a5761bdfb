"""Word lists and gazetteers shipped as data files inside the package, loaded once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..datafiles import read_lines as read_data_lines

DATA_PACKAGE = "search.extract.data"
CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]{2,}")  # `NasDem`: what extraction would split as two words
PLACE_LINK = "di"  # `Kades di Karangsono`, `KBRI di Singapura`: where a post is held, a unit is seated
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
RANK_SERVICES = frozenset({"TNI", "Polri", "Polisi", "AD", "AL", "AU"})  # written after a rank as part of it
# (`Mayjen TNI`, `Brigjen Polri`, `Jenderal Polisi`): the rank's, neither a body mentioned nor a word of a post
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Region:
    """A province, kabupaten or kota from the Kemendagri code list."""

    code: str
    full_name: str  # "Kabupaten Lampung Selatan", "Kota Bandung", "Provinsi Lampung"
    short_name: str  # "Lampung Selatan", "Bandung", "Lampung"
    level: str  # "provinsi" | "kabupaten" | "kota"
    province_code: str


@dataclass(frozen=True)
class AgencyEntry:
    canonical: str
    aliases: tuple[str, ...]
    kind: str
    parent: str | None


@dataclass(frozen=True)
class NamedUnit:
    """A unit named by a prefix and the name after it (named_units.tsv): `Kodim 0825 Banyuwangi`, `KBRI Den Haag`."""

    template: str  # the canonical name, {} the name that follows
    kind: str
    most_words: int  # name words at most (after a number or "/": one)
    number_joiner: str = " "  # between a Roman number and the name: `Kodam XVII/Cenderawasih` however written
    parent_template: str = ""  # the unit it belongs to, also named: `Pomdam Jaya` names `Kodam Jaya`


@dataclass(frozen=True)
class SubUnit:
    """A unit named by a prefix and the body it belongs to (`Komisi III DPR`) or its own words (`Ditjen X`)."""

    prefixes: tuple[tuple[str, ...], ...]  # each form's words
    template: str  # {q}: the words after the prefix; {parent}: the canonical name of the body after them
    qualifier: str  # "number", "words" or "-"
    parent_kinds: frozenset[str]  # empty: no body needs to follow; `kind:Words`: of that kind, named so first

    def takes_parent(self, kind: str, canonical: str) -> bool:
        """Whether a body of this kind and name may follow the unit (`Biro … Divisi Humas Polri`, not a Polres)."""
        return any(kind == wanted and canonical.startswith(start)
                   for wanted, _, start in (entry.partition(":") for entry in self.parent_kinds))


@dataclass(frozen=True)
class Lexicon:  # frozen; cached_property still works, it writes the instance __dict__ directly
    person_prefixes: frozenset[str]
    title_pairs: frozenset[tuple[str, str]]  # `Datuk Seri`, `Tan Sri`: both words are the title
    degree_suffixes: frozenset[str]
    ranks: frozenset[str]
    officer_ranks: frozenset[str]  # ranks that name an officer with no post written (`Brigjen Sumrahari`)
    qualified_ranks: dict[str, frozenset[str]]  # ... and ranks that do when one of these words follows
    directorate_general_names: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (as written after `Ditjen`,
    # the unit's full name), longest written form first: `Hubla` is `Perhubungan Laut`
    positions: frozenset[str]
    lowercase_positions: frozenset[str]  # positions that open a role in lower case too
    agency_posts: frozenset[str]  # `CEO`, `Penasihat`: they open a role only in a public body or office
    generic_posts: frozenset[str]  # `Ketua`, `Direktur`: every organisation has them (officials.py asks whose)
    public_unit_words: frozenset[str]  # `Balai`, `Rutan`: a public institution no agency table lists
    society_post_words: frozenset[str]  # `Umum`: `Ketua Umum` with no body is a party's or a society's post
    post_completions: dict[str, frozenset[str]]  # `Kuasa` -> {`Pengguna`}: a post only before these words
    role_words: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    stopwords: frozenset[str]
    not_names: frozenset[str]
    headline_verbs: frozenset[str]  # of not_names, those that end a post's clause (`Gubernur Tinjau Banjir`)
    name_closers: frozenset[str]  # of not_names, those that end a name after a given name (`Saiful Islam`)
    adat_titles: frozenset[str]  # `Dt.` inside a Minang name, after the given name (`Yuswardi Dt. Rangkayo Basa`)
    name_openers: frozenset[tuple[str, ...]]  # words that open a name, each a role's word elsewhere (`Anak Agung`)
    not_person_names: frozenset[str]  # lower case: `al qaeda`, `merah putih`: follow a role, name no person
    non_person_openers: frozenset[str]  # `The`: a name it opens is an organisation's (`The Fed`)
    word_names: frozenset[str]  # given names that are also words (`Agung`, `Bagus`)
    value_openers: frozenset[str]  # `Hakim`: a post's word at a value's start, a name's word elsewhere
    world_cities: frozenset[str]  # lower case: one-word cities abroad (`ankara`, `jeddah`)
    place_levels: frozenset[str]  # `Desa`, `Provinsi`: the words after them name a place, not a person
    minister_posts: tuple[str, ...]  # `Men`, `Wamen`: a minister's post, its portfolio after it
    national_posts: tuple[str, ...]  # `Men`, `Wamen`: a position word starting so is held over the country
    group_nouns: frozenset[str]  # `pejabat`, `petahana`: a group of office holders, named after a copula
    trial_words: frozenset[str]  # `terdakwa`, `vonis`: an article about a trial, whose `Hakim X` is a judge
    copulas: frozenset[str]  # `adalah`, `yakni`: the names of the group follow
    place_name_endings: frozenset[str]  # `Timur`, `Kidul`: the second word of a village's or district's name
    place_name_openers: frozenset[str]  # `Lumban`, `Sei`: the first word of one
    unit_name_endings: frozenset[str]  # `Brantas`, `Baluran`: the end of a river basin's or park's name
    unit_field_words: frozenset[str]  # fields in units' names the tables' names lack (`Mikro`, `Hortikultura`)
    body_name_openers: frozenset[str]  # `PT`, `Istana`: a position word after one is the name's (`PT Duta Palma`)
    spouse_roles: tuple[str, ...]  # `Ibu Negara`: a wife's role; her name may end with her husband's
    wife_honorifics: frozenset[str]  # `Ibu`, `Ny`: `Presiden dan Ibu Iriana` names the President's wife
    organisation_words: frozenset[str]  # `Institute`, `Ventures`: a body's name ends at them, never a person's
    namesake_bodies: frozenset[str]  # `RSUD`: a title after it opens the body's namesake (`RSUD dr. Soetomo`)
    common_words: frozenset[str]  # lower-case ordinary words: capitalised after a role, still the role's
    non_public_roles: frozenset[str]
    parties: frozenset[str]  # political parties: their posts are not public office, their boards not agencies
    company_suffixes: frozenset[str]  # `Limited`, `Tbk`: after an agency's name, a company that shares it
    attribution_verbs: frozenset[str]
    reporting_verbs: frozenset[str]  # `mengatakan`: a verb of saying after its subject (search/extract/quotes.py)
    reply_verbs: frozenset[str]  # `menjawab`: its subject speaks next, whoever named them before
    speaker_pronouns: frozenset[str]
    speech_adverbs: frozenset[str]
    anaphors: frozenset[str]
    government_cues: dict[str, tuple[tuple[str, ...], ...]]  # last word -> the words before it, per cue phrase
    not_subjects: frozenset[str]
    aside_openers: frozenset[str]
    passive_cues: frozenset[str]
    person_descriptions: frozenset[str]
    non_speakers: frozenset[str]
    lead_ins: frozenset[str]
    role_qualifiers: tuple[tuple[str, ...], ...]  # `saat itu`, `petahana`: between a post and its holder, read through
    post_objects: frozenset[str]  # `proyek`, `kegiatan`: open what a post is held for (`PPK proyek X, Name`)
    procurement_posts: frozenset[str]  # `Pejabat`, `PPK`, `KPA`: the posts post_objects may follow
    topic_shifts: frozenset[str]  # `sementara itu`: a lead-in that turns to someone else
    job_titles: frozenset[str]  # `Manager`, `Officer`: words of posts outside public office, never of a name
    object_markers: frozenset[str]  # `dengan`, `oleh`: a name right after one is no sentence's subject
    sentence_openers: frozenset[str]  # `Selain`, `Pihak`: a capitalised first word that opens no name
    address_forms: frozenset[str]  # `Gus`, `Cak`: before a name in an attribution, beside person_prefixes
    unnamed_openers: frozenset[str]  # `seorang`, `para`: a description of someone not named before
    relational_nouns: frozenset[str]  # `pengacara`, `kakak`: before a name, someone else tied to that person
    nickname_cues: tuple[tuple[str, str], ...]  # (`after`|`before`, `sapaan akrabnya`): a nickname is given
    organisation_heads: frozenset[str]  # `Laskar`, `Tim`: a name they open is an organisation's
    appositive_markers: frozenset[str]  # `sang`: `sang istri Vicky` is Vicky
    speech_objects: tuple[str, ...]  # `terima kasih`, `sambutan`: a saying verb's object, not a reported clause
    named_units: dict[str, NamedUnit]  # each prefix form -> its unit
    named_unit_short: dict[str, str]  # a written-out prefix -> the short one its acronym uses (`KBRI`)
    sub_units: tuple[SubUnit, ...]
    foreign_cities: frozenset[tuple[str, ...]]  # places abroad of two words or more, as word tuples
    embassy_capitals: dict[tuple[str, ...], str]  # a country's words -> the city its embassy is named after
    person_aliases: dict[str, str]  # nickname -> full name (Jokowi -> Joko Widodo)
    company_posts: frozenset[tuple[str, ...]]  # `Presiden Direktur`: a post only companies have, as word tuples
    shared_posts: frozenset[tuple[str, ...]]  # `wakil ketua`: a post several hold at once, lower-case word tuples
    acting_words: frozenset[str]  # `film`, `memerankan`: a post in brackets with a name is a part played
    unit_word_forms: dict[str, str]  # a short word in a unit's name -> written out (`Humas` -> `Hubungan Masyarakat`)
    spelling_variants: tuple[tuple[str, str], ...]  # (`oe`, `u`): one sound spelt two ways in names
    countries: tuple[str, ...]
    region_aliases: tuple[tuple[str, str], ...]  # (alias, region code)
    agencies: tuple[AgencyEntry, ...]
    regional_units: tuple[AgencyEntry, ...]
    regions: tuple[Region, ...]
    kecamatan_to_region: dict[str, str]  # lower-cased kecamatan name -> region code (unique names only)

    @cached_property
    def title_pair_seconds(self) -> frozenset[str]:
        """The second words of title_pairs.txt (`Seri`): asked before the pair is."""
        return frozenset(second for _, second in self.title_pairs)

    @cached_property
    def body_field_words(self) -> frozenset[str]:
        """The capitalised words of national bodies' and regional units' names (`Pariwisata`, `Logistik`),
        positions left out: what a portfolio or a field of a post is written with."""
        words = {word.strip(",") for entry in (*self.agencies, *self.regional_units) for word in entry.canonical.split()}
        return frozenset(word for word in words if word[:1].isupper()) - frozenset(self.positions)

    @cached_property
    def body_names(self) -> tuple[str, ...]:
        """Every name and alias of the national bodies and regional units (agencies.tsv, regional_units.tsv)."""
        return tuple(name for entry in (*self.agencies, *self.regional_units)
                     for name in (entry.canonical, *entry.aliases))

    @cached_property
    def written_forms(self) -> dict[str, str]:
        """How the word lists write a word, by its case-folded form: titles, degrees, ranks, positions and the
        words of bodies' names and aliases, acronyms of regions and of budgets (`bupati` -> `Bupati`, `s.sos.` ->
        `S.Sos.`, `akbp` -> `AKBP`, `oki` -> `OKI`, `apbd` -> `APBD`), short given names (`sri` -> `Sri`), the
        function words inside names in lower case (`dan`). What text in capitals is written again as
        (search/extract/casing.py); a capitalised form wins over one in capitals or in lower case (`Pj`, `PJ`; `Dr.`,
        `dr.`), and of two capitalised forms the first in sorted order (`MenPUPR` before `Menpupr`), whatever the order
        of the sets they come from."""
        acronyms = (*read_data_lines("title_acronyms.txt"), *(alias for alias, _ in self.region_aliases))
        words = [*self.abbreviations, *self.positions, *self.agency_posts, *self.place_levels, *self.parties,
                 *(word.strip(",") for name in self.body_names for word in name.split()),
                 *(word for word in acronyms if word.isupper()), *read_lines("short_name_words.txt")]
        forms: dict[str, str] = {}
        for word in sorted(words, key=lambda form: (not form[:1].isupper(), form.isupper(), form)):
            forms.setdefault(word.casefold(), word)
        forms.update((word.casefold(), word) for word in (*self.connectors, *read_data_lines("title_small_words.txt"))
                     if word.islower())
        return forms

    @cached_property
    def region_names(self) -> frozenset[str]:
        """Every province's, kabupaten's and kota's short name in lower case (`jawa tengah`, `sungai penuh`)."""
        return frozenset(region.short_name.casefold() for region in self.regions)

    @cached_property
    def post_word_forms(self) -> frozenset[str]:
        """Case-folded words that say a post, a title or a body is named (`bupati`, `h.`, `dinas`, `pemkab`): the
        first word of each body's name and alias, beside positions, titles, degrees, ranks and place levels."""
        words = [*self.abbreviations, *self.positions, *self.agency_posts, *self.place_levels,
                 *(name.split()[0] for name in self.body_names if name.split())]
        return frozenset(word.casefold() for word in words)

    @cached_property
    def alias_full_names(self) -> frozenset[str]:
        """The full names person_aliases.tsv gives (`Joko Widodo`)."""
        return frozenset(self.person_aliases.values())

    @cached_property
    def regions_by_code(self) -> dict[str, Region]:
        return {region.code: region for region in self.regions}

    @cached_property
    def cities_by_name(self) -> dict[str, tuple[Region, ...]]:
        """Kabupaten and kota by lower-case short name (several share a name: Bandung, Bogor…)."""
        found: dict[str, list[Region]] = {}
        for region in self.regions:
            if region.level != "provinsi":
                found.setdefault(region.short_name.lower(), []).append(region)
        return {name: tuple(regions) for name, regions in found.items()}

    @cached_property
    def province_names(self) -> frozenset[str]:
        """Lower-case short names of the provinces (`maluku`, `jawa timur`)."""
        return frozenset(region.short_name.lower() for region in self.regions if region.level == "provinsi")

    @cached_property
    def region_alias_names(self) -> frozenset[str]:
        """Lower-case short forms of regions (`tangsel`, `lamsel`)."""
        return frozenset(alias.lower() for alias, _ in self.region_aliases)

    @cached_property
    def description_openers(self) -> frozenset[str]:
        """person_descriptions.txt as written in a sentence and at its start (`Mantan`, `Pria`)."""
        return frozenset(form for word in self.person_descriptions for form in (word, word.capitalize()))

    @cached_property
    def kecamatan_names(self) -> frozenset[str]:
        """Every lower-case kecamatan name, shared by several regions or not (`tanah abang`)."""
        with resources.files(DATA_PACKAGE).joinpath("kecamatan.csv").open(encoding="utf-8") as handle:
            return frozenset(" ".join(row[1].split()).lower() for row in csv.reader(handle) if len(row) > 1)

    @cached_property
    def kecamatan_codes(self) -> dict[str, frozenset[str]]:
        """Lower-cased kecamatan name -> the codes of every kabupaten/kota with a kecamatan of that name."""
        found: dict[str, set[str]] = {}
        with resources.files(DATA_PACKAGE).joinpath("kecamatan.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                found.setdefault(" ".join(row["nama"].split()).lower(), set()).add(row["kode"].rsplit(".", 1)[0])
        return {name: frozenset(codes) for name, codes in found.items()}

    @cached_property
    def country_names(self) -> frozenset[str]:
        return frozenset(country.lower() for country in self.countries)

    @cached_property
    def quote_triggers(self) -> frozenset[str]:
        """Lower-case words that may open a report of speech (search/extract/quotes.py looks no further)."""
        cues = self.attribution_verbs | {verb + "nya" for verb in self.attribution_verbs}
        return cues | self.reporting_verbs | self.passive_cues | {"menurut", "menurutnya"}

    @cached_property
    def named_unit_prefixes(self) -> dict[str, tuple[str, ...]]:
        """A named unit's prefixes by their first word, the longest first (`Kedutaan Besar Republik Indonesia`)."""
        found: dict[str, list[str]] = {}
        for prefix in self.named_units:
            found.setdefault(prefix.split()[0], []).append(prefix)
        return {word: tuple(sorted(prefixes, key=lambda p: -len(p.split()))) for word, prefixes in found.items()}

    @cached_property
    def camel_case_names(self) -> frozenset[str]:
        """Words of the parties' and agencies' names written in camel case (`NasDem`, `KemenPANRB`): one word
        each, never two run together (search/extract/__init__.py's unglued)."""
        names = [*self.parties, *(name for entry in self.agencies for name in (entry.canonical, *entry.aliases))]
        return frozenset(word for name in names for word in name.split() if CAMEL_CASE.search(word))

    @cached_property
    def role_openers(self) -> frozenset[str]:
        """Words that may open an official's role: positions, agency posts, lower-case positions."""
        return self.positions | self.agency_posts | self.lowercase_positions

    @cached_property
    def name_word_verdicts(self) -> dict[str, bool]:
        """Whether a capitalised text may be a name word by itself: search/extract/officials.py fills it, within
        its budget, so that each distinct text of the corpus is judged once."""
        return {}

    @cached_property
    def sub_unit_prefixes(self) -> dict[str, tuple[tuple[SubUnit, tuple[str, ...]], ...]]:
        """Each sub-unit prefix form under its first word, with its unit, in the order of sub_units.tsv."""
        found: dict[str, list[tuple[SubUnit, tuple[str, ...]]]] = {}
        for unit in self.sub_units:
            for prefix in unit.prefixes:
                found.setdefault(prefix[0], []).append((unit, prefix))
        return {first: tuple(forms) for first, forms in found.items()}

    @cached_property
    def officer_rank_cues(self) -> frozenset[str]:
        """The ranks that may name an officer with no post written: always, or with a qualifier after them."""
        return self.officer_ranks | self.qualified_ranks.keys()

    @cached_property
    def role_qualifier_starts(self) -> frozenset[str]:
        """The first words of role_qualifiers: most tokens are none, and are passed at once."""
        return frozenset(words[0] for words in self.role_qualifiers)

    @cached_property
    def rank_grades(self) -> frozenset[str]:
        """The grades and services written after a rank (`Satu`, `Besar`, `Polisi`, `TNI`: qualified_ranks.tsv)."""
        return frozenset(grade for grades in self.qualified_ranks.values() for grade in grades if grade.isalpha())

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Tokens that end with a full stop which does not end a sentence."""
        return (self.person_prefixes | self.degree_suffixes | self.ranks | self.adat_titles
                | frozenset(read_lines("name_abbreviations.txt")))


def _with_deputy_ministers(positions: list[str]) -> frozenset[str]:
    """The positions, and a deputy's short title for every minister's (`Menpora` -> `Wamenpora`, `MenBUMN` ->
    `WamenBUMN`); `Menteri` and `Menko` have none."""
    deputies = {"Wamen" + word[3:] for word in positions if word.startswith("Men") and word not in ("Menteri", "Menko")}
    return frozenset(positions) | deputies


def _phrases_by_last_word(lines: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases of one word or more, found by their last word: that word -> the words before it, per phrase."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in lines:
        *before, last = line.split()
        phrases.setdefault(last, []).append(tuple(before))
    return {last: tuple(befores) for last, befores in phrases.items()}


def read_lines(name: str, package: str = DATA_PACKAGE) -> list[str]:
    return read_data_lines(name, package)


def _directorate_general_names(lines: list[str]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(written form, full name) for each line `Name|Short|…` of directorates_general.txt, longest form first."""
    pairs = []
    for line in lines:
        forms = [form.split() for form in line.split("|") if form.strip()]
        pairs += [(tuple(form), tuple(forms[0])) for form in forms]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def read_table(name: str) -> list[AgencyEntry]:
    entries = []
    for line in read_lines(name):
        cells = line.split("\t") + ["", "", ""]
        canonical, aliases, kind, parent = (cell.strip() for cell in cells[:4])
        entries.append(AgencyEntry(
            canonical=canonical,
            aliases=tuple(alias.strip() for alias in aliases.split("|") if alias.strip()),
            kind=kind or "regional_unit",
            parent=parent or None,
        ))
    return entries


def read_named_units() -> tuple[dict[str, NamedUnit], dict[str, str]]:
    """named_units.tsv: each prefix form -> its unit, and each written-out form -> the short one its acronym uses
    (`Kedutaan Besar Republik Indonesia` -> `KBRI`)."""
    units: dict[str, NamedUnit] = {}
    short: dict[str, str] = {}
    for cells in (line.split("\t") for line in read_lines("named_units.tsv")):
        forms = cells[0].split("|")
        joiner, parent = (cells[4:] + ["", ""])[:2]
        unit = NamedUnit(cells[1], cells[2], int(cells[3]), joiner.strip() or " ", parent.strip())
        units.update((form, unit) for form in forms)
        short.update((form, forms[0]) for form in forms[1:])
    return units, short


def read_sub_units() -> list[SubUnit]:
    units = []
    for line in read_lines("sub_units.tsv"):
        cells = line.split("\t") + ["", "", ""]
        prefixes, template, qualifier, kinds = (cell.strip() for cell in cells[:4])
        units.append(SubUnit(tuple(tuple(form.split()) for form in prefixes.split("|")), template, qualifier,
                             frozenset(kind for kind in kinds.split("|") if kind)))
    return units


def read_regions() -> list[Region]:
    regions = []
    with resources.files(DATA_PACKAGE).joinpath("regions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name, level = " ".join(row["nama"].split()), row["level"].strip()
            if level == "provinsi":
                short, full = name, f"Provinsi {name}"
            else:
                short, full = name, name
                for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
                    if name.startswith(prefix):
                        short = name[len(prefix):]
                        break
                if not full.startswith(("Kabupaten ", "Kota ")):
                    full = f"{'Kabupaten' if level == 'kabupaten' else 'Kota'} {short}"
            regions.append(Region(row["kode"], full, short, level, row["kode_provinsi"]))
    return regions


def read_kecamatan(regions: list[Region]) -> dict[str, str]:
    """Map kecamatan names that are unique across Indonesia to their kabupaten/kota code."""
    known_codes = {region.code for region in regions}
    seen: dict[str, set[str]] = {}
    with resources.files(DATA_PACKAGE).joinpath("kecamatan.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            region_code = row["kode"].rsplit(".", 1)[0]
            if region_code in known_codes:
                seen.setdefault(row["nama"].strip().lower(), set()).add(region_code)
    return {name: codes.pop() for name, codes in seen.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    regions = read_regions()
    named_units, named_unit_short = read_named_units()
    headline_verbs = frozenset(read_lines("headline_verbs.txt"))
    return Lexicon(
        person_prefixes=frozenset(read_lines("person_prefixes.txt")),
        degree_suffixes=frozenset(read_lines("degree_suffixes.txt")),
        ranks=frozenset(read_lines("ranks.txt")),
        officer_ranks=frozenset(read_lines("officer_ranks.txt")),
        qualified_ranks={cells[0]: frozenset(cells[1].split("|"))
                         for cells in (line.split("\t") for line in read_lines("qualified_ranks.tsv"))},
        directorate_general_names=_directorate_general_names(read_lines("directorates_general.txt")),
        positions=_with_deputy_ministers(read_lines("positions.txt")),
        lowercase_positions=frozenset(read_lines("positions_lowercase.txt")),
        agency_posts=frozenset(read_lines("agency_posts.txt")),
        generic_posts=frozenset(read_lines("generic_posts.txt")),
        public_unit_words=frozenset(read_lines("public_unit_words.txt")),
        society_post_words=frozenset(read_lines("society_post_words.txt")),
        post_completions={cells[0]: frozenset(cells[1].split("|"))
                          for cells in (line.split("\t") for line in read_lines("post_completions.tsv"))},
        role_words=frozenset(read_lines("role_words.txt")),
        connectors=frozenset(read_lines("connectors.txt")),
        particles=frozenset(read_lines("particles.txt")),
        stopwords=frozenset(read_data_lines("stopwords.txt")),
        not_names=frozenset(read_lines("not_names.txt")) | headline_verbs,
        headline_verbs=headline_verbs,
        name_closers=frozenset(read_lines("name_closers.txt")),
        adat_titles=frozenset(read_lines("adat_titles.txt")),
        name_openers=frozenset(tuple(line.split()) for line in read_lines("name_openers.txt")),
        not_person_names=frozenset(line.lower() for line in read_lines("not_person_names.txt")),
        non_person_openers=frozenset(read_lines("non_person_openers.txt")),
        word_names=frozenset(read_lines("word_names.txt")),
        value_openers=frozenset(read_lines("value_openers.txt")),
        world_cities=frozenset(line.lower() for line in read_lines("world_cities.txt")),
        place_levels=frozenset(read_lines("place_levels.txt")),
        place_name_endings=frozenset(read_lines("place_name_endings.txt")),
        place_name_openers=frozenset(read_lines("place_name_openers.txt")),
        unit_name_endings=frozenset(read_lines("unit_name_endings.txt")),
        unit_field_words=frozenset(read_lines("unit_field_words.txt")),
        national_posts=tuple(read_lines("national_posts.txt")),
        minister_posts=tuple(read_lines("minister_posts.txt")),
        group_nouns=frozenset(read_lines("group_nouns.txt")),
        trial_words=frozenset(read_lines("trial_words.txt")),
        copulas=frozenset(read_lines("copulas.txt")),
        title_pairs=frozenset(tuple(line.split(" ", 1)) for line in read_lines("title_pairs.txt")),
        spouse_roles=tuple(read_lines("spouse_roles.txt")),
        wife_honorifics=frozenset(read_lines("wife_honorifics.txt")),
        body_name_openers=frozenset(read_lines("body_name_openers.txt")),
        organisation_words=frozenset(read_lines("organisation_words.txt")),
        namesake_bodies=frozenset(read_lines("namesake_bodies.txt")),
        common_words=frozenset(read_lines("common_words.txt")),
        non_public_roles=frozenset(read_lines("non_public_roles.txt")),
        parties=frozenset(read_lines("parties.txt")),
        company_suffixes=frozenset(read_lines("company_suffixes.txt")),
        attribution_verbs=frozenset(read_lines("attribution_verbs.txt")),
        reporting_verbs=frozenset(read_lines("reporting_verbs.txt")),
        reply_verbs=frozenset(read_lines("reply_verbs.txt")),
        speaker_pronouns=frozenset(read_lines("speaker_pronouns.txt")),
        speech_adverbs=frozenset(read_lines("speech_adverbs.txt")),
        anaphors=frozenset(read_lines("anaphors.txt")),
        government_cues=_phrases_by_last_word(read_lines("government_cues.txt")),
        not_subjects=frozenset(read_lines("not_subjects.txt")),
        aside_openers=frozenset(read_lines("aside_openers.txt")),
        passive_cues=frozenset(read_lines("passive_cues.txt")),
        person_descriptions=frozenset(read_lines("person_descriptions.txt")),
        non_speakers=frozenset(read_lines("non_speakers.txt")),
        lead_ins=frozenset(read_lines("lead_ins.txt")),
        role_qualifiers=tuple(sorted((tuple(line.split()) for line in read_lines("role_qualifiers.txt")),
                                     key=len, reverse=True)),
        post_objects=frozenset(read_lines("post_objects.txt")),
        procurement_posts=frozenset(read_lines("procurement_posts.txt")),
        topic_shifts=frozenset(read_lines("topic_shifts.txt")),
        job_titles=frozenset(read_lines("job_titles.txt")),
        object_markers=frozenset(read_lines("object_markers.txt")),
        sentence_openers=frozenset(read_lines("sentence_openers.txt")),
        address_forms=frozenset(read_lines("address_forms.txt")),
        unnamed_openers=frozenset(read_lines("unnamed_openers.txt")),
        relational_nouns=frozenset(read_lines("relational_nouns.txt")),
        organisation_heads=frozenset(read_lines("organisation_heads.txt")),
        appositive_markers=frozenset(read_lines("appositive_markers.txt")),
        nickname_cues=tuple(tuple(line.split("\t")[:2]) for line in read_lines("nickname_cues.tsv")),
        speech_objects=tuple(read_lines("speech_objects.txt")),
        named_units=named_units,
        named_unit_short=named_unit_short,
        sub_units=tuple(read_sub_units()),
        foreign_cities=frozenset(tuple(line.split()) for line in read_lines("foreign_cities.txt")),
        embassy_capitals={tuple(country.split()): city for country, city in
                          (line.split("\t")[:2] for line in read_lines("embassy_capitals.tsv"))},
        person_aliases=dict(tuple(line.split("\t")[:2]) for line in read_lines("person_aliases.tsv")),
        company_posts=frozenset(tuple(line.split()) for line in read_lines("company_posts.txt")),
        shared_posts=frozenset(tuple(line.split()) for line in read_lines("shared_posts.txt")),
        acting_words=frozenset(read_lines("acting_words.txt")),
        unit_word_forms=dict(tuple(line.split("\t")[:2]) for line in read_lines("unit_word_forms.tsv")),
        spelling_variants=tuple(tuple(line.split("\t")[:2]) for line in read_lines("spelling_variants.tsv")),
        countries=tuple(read_lines("countries.txt")),
        region_aliases=tuple(tuple(line.split("\t")[:2]) for line in read_lines("region_aliases.tsv")),
        agencies=tuple(read_table("agencies.tsv")),
        regional_units=tuple(read_table("regional_units.tsv")),
        regions=tuple(regions),
        kecamatan_to_region=read_kecamatan(regions),
    )
