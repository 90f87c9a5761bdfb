"""The regions an article is about: kabupaten/kota and provinces, by their Kemendagri codes.

Every region name in the text is a *mention*, weighed by the words right before it (`region_cues.tsv`):
1. a regional body acting (`Pemkab Lampung Selatan`, `DPRD Kota Bandar Lampung`, `Polres Malang`, and the
   units of `regional_units.tsv`: `Dinkes Surabaya`) or an office holder's regional role (`Bupati Lampung
   Selatan`, `Kapolres Jember`) weighs most; the regional bodies the agency extractor resolved add to it;
2. the dateline place, a city or a kecamatan of the gazetteer (`Kalianda` lies in Lampung Selatan; also when
   written after the outlet's name, `JUARA.NET, SOLO -`), and a kecamatan named as one (`Kecamatan Sukawati`;
   in a story of Jakarta's own government a Jakarta kecamatan or landmark named bare, `Tanah Abang`, `kawasan
   Kemang`, as a locator), weigh as much as a name written with its level
   (`Kabupaten Pasuruan`) or a local election (`Pilkada Surabaya`); `di` before the level word, or before a
   chain of places that ends in the region (`di kawasan Ancol, Jakarta Utara`), weighs as a body;
   `Kabupaten / Kota Tasikmalaya` names both; a list after a count of places and `di antaranya` (`dikirim ke 6
   titik. Diantaranya Bangkalan, Sampang, ...`, region_count_openers.txt) weighs as a body wherever it stands;
   a kecamatan several kabupaten share counts for the one of them the article names, and so does a kecamatan's
   post or police sector named like a kab/kota (`Camat Karanganyar`, `Kapolsek Bandung` of Demak's and
   Tulungagung's kecamatan), never its namesake; a kecamatan or landmark of
   the national seat followed by `Jakarta` alone
   (`di Taman Impian Jaya Ancol, Jakarta`, region_landmarks.tsv) counts for its kota (rule J2);
3. a bare name (`di Sidoarjo`) weighs least; `di Kabupaten X` as a body; the title adds to a region the body
   gives more than one bare mention for.
A role or body word also decides between a kabupaten and a kota of one name (`Bupati Malang`, `Pemkot
Malang`), and so does a kecamatan before it (`Babakan Madang, Bogor`); a well-known site before a name says
which kab/kota of its province it lies in (`Si Jalak Harupat, Bandung` is Kabupaten Bandung, `Bandara Juanda,
Surabaya` is Sidoarjo: region_sites.tsv, rule R3); a bare shared name goes to whichever of them the rest of
the article supports, else to the kota.

What is not evidence: a name preceded or followed by another capitalised word, which makes it part of a
longer name (`Jati Padang`, `Bank Jatim`, `Bima Arya`); a name after a word of origin or direction (`asal
Garut`, `arah Surabaya`, `dari Medan`); the dateline counted a second time; where someone spoke (`ujarnya
ketika ditemui di Surabaya`); a place inside a region of another province (`Epicentrum, Kuningan, Jakarta`);
the address of a national or provincial seat (`Kantor KPK, ..., Jakarta Selatan`, `Gedung Sate, Bandung`);
a name that is a common word too (`region_ambiguous_names.txt`: `Batu`, `Solo`, `Metro`) unless a naming cue
says which region it is; a kecamatan whose namesake lies in a province the article does not name; an office
holder's title alone, once and past the lead (a province's too), or in a story of its province's own election (a
candidate's attribute: `Pilgub Jatim ... Bupati Banyuwangi Azwar Anas`); a place in a sentence of someone's past
(`kuliah di …`, `pernah …`: background_words.txt); the `DI` of `DI Yogyakarta`, which is the
province; `para Pati` (generals) and `perwira tinggi (Pati)`; a person's address (`beralamat di X`); four or
more kab/kota named only in passing (examples), also after `di`, unless the article names the area they
make up (`Jabodetabek`: region_listed_areas.tsv); a place mentioned once in passing (its weight
stays below the threshold); a district court of the national seat (`Pengadilan Negeri Jakarta Selatan`, rule N2);
in a story of national bodies (KPK, DPR, ministries), a kota of the national seat nothing but a place chain or a
bare name speaks for (`di RSPAD Gatot Subroto, Jakarta Pusat`: a venue), and any kab/kota named once past the
lead (where a national figure is held: background) unless a verb of happening puts the story's event there
(`Kecelakaan itu terjadi di Jalan Permata Hijau, Jakarta Selatan`); bare places in two or more kab/kota of a
province whose own government acts (`banjir di Kampung Pulo dan Kelapa Gading`: the province's examples, J2); a
province whose body is named once, past the lead (`akun Instagram TMC Polda Metro Jaya`); beside a kab/kota the story
is plainly about, one with a third of its evidence or less and none of its kecamatan named (the region compared
with, an official's former or next post, a club's home, a kabupaten a kecamatan is named like: Evidence.dominated).
Jakarta written bare (`Jakarta`, `DKI`) names the province, and a province needs a body, a role or its
level word to be listed, so national bodies sitting in Jakarta do not make a story regional.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from bisect import bisect_right
from dataclasses import dataclass, replace
from importlib import resources
from functools import cached_property, lru_cache

from .gazetteer import Gazetteer, Match
from .lexicon import DATA_PACKAGE, Lexicon, Region, load_lexicon, read_lines
from .places import outlet_lead_end, region_of_place
from .tokens import QUOTES, SENTENCE_END, Token, Tokens

WEIGHTS = {"body": 3.0, "role": 3.0, "agency": 3.0, "kecamatan": 3.0, "level at": 3.0, "place at": 3.0,
           "counted": 3.0,
           "level": 2.0, "event": 2.0, "branch": 2.0, "at": 2.0, "area at": 2.0, "locator": 2.0, "dateline": 2.0,
           "title": 2.0, "bare": 1.0}
STRONG_KINDS = frozenset({"body", "role", "agency", "level", "event", "branch"})  # say a province acts
NAMING_KINDS = frozenset({"body", "role", "agency", "level", "level at", "event", "kecamatan", "area at", "counted",
                          "dateline"})  # say which region a name is
TITLE_SUPPORT = 2.0  # body evidence a region needs before the title counts: one bare mention is not enough
LEAD_BONUS = 1.0  # a mention in the first LEAD_CHARS characters of the body
LEAD_CHARS = 300
DATELINE_OFFSET = 2  # characters between the title's end and the dateline (the newline, a space)
CITY_THRESHOLD = 3.0  # a kabupaten/kota is listed from this much evidence on
ROLE_ONLY_THRESHOLD = 4.0  # an office holder's title alone (`Wali Kota Bandung itu`) needs two, or the lead;
# so do bare names alone (`kelompok Ambon`, `ke Makassar`: no word says anything happens there)
OVERSHADOWED = 4.0  # a kab/kota named once in passing beside one with this many times its evidence: background
DOMINANT_TOP = 17.0  # evidence of a kab/kota the story is plainly about (a dateline, its bodies, roles, title)
DOMINANT_SHARE = 3.0  # beside it, a kab/kota with a third of that or less is background (Evidence.dominated)
ROUNDUP_CITIES = 4  # this many kab/kota with no body, role or level word of their own: examples (N1, P6)
ROUNDUP_MANY = 7  # this many kab/kota named in an article: those named once, with nothing acting, are list items
PROVINCE_THRESHOLD = 3.0  # a province alone, from bodies, roles and level words
PROVINCE_MENTIONS = 4  # or from this many mentions of any kind (never for the seat of national bodies)
REGIONAL_AGENCY_KINDS = frozenset({"regional_government", "regional_legislature", "commission", "police",
                                   "prosecutor"})
LEVEL_PREFERENCE = ("provinsi", "kota", "kabupaten")  # a bare shared name nothing else decides
MAX_PARENTHESIS = 6
POST_REACH = 60  # characters before a body's name where `anggota` or a former post is looked for
MAX_POST_WORDS = 4  # capitalised words of a post written between `mantan` and the body it was held in
SERVING_VERBS, EARLIER_WORDS = frozenset({"menjabat", "bertugas"}), frozenset({"sebelumnya", "pernah"})  # `Zainal
# sebelumnya menjabat Kepala Dinas Pendidikan Kabupaten Banjar`: a post held before, as after `mantan`
PASSING = frozenset({"origin", "former role", "people"})  # cues that make a mention a passing one or none
KECAMATAN_WORDS = 3  # words of a kecamatan's name before a shared region name
KECAMATAN_LEVEL = "kecamatan"  # region_cues.tsv: a cue whose name is a kecamatan's (`Polsek`, `Camat`)
SITE_WORDS = 8  # tokens of a site's name before a region name (`Bandar Udara Internasional I Gusti Ngurah Rai`)
PLACE_WORDS = 4  # capitalised words of a place's name before a region name
ORIGIN_CHAIN = 8  # tokens of a place chain (`Kecamatan Bangsalsari, Kabupaten`) between `asal` and a name
ORIGIN_REACH = 16  # characters before `Kecamatan` where a word of origin is looked for
ADDRESS_CHAIN = 16  # tokens of an address (`Desa Tulis RT 03 / 03 Kecamatan Lasem, Kabupaten`) after `warga`
ADDRESS_REACH = 120  # characters before `Kecamatan` where such an address is looked for
_ADDRESS_TOKEN = re.compile(r"[^\W_]+|[,/)]")
STATEMENT_TAIL = 14  # tokens of a province and a date between a place and the verb of saying after it
DATE_MARKS = frozenset({",", "(", ")", "/"})
STATEMENT_REACH = 10  # tokens back from `di X` to a verb of saying in the same sentence
STATEMENT_LOOK = 40  # tokens back at most, the speaker's title and name included (a capitalised run has no end)
AT_CHAIN = 12  # tokens of a chain of places after `di` (`Kantor Bea Cukai Juanda, Jalan Raya Juanda, Kabupaten`)
AT_REACH = 3  # lower-case words between `di` and a place chain (`di sekitar jalur pendakian Sembalun, ...`)
KECAMATAN = re.compile(r"\b(?:[Kk]ecamatan|Kec\.)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
_NON_WORD = re.compile(r"[\W_]+")
NATIONAL_SEAT_KINDS = frozenset({"ministry", "coordinating_ministry", "commission", "legislature", "court",
                                 "presidential_office", "central_bank", "auditor"})  # agencies.tsv kinds
ACTING_KINDS = frozenset({"body", "role", "agency"})  # a region's own government, police or office holder
WEAK_KINDS = frozenset({"bare", "at", "locator", "place at"})
LISTED_ACTING = frozenset({"body", "role", "agency", "event", "kecamatan", "dateline"})  # more than a list item  # a name with nothing of its own saying it acts
HAPPENING_VERBS = frozenset(read_lines("happening_verbs.txt"))  # before `di`: where the story's event is
SCATTERED_KINDS = frozenset({"locator", "at", "bare"})  # a place inside a kab/kota, named with nothing acting there
AT_KINDS = frozenset({"at", "level at", "place at"})  # where something happens
NATIONAL_STORY = 2  # mentions of national bodies that make a story theirs (the national seat their venue)
SEAT_REACH = 15  # tokens back from a Jakarta kota to the seat of a national body
NEAR_ORIGINS = frozenset({"dari"})  # words of origin that, before a place (`dari Rutan X, Pekanbaru`), say where
COMPASS = frozenset({"timur", "barat", "utara", "selatan", "tengah"})  # after a name no region has with them
ROLE_QUALIFIERS = frozenset({"nonaktif", "terpilih", "definitif", "terdahulu"})  # between a role and its region
NAME_JOINERS = frozenset({"and", "&"})  # inside a capitalised place's name: `Hotel and Convention`
LIST_WORDS = frozenset({"dan", "serta", "atau", "hingga", "sampai"})
AREA_WORDS = frozenset({"wilayah", "kawasan", "daerah"})  # lower case, between `meliputi` and a list
ENUMERATION_REACH = 24  # tokens of a list between its enumerating word and a name
COUNT_REACH = 4  # tokens between a count of places (`6 titik`) and `di antaranya` (`.` included)
SPECIAL_PREFIX = "daerah istimewa "  # written `DI` before the name, in capitals: not the preposition `di`
PERSON_ORIGINS = frozenset({"asal", "asli", "kelahiran", "berdarah", "aksen", "logat", "dialek"})  # in a title,
# where a person comes from (`istri petinggi isis asal bekasi`), not where a story goes (`meluncur dari ntb`,
# `caleg dapil jatim`): the words of origin a title's name is not counted after
_CALENDAR = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"})


@dataclass(frozen=True)
class Cue:
    """What the words before a region name say: the kind of evidence and the levels the name can be."""

    kind: str  # body | role | level | event | origin | former
    levels: frozenset[str]  # empty: any level
    shared: str = ""  # the level of a name a kabupaten and a kota share (`Polres Blitar` is the kabupaten's police,
    # `Polres Blitar Kota` the kota's), when `Kota` does not follow and nothing else in the article decides


@dataclass(frozen=True)
class RegionWords:
    cues: dict[str, Cue]  # lower-case words, space separated -> cue
    longest: int  # words in the longest cue
    last_words: frozenset[str]  # the last word of every cue: most words before a name are none of them
    function_words: frozenset[str]  # `di`, `dan`: capitalised at a sentence start, they join no name
    coverage: dict[str, frozenset[str]]  # region or province code -> other provinces it counts under
    national_seats: frozenset[str]  # province codes
    attribution_verbs: frozenset[str]  # `kata`, `ujar`: `kata Kapolda di Padang` is where a statement was made
    statement_before: frozenset[str]  # `kata`, `ujarnya`, `ditemui`: before `di X`, where a statement was made
    statement_after: frozenset[str]  # `kata`, `mengatakan`: right after a place, the same
    place_words: frozenset[str]  # lower case: `hotel`, `stasiun`, the start of a place's name
    origin_words: frozenset[str]  # the one-word cues of origin: `asal`, `kelahiran`
    names: dict[str, tuple[str, ...]]  # region code -> its lower-case short name and aliases
    ambiguous: frozenset[str]  # lower case: names that are common words too (`batu`, `puncak`, `bima`, `solo`)
    seat_places: frozenset[str]  # `istana`, `kpk`, `balai kota`: a Jakarta kota after them is their address
    national_bodies: frozenset[str]  # `kemendikbud`, `kemenhub`: a place chain after them is their venue (N3)
    special_provinces: dict[str, Region]  # `yogyakarta` -> Daerah Istimewa Yogyakarta: `DI Yogyakarta`
    areas: dict[str, tuple[str, ...]]  # `Madura` -> the codes of its kabupaten (region_areas.tsv)
    listed_areas: dict[str, tuple[str, ...]]  # `Jabodetabek` -> the codes of its kab/kota (region_listed_areas.tsv)
    residence_words: frozenset[str]  # `beralamat`: `beralamat di X` is a person's address
    provincial_seats: frozenset[str]  # `grahadi`, `mapolda`: a kab/kota after them is their address
    seat_kecamatan: dict[str, str]  # `Tanah Abang`, `Kemang` -> 31.71, 31.74: Jakarta's kecamatan and landmarks
    seat_places_named: Gazetteer[str]  # `Ancol`, `Cilandak`: places of the national seat -> their kota's code
    sites: Gazetteer[str]  # `Si Jalak Harupat`, `Bandara Juanda`: sites elsewhere -> their kab/kota's code
    residents: frozenset[str]  # `warga`: before an address (`warga Desa X, Kecamatan Y`), where someone lives
    address_words: frozenset[str]  # `desa`, `jalan`, `rt`: the words that open such an address
    features: frozenset[str]  # `danau`, `gunung`: a name after them in a title is a lake's, a mountain's
    enumerators: frozenset[str]  # `meliputi`, `yakni`: open the full list of an area's kab/kota
    count_openers: frozenset[str]  # `di antaranya`: opens a full list only after a count of places
    count_units: frozenset[str]  # `titik`, `kabupaten`: the places such a count counts
    count_words: frozenset[str]  # `lima`: number words of such a count
    background_words: frozenset[str]  # `dibesarkan`, `kuliah`, `pernah`: a sentence of someone's past (N1)


@dataclass(frozen=True)
class ArticleText:
    """The article as extraction reads it, with the region (and country) names already found in it."""

    text: str
    tokens: Tokens
    names: list[Match]
    title: str  # the article's title
    title_end: int  # characters of `text` that are the title; 0 when `text` leaves the title out
    place: str | None  # the dateline place


@dataclass(frozen=True)
class Mention:
    candidates: tuple[Region, ...]  # the regions the name may be, narrowed by its cue
    kind: str
    bonus: float = 0.0
    ambiguous: bool = False  # written as a name that is a common word too: counts for a named region only
    preferred: str = ""  # the level a shared name takes when nothing else in the article decides (Cue.shared)
    happened: bool = False  # where the story's event happened: `terjadi di …` (HAPPENING_VERBS)
    named_elsewhere: bool = False  # counts only for a candidate the rest of the article names (a kecamatan's)


class Evidence:
    """What the article says for each region: a weighted sum, and for provinces what says they act."""

    def __init__(self) -> None:
        self.scores: dict[str, float] = {}
        self.strong: dict[str, float] = {}  # province code -> weight of bodies, roles and level words
        self.mentions: dict[str, int] = {}  # province code -> mentions of any kind
        self.named: set[str] = set()  # codes some body, role, level word, kecamatan or dateline speaks for
        self.kinds: dict[str, set[str]] = {}  # code -> the kinds of its evidence
        self.counts: dict[str, int] = {}  # code -> how many mentions speak for it
        self.central: set[str] = set()  # codes named in the lead, or as where something happened (`Kecelakaan
        # itu terjadi di Jalan Permata Hijau, Jakarta Selatan`): the story's place, never its background
        self.tally: dict[str, Counter] = {}  # code -> kind -> mentions, never forgotten (bench/region_scorer.py)
        self.lead: set[str] = set()  # codes named in the lead
        self.happened: set[str] = set()  # codes named where a verb of happening puts the story's event
        self.forgotten: dict[str, str] = {}  # code -> the rule that forgot its evidence

    def add(self, region: Region, kind: str, bonus: float = 0.0, happened: bool = False) -> None:
        weight = WEIGHTS[kind] + bonus
        self.scores[region.code] = self.scores.get(region.code, 0.0) + weight
        if kind in NAMING_KINDS:
            self.named.add(region.code)
        self.kinds.setdefault(region.code, set()).add(kind)
        if kind != "agency":  # the agency extractor's regional body is a mention counted already
            self.counts[region.code] = self.counts.get(region.code, 0) + 1
        self.tally.setdefault(region.code, Counter())[kind] += 1
        if bonus > 0 or happened:
            self.central.add(region.code)
        if bonus > 0:
            self.lead.add(region.code)
        if happened:
            self.happened.add(region.code)
        if region.level == "provinsi":
            self.mentions[region.code] = self.mentions.get(region.code, 0) + 1
            if kind in STRONG_KINDS:
                self.strong[region.code] = self.strong.get(region.code, 0.0) + weight

    def drop_background(self, seats: frozenset[str]) -> None:
        """In a story of national bodies, forget the kab/kota of the national seat that only weak evidence speaks
        for (`di RSPAD Gatot Subroto, Jakarta Pusat`: a venue, N2), and any kab/kota named once past the lead
        (`Ahok kini mendekam di Rutan Mako Brimob, Depok`: background, N1)."""
        venues = {seat for seat in seats if not self.kinds.get(seat, set()) & ACTING_KINDS}  # J3: not when the
        # seat's own government or police act (Polda Metro Jaya on a crime in Kelapa Gading)
        for code in [code for code, kinds in self.kinds.items() if "." in code and (
                (code.split(".")[0] in venues and kinds <= WEAK_KINDS)
                or (self.counts.get(code, 0) <= 1 and code not in self.central))]:
            self._forget(code, "background")

    def overshadowed(self, titled: set[str]) -> set[str]:
        """The kab/kota named once past the lead, where nothing says the story happens, beside a kab/kota
        the story is plainly about (OVERSHADOWED times its evidence or more): `mendarat di Bandara Jenderal Ahmad
        Yani, Semarang` in a story of a harvest in Grobogan, `dirasakan warga di Kota Banjar` in one of an
        earthquake's damage in Ciamis (N1). Not one the title names (`titled`)."""
        cities = {code: score for code, score in self.scores.items() if "." in code}
        top = max(cities.values(), default=0.0)
        return {code for code, score in cities.items() if self.counts.get(code, 0) <= 1 and code not in self.central
                and code not in titled and top >= OVERSHADOWED * score}

    def dominated(self, cities: list[Region]) -> set[str]:
        """Of `cities`, the kab/kota with a DOMINANT_SHARE part or less of the evidence of one the story is plainly
        about (DOMINANT_TOP or more), none of whose kecamatan is named: the region compared with (`meniru ... seperti
        di Kabupaten Banyumas`, a ranking's leader), an official's former or next post (`pamit ke Lamongan`), a
        club's home (`Persebaya Surabaya` playing away), a kabupaten a kecamatan shares its name with (N1, N4)."""
        top = max(map(self.score, cities), default=0.0)
        if top < DOMINANT_TOP:
            return set()
        return {city.code for city in cities
                if self.score(city) * DOMINANT_SHARE <= top and "kecamatan" not in self.kinds[city.code]}

    def drop_list_items(self) -> None:
        """In an article naming ROUNDUP_MANY kab/kota or more, forget those named once with nothing acting for them
        (`UMK Kabupaten Garut Rp 1,67 juta, Kabupaten Ciamis Rp 1,6 juta, ...`: a province's round-up, rule P6;
        `penambahan untuk Kabupaten Bondowoso, Jember dan Lumajang`: a list's items, N1)."""
        cities = [code for code in self.kinds if "." in code]
        if len(cities) < ROUNDUP_MANY:
            return
        for code in cities:
            if self.counts.get(code, 0) <= 1 and not self.kinds[code] & LISTED_ACTING:
                self._forget(code, "list item")

    def drop_scattered_places(self) -> None:
        """Where a province's own government acts (Pemprov DKI on floods, Polda Metro Jaya), and two or more of
        its kab/kota have nothing but bare places in them (`Kampung Pulo`, `Bukit Duri`, `di Cipete`), the places
        are the province's examples: the story is the province's (J2, P6), not each kota's. A place the lead
        names is where the story happens (`ditangkap Densus 88 di Garut, Jawa Barat`), never an example."""
        scattered: dict[str, list[str]] = {}
        for code, kinds in self.kinds.items():
            if "." in code and kinds <= SCATTERED_KINDS and code not in self.central:
                scattered.setdefault(code.split(".")[0], []).append(code)
        for province, codes in scattered.items():
            if len(codes) >= 2 and self.strong.get(province, 0.0) >= PROVINCE_THRESHOLD:
                for code in codes:
                    self._forget(code, "scattered")

    def _forget(self, code: str, reason: str) -> None:
        """Drop a kab/kota's evidence: a background, a list item or an example, not where the story is."""
        del self.scores[code], self.kinds[code]
        self.named.discard(code)
        self.forgotten[code] = reason

    def score(self, region: Region) -> float:
        return self.scores.get(region.code, 0.0)

    def decide(self, candidates: tuple[Region, ...], preferred: str = "") -> Region:
        """A shared name (`Malang`, `Bengkulu`) is the candidate with most evidence so far, else the one of the
        `preferred` level, else by level."""
        best = max(candidates, key=self.score)
        if self.score(best) > 0:
            return best
        return min(candidates, key=lambda region: (region.level != preferred, _level_rank(region)))


