"""The regions an article is about: kabupaten/kota and provinces, by their Kemendagri codes.

Every region name in the text is a *mention*, weighed by the words right before it (`region_cues.tsv`):
1. a regional body acting (`Pemkab Lampung Selatan`, `DPRD Kota Bandar Lampung`, `Polres Malang`, and the
   units of `regional_units.tsv`: `Dinkes Surabaya`) or an office holder's regional role (`Bupati Lampung
   Selatan`, `Kapolres Jember`) weighs most; the regional bodies the agency extractor resolved add to it;
2. the dateline place, a city or a kecamatan of the gazetteer (`Kalianda` lies in Lampung Selatan), and a
   kecamatan named as one (`Kecamatan Sukawati`), weigh as much as a name written with its level
   (`Kabupaten Pasuruan`) or a local election (`Pilkada Surabaya`);
3. a bare name (`di Sidoarjo`) weighs least; one in the title weighs more.
A role or body word also decides between a kabupaten and a kota of one name (`Bupati Malang`, `Pemkot
Malang`); a bare shared name goes to whichever of them the rest of the article supports, else to the kota.

What is not evidence: a name preceded or followed by another capitalised word, which makes it part of a
longer name (`Jati Padang`, `Bank Jatim`, `Bima Arya`); a name after a word of origin or direction (`asal
Garut`, `arah Surabaya`); a place mentioned once in passing (its weight stays below the threshold).
Jakarta written bare (`Jakarta`, `DKI`) names the province, and a province needs a body, a role or its
level word to be listed, so national bodies sitting in Jakarta do not make a story regional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Match
from .lexicon import Lexicon, Region, load_lexicon, read_lines
from .places import region_of_place
from .tokens import Token

WEIGHTS = {"body": 3.0, "role": 3.0, "level": 2.0, "event": 2.0, "branch": 2.0, "bare": 1.0}
TITLE_BONUS = 2.0  # added to a mention in the title
KECAMATAN_WEIGHT = 3.0
DATELINE_WEIGHT = 2.0
AGENCY_WEIGHT = 3.0  # a regional body the agency extractor resolved, once per body
CITY_THRESHOLD = 3.0  # a kabupaten/kota is listed from this much evidence on
PROVINCE_THRESHOLD = 3.0  # a province alone, counting only bodies, roles and level words
REGIONAL_AGENCY_KINDS = frozenset({"regional_government", "regional_legislature", "commission", "police",
                                   "prosecutor"})
LEVEL_PREFERENCE = ("provinsi", "kota", "kabupaten")  # a bare shared name nothing else decides
MAX_PARENTHESIS = 6
KECAMATAN = re.compile(r"\b(?:[Kk]ecamatan|Kec\.)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
_CALENDAR = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"})


@dataclass(frozen=True)
class Cue:
    """What the words before a region name say: the kind of evidence and the levels the name can be."""

    kind: str  # body | role | level | event | origin
    levels: frozenset[str]  # empty: any level


@dataclass(frozen=True)
class RegionWords:
    cues: dict[str, Cue]  # lower-case words, space separated -> cue
    longest: int  # words in the longest cue


@dataclass(frozen=True)
class ArticleText:
    """The article as extraction reads it, with the region (and country) names already found in it."""

    text: str
    tokens: list[Token]
    names: list[Match]
    title: str  # the article's title
    title_end: int  # characters of `text` that are the title; 0 when `text` leaves the title out
    place: str | None  # the dateline place


@dataclass(frozen=True)
class Mention:
    candidates: tuple[Region, ...]  # the regions the name may be, narrowed by its cue
    weight: float
    kind: str


@lru_cache(maxsize=1)
def load_region_words() -> RegionWords:
    lexicon = load_lexicon()
    cues: dict[str, Cue] = {}
    for entry in lexicon.regional_units:  # `Dinkes Surabaya`, `Dinas Pendidikan Kota Malang`
        for name in (entry.canonical, *entry.aliases):
            cues[_cue_key(name)] = Cue("body", frozenset())
    for line in read_lines("region_cues.tsv"):
        cells = line.split("\t") + [""]
        cues[_cue_key(cells[0])] = Cue(cells[1].strip(), frozenset(cells[2].split()))
    return RegionWords(cues, max(len(key.split()) for key in cues))


def _cue_key(words: str) -> str:
    return " ".join(words.lower().replace(".", " ").split())


def find_regions(article: ArticleText, agencies=(), lexicon: Lexicon | None = None) -> list[Region]:
    """The regions `article` is about, most evidence first: each kabupaten/kota whose evidence reaches
    CITY_THRESHOLD, then each province whose own evidence (bodies, roles, its level word) reaches
    PROVINCE_THRESHOLD while none of its kabupaten/kota is listed. A kabupaten/kota implies its province,
    which is therefore never listed beside it."""
    lexicon = lexicon or load_lexicon()
    words = load_region_words()
    scores: dict[str, float] = {}
    province_scores: dict[str, float] = {}
    shared: list[Mention] = []
    for mention in _mentions(article, words):
        if len(mention.candidates) == 1:
            _add(mention.candidates[0], mention, scores, province_scores)
        else:
            shared.append(mention)
    for agency in agencies:
        region = getattr(agency, "region", None)
        if region is not None and agency.kind in REGIONAL_AGENCY_KINDS:
            _add(region, Mention((region,), AGENCY_WEIGHT, "body"), scores, province_scores)
    for code in _kecamatan_regions(article.text, lexicon):
        region = lexicon.regions_by_code[code]
        _add(region, Mention((region,), KECAMATAN_WEIGHT, "kecamatan"), scores, province_scores)
    dateline = region_of_place(article.place, lexicon)
    if dateline is not None:
        _add(dateline, Mention((dateline,), DATELINE_WEIGHT, "dateline"), scores, province_scores)
    for mention in shared:
        _add(_decide(mention.candidates, scores), mention, scores, province_scores)
    return _chosen(scores, province_scores, lexicon, dateline)


def _add(region: Region, mention: Mention, scores: dict[str, float], province_scores: dict[str, float]) -> None:
    scores[region.code] = scores.get(region.code, 0.0) + mention.weight
    if region.level == "provinsi" and mention.kind not in ("bare", "dateline"):
        province_scores[region.code] = province_scores.get(region.code, 0.0) + mention.weight


def _decide(candidates: tuple[Region, ...], scores: dict[str, float]) -> Region:
    """A shared name (`Malang`, `Bengkulu`) is the candidate with most evidence so far, else by level."""
    best = max(candidates, key=lambda region: scores.get(region.code, 0.0))
    if scores.get(best.code, 0.0) > 0:
        return best
    return min(candidates, key=_level_rank)


def _chosen(scores: dict[str, float], province_scores: dict[str, float], lexicon: Lexicon,
            dateline: Region | None) -> list[Region]:
    """Kabupaten/kota over the threshold, else the dateline's; then provinces none of them implies."""
    by_code = lexicon.regions_by_code
    cities = [by_code[code] for code, score in scores.items()
              if score >= CITY_THRESHOLD and by_code[code].level != "provinsi"]
    if not cities and dateline is not None and dateline.level != "provinsi":
        cities = [dateline]
    covered = {city.province_code for city in cities}
    provinces = [by_code[code] for code, score in province_scores.items()
                 if score >= PROVINCE_THRESHOLD and code not in covered]
    return sorted(cities, key=lambda r: (-scores[r.code], r.code)) + sorted(
        provinces, key=lambda r: (-province_scores[r.code], r.code))