@lru_cache(maxsize=1)
def load_region_words() -> RegionWords:
    lexicon = load_lexicon()
    cues: dict[str, Cue] = {}
    for entry in lexicon.regional_units:  # `Dinkes Surabaya`, `Dinas Pendidikan Kota Malang`
        for name in (entry.canonical, *entry.aliases):
            cues[_cue_key(name)] = Cue("body", frozenset())
    for line in read_lines("region_cues.tsv"):
        cells = line.split("\t") + ["", ""]
        cues[_cue_key(cells[0])] = Cue(cells[1].strip(), frozenset(cells[2].split()), cells[3].strip())
    coverage = {cells[0]: frozenset(cells[1].split())
                for cells in (line.split("\t") for line in read_lines("region_coverage.tsv"))}
    return RegionWords(cues, max(len(key.split()) for key in cues), frozenset(key.rsplit(" ", 1)[-1] for key in cues),
                       lexicon.stopwords, coverage, frozenset(read_lines("national_seat.txt")),
                       lexicon.attribution_verbs,
                       *_statement_words(lexicon),
                       frozenset(word.lower() for word in read_lines("region_place_words.txt")),
                       frozenset(key for key, cue in cues.items() if cue.kind == "origin" and " " not in key),
                       _lower_names(lexicon),
                       frozenset(name.lower() for name in read_lines("region_ambiguous_names.txt")),
                       frozenset(read_lines("national_seat_places.txt")) | _national_acronyms(lexicon, cues),
                       _national_acronyms(lexicon, cues),
                       {region.short_name.lower().removeprefix(SPECIAL_PREFIX): region for region in lexicon.regions
                        if region.level == "provinsi" and region.short_name.lower().startswith(SPECIAL_PREFIX)},
                       {cells[0].strip(): tuple(cells[1].split())
                        for cells in (line.split("\t") for line in read_lines("region_areas.tsv"))},
                       {cells[0].strip(): tuple(cells[1].split())
                        for cells in (line.split("\t") for line in read_lines("region_listed_areas.tsv"))},
                       frozenset(read_lines("residence_words.txt")),
                       frozenset(read_lines("provincial_seat_places.txt")),
                       _seat_kecamatan(frozenset(read_lines("national_seat.txt"))),
                       _seat_places_named(frozenset(read_lines("national_seat.txt"))),
                       _sites(),
                       frozenset(read_lines("resident_words.txt")),
                       frozenset(read_lines("address_words.txt")),
                       frozenset(read_lines("region_features.txt")),
                       frozenset(read_lines("region_enumerators.txt")),
                       frozenset(read_lines("region_count_openers.txt")),
                       frozenset(read_lines("region_count_units.txt")),
                       frozenset(read_lines("count_words.txt")),
                       frozenset(form for word in read_lines("background_words.txt")
                                 for form in (word, word.capitalize())))


def _sites() -> Gazetteer[str]:
    """region_sites.tsv: well-known sites outside the national seat, to their kabupaten/kota's code."""
    sites: Gazetteer[str] = Gazetteer()
    for name, code in _names_to_codes("region_sites.tsv"):
        sites.add(name, code)
    return sites


def _names_to_codes(data_file: str) -> list[tuple[str, str]]:
    """The (name, region code) rows of a two-column data file (region_sites.tsv, region_landmarks.tsv)."""
    return [tuple(cell.strip() for cell in line.split("\t")[:2]) for line in read_lines(data_file)]


def _seat_places_named(seats: frozenset[str]) -> Gazetteer[str]:
    """Every kecamatan of the national seat (`Cilandak`, `Tanjung Priok`) and its landmarks of
    region_landmarks.tsv (`Ancol`), to their kota's code."""
    places: Gazetteer[str] = Gazetteer()
    with resources.files(DATA_PACKAGE).joinpath("kecamatan.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kode"].split(".")[0] in seats:
                places.add(" ".join(row["nama"].split()), row["kode"].rsplit(".", 1)[0])
    for name, code in _names_to_codes("region_landmarks.tsv"):
        places.add(name, code)
    return places


def _seat_kecamatan(seats: frozenset[str]) -> dict[str, str]:
    """The kecamatan of the national seat's kota named in two words or more (`Tanah Abang`, `Pasar Minggu`), and
    its landmarks of region_landmarks.tsv (`Kemang`, `Kota Kasablanka`)."""
    with resources.files(DATA_PACKAGE).joinpath("kecamatan.csv").open(encoding="utf-8") as handle:
        named = {" ".join(row["nama"].split()): row["kode"].rsplit(".", 1)[0] for row in csv.DictReader(handle)
                 if row["kode"].split(".")[0] in seats and " " in row["nama"].strip()}
    named.update(_names_to_codes("region_landmarks.tsv"))
    return named


def _national_acronyms(lexicon: Lexicon, cues: dict[str, Cue]) -> frozenset[str]:
    """`kemenhub`, `kpai`, `bpk`: the one-word names of the national bodies seated in Jakarta (agencies.tsv), of
    three letters or more and not shared with a regional body (`kpu`, `dpd` are cues of their own)."""
    return frozenset(name.lower() for entry in lexicon.agencies if entry.kind in NATIONAL_SEAT_KINDS
                     for name in (entry.canonical, *entry.aliases)
                     if " " not in name and len(name) >= 3 and name.lower() not in cues)