def _mentions(article: ArticleText, words: RegionWords):
    """Every region name of the text and title that counts, with its weight."""
    tokens = article.tokens
    for match in article.names:
        if not match.value:
            continue  # a country
        in_title = tokens[match.start].start < article.title_end
        mention = _mention(tokens, match, words, headline=False, in_title=in_title)
        if mention is not None:
            yield mention
    if article.title and not article.title_end:  # a headline-case title the text leaves out
        from .agencies import load_gazetteers
        from .tokens import tokenize

        title_tokens = tokenize(article.title)
        for match in load_gazetteers().regions.find_all(title_tokens):
            if match.value:
                mention = _mention(title_tokens, match, words, headline=True, in_title=True)
                if mention is not None:
                    yield mention


def _mention(tokens: list[Token], match: Match, words: RegionWords, headline: bool,
             in_title: bool) -> Mention | None:
    cue = _cue_before(tokens, match.start, words)
    candidates: tuple[Region, ...] = match.value
    if cue is None:
        kind = "bare"
        if not headline:
            if _is_part_of_name(tokens, match, words):
                kind = _branch(tokens, match)
                if kind is None:
                    return None
                candidates = tuple(region for region in candidates if region.level == "provinsi")
        candidates = _level_after(tokens, match.end, candidates)
    elif cue.kind == "origin":
        return None
    else:
        kind = cue.kind
        if cue.levels:
            candidates = tuple(region for region in candidates if region.level in cue.levels)
        if kind != "level":
            candidates = _level_after(tokens, match.end, candidates)
    if not candidates:
        return None
    return Mention(candidates, WEIGHTS[kind] + (TITLE_BONUS if in_title else 0.0), kind)