def _statement_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The words before and the words after a place that make it where someone spoke (statement_words.tsv)."""
    attributing = lexicon.attribution_verbs | {verb + "nya" for verb in lexicon.attribution_verbs}
    rows = [line.split("\t") for line in read_lines("statement_words.tsv")]
    return (attributing | {row[0] for row in rows if row[1].strip() == "before"},
            attributing | {row[0] for row in rows if row[1].strip() == "after"})


def _lower_names(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    names = {region.code: [_NON_WORD.sub(" ", region.short_name.lower())] for region in lexicon.regions}
    for alias, code in lexicon.region_aliases:
        if code in names:
            names[code].append(_NON_WORD.sub(" ", alias.lower()))
    return {code: tuple(values) for code, values in names.items()}


ADMINISTRATIVE = re.compile(r"\b(kota|kabupaten|kab) (?:adm|administrasi)\b")  # `Kota Adm. Jakarta Selatan`


def _cue_key(words: str) -> str:
    return " ".join(words.lower().replace(".", " ").split())


def find_regions(article: ArticleText, agencies=(), lexicon: Lexicon | None = None) -> list[Region]:
    """The regions `article` is about, most evidence first: each kabupaten/kota whose evidence reaches
    CITY_THRESHOLD (or, when none does, the dateline's), then each province whose own evidence reaches
    PROVINCE_THRESHOLD, or which is named PROVINCE_MENTIONS times, while no listed kabupaten/kota lies in it
    (now or before a split, see region_coverage.tsv). A kabupaten/kota implies its province, which is
    therefore never listed beside it."""
    weighing = weigh_regions(article, agencies, lexicon)
    if weighing is None:
        return []
    return _chosen(weighing)


@dataclass
class Weighing:
    """An article's evidence for every region it names, and what the decision reads beside it."""

    evidence: Evidence
    lexicon: Lexicon
    words: RegionWords
    dateline: Region | None  # the dateline's region, when it is the story's and not a desk's
    titled: set[str]  # the kab/kota with evidence left that the title names
    area_cities: frozenset[str]  # the kab/kota of an area the article names whose parts it must list itself
    title_named: set[str]  # every kab/kota with evidence that the title names, supported or not
    scores: dict[str, float]  # each kab/kota's evidence before the rules forgot any (background, list items)
    national_mentions: int  # mentions of national bodies (_national_mentions)
    article: ArticleText

    @cached_property
    def ruled_out(self) -> dict[str, str]:
        """Each kab/kota with evidence left that the rules do not list, and the rule (_ruled_out)."""
        return _ruled_out(self)


def weigh_regions(article: ArticleText, agencies=(), lexicon: Lexicon | None = None) -> Weighing | None:
    """Every region `article` names, with its evidence (None when it names none): what find_regions decides
    on."""
    lexicon = lexicon or load_lexicon()
    words = load_region_words()
    evidence = Evidence()
    shared: list[Mention] = []
    deferred: list[Mention] = []
    background = article.tokens.where(words.background_words)  # as written: lower case, or capitalised
    for mention in _body_mentions(article, words, background):
        if mention.named_elsewhere or (mention.ambiguous and mention.kind not in NAMING_KINDS):
            deferred.append(mention)
        elif len(mention.candidates) == 1:
            evidence.add(mention.candidates[0], mention.kind, mention.bonus, mention.happened)
        else:
            shared.append(mention)
    for agency in agencies:
        region = getattr(agency, "region", None)
        if (region is not None and agency.kind in REGIONAL_AGENCY_KINDS
                and not _only_in_passing(article, agency, words, background)):
            evidence.add(region, "agency")
    provinces = {code.split(".")[0] for code in evidence.scores} - words.national_seats
    named = {region.code for match in article.names for region in match.value}
    for code in _kecamatan_regions(article.text, lexicon, words, named, article.tokens, background):
        if not provinces or code.split(".")[0] in provinces:  # not a namesake in another province
            evidence.add(lexicon.regions_by_code[code], "kecamatan")
    for code, bonus in _seat_kecamatan_regions(article, words, evidence):
        evidence.add(lexicon.regions_by_code[code], "locator", bonus)
    for code, kind, bonus in _kecamatan_before_province(article, lexicon, words):
        evidence.add(lexicon.regions_by_code[code], kind, bonus)
    for code, bonus in _area_regions(article, words):
        evidence.add(lexicon.regions_by_code[code], "area at", bonus)
    for code, kind, bonus in _seat_place_regions(article, words):
        evidence.add(lexicon.regions_by_code[code], kind, bonus)
    dateline = None if _follows_outlet_name(article) else region_of_place(article.place, lexicon)
    if dateline is not None:
        evidence.add(dateline, "dateline")
    for mention in shared:
        evidence.add(evidence.decide(mention.candidates, mention.preferred), mention.kind, mention.bonus,
                     mention.happened)
    for mention in deferred:  # `di Batu` once `Kota Batu` or `Pemkot Batu` said which Batu is meant
        named = tuple(region for region in mention.candidates if region.code in evidence.named)
        if named:
            evidence.add(evidence.decide(named), mention.kind, mention.bonus)
    if not evidence.scores:
        return None
    scores = {code: score for code, score in evidence.scores.items() if "." in code}
    national_mentions = _national_mentions(agencies, words)
    if national_mentions >= NATIONAL_STORY:
        evidence.drop_background(words.national_seats)
    evidence.drop_list_items()
    evidence.drop_scattered_places()
    supported = [lexicon.regions_by_code[code] for code, score in evidence.scores.items()
                 if score >= TITLE_SUPPORT and evidence.kinds[code] != {"dateline"}]  # the body, not its dateline
    named = _named_in_title(article.title, [lexicon.regions_by_code[code] for code in evidence.tally], words)
    for region in named:
        if region in supported:
            evidence.add(region, "title")  # once, for a region the body gives more than a bare mention for
    return Weighing(evidence, lexicon, words, dateline,
                    {region.code for region in named if "." in region.code and region.code in evidence.scores},
                    _listed_area_cities(article.text, words), {region.code for region in named if "." in region.code},
                    scores, national_mentions, article)


def _chosen(weighing: Weighing) -> list[Region]:
    """Kabupaten/kota the rules keep (_ruled_out), else the dateline's; then provinces none of them lies in."""
    evidence, lexicon, words, dateline = weighing.evidence, weighing.lexicon, weighing.words, weighing.dateline
    by_code = lexicon.regions_by_code
    ruled_out = weighing.ruled_out
    cities = [by_code[code] for code in evidence.scores if "." in code and code not in ruled_out]
    if (not cities and dateline is not None and dateline.level != "provinsi" and dateline.code in evidence.scores
            and evidence.strong.get(dateline.province_code, 0.0) < PROVINCE_THRESHOLD):
        cities = [dateline]  # not when its province's government acts: a provincial seat's dateline (rule P3),
        # nor once a national story's background (drop_background) has dropped it
    return _with_provinces(cities, evidence, lexicon, words)


def _ruled_out(weighing: Weighing) -> dict[str, str]:
    """Each kab/kota with evidence left that the rules do not list, and the rule: under the threshold, a
    namesake's agency, a candidate's attribute in its province's election, an example of a round-up,
    overshadowed or dominated by the kab/kota the story is plainly about."""
    evidence, by_code = weighing.evidence, weighing.lexicon.regions_by_code
    out: dict[str, str] = {}
    cities = []
    for code, score in evidence.scores.items():
        if "." not in code:
            continue
        kinds = evidence.kinds[code]
        city = by_code[code]
        if score < (ROLE_ONLY_THRESHOLD if kinds <= {"role", "title"} or kinds <= {"bare", "title"}
                    else CITY_THRESHOLD):
            out[code] = "threshold"
        elif _is_namesake_agency(city, evidence, by_code):
            out[code] = "namesake agency"
        else:
            cities.append(city)
    elections = {code for code, kinds in evidence.kinds.items() if "." not in code and "event" in kinds}
    for city in cities:
        if city.province_code in elections and evidence.kinds[city.code] <= {"role", "title"}:
            out[city.code] = "election"
    cities = [city for city in cities if city.code not in out]
    named_only = [city for city in cities if city.code in evidence.named or city.code in weighing.area_cities]
    if len(cities) - len(named_only) >= ROUNDUP_CITIES:
        for city in cities:  # `kota penyangga seperti Bogor, Depok, Tangerang, dan Bekasi`: examples, a round-up
            if city not in named_only:
                out[city.code] = "round-up"
        cities = named_only
    for code in evidence.overshadowed(weighing.titled):
        if code not in out:
            out[code] = "overshadowed"
    cities = [city for city in cities if city.code not in out]
    for code in evidence.dominated(cities):
        out[code] = "dominated"
    return out


def _with_provinces(cities: list[Region], evidence: Evidence, lexicon: Lexicon, words: RegionWords) -> list[Region]:
    """`cities`, most evidence first, then the provinces that act on their own and none of them lies in."""
    by_code = lexicon.regions_by_code
    covered = set()
    for city in cities:
        covered |= {city.province_code} | words.coverage.get(city.code, frozenset()) | words.coverage.get(
            city.province_code, frozenset())
    provinces = [by_code[code] for code, count in evidence.mentions.items()
                 if code not in covered and _province_acts(code, count, evidence, words)]
    return sorted(cities, key=lambda r: (-evidence.score(r), r.code)) + sorted(
        provinces, key=lambda r: (-evidence.score(r), r.code))


def _province_acts(code: str, count: int, evidence: Evidence, words: RegionWords) -> bool:
    """A province listed on its own: its bodies, roles and level words weigh enough (an office holder's title
    alone needs two), or, outside the national seat, it is named `count` >= PROVINCE_MENTIONS times or by the
    title and where something happens; never from one mention in passing."""
    if _named_once_in_passing(code, evidence):
        return False
    kinds = evidence.kinds[code]
    if evidence.strong.get(code, 0.0) >= (ROLE_ONLY_THRESHOLD if kinds <= {"role", "title"} else PROVINCE_THRESHOLD):
        return True
    return code not in words.national_seats and (count >= PROVINCE_MENTIONS or _is_headline_place(kinds))


def _named_once_in_passing(code: str, evidence: Evidence) -> bool:
    """A province one mention speaks for, past the lead and not where something happened: an attribute (`akun
    Instagram TMC Polda Metro Jaya`), not its story."""
    return evidence.counts.get(code, 0) <= 1 and code not in evidence.central


def _is_namesake_agency(city: Region, evidence: Evidence, by_code: dict[str, Region]) -> bool:
    """`Polrestabes Bandung`, which the agency extractor resolved to Kabupaten Bandung while the article's own
    words speak for Kota Bandung: a kab/kota only a resolved agency speaks for, whose namesake of the other
    level has evidence of its own, is that namesake's body."""
    return evidence.kinds.get(city.code) == {"agency"} and any(
        code != city.code and "." in code and by_code[code].short_name == city.short_name
        and evidence.kinds[code] - {"agency"} for code in evidence.kinds)


def _only_in_passing(article: ArticleText, agency, words: RegionWords, background: list[int]) -> bool:
    """Each time the text names the body, it is a member's attribute (`anggota DPRD Kota Malang`: region_cues.tsv,
    kind people), a post held there before (`mantan Kabid Humas Polda Jawa Timur`) or in a sentence of someone's
    past (`Ia pernah bertugas di Polres Pringsewu`; `background`: the tokens of background_words.txt): the body
    does not act."""
    if not background and not any(word in article.text for word in ("nggota", "antan", "eks", "Eks", "ekas")):
        return False  # most articles name no member, no former post and no one's past
    found = False
    for surface in getattr(agency, "surfaces", ()):
        first = surface.split()[0].lower()
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", article.text):
            before = article.text[max(0, match.start() - POST_REACH):match.start()].split()
            cue = words.cues.get(f"{before[-1].lower()} {first}") if before else None
            if ((cue is None or cue.kind != "people") and not _former_post_words(before, words)
                    and not (background and _in_sentence_with(article.tokens, _token_at(article.tokens, match.start()),
                                                              background))):
                return False
            found = True
    return found


def _token_at(tokens: Tokens, offset: int) -> int:
    """The token a character offset of the text lies in (or the last before it)."""
    return max(0, bisect_right(tokens.starts, offset) - 1)


def _former_post_words(before: list[str], words: RegionWords) -> bool:
    """`mantan Kabid Humas` right before a body's name: capitalised words of a post after `mantan`, `eks`, or
    `sebelumnya menjabat`."""
    for k in range(len(before) - 1, max(-1, len(before) - 2 - MAX_POST_WORDS), -1):
        cue = words.cues.get(before[k].lower())
        if (cue is not None and cue.kind == "former") or (
                before[k].lower() in SERVING_VERBS and k > 0 and before[k - 1].lower() in EARLIER_WORDS):
            return k < len(before) - 1  # a post between: `mantan Polda X` names no post
        if not before[k][:1].isupper():
            return False
    return False


def _national_mentions(agencies, words: RegionWords) -> int:
    """Mentions of national bodies (KPK, DPR, a ministry, a court of the national seat: agencies.tsv kinds in
    NATIONAL_SEAT_KINDS, not regional ones): NATIONAL_STORY of them make a national story."""
    return sum(len(agency.surfaces) for agency in agencies if agency.kind in NATIONAL_SEAT_KINDS and (
        getattr(agency, "region", None) is None or agency.region.province_code in words.national_seats))


def _is_headline_place(kinds: set[str]) -> bool:
    """`Caleg Artis di Jatim` over `bersaing menjadi caleg di Jawa Timur`: a province the title names and the
    body places the story in (not one of the national seat, whose name stands for national bodies)."""
    return "title" in kinds and bool(kinds & AT_KINDS)


def _body_mentions(article: ArticleText, words: RegionWords, background: list[int]) -> list[Mention]:
    """Every region name of the text (the title aside) that counts, with its kind; none in a sentence holding one
    of the `background` tokens (background_words.txt: someone's past)."""
    tokens = article.tokens
    title_end = article.title_end
    lead_end = title_end + LEAD_CHARS
    names = [match for match in article.names if match.value and tokens.start(match.start) >= title_end]
    if not names:  # most articles name no region, or only their country
        return []
    starts = {match.start: match for match in names}
    mentions = []
    for match in names:
        if _is_dateline(article, match) or _ends_a_cue(tokens, match, words):
            continue  # weighed once, as the dateline; `Metro` of `Polres Metro Bekasi` is no Kota Metro
        if _follows_outlet(article, match):
            mentions.append(Mention(match.value, "dateline"))
            continue
        mention = _mention(tokens, match, words, starts, LEAD_BONUS if tokens.start(match.start) < lead_end else 0.0)
        if mention is not None and not _is_seat_address(tokens, match, mention, words):
            surface = article.text[tokens.start(match.start):tokens.end(match.end - 1)].lower()
            if _happens_here(tokens, match, words, starts):
                mention = replace(mention, happened=True)
            elif background and _in_sentence_with(tokens, match.start, background):
                continue  # `Ia kuliah di Padang, lalu mengajar di sebuah SMP di Painan, Kabupaten Pesisir Selatan`:
                # where someone was before, not the story's place
            mentions.append(replace(mention, ambiguous=surface in words.ambiguous) if surface in words.ambiguous
                            else mention)
            paired = _narrowed(match.value, _paired_level(tokens, match.start, words))
            if paired and paired != match.value:
                mentions.append(replace(mention, candidates=paired))
    return mentions


SENTENCE_REACH = 60  # tokens looked at either side of a name for its sentence's ends


def _in_sentence_with(tokens: list[Token], index: int, positions: list[int]) -> bool:
    """Whether one of `positions` lies in the sentence of the token at `index`."""
    start = index
    while start > 0 and index - start < SENTENCE_REACH and tokens[start - 1].text not in SENTENCE_END:
        start -= 1
    end = index
    while end < len(tokens) and end - index < SENTENCE_REACH and tokens[end].text not in SENTENCE_END:
        end += 1
    return any(start <= position < end for position in positions)


def _paired_level(tokens: list[Token], start: int, words: RegionWords) -> Cue | None:
    """`Kabupaten / Kota Tasikmalaya`, `Kabupaten dan Kota Mojokerto`: the first of two level words joined
    before one name, which names the region of that level too."""
    if start < 3 or tokens[start - 2].lower not in ("/", "dan", "serta", "atau"):
        return None
    second, first = words.cues.get(tokens[start - 1].key), words.cues.get(tokens[start - 3].key)
    if second is None or first is None or second.kind != "level" or first.kind != "level" or not first.levels:
        return None
    return first


def _ends_a_cue(tokens: list[Token], match: Match, words: RegionWords) -> bool:
    """`Polres Metro Bekasi`, `Kapolsek Metro Tebet`: the name is the last word of a cue (`polres metro`) that
    belongs to the name after it."""
    phrase = " ".join(token.key for token in tokens[match.start:match.end])
    for before in range(match.start - 1, max(-1, match.start - words.longest), -1):
        phrase = tokens[before].key + " " + phrase  # one word more of the cue each time, read once
        if phrase in words.cues:
            return True
    return False


def _is_seat_address(tokens: list[Token], match: Match, mention: Mention, words: RegionWords) -> bool:
    """`Kantor KPK, Jalan Kuningan Persada, Setiabudi, Jakarta Selatan`: a Jakarta kota named, with no body or
    role of its own, after the seat of a national body (or Jakarta's Balai Kota) in the same sentence; any
    kabupaten/kota after the seat of a provincial body (`Gedung Grahadi, Surabaya`)."""
    if mention.kind not in WEAK_KINDS or any(region.level == "provinsi" for region in mention.candidates):
        return False
    seats = words.provincial_seats | (words.seat_places if all(
        region.province_code in words.national_seats for region in mention.candidates) else frozenset()) | (
        words.national_bodies if mention.kind == "place at" else frozenset())  # `di Pusdiklat Kemendikbud, Depok`
    previous = ""
    for index in range(match.start - 1, max(-1, match.start - 1 - SEAT_REACH), -1):
        token = tokens[index]
        if token.text in SENTENCE_END:
            return False
        if token.lower in seats or f"{token.lower} {previous}" in seats:
            return True
        previous = token.lower
    return False


def _is_dateline(article: ArticleText, match: Match) -> bool:
    """`Surabaya (ANTARA News) -`: the place the body opens with, which find_regions weighs as the dateline."""
    start = article.tokens.start(match.start)
    return (article.place is not None and start - article.title_end <= DATELINE_OFFSET
            and article.text[start:article.tokens.end(match.end - 1)].lower() == article.place.lower())


DASH_AFTER = re.compile(r"\s*[-\u2013\u2014]")


def _follows_outlet_name(article: ArticleText) -> bool:
    """Whether the body opens with the outlet's name before the dateline (`JUARA.NET, YOGYAKARTA -`): the place
    then weighs as one mention (_follows_outlet), as the place a sports desk files from, never as the region a
    story without any other falls back to."""
    return outlet_lead_end(article.text, article.title_end) > article.title_end


def _follows_outlet(article: ArticleText, match: Match) -> bool:
    """`JUARA.NET, YOGYAKARTA -`: a place written after the outlet's name as the dateline, which weighs as one
    (a dateline alone is no story, rule N1), not as a place chain."""
    tokens = article.tokens
    start, end = tokens.start(match.start), tokens.end(match.end - 1)
    return (start > article.title_end and outlet_lead_end(article.text, article.title_end) == start
            and DASH_AFTER.match(article.text, end) is not None)


def _named_in_title(title: str, candidates, words: RegionWords) -> list[Region]:
    """Those of `candidates` the title names, whatever its case (`guru sma sampang`, `Pemkab Lamsel`), not as
    a natural feature's name (`festival danau toba` names the lake, not Kabupaten Toba) nor as someone's origin
    (`istri petinggi isis marawi asal bekasi`: the story is the arrest abroad, N1)."""
    if not title:
        return []
    padded = f" {_NON_WORD.sub(' ', title.lower())} "
    passing = words.features | (words.origin_words & PERSON_ORIGINS)
    return [region for region in candidates if any(_names_alone(padded, name, passing)
                                                   for name in words.names[region.code])]


def _names_alone(padded: str, name: str, passing: frozenset[str]) -> bool:
    """Whether the padded lower-case `padded` holds `name` once at least not right after a word of `passing` (a
    feature's word, a word of origin)."""
    start = padded.find(f" {name} ")
    while start >= 0:
        if padded[:start].rsplit(" ", 1)[-1] not in passing:
            return True
        start = padded.find(f" {name} ", start + 1)
    return False


def _mention(tokens: list[Token], match: Match, words: RegionWords, starts: dict[int, Match],
             bonus: float) -> Mention | None:
    if _is_residence(tokens, match.start, words):
        return None
    if match.start and tokens[match.start - 1].text == "DI":  # `Stadion Maguwoharjo, Sleman, DI Yogyakarta`
        province = words.special_provinces.get(" ".join(token.lower for token in tokens[match.start:match.end]))
        if province is not None:
            return Mention((province,), "level", bonus)
    cue = _cue_before(tokens, match.start, words) or _listed_level(tokens, match, words, starts)
    if cue is not None and KECAMATAN_LEVEL in cue.levels:
        if cue.kind in PASSING:
            return None  # `mantan Kapolsek Bandung`
        posted = _kecamatan_post(tokens, match, bonus)
        if posted is not None:
            return posted
        cue = replace(cue, levels=frozenset())  # `Polsek Jakarta Selatan`: no kecamatan bears the name
    if cue is not None and cue.kind in PASSING and cue.levels and not _narrowed(match.value, cue):
        cue = None  # `dari Jawa Timur`: a word of origin only for the levels it names
    if cue is not None:
        if cue.kind in PASSING:
            return None
        if cue.kind == "level" and _is_origin(tokens, match.start - 1, words):
            return None  # `asal Kecamatan Bangsalsari, Kabupaten Jember`
        candidates = _narrowed(match.value, cue)
        if cue.kind != "level":
            candidates = _level_after(tokens, match.end, candidates)
        kind = ("level at" if cue.kind == "level" and _is_at_level(tokens, match, words)
                and all(region.level != "provinsi" for region in candidates)
                else _court_kind(cue.kind, candidates, words))
        preferred = cue.shared if len(candidates) > 1 and cue.kind != "level" else ""
        return Mention(candidates, kind, bonus, preferred=preferred) if candidates and kind is not None else None
    if _is_short_form(tokens, match):
        return None
    if tokens[match.start].key in words.cues:  # `DKI Jakarta`: the level word is part of the name
        return Mention(match.value, words.cues[tokens[match.start].key].kind, bonus)
    candidates = _level_after(tokens, match.end, match.value)
    if _is_origin(tokens, match.start, words, match.value) or _lies_in_next(tokens, match, starts, words):
        return None
    counted = _is_counted_list(tokens, match.start, words)
    if counted and not _is_part_of_name(tokens, match, words):
        return Mention(candidates, "counted", bonus)  # `6 titik. Diantaranya Banyuwangi Kota, Bangkalan`: no chain
    if not _continues(tokens, match.end, words) and (_is_in_place(tokens, match.start, words, starts)
                                                     or _follows_place_uncommaed(tokens, match, words)):
        opening = _chain_after_at(tokens, match.start)
        chain = match if opening is None else Match(opening + 1, match.end, match.value)
        if _is_statement_place(tokens, chain, words) or _is_provincial_building(tokens, match, starts, words):
            return None  # `kata Ketua DPN PKPI di Hotel Mercure, Harmoni, Jakarta Pusat`
        if _list_length(tokens, match, starts) > 1:  # `di Plumpang, Banyuwangi, Surabaya`: items of a list
            return Mention(candidates, "bare", bonus)
        kind = "locator" if opening is None else "place at"
        return Mention(_placed_by_site(tokens, match.start, _narrowed_by_kecamatan(tokens, match.start, candidates),
                                       words), kind, bonus)
    if _is_part_of_name(tokens, match, words):
        if _is_branch(tokens, match):
            provinces = tuple(region for region in candidates if region.level == "provinsi")
            return Mention(provinces, "branch", bonus) if provinces else None
        return None
    enumerated = _enumeration(tokens, match.start, words, counted)
    if enumerated:
        return Mention(candidates, enumerated, bonus)  # `wilayah Arek, yang meliputi Surabaya, Sidoarjo, ...`
    if match.start and tokens[match.start - 1].lower == "di":
        if _is_statement_place(tokens, match, words):
            return None
        return Mention(candidates, "bare" if _list_length(tokens, match, starts) >= ROUNDUP_CITIES else "at", bonus)
    if _is_located(tokens, match, starts):  # `Universitas Pelita Harapan (UPH), Tangerang, Banten`: a site too
        return Mention(_placed_by_site(tokens, match.start, candidates, words), "locator", bonus)
    return Mention(candidates, "bare", bonus)


def _kecamatan_post(tokens: list[Token], match: Match, bonus: float) -> Mention | None:
    """`Camat Karanganyar`, `Kapolsek Bandung`: the name is a kecamatan's, counted for the kab/kota holding a
    kecamatan of that name that the article names otherwise (Demak's Kecamatan Karanganyar beside `BPBD Demak`,
    Kabupaten Karanganyar's own beside `Bupati Karanganyar`), never for the namesake kab/kota as such: Kota
    Bandung has no kecamatan Bandung, Tulungagung has. None when no kecamatan bears the name."""
    name = " ".join(token.lower for token in tokens[match.start:match.end])
    codes = load_lexicon().kecamatan_codes.get(name, frozenset())
    by_code = load_lexicon().regions_by_code
    candidates = tuple(by_code[code] for code in sorted(codes) if code in by_code)
    return Mention(candidates, "kecamatan", bonus, named_elsewhere=True) if candidates else None


def _enumeration(tokens: list[Token], start: int, words: RegionWords, counted: bool | None) -> str | None:
    """The kind of a name in a full list: `counted` after a count of places and `di antaranya` (`dikirim ke 6
    titik. Diantaranya Bangkalan, ...`: each is where the story happens, wherever in the article; `counted` is
    _is_counted_list's answer for it), `area at` in a list opened by a word that enumerates an area or a count
    in full (`yakni`), else None."""
    if counted is not None:
        return "counted" if counted else None
    return "area at" if _is_enumerated(tokens, start, words) else None


def _is_counted_list(tokens: list[Token], start: int, words: RegionWords) -> bool | None:
    """Whether a list opened by `di antaranya` or `antara lain` (region_count_openers.txt) right before this name
    follows a count of places; None when no such word opens it."""
    index = start - 1
    while index > 0 and start - index < ENUMERATION_REACH:
        opener = _count_opener(tokens, index, words)
        if opener >= 0:
            return _is_counted(tokens, opener, words)
        if not (tokens[index].is_capitalised or tokens[index].text == "," or tokens[index].lower in LIST_WORDS):
            return None
        index -= 1
    return None


def _is_enumerated(tokens: list[Token], start: int, words: RegionWords) -> bool:
    """`yang meliputi Surabaya, Sidoarjo, Gresik, Jombang`, `yakni Bangkalan, Sampang, dan Sumenep`: a name in a
    list opened by a word that enumerates an area or a count in full (region_enumerators.txt)."""
    index = start - 1
    while index > 0 and start - index < ENUMERATION_REACH and (
            tokens[index].is_capitalised or tokens[index].text == "," or tokens[index].lower in LIST_WORDS):
        index -= 1
    if index > 0 and tokens[index].lower in AREA_WORDS:
        index -= 1
    return index >= 0 and (tokens[index].lower in words.enumerators
                           or (index > 0 and f"{tokens[index - 1].lower} {tokens[index].lower}" in words.enumerators))


def _count_opener(tokens: list[Token], index: int, words: RegionWords) -> int:
    """Where `Diantaranya` or `di antaranya` ending at this token starts (region_count_openers.txt), else -1."""
    if tokens[index].lower in words.count_openers:
        return index
    if index > 0 and f"{tokens[index - 1].lower} {tokens[index].lower}" in words.count_openers:
        return index - 1
    return -1


def _is_counted(tokens: list[Token], opener: int, words: RegionWords) -> bool:
    """`dikirim ke 6 titik. Diantaranya Bangkalan, ...`, `di lima kabupaten, antara lain ...`: a count of places
    (a number, then a word of region_count_units.txt) within COUNT_REACH tokens before the examples' opener makes
    them the full list of where the story happens, not examples in passing."""
    for index in range(max(1, opener - COUNT_REACH), opener):
        count = tokens[index - 1]
        if tokens[index].lower in words.count_units and (count.text.isdigit() or count.lower in words.count_words):
            return True
    return False


def _court_kind(kind: str, candidates: tuple[Region, ...], words: RegionWords) -> str | None:
    """`Pengadilan Negeri Surabaya` is a regional body; `Pengadilan Negeri Jakarta Selatan` trying a national
    figure's case is national news (rule N2), so a court of the national seat is no evidence at all."""
    if kind != "court":
        return kind
    return None if all(region.province_code in words.national_seats for region in candidates) else "body"


def _happens_here(tokens: list[Token], match: Match, words: RegionWords, starts: dict[int, Match]) -> bool:
    """`Kecelakaan itu terjadi di Jalan Permata Hijau, Jakarta Selatan`, `ditangkap di Kabupaten Garut`: the
    region closes what a verb of happening (HAPPENING_VERBS) places right after `di`, alone or at the end of a
    chain of places. Not the last item of a list of regions (`Kasus-kasus ini terjadi di Kabupaten Timika,
    Kabupaten Jayawijaya, Wamena, Kota Jayapura, Kabupaten Nabire`: `starts`, the region names by first token),
    which is no chain inside one region."""
    start = match.start - (match.start > 0 and tokens[match.start - 1].key in words.cues)  # `di Kabupaten X`
    at = start - 1 if start and tokens[start - 1].lower == "di" else _chain_after_at(tokens, start)
    return (at is not None and at > 0 and tokens[at - 1].lower in HAPPENING_VERBS
            and not any(at < index < start for index in starts))


def _is_short_form(tokens: list[Token], match: Match) -> bool:
    """`perwira tinggi (Pati)`: a name alone in parentheses right after a lower-case word is the short form of
    the words before it, not a place (`Jawa Timur (Jatim)` follows a name)."""
    return (match.start >= 2 and match.end < len(tokens) and tokens[match.start - 1].text == "("
            and tokens[match.end].text == ")" and tokens[match.start - 2].is_word
            and not tokens[match.start - 2].is_capitalised)


def _list_length(tokens: list[Token], match: Match, starts: dict[int, Match]) -> int:
    """`di Surabaya, Malang, Sidoarjo, Gresik, dan Jember`: how many kabupaten/kota a list opened by this name
    holds (1 when it opens none); a province ends it."""
    length, end = 1, match.end
    while end < len(tokens):
        following = end + 1 if tokens[end].text == "," or tokens[end].lower in LIST_WORDS else end
        if following < len(tokens) and tokens[following].lower in LIST_WORDS:
            following += 1
        other = starts.get(following) if following > end else None
        if other is None or any(region.level == "provinsi" for region in other.value):
            break
        length, end = length + 1, other.end
    return length


def _is_at_level(tokens: list[Token], match: Match, words: RegionWords) -> bool:
    """`di Kabupaten Kubu Raya`: where something happens, written with the level word (not where someone spoke)."""
    level = match.start - 1
    if level > 2 and tokens[level - 1].lower in ("dan", "serta") and tokens[level].key in words.cues:
        level = _first_of_pair(tokens, level - 1)  # `di Kabupaten Kubu Raya dan Kabupaten Mempawah`
    return (level > 0 and tokens[level].key in words.cues
            and (tokens[level - 1].lower == "di" or _chain_after_at(tokens, level) is not None)
            and not _is_statement_place(tokens, Match(level, match.end, match.value), words))


def _is_provincial_building(tokens: list[Token], match: Match, starts: dict[int, Match], words: RegionWords) -> bool:
    """`di Gedung AEKI Lampung, Bandarlampung`, `di Kantor DPRD Jatim, Surabaya`: a building named after a body
    of the province the city lies in (an acronym or a body's word before the province) is that body's seat; the
    city is its address (rule P3). `Bandara Internasional Jawa Barat, Majalengka` is not a body's."""
    provinces = {region.province_code for region in match.value if region.level != "provinsi"}
    index = match.start
    while index > 0 and match.start - index < ORIGIN_CHAIN and (tokens[index - 1].is_capitalised
                                                                or tokens[index - 1].text == ","):
        index -= 1
    return any(other.end <= match.start and start > 0
               and (tokens[start - 1].is_acronym or tokens[start - 1].key in words.cues)
               and any(region.level == "provinsi" and region.code in provinces for region in other.value)
               for start, other in starts.items() if index <= start < match.start)


def _chain_after_at(tokens: list[Token], start: int) -> int | None:
    """`di kawasan Ancol, Jakarta Utara`, `di sekitar jalur pendakian Sembalun, Kabupaten Lombok Timur`,
    `di Pondok Pesantren Darul Anba, Cibeureum, Kota Tasikmalaya`: a chain of places set off by commas that ends
    in the region, opened by `di` and at most AT_REACH lower-case words: where something happens, somewhere
    inside it (R3). The index of that `di`, else None (`di Lapas Sukamiskin Bandung` is a name, not a chain;
    `di Plumpang, Banyuwangi, Surabaya` is a list, which the caller tells apart)."""
    index, skipped = start, 0
    while index > 0 and start - index - skipped < AT_CHAIN:
        if tokens[index - 1].is_capitalised or tokens[index - 1].text == ",":
            index -= 1
        elif tokens[index - 1].text == ")" and _skip_aside(tokens, index) < index - 1:  # `Sekolah Polisi Negara
            skipped += index - _skip_aside(tokens, index)  # (SPN) Labuan Panimba, Kabupaten Donggala`
            index = _skip_aside(tokens, index)
        else:
            break
    if index == start or tokens[index].text == "," or not any(token.text == "," for token in tokens[index:start]):
        return None
    return _at_before(tokens, index)


def _first_of_pair(tokens: list[Token], conjunction: int) -> int:
    """The level word that opens the first name of `Kabupaten A dan Kabupaten B` (or the conjunction itself)."""
    index = conjunction - 1
    while index > 0 and conjunction - index <= PLACE_WORDS and tokens[index].is_capitalised:
        index -= 1
    return index + 1 if index + 1 < conjunction else conjunction


def _listed_level(tokens: list[Token], match: Match, words: RegionWords, starts: dict[int, Match]) -> Cue | None:
    """`Kabupaten Dompu dan Bima`, `Kabupaten Padang Lawas dan Padang Lawas Utara`: the level word of the first
    name of a pair holds for the second."""
    if match.start < 2 or tokens[match.start - 1].lower not in ("dan", "serta"):
        return None
    previous = next((other for other in starts.values() if other.end == match.start - 1), None)
    if previous is None:
        return None
    cue = _cue_before(tokens, previous.start, words)
    return cue if cue is not None and cue.kind == "level" else None


def _follows_place_uncommaed(tokens: list[Token], match: Match, words: RegionWords) -> bool:
    """`di SIM keliling LTC Glodok Jakarta Barat`, `Komplek Ruko Mangga Dua Jakarta Utara`: a kab/kota named with a
    point of the compass (`Jakarta Barat`, `Lampung Selatan`) right after a capitalised place's name, the comma
    left out, is where that place lies; no name runs on into a region's compass-named one."""
    if (match.end - match.start < 2 or tokens[match.end - 1].lower not in COMPASS or not match.start
            or any(region.level == "provinsi" for region in match.value)):
        return False
    previous = tokens[match.start - 1]
    opens_sentence = match.start < 2 or tokens[match.start - 2].text in SENTENCE_END or tokens[
        match.start - 2].text in QUOTES  # `Sedangkan Jakarta Barat, Pusat, Utara ...`: a capitalised opener
    return (previous.is_capitalised and not opens_sentence and previous.key not in words.cues
            and previous.lower not in words.function_words and previous.lower not in _CALENDAR)


def _is_in_place(tokens: list[Token], start: int, words: RegionWords, starts: dict[int, Match]) -> bool:
    """`Harris Hotel Malang`, `GOR Dimyati, Tangerang`, `Lenteng Agung, Jakarta Selatan`: a place's name, then
    the region it lies in (a place word starts the name, or a comma separates it; a list of regions is not). A
    place's name may join its words with `and` or `&` (`Harris Hotel and Convention Malang`) and end with a
    kilometre post (`Tol Cipularang KM 92, Purwakarta`). A name in a
    village's or a street's name is that village's or street's (`Kelurahan Mabar`, `Desa Rengas Bandung`)."""
    if start and tokens[start - 1].key in words.address_words:
        return False
    index = start - 1
    comma = index >= 0 and tokens[index].text == ","
    if comma:
        index -= 1
    first = index
    while first >= 0 and start - first <= PLACE_WORDS + 1 and (tokens[first].is_capitalised or (
            tokens[first].lower in NAME_JOINERS and first and tokens[first - 1].is_capitalised) or (
            tokens[first].text.isdigit() and first and tokens[first - 1].lower == "km")):
        if tokens[first].lower in words.place_words:  # not `Desa Rengas Bandung`: the name ends the village's
            return comma or tokens[first].key not in words.address_words
        first -= 1
    if not comma or first == index or any(start_ in starts and starts[start_].end == index + 1
                                          for start_ in range(first + 1, index + 1)):
        return False
    return tokens[first].lower not in words.attribution_verbs if first >= 0 else True


def _narrowed_by_kecamatan(tokens: list[Token], start: int, candidates: tuple[Region, ...]) -> tuple[Region, ...]:
    """`Babakan Madang, Bogor`, `Rancaekek, Bandung`: a kecamatan named before a shared name says which of the
    kabupaten and the kota it is (Babakan Madang lies in Kabupaten Bogor)."""
    if len(candidates) < 2:
        return candidates
    index = start - 1 if start and tokens[start - 1].text == "," else start
    first = index
    while first > 0 and index - first < KECAMATAN_WORDS and tokens[first - 1].is_capitalised:
        first -= 1
    kecamatan = load_lexicon().kecamatan_codes
    for begin in range(first, index):
        codes = kecamatan.get(" ".join(token.lower for token in tokens[begin:index]), frozenset())
        narrowed = tuple(region for region in candidates if region.code in codes)
        if narrowed:
            return narrowed
    return candidates


def _placed_by_site(tokens: list[Token], start: int, candidates: tuple[Region, ...],
                    words: RegionWords) -> tuple[Region, ...]:
    """`Kolam Renang Komplek Si Jalak Harupat, Bandung`, `GOR UNY, Yogyakarta`: a well-known site
    (region_sites.tsv) right before the name, or its comma, lies in a kab/kota of the same province that the
    loose name may not be (Si Jalak Harupat is in Kabupaten Bandung, UNY in Sleman): that one (rule R3). The
    site's short form in parentheses may come between (`Universitas Pelita Harapan (UPH), Tangerang`)."""
    end = _skip_aside(tokens, start - 1 if start and tokens[start - 1].text == "," else start)
    provinces = {region.province_code for region in candidates}
    for begin in range(max(0, end - SITE_WORDS), end):
        site = words.sites.match_at(tokens, begin)
        if site is not None and site.end == end:
            region = load_lexicon().regions_by_code.get(site.value)
            if region is not None and region.province_code in provinces:
                return (region,)
    return candidates


def _is_origin(tokens: list[Token], start: int, words: RegionWords, candidates: tuple[Region, ...] = ()) -> bool:
    """`asal Kecamatan Bangsalsari, Kabupaten Jember`, `berasal dari Provinsi Jambi`, `dari Makassar dan
    Jayapura`: a place chain, or a list of places, that starts right after a word of origin."""
    index = start
    while index > 0 and start - index < ORIGIN_CHAIN and (tokens[index - 1].is_capitalised
                                                          or tokens[index - 1].text == ","
                                                          or tokens[index - 1].lower in ("dan", "serta")):
        index -= 1
    while index < start and not tokens[index].is_capitalised:
        index += 1  # the chain starts with a name
    cue = _cue_before(tokens, index, words)
    if index < start and index and tokens[index - 1].lower in NEAR_ORIGINS and tokens[index].lower in words.place_words:
        return False  # `kabur dari Rutan Klas IIB, Pekanbaru`: the place left lies in the region
    return cue is not None and cue.kind == "origin" and not (cue.levels and candidates
                                                             and not _narrowed(candidates, cue))


def _is_statement_place(tokens: list[Token], match: Match, words: RegionWords) -> bool:
    """`kata Kapolda Sumbar di Padang`, `Kepala Balai di Mataram, mengatakan`: where a statement was made. The
    speaker's capitalised title and name between the verb and the place do not count against STATEMENT_REACH
    (`kata Ketua Bidang Hubungan Antar Lembaga DPN PKPI M Mahfuz Abdullah di Hotel Mercure, ...`)."""
    reach = STATEMENT_REACH
    index = match.start - 2
    stop = max(-1, index - STATEMENT_LOOK)
    while index > stop and reach > 0:
        if tokens[index].text in SENTENCE_END and not _inside_word(tokens, index):
            break
        if tokens[index].lower in words.statement_before:
            return True
        reach -= 0 if tokens[index].is_capitalised else 1
        index -= 1
    following = []
    after = _after_place_and_date(tokens, match.end)
    for token in tokens[after:after + 3]:  # a slice of three: the text's rest was copied each time (trial 37)
        if token.text in QUOTES:
            break  # `ditemukan di Lenteng Agung, Jakarta Selatan," ujarnya`: inside what was said
        following.append(token.lower)
    return any(word in words.statement_after for word in following)


def _after_place_and_date(tokens: list[Token], end: int) -> int:
    """Past the province and the day that may follow a place before the verb of saying (`di Palembang,
    Sumatera Selatan, Senin (7/1), mengatakan`): the index of the first comma before other words, else `end`."""
    index = end
    while index < len(tokens) and index - end < STATEMENT_TAIL and (
            tokens[index].is_capitalised or tokens[index].text in DATE_MARKS or tokens[index].text.isdigit()):
        index += 1
    return index if index > end and tokens[index - 1].text == "," else end


def _inside_word(tokens: list[Token], index: int) -> bool:
    """`kumparan.com`: a full stop with a word on both sides, touching them, ends no sentence."""
    touching = getattr(tokens, "touching", None)
    return (touching is not None and tokens[index].text == "." and 0 < index < len(tokens) - 1
            and touching(index - 1) and touching(index) and tokens[index + 1].is_word)


def _is_residence(tokens: list[Token], start: int, words: RegionWords) -> bool:
    """`yang beralamatkan di Kecamatan Cakung, Jakarta Timur`, `Sukiati, warga Desa Tulis RT 03 / 03 Kecamatan
    Lasem, Kabupaten Rembang`: a person's address, a passing mention (N1)."""
    index = start
    while index > 0 and start - index < ORIGIN_CHAIN and (tokens[index - 1].is_capitalised
                                                          or tokens[index - 1].text == ","):
        index -= 1
    if index > 1 and tokens[index - 1].lower == "di" and tokens[index - 2].lower in words.residence_words:
        return True
    window = tokens[max(0, start - ADDRESS_CHAIN):start]
    return (any(token.lower in words.residents for token in window)
            and _opens_address([token.text for token in window], words))


def _opens_address(before: list[str], words: RegionWords) -> bool:
    """Whether the words right `before` a name are a person's address (`Sukiati (43), warga Desa Tulis RT 03 /
    03 Kecamatan Lasem,`): capitalised words, numbers, commas and slashes back to an address word after
    `warga` or `penduduk` set off by a comma or a parenthesis after a person (not `Warga RW 02 Jatipadang,
    Jakarta Selatan, khawatir`: the residents are the story)."""
    index = len(before)
    while index > 2 and (before[index - 1][:1].isupper() or before[index - 1][:1].isdigit()
                         or before[index - 1] in (",", "/")):
        index -= 1
        if (before[index].lower().rstrip(".") in words.address_words and before[index - 1] in words.residents
                and before[index - 2] in (",", ")")):
            return True
    return False


def _narrowed(candidates: tuple[Region, ...], cue: Cue | None) -> tuple[Region, ...]:
    if cue is None or not cue.levels:
        return candidates
    return tuple(region for region in candidates if region.level in cue.levels)


def _lies_in_next(tokens: list[Token], match: Match, starts: dict[int, Match], words: RegionWords) -> bool:
    """`Epicentrum, Kuningan, Jakarta Selatan`, `kawasan Puncak, Bogor`: a name followed by a region of another
    province is a place inside that region (Kuningan in Jakarta, not Kabupaten Kuningan), unless the two are
    items of a list (`Bekasi, Jakarta Timur, dan Tangerang`)."""
    following = starts.get(match.end + 1)
    if following is None or tokens[match.end].text != ",":
        return False
    if not any(region.level != "provinsi" or region.code in words.national_seats for region in following.value):
        return False  # `Batam, Riau`, `Raja Ampat, Papua`: a province, loosely or formerly its own
    provinces = {region.province_code for region in following.value}
    if any(region.province_code in provinces for region in match.value):
        return False
    before = tokens[match.start - 1] if match.start else None
    if before is not None and before.text == "," and _ends_region(match.start - 1, starts):
        return False
    after = tokens[following.end].lower if following.end < len(tokens) else ""
    if after in LIST_WORDS or (after == "," and following.end + 1 in starts):
        return False
    return not (after == "," and following.end + 1 < len(tokens) and tokens[following.end + 1].lower in LIST_WORDS)


def _ends_region(end: int, starts: dict[int, Match]) -> bool:
    return any(match.end == end for match in starts.values())


def _is_located(tokens: list[Token], match: Match, starts: dict[int, Match]) -> bool:
    """`Sidoarjo, Jawa Timur`, `Gianyar, Bali`, `Brebes Timur, Jawa Tengah`: a kabupaten/kota (or a part of it
    named with a point of the compass) followed by its own province."""
    end = match.end + 1 if match.end < len(tokens) and tokens[match.end].lower in COMPASS else match.end
    following = starts.get(end + 1)
    if following is None or end >= len(tokens) or tokens[end].text not in (",", "("):
        return False
    provinces = {region.code for region in following.value if region.level == "provinsi"}
    return any(region.province_code in provinces for region in match.value if region.level != "provinsi")


def _cue_before(tokens: list[Token], start: int, words: RegionWords) -> Cue | None:
    """The cue written right before a name; a level word takes the kind of a body or role before it
    (`DPRD Kota Bandar Lampung`, `Pemerintah Kabupaten (Pemkab) Lampung Selatan`), a role after `mantan`
    is a former one."""
    end = _skip_aside(tokens, start)
    if end > 1 and tokens[end - 1].key in ROLE_QUALIFIERS:  # `Bupati nonaktif Probolinggo`: the role's
        qualified = _cue_before(tokens, end - 1, words)
        return qualified if qualified is not None and qualified.kind in ("role", "former role") else None
    if not end or tokens[end - 1].key not in words.last_words:
        return None
    keys = [token.key for token in tokens[max(0, end - words.longest):end]]
    for width in range(len(keys), 0, -1):
        cue = words.cues.get(" ".join(keys[-width:]) if width > 1 else keys[-1])
        if cue is None or cue.kind in ("former", "area"):  # they qualify a role, or follow a name
            continue
        if cue.kind == "role" and end - width > 0:
            before = words.cues.get(tokens[end - width - 1].key)
            if before is not None and before.kind == "former":
                return Cue("former role", cue.levels, cue.shared)
        if cue.kind == "body" and _former_post_words(
                [token.text for token in tokens[max(0, end - width - MAX_POST_WORDS - 1):end - width]], words):
            return Cue("former role", cue.levels, cue.shared)  # `mantan Kabid Humas Polda Jawa Timur`
        if cue.kind == "level":
            outer = _cue_before(tokens, end - width, words)
            if outer is not None and outer.kind in ("body", "court", "role", "event", "former role"):
                return Cue(outer.kind, cue.levels)
        return cue
    return None


def _skip_aside(tokens: list[Token], start: int) -> int:
    """Where the words before `start` end, skipping an aside in parentheses: `Kabupaten (Pemkab) X`."""
    if start and tokens[start - 1].text == ")":
        for index in range(start - 2, max(-1, start - 2 - MAX_PARENTHESIS), -1):
            if tokens[index].text == "(":
                return index
    return start


def _is_part_of_name(tokens: list[Token], match: Match, words: RegionWords) -> bool:
    """`Jati Padang`, `Bank Jatim`, `Bima Arya`, `Jatim Park`: a capitalised word touches the name;
    `Gambir-Surabaya-Jember`: names joined by hyphens are a route or a pair, not a place."""
    if match.start:
        previous = tokens[match.start - 1]
        if previous.text == "-" and match.start > 1 and tokens[match.start - 2].is_capitalised:
            return True
        if (previous.is_capitalised and previous.key not in words.cues and previous.lower not in words.function_words
                and previous.lower not in words.count_openers):  # `Diantaranya Bangkalan, ...`
            return True
    return _continues(tokens, match.end, words)


def _continues(tokens: list[Token], end: int, words: RegionWords) -> bool:
    """`Malang Raya`, `Jatim Park`, `Surabaya-Jember`: a capitalised word right after a name extends it."""
    if end >= len(tokens):
        return False
    following = tokens[end]
    cue = words.cues.get(following.key)
    if cue is not None and cue.kind == "area":
        return True
    if following.text == "-":
        return end + 1 < len(tokens) and tokens[end + 1].is_capitalised
    if following.lower in COMPASS and not (end + 1 < len(tokens) and tokens[end + 1].is_capitalised):
        return False  # `Gerbang Tol Brebes Timur`: a part of the region, not another name
    return (following.is_capitalised and following.key not in words.cues and following.lower not in _CALENDAR
            and following.lower not in words.function_words)


def _is_branch(tokens: list[Token], match: Match) -> bool:
    """`PDIP Jatim`, `PWNU Jawa Timur`: an organisation's provincial branch, named by an acronym."""
    if not match.start or not any(region.level == "provinsi" for region in match.value):
        return False
    following = tokens[match.end] if match.end < len(tokens) else None
    return tokens[match.start - 1].is_acronym and not (following is not None and following.is_capitalised)


def _level_after(tokens: list[Token], end: int, candidates: tuple[Region, ...]) -> tuple[Region, ...]:
    """`Polres Blitar Kota`, `Malang Kota`: a level word after a shared name picks the kota."""
    if len(candidates) > 1 and end < len(tokens) and tokens[end].text == "Kota":
        narrowed = tuple(region for region in candidates if region.level == "kota")
        return narrowed or candidates
    return candidates


def _seat_kecamatan_regions(article: ArticleText, words: RegionWords,
                            evidence: Evidence) -> list[tuple[str, float]]:
    """`penataan Tanah Abang`, `bantaran Kali Krukut, kawasan Kemang` in a story of Jakarta's own government
    (Pemprov DKI, Polda Metro Jaya acting): the kota of each Jakarta kecamatan or landmark the body names bare
    (rule J2), once a mention, as (code, bonus): a locator, which in the lead weighs more like every mention
    (`Polda Metro Jaya menangkap pelaku pembunuhan di Duren Sawit`)."""
    if not any(evidence.strong.get(seat, 0.0) >= PROVINCE_THRESHOLD for seat in words.national_seats):
        return []
    body = article.text[article.title_end:]
    found = []
    for name, code in words.seat_kecamatan.items():
        if name not in body:
            continue  # most are never named: a plain search for the words spares their pattern
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body):
            before = body[max(0, match.start() - ORIGIN_REACH):match.start()].rstrip().lower()
            if before.endswith("kecamatan"):
                continue
            found.append((code, LEAD_BONUS if match.start() < LEAD_CHARS else 0.0))
    return found


def _seat_place_regions(article: ArticleText, words: RegionWords) -> list[tuple[str, str, float]]:
    """`di Taman Impian Jaya Ancol, Jakarta`, `Hotel Mulia Senayan, Jakarta`, `Cilandak, Jakarta`: a place of the
    national seat followed by `Jakarta` alone is its kota (rule J2), where something happens when `di` opens
    it; not where someone spoke, nor a national body's address (`Gedung DPR, Senayan, Jakarta`)."""
    tokens = article.tokens
    jakarta = {match.start: match for match in article.names
               if any(region.code in words.national_seats for region in match.value)
               and all(region.level == "provinsi" for region in match.value)}
    if not jakarta:
        return []
    found = []
    lexicon = load_lexicon()
    for match in _places_before(tokens, jakarta, words.seat_places_named):
        if tokens.start(match.start) < article.title_end or (
                match.start and tokens[match.start - 1].lower in ("kecamatan", "kec")):
            continue
        if _is_origin(tokens, match.start, words):
            continue
        opening = _opened_by_at(tokens, match.start)
        kind = "place at" if opening is not None else "locator"
        mention = Mention((lexicon.regions_by_code[match.value],), kind)
        place = Match(match.start if opening is None else opening + 1, match.end, (mention.candidates[0],))
        if _is_statement_place(tokens, place, words) or _is_seat_address(tokens, match, mention, words):
            continue
        found.append((match.value, kind,
                      LEAD_BONUS if tokens.start(match.start) < article.title_end + LEAD_CHARS else 0.0))
    return found