def _cue_before(tokens: list[Token], start: int, words: RegionWords) -> Cue | None:
    """The cue written right before a name; a level word takes the kind of a body or role before it
    (`DPRD Kota Bandar Lampung`, `Pemerintah Kabupaten (Pemkab) Lampung Selatan`)."""
    end = _skip_aside(tokens, start)
    for width in range(min(words.longest, end), 0, -1):
        key = " ".join(token.key for token in tokens[end - width:end])
        cue = words.cues.get(key)
        if cue is None:
            continue
        if cue.kind == "level":
            outer = _cue_before(tokens, end - width, words)
            if outer is not None and outer.kind in ("body", "role", "event"):
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
    """`Jati Padang`, `Bank Jatim`, `Bima Arya`, `Jatim Park`: a capitalised word touches the name."""
    if match.start:
        previous = tokens[match.start - 1]
        if previous.is_capitalised and previous.key not in words.cues and not _is_function_word(previous):
            return True
    if match.end < len(tokens):
        following = tokens[match.end]
        if (following.is_capitalised and following.key not in words.cues and following.lower not in _CALENDAR
                and not _is_function_word(following)):
            return True
    return False


def _is_function_word(token: Token) -> bool:
    return token.lower in load_lexicon().stopwords


def _branch(tokens: list[Token], match: Match) -> str | None:
    """`PDIP Jatim`, `PWNU Jawa Timur`: an organisation's provincial branch, named by an acronym."""
    if not match.start or not any(region.level == "provinsi" for region in match.value):
        return None
    previous = tokens[match.start - 1]
    following = tokens[match.end] if match.end < len(tokens) else None
    if previous.is_acronym and not (following is not None and following.is_capitalised):
        return "branch"
    return None


def _level_after(tokens: list[Token], end: int, candidates: tuple[Region, ...]) -> tuple[Region, ...]:
    """`Polres Blitar Kota`, `Malang Kota`: a level word after a shared name picks the kota."""
    if len(candidates) > 1 and end < len(tokens) and tokens[end].text == "Kota":
        narrowed = tuple(region for region in candidates if region.level == "kota")
        return narrowed or candidates
    return candidates


def _kecamatan_regions(text: str, lexicon: Lexicon) -> list[str]:
    """The kabupaten/kota of each kecamatan named as one (`Kecamatan Sukawati`), when the name is unique."""
    found = []
    for match in KECAMATAN.finditer(text):
        words = match.group(1).split()
        for width in range(len(words), 0, -1):
            code = lexicon.kecamatan_to_region.get(" ".join(words[:width]).lower())
            if code is not None:
                found.append(code)
                break
    return found


def resolve_region(typed: str) -> Region | None:
    """A region as a person names it: its code (`18.01`, `18`), full name (`Kabupaten Lampung Selatan`,
    `Provinsi Lampung`), short name with or without a level word (`Lampung Selatan`, `Kab. Lampung Selatan`)
    or the news's short form (`Lamsel`); None when nothing answers to it. A name several regions share
    goes to the province, else the kota (`Bengkulu` is the province, `Malang` the kota)."""
    key = _cue_key(typed)
    lexicon = load_lexicon()
    if typed.strip() in lexicon.regions_by_code:
        return lexicon.regions_by_code[typed.strip()]
    return _names().get(key)


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