def _places_before(tokens: list[Token], followers: dict[int, Match], places: Gazetteer[str]) -> list[Match]:
    """The places of `places` that end right before one of `followers`, or before its comma."""
    found = []
    for start in followers:
        for begin in range(max(0, start - PLACE_WORDS - 1), start):
            match = places.match_at(tokens, begin)
            if match is not None and (match.end == start or (match.end == start - 1 and tokens[match.end].text == ",")):
                found.append(match)
                break
    return found


def _at_before(tokens: list[Token], index: int) -> int | None:
    """The index of the `di` at most AT_REACH lower-case words before `index`, else None."""
    for _ in range(AT_REACH + 1):
        if index == 0:
            return None
        before = tokens[index - 1]
        if before.lower == "di":
            return index - 1
        if not before.is_word or before.is_capitalised:
            return None
        index -= 1
    return None


def _opened_by_at(tokens: list[Token], start: int) -> int | None:
    """`di Taman Impian Jaya Ancol`, `di restoran Bleu8 di Hotel Mulia Senayan`: the `di` before a place's name
    (at most PLACE_WORDS capitalised words and AT_REACH lower-case ones away), else None."""
    index = start
    while index > 0 and start - index < PLACE_WORDS and tokens[index - 1].is_capitalised:
        index -= 1
    return _at_before(tokens, index)


def _kecamatan_before_province(article: ArticleText, lexicon: Lexicon,
                               words: RegionWords) -> list[tuple[str, str, float]]:
    """`di Batulicin, Kalimantan Selatan`: a kecamatan written without its level word, then a comma and its
    province, is its kab/kota (spelt with its words run together or apart), when no other kecamatan of that
    province bears the name; where something happens after `di`, else a locator. (Jakarta's own places follow
    `_seat_place_regions`.)"""
    tokens = article.tokens
    found = []
    taken = {index for match in article.names for index in range(match.start, match.end)}
    for match in article.names:
        provinces = {region.code for region in match.value if region.level == "provinsi"} - words.national_seats
        if (not provinces or len(provinces) != len(match.value) or match.start < 2
                or tokens[match.start - 1].text != "," or tokens.start(match.start) < article.title_end):
            continue
        comma = match.start - 1
        for begin in range(max(0, comma - KECAMATAN_WORDS), comma):
            if any(index in taken or not tokens[index].is_capitalised for index in range(begin, comma)):
                continue
            codes = {code for code in _kecamatan_spellings().get(
                _letters(" ".join(token.lower for token in tokens[begin:comma])), frozenset())
                if code.split(".")[0] in provinces}
            if len(codes) == 1:
                if _is_origin(tokens, begin, words) or _is_residence(tokens, begin, words):
                    break
                place = Match(begin, match.end, match.value)
                if _is_statement_place(tokens, place, words):
                    break
                at = begin and tokens[begin - 1].lower == "di"
                lead = LEAD_BONUS if tokens.start(begin) < article.title_end + LEAD_CHARS else 0.0
                found.append((codes.pop(), "place at" if at else "locator", lead))
                break
    return found


@lru_cache(maxsize=1)
def _kecamatan_spellings() -> dict[str, frozenset[str]]:
    """Every kecamatan's name, letters only (`batulicin` for Batu Licin) -> the codes of the kab/kota with one."""
    return {_letters(name): codes for name, codes in load_lexicon().kecamatan_codes.items()}


def _letters(name: str) -> str:
    return "".join(character for character in name.lower() if character.isalpha())


def _listed_area_cities(text: str, words: RegionWords) -> frozenset[str]:
    """The kab/kota of each area whose parts the article must list itself (region_listed_areas.tsv:
    `Jabodetabek`) that it names: a list of them is the area's own (`hujan di wilayah Jaksel, Depok, Tangerang,
    Bekasi, dan Bogor` in a forecast for Jabodetabek), not a round-up of examples (rule R6, the BMKG case)."""
    return frozenset(code for name, codes in words.listed_areas.items() if name in text for code in codes)


def _area_regions(article: ArticleText, words: RegionWords) -> list[tuple[str, float]]:
    """`empat polres di Madura`, `di Pulau Madura`: every kabupaten/kota of an area written after `di` (rule R6),
    with the lead's bonus."""
    body = article.text[article.title_end:]
    found = []
    for name, codes in words.areas.items():
        if name not in body:
            continue
        for match in re.finditer(rf"\b[Dd]i\s+(?:[Pp]ulau\s+)?{re.escape(name)}\b(?!\s*[-\w]*[A-Z])", body):
            bonus = LEAD_BONUS if match.start() < LEAD_CHARS else 0.0
            found.extend((code, bonus) for code in codes)
    return found


def _kecamatan_regions(text: str, lexicon: Lexicon, words: RegionWords, named: set[str] = frozenset(),
                       tokens: Tokens | None = None, background: list[int] = ()) -> list[str]:
    """The kabupaten/kota of each kecamatan named as one (`Kecamatan Sukawati`), when the name is unique, or
    when the article names just one of the kabupaten/kota with a kecamatan of that name, in any way
    (`Kecamatan Glagah` of `wisata Jopuro Banyuwangi`: Glagah lies in Banyuwangi and in Lamongan); none in a
    sentence holding one of the `background` tokens of `tokens` (`Keduanya pernah tinggal di Desa Buni Bakti,
    Kecamatan Babelan`: where someone was before, N1), as for every other mention."""
    found: list[str] = []
    if "ecamatan" not in text and "Kec." not in text:
        return found
    for match in KECAMATAN.finditer(text):
        before = text[max(0, match.start() - 2 * ORIGIN_REACH):match.start()].split()
        if before and (before[-1].lower() in words.origin_words or (
                len(before) > 1 and before[-1] == "di" and before[-2].lower() in words.residence_words)):
            continue  # `asal Kecamatan Bangsalsari`, `beralamat di Kecamatan Cakung`
        preceding = text[max(0, match.start() - ADDRESS_REACH):match.start()]
        if any(word in preceding for word in words.residents) and _opens_address(
                _ADDRESS_TOKEN.findall(preceding) + ["Kecamatan"], words):
            continue  # `Sumiati, warga Desa Tulis RT 03 / 03 Kecamatan Lasem`, `Arif, warga Kecamatan Taman`
        if background and _in_sentence_with(tokens, _token_at(tokens, match.start()), background):
            continue
        parts = match.group(1).split()
        code = next((code for width in range(len(parts), 0, -1) for name in _spellings(parts[:width])
                     for code in [_kecamatan_code(name, lexicon, named)] if code is not None), None)
        if code is not None:
            found.append(code)
    return found


def _spellings(words: list[str]) -> tuple[str, ...]:
    """A kecamatan's name as written and, of two words or more, run together as the gazetteer may spell it
    (`Kramat Jati` is Kramatjati of Jakarta Timur, never Kramat of Tegal)."""
    written = " ".join(words).lower()
    return (written, "".join(words).lower()) if len(words) > 1 else (written,)


def _kecamatan_code(name: str, lexicon: Lexicon, named: set[str]) -> str | None:
    """The kabupaten/kota of a kecamatan of that name: the only one, or the only one the article names."""
    code = lexicon.kecamatan_to_region.get(name)
    if code is None:
        shared = lexicon.kecamatan_codes.get(name, frozenset()) & named
        code = next(iter(shared)) if len(shared) == 1 else None
    return code


def resolve_region(typed: str) -> Region | None:
    """A region as a person names it: its code (`18.01`, `18`), full name (`Kabupaten Lampung Selatan`,
    `Provinsi Lampung`), short name with or without a level word (`Lampung Selatan`, `Kab. Lampung Selatan`)
    or the news's short form (`Lamsel`), Jakarta's administrative ones written short or not (`Kota Adm.
    Jakarta Selatan`, `Kep. Seribu`); None when nothing answers to it. A name several regions share goes to the
    province, else the kota (`Bengkulu` is the province, `Malang` the kota)."""
    key = _cue_key(typed)
    lexicon = load_lexicon()
    if typed.strip() in lexicon.regions_by_code:
        return lexicon.regions_by_code[typed.strip()]
    names = _names()
    return names.get(key) or names.get(ADMINISTRATIVE.sub(r"\1", key).replace("kep ", "kepulauan ", 1))


@lru_cache(maxsize=1)
def region_names() -> list[str]:
    """Every region's full and short name (`Kabupaten Lampung Selatan`, `Lampung Selatan`), a kabupaten's written
    short (`Kab. Lampung Selatan`) and the news's short forms (`Lamsel`), each once: what an unknown region is
    compared with to say which one was meant."""
    lexicon = load_lexicon()
    return list(dict.fromkeys([name for region in lexicon.regions for name in (region.full_name, region.short_name)]
                              + [f"Kab. {region.short_name}" for region in lexicon.regions if region.level == "kabupaten"]
                              + [alias for alias, _ in lexicon.region_aliases]))


@lru_cache(maxsize=1)
def _names() -> dict[str, Region]:
    """Every lower-case way of naming a region: `kabupaten lampung selatan`, `kab lampung selatan`, `lamsel`."""
    lexicon = load_lexicon()
    named: dict[str, list[Region]] = {}
    for region in lexicon.regions:
        key = _cue_key(region.short_name)
        named.setdefault(key, []).append(region)
        for level_word, cue in load_region_words().cues.items():
            if cue.kind == "level" and region.level in cue.levels:
                named.setdefault(f"{level_word} {key}", []).append(region)
    names = {key: min(regions, key=_level_rank) for key, regions in named.items()}
    for alias, code in lexicon.region_aliases:  # the news's own short forms decide (`Bandung` is the kota)
        if code in lexicon.regions_by_code:
            names[_cue_key(alias)] = lexicon.regions_by_code[code]
    return names


def _level_rank(region: Region) -> int:
    return LEVEL_PREFERENCE.index(region.level)
