"""Find officials: a role (position word, then role words and agencies), then a name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..analysis import stem_word
from .lexicon import DAYS, MONTHS, PLACE_LINK, RANK_SERVICES, Lexicon
from .names import edit_distance_at_most_one, is_shorter_form, same_word, spelling_key
from .tokens import QUOTES, SENTENCE_END, Token, Tokens

MAX_RANK_GRADES = 3  # words of a rank's grade and service after it (`Polisi Satu`)
MAX_NAME_WORDS = 5
MAX_CLAUSE_TOKENS = 48  # a role and its holder's name: the longest written run to some twenty tokens
MAX_OFFICIALS = 100  # distinct officials' names an article gives (the corpus: 16 at most); merging costs their square
MAX_PERSONS = 100  # other people named, likewise
PERSON_NAME_WORDS = 4  # words of another person's name after a verb of saying (`kata Desi Ratnasari`)
LISTED_NAME_WORDS = 3  # words of a bare name listed between two officials
MAX_ACTING_REACH = 40  # tokens read each way for a word of film or stage around a post and a bracketed name
MAX_LISTED_HOLDERS = 8  # names listed after a shared post's first holder (`Wakil Ketua KPK, A, B dan C`)
LIST_CLOSERS = frozenset({"dan", "serta"})
MAX_PLACE_WORDS = 3  # words of a place name written before a name
NAME_ENDING_WORDS = frozenset({"rp", "us$", "usd"})  # a sum after a name, never part of it
BALINESE_OPENERS = frozenset({"I", "Ni"})  # `I Made …`, `Ni Luh …`: a word before the given names
RANK_OPENING_POSTS = frozenset({"Inspektur"})  # a post that opens a police rank too: `Inspektur Jenderal`
MAX_PARENTHESIS_TOKENS = 8
MAX_LOWER_POST_WORDS = 4  # `pejabat pembuat komitmen (PPK)`, `kuasa pengguna anggaran (KPA)`
MAX_GROUP_DISTANCE = 16  # tokens from a group of office holders (`dua petahana DPD RI`) back from its copula
MAX_GROUP_GAP = 3  # tokens from the group's noun to its body
MAX_PRONOUN_OPENING = 3  # tokens of a sentence before its copula when the group is in the sentence before
CLAUSE_END = SENTENCE_END | QUOTES | {";", ":", "(", ")"}
ARABIC_ARTICLES = frozenset({"al", "el"})  # written lower-case before a hyphen inside a name
RANK_SPAN_BREAKS = (CLAUSE_END | {","}) - {"(", ")"}  # `Mayjen TNI (Purn) Budi`: parentheses stay in a rank's span
CALENDAR_WORDS = frozenset(DAYS + MONTHS + ("Jum'at",))
SERVING_VERB = "menjabat"  # `Joko Widodo masih menjabat Gubernur DKI`: the post held, after the name and the verb
# ... and before `sebagai` only (`dilantik Presiden Jokowi` is sworn in by him): `Halimah Yacob dilantik sebagai …`
TAKING_VERBS = frozenset({SERVING_VERB, "dilantik", "diangkat", "ditunjuk", "terpilih"})
POST_TIMES = (("saat", "ini"), ("saat", "itu"), ("ketika", "itu"), ("waktu", "itu"), ("kini",), ("sekarang",))
POST_TIME_OPENERS = frozenset(words[0] for words in POST_TIMES)
SERVING_ADVERBS = frozenset({"masih", "pernah", "sedang", "kini", "saat", "ketika", "yang", "tengah", "sempat", "sudah",
                             "akan", "resmi", "telah", "baru"})
COPULAS = frozenset({"adalah", "merupakan"})  # `Rizal Fauzan Hamdani merupakan Bupati Lampung Tengah`
COPULA_OPENERS = frozenset({"yang", ","})  # `Budi yang merupakan Kepala …`, `Nurhadi Saputra, adalah …`
LIST_DASHES = frozenset({"–", "—", "-"})  # `1. Ir. Hendra Gunawan, M.T. – Kepala Dinas …`: a list item's name, post
APPOSITIVE_MARKERS = frozenset({",", "sebagai", "selaku", "(", SERVING_VERB}) | COPULAS | LIST_DASHES
ITEM_MARKS = frozenset({".", ")", "•", "·", "*", "-", "–", "—"})  # after a list item's number, or its bullet
# `Argo Yuwono selaku Kabid Humas Polda Metro Jaya`, `Tjahjo Kumolo (Mendagri)`
TITLED_APPOSITIVE = "("  # `Pak Jonan (Menteri ESDM)`: after this marker a title may stand for a name's second word
AGE_OPENERS = frozenset({"("})  # `Kariadi (50)`
SEQUEL_CONNECTORS = frozenset({"serta"})  # `X serta Y`: never inside one name, unlike `dan` (`Hukum dan HAM`)
CLAN_PARTICLES = frozenset({"br", "Br", "boru", "Boru"})  # `Rosmaida br Simanjuntak`: then the clan's name
TOWN_WORD = "Kota"  # opens the names of kecamatan and kelurahan too (`Kota Komba`, `Kota Ndora`), not only kota
HOLDER_ADVERBS = frozenset({"kini", "sekarang"})  # `Camat Elar kini dijabat …`
HOLDER_VERBS = frozenset({"dijabat", "diketuai"})  # `Kajari Samarinda dijabat oleh Retno`: the post, then who holds it
MAX_RANK_SPAN = MAX_PARENTHESIS_TOKENS + MAX_NAME_WORDS  # tokens read after a rank for its officer's name
POST_RUN = 8  # posts, ranks and a role's words in a row before a post that is not read (inside_post_run)
MAX_LOWERCASE_ROLE_WORDS = 3  # `jaksa penuntut umum …`: a court post's own words written in lower case
FORMER_WORDS = frozenset({"mantan", "eks", "bekas"})  # before a role a former holder held
INDEFINITE_ARTICLES = frozenset({"seorang"})  # `Budi, seorang anggota DPRD …`: before an appositive's post
DESCRIBED_POST_LINKS = SERVING_ADVERBS | FORMER_WORDS | {"juga", "menjabat", "sebagai", "merupakan"}  # `pria yang
# juga menjabat sebagai Ketua Banggar DPR RI tersebut`: between a description's noun and the post
DOUBLE_QUOTES = frozenset({'"', "“", "”"})  # a single mark is as often an apostrophe
HOLDER_REACH = 120  # tokens back from a description pointing back to the name of the person it stands for
FACTION_LOWER = "fraksi"
FACTION_WORDS = frozenset({"Fraksi", "Partai", "Komisi"})  # `… DPR RI dari Fraksi PKB`, `dari Komisi II`: the role's
ENVOY_POSTS = frozenset({"Dubes", "Duta", "Konjen", "Konsul"})  # `Dubes RI untuk Malaysia`: where an envoy serves
ENVOY_SENDERS = frozenset({"RI", "Indonesia"})
ENVOY_BODIES = frozenset({"PBB", "ASEAN", "NATO"})  # `Duta Besar AS untuk PBB Nikki Haley`: an envoy of a country
ENVOY_LINKS = frozenset({"untuk", "di"})
DEPUTY_WORDS = frozenset({"wakil"})  # in lower case a post only before another one (`wakil ketua`)
MAX_HYPHEN_PART = 6  # letters of a spaced-out lower-case name part ("Kim Jong - un")
CLITICS = frozenset({"nya", "lah", "kah", "pun", "ku", "mu"})  # `Ahmad-nya`: not part of the name
# A candidacy after the name starts another phrase: "Menteri Ketenagakerjaan Ida Fauziyah Caleg DPR dari PKB".
CANDIDACY_WORDS = frozenset({"Caleg", "Capres", "Cawapres", "Cagub", "Cawagub", "Cabup", "Cawabup", "Cawalkot",
                             "Calon"})
CANDIDACY_BEFORE = frozenset({"calon", "bacalon", "cawapres", "capres", "kandidat"})  # before a position: running for
# it (`Kandidat Presiden Perancis Emmanuel Macron`)
INCUMBENT = "petahana"  # before a candidacy: the post is held, and run for again
MAX_INCUMBENT_REACH = 6  # capitalised words of a post read before the `petahana` that follows them
# posts whose next role words are often in lower case: "hakim konstitusi Patrialis Akbar", "juru bicara KPK Febri"
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "\u201c", "\u201d"})  # what a sentence's first word follows
ENGLISH_AND = "and"
ROLE_COMPOUNDS = frozenset({("Gempa", "bumi")})  # `Kepala Bidang Informasi Gempa bumi … BMKG`: one word
LOWERCASE_TWO_WORD_POSTS = frozenset({("wali", "kota")})  # a post written in lower case, both words
JUDGE = "Hakim"
COURT_PANEL = "majelis"  # `Majelis Hakim X`, `majelis hakim X`: the judges of a trial
LOWERCASE_ROLE_POSTS = frozenset({"hakim", "jaksa", "juru", "Juru", "Hakim", "Jaksa"})  # `Hakim anggota X`
# a legislature's member or chair written in lower case, with a legislature's word (`anggota parlemen Mahmoud
# Sadeghi`, `ketua Senat Afghanistan`); Indonesia's are acronyms (`anggota DPR`) or `dewan` (`anggota dewan`)
LEGISLATURE_POSTS = frozenset({"anggota", "ketua", "wakil"})
LEGISLATURE_WORDS = frozenset({"parlemen", "Parlemen", "senat", "Senat", "kongres", "Kongres", "dewan"})
INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+\.?")  # several initials in one token: `P.S`, `L.P.`
SPOKESPERSON, SPOKESPERSON_LOWER_TAIL = "juru", "bicara"  # `juru bicara`
ACTING_WORDS = frozenset({"Pj", "Plt", "Plh", "Penjabat"})  # before the post held for a while: `Pj Kades …`
VILLAGE_POSTS = frozenset({"Kades", "Lurah", "Sekdes", "Camat", "Sekcam",  # local governments' posts, and a village
                           "Perbekel", "Pembakal", "Keuchik", "Geuchik", "Kuwu", "Peratin", "Panewu", "Sangadi",
                           "Klebun", "Raja", "Reje"})  # head's or a kapanewon head's local titles (`Raja Negeri`)
PLACE_POSTS = VILLAGE_POSTS | frozenset({"Kapolsek", "Wakapolsek", "Danramil", "Kajari", "Kalapas", "Karutan"})
# posts the news names with their village or district (a seat's too: Kajari)
CITY_POSTS = frozenset({"Kota", "Walikota", "Walkot", "Wawali", "Wawalkot", "Pemkot", "Pemko"})  # then a kota's name: `Wali Kota Metro`
MAX_LISTED_FIELDS_TOKENS = 16  # a post's portfolio listed with commas (`Energi, Logistik, Kawasan dan Pariwisata`)
JOINT, JOINT_UNITS = "Gabungan", frozenset({"Komando", "Wilayah", "Pasukan", "Satuan", "Tim", "Operasi", "Satgas"})
# `Komandan Wilayah Gabungan Marianas`, `Ketua Tim Gabungan Pencari Fakta`: a joint command or team, no association
LEADERS_FORUM = ("Forum", frozenset({"Komunikasi", "Koordinasi"}), "Pimpinan")  # a region's leaders, no society
REGIONAL_HEADS = VILLAGE_POSTS | frozenset({"Gubernur", "Wagub", "Bupati", "Wabup", "Walikota", "Walkot", "Wawali",
                                           "Wawalkot", "Sekda"})
# the heads of a region's government: a forum of them is no private body (`Forum Komunikasi Pimpinan Daerah Bupati`)
NUMBERED_ROLE_WORDS = frozenset({"periode", "masa", "angkatan", "ke"})
PUBLIC_OVERRIDES = frozenset({"DPR", "DPRD", "MPR", "Fraksi", "fraksi", "Legislator", "legislator",  # a legislature
                              "Senator", "senator"})
AUTHOR_NOTE = "Penulis"  # `*Penulis adalah Kepala Bappeda …`: an opinion column's closing note on its author
NOTE_REACH = 80  # tokens from the text's end where that note opens a line
NOTE_MARKS = frozenset({"*", ")", "("})  # what a closing note opens with before `Penulis`
BYLINE_WORDS = frozenset({"Oleh"})  # `Oleh: Dr. Dadang …`, on a line of its own near the start (`Penulis: …`
# is many outlets' reporter's byline)
BYLINE_REACH = 40  # tokens from the text's start where a column's byline stands (its title before it)
MAX_SHORT_VALUE_WORDS = 2  # a value this short is checked against how the article writes its words elsewhere
MIN_LOWER_USES = 2  # a word the article writes this often in lower case is an ordinary word there
MIN_GLUED_VERB = 10  # letters: a shorter word holds no name and a verb of saying glued on it
MIN_ROOT = 4  # letters: below this a root, or the affixes around it, are too short to call a word derived
ORIGIN_WORD = "asal"  # `Anggota DPR asal Jatim`
# `Sekda Tanah Bumbu selaku Ketua TAPD, …`, `Kepala Bidang Perindustrian pada Disperindag, …`: a post held in
# another capacity, a section in the body it belongs to, as government press releases write them
POST_LINKS = frozenset({"selaku", "pada"})
NAME_SUFFIX = "i"  # `Fuadi`, `Danuri`: Sastrawi takes it for the verb suffix
PRONOUN_PREFIXES = frozenset({"ku", "kau"})  # `kubaca`: Sastrawi strips them, but a role's word never has them
POSSESSIVE_CLITICS = frozenset({"ku", "mu"})  # `rumahku`: Sastrawi strips them too, and no role's word ends so
SHORT_NUMERALS = frozenset({"I", "V", "X"})
COMMISSION = "Komisi"
COMMISSION_LETTERS = frozenset("ABCDE")
MAX_PORTFOLIO_WORDS = 6  # a portfolio written out before its acronym in brackets
# a Balinese name's birth-order word: the `I` before it opens the name (`Dirjen Pemasyarakatan I Wayan Dusak`)
BALINESE_ORDER_NAMES = frozenset({"Wayan", "Made", "Nyoman", "Ketut", "Putu", "Gede", "Kadek", "Komang", "Nengah",
                                  "Gusti", "Dewa", "Gde", "Luh"})
BALINESE_TITLES = BALINESE_ORDER_NAMES | {"Ayu", "Agung", "Ngurah", "Bagus", "Anak", "Ida", "Cokorda", "Desak"}
MAX_BALINESE_TITLES = 3  # `I Gusti Ayu Putu`
MAX_NAME_WORD_VERDICTS = 100_000  # distinct texts judged as name words; the verdicts start again when full
# end a role before its holder's comma (`tersebut`, `itu`, `ini` point back to someone named before: after them,
# the comma rarely opens the holder's name: `Menurut Kapolres itu, Ahmad ...`)
ROLE_DEICTICS = frozenset({"setempat"})
CHILD_WORDS = frozenset({"putra", "putri"})  # lower case before a post: a child (capitalised, a given name)
ORDINAL_PREFIX = ("ke",)  # role_qualifiers.txt: `ke` and a number after it
MAX_QUALIFIERS = 3  # qualifiers in a row between a post and its holder: `Bupati definitif pertama …`
ROLE_OBJECT_WORDS = 2  # lower-case words between a role's head and that word: `Kepala desa setempat`
TIME_NOUNS = frozenset({"masa", "saat", "waktu", "kala", "tahun", "periode"})
VERB_PREFIXES = ("me", "ber", "di", "ter", "ke")  # `menjelaskan kasus itu,`: a verb's clause, not a role's
CONSTITUENCY_LOWERCASE = frozenset({"setempat", "bagian", "utara", "selatan", "timur", "barat", "tengah", "dan"})
# `dan` between two of its places: `dari daerah pemilihan Kapuas dan Pulang Pisau, Maria …`
# `dari daerah pemilihan setempat`, `… Tapanuli bagian selatan`: a constituency's words in lower case
CONSTITUENCY_JOINS = frozenset({"-", "\u2013", "\u2014", "/"})  # between a constituency's places
CONSTITUENCY_WORDS = 5  # capitalised words (or numbers) of a constituency's name: `Jatim VI`, `Lampung Barat 3`
POST_OBJECT_LINKS = frozenset({"pada", "untuk"})  # `PPK pada proyek …`
POST_OBJECT_REACH = 14  # tokens of what a post is held for, up to the comma before the holder's name
MONARCHS = frozenset({"Raja", "Kaisar", "Emir", "Sultan", "Ratu"})  # whose name may end with the reign's number
ROMAN_NUMERAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")
# `KlikACC`, `Jurnal.id`, `ASEAN.Melanj`: capitals after a small letter, or a full stop inside a word, spell a
# brand, a domain or two words run together, never a person's name (`McConnell` has one capital after the small
# letter, `H.Saudin` and `M.Yusuf` are an initial run into the name)
BRAND_SPELLING = re.compile(r"[a-z][A-Z]{2}|[A-Za-z]{2}\.[A-Za-z]{2}")


def is_derived_word(text: str) -> bool:
    """`Pertahanan`, `Bersenjata`, `Kepresidenan`: an affixed Indonesian word, part of a role, never a name.

    Sastrawi only strips affixes when what remains is a dictionary root; names mostly come back unchanged.
    A name that happens to split into an affix and a short root (`Di-ana`, `Ros-an`, `Pin-kan`, `Di-mas`) is
    still a name: a short root counts only when the affixes around it are long (`Ke-ber-ada-an`)."""
    word = text.lower()
    if not word.isalpha() or len(word) <= 4:
        return False
    root = stem_word(word)
    if root == word or word[:max(0, word.find(root))] in PRONOUN_PREFIXES:
        return False  # `Ku-naif-i`, `Ku-sumo`, `Ku-mala`: a pronoun's prefix makes no word of a role
    if word[len(root):] in POSSESSIVE_CLITICS and word.startswith(root):
        return False  # `Jela-mu`: a role's word never ends with `-ku` or `-mu`, a name may (Marius Ardu Jelamu)
    return len(root) >= MIN_ROOT or len(word) - len(root) >= MIN_ROOT


NAME_LIKE_SUFFIXES = ("i", "lah")  # `Masak-i`, `Fadil-lah`: what Sastrawi strips from names now and then


def _root_with_name_like_suffix(text: str) -> bool:
    """`Masaki` read as `masak` + `-i`, `Fadillah` as `fadil` + `-lah`: a root with one such suffix alone."""
    word = text.lower()
    return any(word.endswith(suffix) and stem_word(word) == word[:-len(suffix)] for suffix in NAME_LIKE_SUFFIXES)


@dataclass
class OfficialMention:
    name: str
    role: str | None
    surfaces: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "surfaces": self.surfaces}


@dataclass(frozen=True)
class _Found:
    name_start: int
    name_end: int
    role: str | None
    role_span: tuple[int, int] = (0, 0)  # the role's tokens
    keeps_region: bool = False  # the name opens with a region's name that is the given name (`Bima Sakti`)


class _Reader:
    """Reads one article's tokens; `material` marks tokens inside agency and region names."""

    def __init__(self, text: str, tokens: Tokens, material: set[int], lexicon: Lexicon,
                 bodies: set[int] | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self.material = material
        self.bodies = material if bodies is None else bodies  # tokens inside agency names only
        self.lex = lexicon
        self._runs: dict[tuple[str, ...], int] | None = None  # name_runs, read once an article
        self.relatives: set[tuple[str, ...]] = set()  # names of relatives of posts' holders (_note_relative)

    # -- token classes -------------------------------------------------------------------------
    def word(self, i: int) -> str:
        texts = self.tokens.texts  # asked most of all the reader's questions: the texts' list, not the tokens
        return texts[i] if 0 <= i < len(texts) else ""

    def name_words_from(self, start: int, most: int) -> int:
        """Where the run of name words from `start` ends, after `most` of them at most."""
        end = start
        while end < len(self.tokens) and self.is_name_word(end) and end - start < most:
            end += 1
        return end

    def inside_post_run(self, i: int) -> bool:
        """The POST_RUN tokens before `i` are all posts, ranks, a role's words or marks inside a sentence (`Wakil
        Wakil Wakil …`, `Kapolres AKBP Kapolres AKBP …`, `Bupati/Wakil/Bupati/…`): no text names a holder that far
        into a run of posts, and reading a clause from each of them cost 16 s for an article of 500,000
        characters (trial 37)."""
        if i < POST_RUN:
            return False
        lex, tokens = self.lex, self.tokens
        return all(text in lex.positions or text in lex.agency_posts or text in lex.ranks or text in lex.role_words
                   or (not tokens[k].is_word and text not in SENTENCE_END)  # `Bupati/Wakil/…`, `Ketua, Ketua, …`
                   for k, text in enumerate(tokens.texts[i - POST_RUN:i], i - POST_RUN))

    def is_head(self, i: int) -> bool:
        token = self.tokens[i]
        completions = self.lex.post_completions.get(token.text)
        if completions is not None and self.word(i + 1) not in completions:
            return False  # `kuasa hukum`, `Perdana Mahartika`: not the post the word opens
        if token.text in self.lex.agency_posts and i > 0 and (self.is_name_word(i - 1) or (
                self.word(i - 1) in self.lex.connectors and token.text in self.lex.role_words)):
            return False  # `Lukman Hakim Saifuddin`: a name's word, not a post; `Pusdatin dan Humas`: a unit's
        return (token.is_capitalised and (token.text in self.lex.positions or token.text in self.lex.agency_posts)
                and i not in self.material and not self._running_for(i)
                and self.word(i - 1) not in self.lex.body_name_openers  # `PT Duta Palma`: a company's name
                and not (token.text in self.lex.word_names and i > 0 and self.is_name_word(i - 1)))  # `Halim Perdana`

    def _running_for(self, i: int) -> bool:
        """`calon Bupati`, `calon wakil presiden`: the position is one the person runs for."""
        before = self.word(i - 1).lower()
        if before == "wakil" and self.word(i - 2) in self.lex.connectors and self.word(i - 3).lower() == self.word(i).lower():
            return self._running_for(i - 3)  # `calon gubernur dan wakil gubernur`: both posts are run for
        if before in CANDIDACY_BEFORE:
            candidacy = i - 1
        elif before == "wakil" and self.word(i - 2).lower() in CANDIDACY_BEFORE:
            candidacy = i - 2
        else:
            return False
        # `Petahana Calon Wakil Gubernur DKI Jakarta Djarot`: the holder, running again; so is `Calon Wakil
        # Gubernur DKI Jakarta petahana, Djarot`
        return self.word(candidacy - 1).lower() != INCUMBENT and not self._incumbent_after(i)

    def _incumbent_after(self, i: int) -> bool:
        """`petahana` right after the capitalised words of the post at `i`."""
        k = i + 1
        while k < len(self.tokens) and k - i <= MAX_INCUMBENT_REACH and self.tokens[k].is_capitalised:
            k += 1
        return self.word(k).lower() == INCUMBENT

    def is_lowercase_head(self, i: int) -> bool:
        """`kata hakim Mahkamah Konstitusi Suhartoyo`: a position in lower case (or capitalised as a sentence's first
        word: `Hakim anggota Dwi Astuti …`), then a capitalised word."""
        text = self.tokens[i].text
        if i + 1 >= len(self.tokens) or not (text in self.lex.lowercase_positions or (
                text.lower() in self.lex.lowercase_positions and (i == 0 or self.word(i - 1) in SENTENCE_OPENERS))):
            return False
        if self._running_for(i):
            return False  # "calon wakil presiden Ganjar - Mahfud": a candidacy, not an office
        if self._no_post_follows(i):
            return False
        following = self.tokens[i + 1]  # "mantan hakim konstitusi Patrialis Akbar": a court's word may follow
        qualified = i + 1 + self._qualifier_length(i + 1)  # `presiden terpilih AS, Donald Trump`
        if qualified > i + 1 and qualified < len(self.tokens) and self.tokens[qualified].is_capitalised:
            return True
        if following.text == PLACE_LINK and self.tokens[i].text.capitalize() in PLACE_POSTS:
            return self.word(i + 2)[:1].isupper()  # `kades di Karangsono, Moch Alim`
        if following.is_capitalised:
            return True
        if (self.tokens[i].lower, following.text) in LOWERCASE_TWO_WORD_POSTS and self.word(i + 2)[:1].isupper():
            return True  # `wali kota Surabaya, Tri Rismaharini`
        if self._ends_in_deictic(i + 1):
            return True  # `kata kepala desa setempat, Ahmad Hidayat`
        if self.tokens[i].text not in LOWERCASE_ROLE_POSTS and not self._legislature_follows(i):
            return False
        if self._holder_start(i + 1) is not None:
            return True  # `majelis hakim yang diketuai Erintuah Damanik`
        j = i + 1  # `jaksa penuntut umum Rudi Hartono`: a court post's words in lower case, then the name
        while j < i + 1 + MAX_LOWERCASE_ROLE_WORDS and self._lowercase_role_word(i, self.word(j)):
            j += 1
        if j > i + 1 and self.word(j) == "(" and self.word(j + 2) == ")":
            j += 3  # `jaksa penuntut umum (JPU) Budi Santoso`: the post's acronym, then the name
        return j > i + 1 and self.word(j)[:1].isupper()

    def _holder_start(self, i: int) -> int | None:
        """At `i`, `dijabat` or `diketuai` (after `yang`, or `kini`), then `oleh` or not: where the capitalised
        word that follows them starts (`Camat Elar kini dijabat Fransiska Ndiwa`), else None."""
        i += self.word(i) == "yang"
        i += self.word(i) in HOLDER_ADVERBS
        if self.word(i) not in HOLDER_VERBS:
            return None
        i += 1 + (self.word(i + 1) == "oleh")
        return i if self.word(i)[:1].isupper() else None

    def _no_post_follows(self, i: int) -> bool:
        """`wakil Jepang Takuma Ueda`, `sundulan kepala Cassano`, `anggota Nama Snada`: in lower case, `wakil`
        before no post is a representative, and a post every organisation has, right before a name, says
        nothing of an office (`wakil presiden Jusuf Kalla`, `anggota DPR Fadli Zon` are offices)."""
        text = self.tokens[i].text
        if text in DEPUTY_WORDS and self.word(i + 1).lower() not in self.lex.lowercase_positions:
            return True
        return text in self.lex.generic_posts and self.is_name_word(i + 1)

    def is_title(self, i: int) -> bool:
        text = self.tokens[i].text
        if not (text in self.lex.person_prefixes or text in self.lex.ranks or self._in_title_pair(i)):
            return False
        # `RSUD dr. Soetomo`: after a body, the body's namesake; `Rizal Effendi Datuk Bisai`: inside a name
        return not (self.is_initial(i) or (i > 0 and self.tokens[i - 1].text in self.lex.namesake_bodies)
                    or self._adat_title_inside_name(i))

    def _after_namesake_body(self, i: int) -> bool:
        """Right after `Jalan`, `Jl.` (its full stop a token of its own), `Bandara`: namesake_bodies.txt."""
        before = self.word(i - 1)
        return before in self.lex.namesake_bodies or (before == "." and self.word(i - 2) in self.lex.namesake_bodies)

    def _in_title_pair(self, i: int) -> bool:
        """`Seri` of `Datuk Seri` (title_pairs.txt, whose first words are titles of their own)."""
        text = self.tokens[i].text
        return text in self.lex.title_pair_seconds and i > 0 and (self.tokens[i - 1].text, text) in self.lex.title_pairs

    def is_initial(self, i: int) -> bool:
        """`Oded M. Danial`: a one-letter abbreviation right after a name word is an initial, not a title."""
        text = self.tokens[i].text
        if not (len(text) == 2 and text.endswith(".") or len(text) == 1 and text.isupper()) or i == 0:
            return False
        previous = self.tokens[i - 1]
        return (previous.is_capitalised and i - 1 not in self.material and not previous.is_acronym
                and previous.text not in self.lex.role_words and previous.text not in self.lex.positions
                and previous.text not in self.lex.person_prefixes and previous.text not in self.lex.ranks)

    def is_degree(self, i: int) -> bool:
        return self._is_degree_text(self.tokens[i].text)

    def _is_degree_text(self, text: str) -> bool:
        bare = text.rstrip(".")  # `S.STP.` as the list writes `S.STP`, and `M.Si` as `M.Si.`
        degrees = self.lex.degree_suffixes
        return text in degrees or bare in degrees or bare + "." in degrees

    def is_name_word(self, i: int) -> bool:
        token = self.tokens[i]
        if not token.is_capitalised or i in self.material or not (self._may_be_name(token)
                                                                   or self._month_inside_name(i)
                                                                   or self._closes_name(i)
                                                                   or self._root_with_suffix_after_capital(i)
                                                                   or self._passive_form_inside_name(i)
                                                                   or self._adat_title_inside_name(i)):
            return False
        return not (self._numbers_unit(i) or self.is_title(i) or self._opens_completed_post(i))

    def _opens_completed_post(self, i: int) -> bool:
        """`Raja Negeri Mamala`, `Duta Besar`: a word that opens a post only before its completions
        (post_completions.tsv) does so here; elsewhere it may be a name's (`Raja Juli Antoni`)."""
        completions = self.lex.post_completions.get(self.tokens[i].text)
        return completions is not None and self.word(i + 1) in completions

    def _adat_title_inside_name(self, i: int) -> bool:
        """`Yuswardi Dt. Rangkayo Basa`: a Minang adat title (adat_titles.txt) between a given name and the rest
        of the name is the name's, not a title opening another's."""
        return self.tokens[i].text in self.lex.adat_titles and self._between_name_words(i)

    def _root_with_suffix_after_capital(self, i: int) -> bool:
        """`Indonesia Masaki Yasushi`, `Andi Nurul Fadillah Mappaseng`: after a capitalised word, a word Sastrawi
        reads as a root with `-i` or `-lah` alone (`masak-i`, `fadil-lah`) may be a name's, as no role's word is
        such a verb or emphasis; not opening a sentence, where it is one (`Setali tiga uang`, `Datangi lokasi`)."""
        text = self.tokens[i].text
        return (i > 0 and text.endswith(NAME_LIKE_SUFFIXES) and self.tokens[i - 1].is_capitalised
                and text not in self.lex.role_words and text not in self.lex.not_names
                and text not in self.lex.named_units  # `Kejari` (kejar-i) is a body's prefix
                and _root_with_name_like_suffix(text))

    def _passive_form_inside_name(self, i: int) -> bool:
        """`Marthinus Dimara Wanma`: between two name words, a capitalised word Sastrawi reads as a passive verb
        (`di-mara`) is a name's: prose writes its verbs in lower case, and no post's or unit's word is one."""
        text = self.tokens[i].text
        return (text.startswith("Di") and text not in self.lex.role_words and text not in self.lex.not_names
                and self._between_name_words(i))

    def _between_name_words(self, i: int, after_rank: bool = False) -> bool:
        """Token `i` stands between two capitalised words that may be a name's, neither inside a body's or a
        place's name (with `after_rank`, the first may be a rank: `AKBP Juni Sinaga`)."""
        if not 0 < i < len(self.tokens) - 1:
            return False
        before, after = self.tokens[i - 1], self.tokens[i + 1]
        return (before.is_capitalised and after.is_capitalised and i - 1 not in self.material
                and i + 1 not in self.material and self._may_be_name(after)
                and (self._may_be_name(before) or (after_rank and before.text in self.lex.ranks)))

    def _closes_name(self, i: int) -> bool:
        """`Muhammad Saiful Islam`: a word never a name alone (name_closers.txt) ends one right after a given
        name that is no ordinary word and is not a post's object (never `Front Pembela Islam`, `Negara Islam`,
        `Dirjen Bimas Islam`)."""
        if self.tokens[i].text not in self.lex.name_closers or i < 2 or i - 1 in self.material:
            return False
        before, opener = self.tokens[i - 1], self.tokens[i - 2].text
        return (before.is_capitalised and before.lower not in self.lex.common_words and self._may_be_name(before)
                and opener not in self.lex.positions and opener not in self.lex.role_words)

    def _month_inside_name(self, i: int) -> bool:
        """`Raja Juli Antoni`, `AKBP Juni Sinaga Manurung`: a month's name between two name words, or between a
        rank and a name word, is the name's (a date has a number before)."""
        return self.tokens[i].text in MONTHS and self._between_name_words(i, after_rank=True)

    def _may_be_name(self, token: Token) -> bool:
        """What `is_name_word` asks of a capitalised token's text alone, judged once per text and lexicon."""
        verdicts = self.lex.name_word_verdicts
        verdict = verdicts.get(token.text)
        if verdict is None:
            if len(verdicts) >= MAX_NAME_WORD_VERDICTS:
                verdicts.clear()
            verdict = verdicts[token.text] = self._judge_name_text(token)
        return verdict

    def _judge_name_text(self, token: Token) -> bool:
        """Not a long acronym, a roman numeral, an affixed word, a role or position word, a word never a name
        (not_names.txt), a degree, a day or month, or a stop word."""
        text = token.text
        if (token.is_acronym and len(text.rstrip(".")) > 2) or ROMAN_NUMERAL.match(text) or BRAND_SPELLING.search(text):
            return False
        if (text in self.lex.role_words or (text in self.lex.positions and not (
                text in self.lex.post_completions and text in self.lex.word_names))  # `Raja Juli Antoni`, not `Kuasa`
                or text in self.lex.not_names
                or self._is_degree_text(text) or text in CALENDAR_WORDS or text.lower() in self.lex.stopwords):
            return False
        return text in self.lex.word_names or not is_derived_word(text)  # last: Sastrawi is asked only about
        # words no list settles

    def _numbers_unit(self, i: int) -> bool:
        """`Komisi I`, `Kodam V`, `KPK Jilid I`: a one-letter numeral after the unit it numbers, not an initial."""
        previous = self.word(i - 1)
        text = self.tokens[i].text
        if i > 0 and previous == COMMISSION and text in COMMISSION_LETTERS:
            return True  # `Komisi C DPRD Kudus`: regional councils letter their commissions
        if not (text in SHORT_NUMERALS and i > 0 and self.word(i + 1) not in BALINESE_ORDER_NAMES):
            return False
        return (previous in self.lex.role_words or previous in self.lex.not_names
                or (text == "I" and self.tokens[i - 1].is_capitalised))  # `Kepala Pekon Sukoharjo I Wagiman`: a
        # Balinese `I` opens a birth-order name (`I Wayan`), never `Wagiman`

    def is_particle(self, i: int) -> bool:
        return self.tokens[i].text in self.lex.particles

    def is_hyphen_part(self, i: int) -> bool:
        """`Kim Jong-un`, `Lee Jae-myung`: the hyphen and the lower-case part glued to a name word."""
        tokens = self.tokens
        if i < 1 or i >= len(tokens):
            return False
        if tokens[i].text == "-":
            if i + 1 < len(tokens) and tokens[i - 1].text.lower() in ARABIC_ARTICLES and tokens[i + 1].is_capitalised:
                return True  # `Abdul Aziz al-Saud`, `al - Saud`, `Ali Bin Nasser Al - Ghufais`
            if i + 1 >= len(tokens) or not tokens[i - 1].is_capitalised:
                return False
            part = tokens[i + 1].text
            if tokens.touching(i - 1) and tokens.touching(i):  # `Al-Qarni`: a capitalised part is a name word
                return part.isalpha() and ((part.islower() and part not in CLITICS) or self.is_name_word(i + 1))
            # "Kim Jong - un" (text whose hyphens were spaced out): a short part that is no word of its own
            return (part.isalpha() and part.islower() and len(part) <= MAX_HYPHEN_PART
                    and part not in self.lex.stopwords and part not in CLITICS)
        return (tokens[i].text.isalpha() and tokens[i].text.islower() and tokens[i - 1].text == "-"
                and self.is_hyphen_part(i - 1))

    # -- clauses -------------------------------------------------------------------------------
    def clause_end(self, start: int, head: int) -> int:
        """Where the role-and-name clause that begins at `start` stops: at most MAX_CLAUSE_TOKENS on (a run of
        capitalised words with no stop in it would otherwise be read to its end from each of its heads)."""
        i = start
        titled = False
        limit = min(len(self.tokens), start + MAX_CLAUSE_TOKENS)
        while i < limit:
            token = self.tokens[i]
            if token.text == "(" and i > head:
                close = self._closing(i)
                if close is None:
                    return i
                i = close + 1
                continue
            if token.text == "," and i > head and (listed := self._fields_listed(i)):
                i += listed  # `Deputi Bidang Usaha Energi, Logistik, Kawasan dan Pariwisata Kementerian BUMN, Edwin`
                continue
            if (token.text == "," or token.text in CLAUSE_END or token.text in CANDIDACY_WORDS
                    or token.text in self.lex.headline_verbs):
                return i
            if self.is_title(i):
                titled = True
            if not token.is_word:
                if token.text in {"-", "\u2013", "/", "&"}:  # `Pasarwajo–Wabula`, `Serang–Panimbang`
                    i += 1
                    continue
                return i
            if self._number_in_role(i):
                i += 1
                continue
            if i > head and (qualifier := self._qualifier_length(i)):
                i += qualifier  # `Presiden RI petahana Joko Widodo`
                continue
            if i > head and (constituency := self._constituency_length(i)):
                i += constituency  # `Anggota DPRD Lampung Barat dari daerah pemilihan Suoh, Maryadi Hasan`
                continue
            if i > head and self.tokens[head].text in self.lex.procurement_posts and (
                    purpose := self._post_object_length(i)):
                i += purpose  # `PPK proyek revitalisasi Pasar Seririt tahun anggaran 2023, Ketut Arsa Wijaya`
                continue
            if token.text in self.lex.connectors:
                following = i + 1
                if (following >= len(self.tokens) or not self.tokens[following].is_capitalised
                        or self.is_head(following) or self._opens_spouse_role(following)):
                    return i  # `Presiden Joko Widodo dan Ibu Negara Iriana`: two people, two roles
                if (token.text in SEQUEL_CONNECTORS and self._ends_name_here(i - 1)
                        and not any(self.word(k) in self.lex.connectors for k in range(head - 1, i))):
                    # `legislator Fraksi Gerindra M Dian serta Toyota Innova`: one post, one name, then another
                    # thing (two posts share two names: `Gubernur dan Wakil Gubernur, Khofifah … serta Emil …`)
                    return i
            elif not token.is_capitalised and not self.is_title(i) and not self._namesake_title(i) \
                    and not self._inner_lowercase(i, titled) and not self._completes_post(i) \
                    and (self.word(i - 1), token.text) not in ROLE_COMPOUNDS \
                    and not self.is_hyphen_part(i) and not self._role_goes_on(i, head) \
                    and not (self._lowercase_role_word(head, token.text) and self._before_any_name(head, i)):
                return i
            elif i > head and self.is_head(i) and self.word(i - 1) in self.lex.connectors:
                return i - 1
            i += 1
        return i

    def _completes_post(self, i: int) -> bool:
        """`Duta besar`, `Perdana menteri`: the word that completes the post before it (post_completions.tsv),
        written in lower case, is the role's."""
        return i > 0 and self.tokens[i].text in self.lex.post_completions.get(self.tokens[i - 1].text, ())

    def _ends_name_here(self, i: int) -> bool:
        """A name's last word at `i`: after a name's word or an initial, itself a name's word, no role's."""
        return (self.is_name_word(i) and self.tokens[i].text not in self.lex.role_words
                and (self.is_name_word(i - 1) or self.is_initial(i - 1)))

    def _opens_spouse_role(self, i: int) -> bool:
        """`Ibu Negara` (spouse_roles.txt), `Ibu Iriana` (wife_honorifics.txt): a wife's role or name, never a
        word of the role before it."""
        return (f"{self.word(i)} {self.word(i + 1)}" in self.lex.spouse_roles or self.word(i) in self.lex.spouse_roles
                or self.word(i).rstrip(".") in self.lex.wife_honorifics)

    def _role_goes_on(self, i: int, head: int) -> bool:
        """`Anggota Komisi X DPR RI dari Fraksi PKB, …`, `Sekda X selaku Ketua TAPD, …` (POST_LINKS), `Kepala
        Dinas Pendidikan di Kendari, …`, `Dubes RI untuk Malaysia Hermono`, `Konjen RI di Johor
        Bahru …`: a legislator's faction after `dari`, another post or the body after `selaku`/`pada`, where a
        body sits, and the country or city an envoy of Indonesia serves, or Indonesia (or a place in it) for an
        envoy to it (`Dubes Arab Saudi untuk Indonesia Osama …`, `Konsul Jenderal Australia di Bali, Emily …`)."""
        text, following = self.tokens[i].text, self.word(i + 1)
        if text in ROLE_DEICTICS and following == "," and (i - 1 in self.bodies or self.word(i - 1) in self.lex.positions):
            return True  # `Kepala Bappeda setempat, Rahmad …`: the body of the place the story is in
        if i - head <= ROLE_OBJECT_WORDS + 1 and all(self.tokens[k].text.islower() for k in range(head + 1, i)) \
                and self._ends_in_deictic(i):
            return True
        if text == "dari":  # `dari fraksi Partai Amanat Nasional (PAN)`: a faction's word in lower case too
            return (following.capitalize() in FACTION_WORDS or following in self.lex.parties
                    or self._elected_region(i, head))
        if text == FACTION_LOWER and self.word(i - 1) == "dari":
            return True
        if text in POST_LINKS:  # not after the holder's name: `Sekda Banyumas Haryono Budi Santoso selaku Ketua …`
            return not self._ends_name_here(i - 1) and (
                i + 1 in self.bodies or following in self.lex.positions or following in self.lex.public_unit_words)
        if text == ORIGIN_WORD:
            return i + 1 in self.material  # `Anggota DPD RI asal Jawa Timur Lia Istifhama`: the region elected for
        if text == PLACE_LINK and self.tokens[head].text.capitalize() in PLACE_POSTS and i == head + 1:
            return following[:1].isupper()  # `kades di Karangsono Kecamatan Sukorejo, Moch Alim`
        if text == PLACE_LINK and i - 1 in self.bodies and i + 1 in self.material and i + 1 not in self.bodies:
            # `Kepala Dinas Pendidikan di Kendari, Budi …`, `Kepala Balai POM di Kendari, Drs. Yosef …`: where the
            # body named just before sits, then the name (or its title)
            return self._comma_before_name(i + 1, MAX_PLACE_WORDS + 1, lambda token: token.is_capitalised,
                                           titled=True) is not None
        return (text in ENVOY_LINKS and self.tokens[head].text in ENVOY_POSTS and following[:1].isupper()
                and (self.word(i - 1) in ENVOY_SENDERS or following in ENVOY_SENDERS  # or to it: `untuk Indonesia`
                     or (self._country_ends(i - 1)  # `Inggris untuk Amerika Serikat …`, `AS untuk PBB …`
                         and (self._country_starts(i + 1) or following in ENVOY_BODIES
                              or (text == PLACE_LINK and i + 1 in self.material)))))  # `Australia di Bali`

    def _elected_region(self, i: int, head: int) -> bool:
        """`Anggota DPR RI dari Aceh, Nasir …`: after a legislature's word in the role, `dari` and a region's name
        (no body's) say where its member was elected, as `asal` does."""
        return (i + 1 in self.material and i + 1 not in self.bodies
                and any(self.tokens[k].text in PUBLIC_OVERRIDES for k in range(head, i)))

    def _country_ends(self, i: int) -> bool:
        """A country's name, of one or two words, ends at `i` (`Inggris`, `Arab Saudi`)."""
        countries = self.lex.country_names
        return self.tokens[i].lower in countries or f"{self.tokens[i - 1].lower} {self.tokens[i].lower}" in countries

    def _country_starts(self, i: int) -> bool:
        """A country's name, of one or two words, starts at `i` (`Jepang`, `Amerika Serikat`)."""
        countries = self.lex.country_names
        return self.tokens[i].lower in countries or f"{self.tokens[i].lower} {self.word(i + 1).lower()}" in countries

    def _ends_in_deictic(self, i: int) -> bool:
        """`Camat setempat, Ahmad Hidayat`, `Kepala desa setempat, …`: a role's head, then at most
        ROLE_OBJECT_WORDS lower-case words that are no verb (`Kapolres menjelaskan kasus setempat, Sabtu` is no
        role) and `setempat` before the comma that opens its holder's name (the caller asks right after the head;
        `Ketua DPR Setya Novanto setempat, …` would be a name, then a clause)."""
        for j in range(i, min(i + ROLE_OBJECT_WORDS + 1, len(self.tokens) - 1)):
            text = self.tokens[j].text
            if text in ROLE_DEICTICS:
                return self.tokens[j + 1].text == ","
            if (not (text.isalpha() and text.islower()) or text in self.lex.stopwords or text.startswith(VERB_PREFIXES)
                    or text.capitalize() in self.lex.non_public_roles  # `Kepala sekolah setempat`: a teacher
                    or text in TIME_NOUNS  # `Kapuspen ABRI masa itu, Brigjen Sumrahari`: read from the rank
                    or not self._public_place_word(text)):  # `Ketua pengajian setempat`: a community's head
                return False
        return False

    def _public_place_word(self, text: str) -> bool:
        """`desa`, `kelurahan`, `puskesmas`: a lower-case word of a village's or district's post, or of a public
        institution's (place_levels.txt, public_unit_words.txt)."""
        return text.capitalize() in self.lex.place_levels or text.capitalize() in self.lex.public_unit_words

    def _constituency_length(self, i: int) -> int:
        """`dari daerah pemilihan`, `dari dapil`, `dapil` before a legislator's constituency and a comma that a
        name follows: the words to read through (the constituency's, capitalised or numbers, the clause reads as
        a role's); 0 elsewhere."""
        linked = self.word(i) == "dari"  # `dari dapil …`, or `dapil …` alone after the legislature
        opener = self._constituency_opener_at(i + linked)
        words = linked + opener if opener else 0
        comma = words and self._comma_before_name(i + words, CONSTITUENCY_WORDS,
                                                  lambda token: token.is_capitalised or token.text.isdigit()
                                                  or token.text in CONSTITUENCY_LOWERCASE
                                                  or token.text in CONSTITUENCY_JOINS)  # `Pasarwajo–Wabula`
        if not comma:
            return 0  # `dari dapil Malang Raya Budi Santoso`: where the constituency ends and the name starts is unknown
        return words if self.tokens[comma - 1].is_capitalised else comma - i  # lower-case words end the clause

    def _constituency_named(self, name: tuple[int, int]) -> bool:
        """The words read as a name are a constituency's, right after `daerah pemilihan` or `dapil`."""
        return any(self._constituency_opener_at(name[0] - words) == words for words in (1, 2))

    def _constituency_opener_at(self, i: int) -> int:
        """How many words at `i` say a constituency follows: `dapil` (1, in any case), `daerah pemilihan` (2)."""
        return 1 if self.word(i).lower() == "dapil" else 2 if (self.word(i), self.word(i + 1)) == (
            "daerah", "pemilihan") else 0

    def _post_object_length(self, i: int) -> int:
        """How many tokens from `i` say what a procurement post is held for (post_objects.txt: `proyek …`, `pada
        kegiatan …`), up to a comma within POST_OBJECT_REACH tokens that a name word follows; 0 when they are not
        that (`PPK proyek itu ditahan`: the comma never comes, the clause is a sentence's)."""
        start = i + (self.word(i) in POST_OBJECT_LINKS)
        if self.word(start) not in self.lex.post_objects:
            return 0
        comma = self._comma_before_name(start + 1, POST_OBJECT_REACH - 1, lambda token: not (
            token.text in CLAUSE_END or token.text in ("(", "yang") or token.lower in self.lex.attribution_verbs))
        return 0 if comma is None else comma - i

    def _comma_before_name(self, start: int, reach: int, goes_on: Callable[[Token], bool],
                           titled: bool = False) -> int | None:
        """The comma ending a phrase read from `start` (at most `reach` tokens, each one `goes_on` accepts) when
        a name word (or, `titled`, a title) follows it: where a holder's name starts after what the post is held
        for or where it was won; None when no such comma comes."""
        for k in range(start, min(len(self.tokens) - 1, start + reach)):
            if self.tokens[k].text == ",":
                return k if self.is_name_word(k + 1) or (titled and self.is_title(k + 1)) else None
            if not goes_on(self.tokens[k]):
                return None
        return None

    def _qualifier_length(self, i: int) -> int:
        """How many tokens from `i` say when the post was held or how it was won (role_qualifiers.txt: `saat
        itu`, `petahana`; up to MAX_QUALIFIERS of them: `Bupati definitif pertama`), when a comma, a title or a
        capitalised word follows them (`Kapolres saat itu menjelaskan` is a clause), two name words after a
        phrase: read through, and left out of the role's text."""
        start, longest = i, 0
        for _ in range(MAX_QUALIFIERS):
            last = self._one_qualifier_length(i)
            if last:
                longest = i - start + last
            step = self._one_qualifier_length(i, followed=True)
            if not step:
                break
            i += step
        return longest

    def _one_qualifier_length(self, i: int, followed: bool = False) -> int:
        """The tokens of one qualifier at `i`, read as _qualifier_length says; `followed`: another qualifier
        after it, whatever follows that, is enough."""
        if self.word(i) not in self.lex.role_qualifier_starts:
            return 0
        for words in self.lex.role_qualifiers:
            end = i + len(words)
            if tuple(self.word(k) for k in range(i, end)) != words or end >= len(self.tokens):
                continue
            phrase = len(words) > 1
            if words == ORDINAL_PREFIX:  # `ke-11`, `ke - 11`, `ke 11`: the number is the qualifier's
                number = end + (self.word(end) == "-")
                if not self.word(number).isdigit() or number + 1 >= len(self.tokens):
                    continue
                end = number + 1
            if followed:
                if self.word(end) in self.lex.role_qualifier_starts:
                    return end - i
                continue
            if self.tokens[end].text == "," or self.is_title(end):
                return end - i
            if self.tokens[end].is_capitalised and (not phrase or self.is_name_word(end + 1)):
                return end - i  # but `… DPR saat itu Angie bermitra`: a clause's time, then its subject
        return 0

    def _number_in_role(self, i: int) -> bool:
        """`Gubernur Jawa Timur periode 2019-2024 Khofifah`, `Ketua Komisi 2`: a number, or the word before one."""
        text = self.tokens[i].text
        return text.isdigit() or (text.lower() in NUMBERED_ROLE_WORDS and self.word(i + 1).isdigit())

    def _inner_lowercase(self, i: int, titled: bool) -> bool:
        """`Erwan agus Purwanto`: a lower-case word inside a name introduced by a title; never a verb or an
        ordinary word (`Jenderal TNI Gatot Nurmantyo mencoba Panser Anoa Amfibi`: the name ends before it)."""
        if self.is_particle(i):
            return True
        return (titled and self.tokens[i].is_word and self.tokens[i].text.isalpha()
                and self.tokens[i].text not in self.lex.stopwords
                and self.tokens[i].text not in self.lex.common_words and not is_derived_word(self.tokens[i].text)
                and i + 1 < len(self.tokens) and self.is_name_word(i + 1)
                and i > 0 and self.is_name_word(i - 1))

    def _closing(self, i: int) -> int | None:
        for j in range(i + 1, min(i + MAX_PARENTHESIS_TOKENS, len(self.tokens))):
            if self.tokens[j].text == ")":
                return j
        return None

    # -- names ---------------------------------------------------------------------------------
    def name_in(self, head: int, start: int, end: int) -> tuple[int, int] | None:
        """The name inside [start, end): after the last title run, else the name words at the end."""
        titles = [i for i in range(max(start, head + 1), end) if self.is_title(i)]
        if titles:
            name_start = titles[-1] + 1
            name_end = name_start + (self._name_opener_at(name_start) or self._role_word_given_name(name_start))
            while name_end < end and (self.is_name_word(name_end) or self.is_particle(name_end)
                                      or self.is_hyphen_part(name_end) or self._inner_lowercase(name_end, True)):
                name_end += 1
            if name_end < end and name_end > name_start and self._last_word_name(name_end, name_start - 1):
                name_end += 1  # `Drs. H. Lalu Gita Perdana, M.Si.`: as after a name with no title
            if name_end > name_start and self._words_in(name_start, name_end) <= MAX_NAME_WORDS:
                return name_start, name_end
        name_end = end
        if self.word(name_end - 1) == ")":  # "Presiden Joko Widodo (Jokowi)": the name is before the aside
            opening = next((i for i in range(name_end - 2, max(start, name_end - MAX_PARENTHESIS_TOKENS) - 1, -1)
                            if self.word(i) == "("), None)
            if opening is not None:
                name_end = opening
        while name_end > start and (self.word(name_end - 1) in self.lex.connectors or self._number_in_role(name_end - 1)
                                    or (self.word(name_end - 1) == "-" and not self.is_hyphen_part(name_end - 1))
                                    or self.is_degree(name_end - 1)):  # `Budi Santoso SH`: the degree after
            name_end -= 1
        name_start = name_end - (self._last_word_name(name_end - 1, head) or self._clan_after_particle(name_end - 1))
        while name_start > head + 1 and (self.is_name_word(name_start - 1) or self.is_hyphen_part(name_start - 1) or
                                         (self.is_particle(name_start - 1) and name_start < name_end)
                                         or self._inner_word_name(name_start - 1, head, name_end)
                                         or self._affixed_word_after_comma_name(name_start - 1)
                                         or self._region_word_after_comma_name(name_start - 1)
                                         or self._inner_initials(name_start - 1, head, name_end)):
            if self._role_runs_on(name_start - 1):
                break
            name_start -= 1
        if name_start < name_end and (self._affixed_given_name(name_start - 1)
                                      or self._given_name_after_body(name_start - 1)
                                      or self._given_name_after_comma(name_start - 1)):
            name_start -= 1
        name_start -= self._name_opener_before(name_start, head)
        if self._namesake_title(name_start - 1):
            name_start += 1  # `Direktur RSUD dr Soetomo Joni Wahyuhadi`: Soetomo is the hospital's
        if self.word(name_start - 1) in self.lex.namesake_bodies:
            return None  # `Kepala Bandara I Gusti Ngurah Rai`: the airport's namesake
        if (name_start < name_end and self._words_in(name_start, name_end) <= self._most_name_words(name_start)
                and (self.is_name_word(name_start) or self._affixed_given_name(name_start)
                     or self._given_name_after_body(name_start) or self._given_name_after_comma(name_start)
                     or self._name_opener_at(name_start))):
            return name_start, name_end
        return None

    def _role_runs_on(self, i: int) -> bool:
        """`Kepala Dinas Tata Air`, `Kepala Bidang Informasi Gempa`, `Kesejahteraan Buruh`: an ordinary word,
        capitalised after a word of the role, is the role's still."""
        if i < 1 or self.tokens[i].lower not in self.lex.common_words:
            return False
        previous = self.tokens[i - 1]
        text = previous.text
        return (i - 1 not in self.material and not self.is_title(i - 1)
                and (text in self.lex.role_words or text in self.lex.positions or text in self.lex.connectors
                     or previous.lower in self.lex.common_words or is_derived_word(text)))

    def _affixed_given_name(self, i: int) -> bool:
        """`Wakil Ketua KPK Johanis Tanak`, `Menkes Terawan`: a given name that reads as an affixed word
        (`Johan-is`, `Ter-awan`) is still a name right after the body or the rank that ends a role, before
        another name word."""
        if (i < 1 or i + 1 >= len(self.tokens) or i in self.material or not self.tokens[i].is_capitalised
                or self.is_title(i)):
            return False
        before = i - 1
        return ((before in self.material or self.is_title(before)) and self.is_name_word(i + 1)
                and self.tokens[i].text not in self.lex.role_words and self.tokens[i].text not in self.lex.positions
                and is_derived_word(self.tokens[i].text))

    def _namesake_title(self, i: int) -> bool:
        """The `dr` of `RSUD dr Soetomo`: a title after a body word, opening the body's namesake."""
        return (0 < i < len(self.tokens) and self.tokens[i - 1].text in self.lex.namesake_bodies
                and self.tokens[i].text in self.lex.person_prefixes)

    def _words_in(self, start: int, end: int) -> int:
        """Words of a name in tokens [start, end): a hyphenated part is one word with the one before it, and a
        particle (`bin`, `van`) is none (`Osama bin Mohammed Abdullah Al Shuaibi`)."""
        hyphens = sum(1 for i in range(start, end) if self.tokens[i].text == "-")
        particles = sum(1 for i in range(start, end) if self.is_particle(i))
        return end - start - 2 * hyphens - particles

    def _name_opener_at(self, i: int) -> int:
        """The words of a name opener (name_openers.txt: `Anak Agung`) starting at `i` and followed by a name
        word; 0 when there is none."""
        longest = max(map(len, self.lex.name_openers), default=0)
        length = _name_opener_length(self.tokens.texts[i:i + longest + 1], self.lex)
        return length if length and self.is_name_word(i + length) else 0

    def _name_opener_before(self, name_start: int, head: int) -> int:
        """The words of a name opener right before a name read back from its end (`Anak Agung` before `Ngurah
        Wirajaya`), after the role's head; 0 when there is none."""
        for opener in self.lex.name_openers:
            start = name_start - len(opener)
            if (start > head and tuple(self.tokens.texts[start:name_start]) == opener
                    and not any(k in self.material for k in range(start, name_start))):  # `… Perlindungan Anak`
                return len(opener)
        return 0

    def _role_word_given_name(self, i: int) -> bool:
        """`Brigjen Pol Agung Setya`: right after a rank, a given name that is also a role's word (`Agung`,
        `Mulia`: word_names.txt) is the name's first word when a name word follows it (never `Besar` of
        `Komisaris Besar`)."""
        token = self.tokens[i] if i < len(self.tokens) else None
        return (token is not None and i + 1 < len(self.tokens) and token.is_capitalised and not token.is_acronym and i not in self.material
                and token.text in self.lex.role_words and token.text in self.lex.word_names
                and token.text not in self.lex.positions and self.is_name_word(i + 1))

    def _given_name_after_body(self, i: int) -> bool:
        """`Kabag Humas Ditjen Imigrasi Agung Sampurno`: right after a body's name, a given name that is also a
        role's word (word_names.txt) opens the name (`Kejaksaan Agung` is a body: its `Agung` is covered)."""
        return (0 < i and i - 1 in self.material and i not in self.material and self.tokens[i].is_capitalised
                and self.tokens[i].text in self.lex.word_names)

    def _given_name_after_comma(self, i: int) -> bool:
        """`Camat Depok, Agung Priyambodo`, `Anggota Komisi III dari Fraksi PDI Perjuangan, Meliana Sitohang`:
        right after the comma that ends a role, a given name that is also a role's word (word_names.txt), or
        one that reads as an affixed word (`Me-lian-a`) before another name word, opens the name."""
        if not (0 < i and self.word(i - 1) == "," and i not in self.material and self.tokens[i].is_capitalised
                and self.tokens[i].text not in self.lex.positions):
            return False
        return self.tokens[i].text in self.lex.word_names or self._affixed_name_word(i)

    def _affixed_name_word(self, i: int) -> bool:
        """A capitalised word outside a body's or a place's name that Sastrawi reads as affixed (`Me-lian-a`,
        `sopi-an`), no post's, role's or ordinary word, before a name word: a name's after a comma."""
        token = self.tokens[i]
        return (token.is_capitalised and i not in self.material and token.text not in self.lex.role_words
                and token.text not in self.lex.positions and token.lower not in self.lex.common_words
                and is_derived_word(token.text) and self.is_name_word(i + 1))

    def _inner_word_name(self, i: int, head: int, name_end: int) -> bool:
        """`Pj Wali Kota Batu Aries Agung Paewai`: a given name that is also a role's word (word_names.txt: `Agung`,
        `Putra`) between two name words is the name's (never `Jaksa Agung`: a post stands before it there)."""
        return (head + 1 < i < name_end - 1 and self.tokens[i].text in self.lex.word_names
                and not self._post_word_here(i) and i not in self.material
                and self.is_name_word(i - 1) and self.is_name_word(i + 1))

    def _affixed_word_after_comma_name(self, i: int) -> bool:
        """`…, Asep Sopian Hidayat,`: a word Sastrawi reads as affixed (`sopi-an`) between a given name right
        after a comma and another name word is the name's, as `_given_name_after_comma` takes one that opens it."""
        return self._second_after_comma(i) and not self.tokens[i].is_acronym and self._affixed_name_word(i)

    def _region_word_after_comma_name(self, i: int) -> bool:
        """`Camat Patampanua, Siti Bone Rahmawati,`: a one-word region's name (`Bone`) between a given name right
        after a comma and another name word is the name's, as `_affixed_word_after_comma_name` takes a word that
        reads as affixed; never a body's word (`…, Dinas Kesehatan Bone Andi …` ends in no comma-opened name)."""
        return (self._second_after_comma(i) and i in self.material and i not in self.bodies
                and i - 1 not in self.material and i + 1 not in self.material and self.tokens[i].is_capitalised
                and self.is_name_word(i + 1))

    def _second_after_comma(self, i: int) -> bool:
        """Token `i` follows a name word that opens right after a comma (`…, Asep Sopian`, `…, Siti Bone`)."""
        return i >= 2 and self.word(i - 2) == "," and self.is_name_word(i - 1)

    def _post_word_here(self, i: int) -> bool:
        """A position word that is a given name too (`Perdana`, word_names.txt) is a post's only before another
        position word (`Perdana Menteri`): `Sekda NTB Lalu Gita Perdana, M.Si.` ends with a name's word."""
        text = self.tokens[i].text
        return text in self.lex.positions and (text not in self.lex.word_names or self.word(i + 1) in self.lex.positions)

    def _inner_initials(self, i: int, head: int, name_end: int) -> bool:
        """`Bambang P.S Brodjonegoro`, `Retno L.P. Marsudi`: several initials in one token between two name words."""
        return (head + 1 < i < name_end - 1 and bool(INITIALS.fullmatch(self.tokens[i].text))
                and self.is_name_word(i - 1) and self.is_name_word(i + 1))

    def _last_word_name(self, i: int, head: int) -> bool:
        """After a name word, the name's last word (never `Direktur Utama`, `Jaksa Agung`: a post stands before
        it there): a given name that is also a role's word (`Dirjen Pajak Djaka Budhi Utama`: word_names.txt),
        or a root and `-i` alone, which Sastrawi takes for a verb's suffix (`Fraksi PKB Fauzan Fuadi`), or a
        kecamatan's name, a proper noun that only looks affixed (`Kepala Pelaksana BPBD Kota Batu Agung Sedayu`)."""
        token = self.tokens[i]
        if not (head + 1 < i and token.is_capitalised and i not in self.material):
            return False
        lowered = token.lower
        if ROMAN_NUMERAL.match(token.text):  # `Raja Spanyol Felipe VI`, `Raja Yordania Abdullah II`: a reign's number
            return self.tokens[head].text in MONARCHS and self.is_name_word(i - 1)
        if lowered in self.lex.kecamatan_names and lowered not in self.lex.common_words:
            return self.is_name_word(i - 1) or self.word(i - 1) in self.lex.word_names  # `Agung Sedayu` too
        return self.is_name_word(i - 1) and (
            (token.text in self.lex.word_names and not self._post_word_here(i))
            or (stem_word(lowered) + NAME_SUFFIX == lowered and lowered not in self.lex.common_words)
            or self._affixed_surname(i))

    def _affixed_surname(self, i: int) -> bool:
        """`Drs. Yulianus Palangan,`, `Bergas Catursasi Penanggungan mengatakan`: a word Sastrawi splits into an
        affix and a root, that no list holds as a unit's or a role's word or as an ordinary word, ends a name of
        two words or more, or one after a title or set off by commas (`Camat Haur Gading, Muhammad Riduan,`),
        where the clause ends after it."""
        token = self.tokens[i]
        following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        set_off = self.word(i - 2) == "," and self.word(i + 1) == ","
        return (i >= 2 and (self.is_name_word(i - 2) or self.is_title(i - 2) or set_off)
                and (following is None or not following.is_capitalised)
                and token.lower not in self.lex.common_words and token.text not in self.lex.role_words
                and token.text not in self.lex.unit_field_words and token.text not in self.lex.positions
                and token.text not in self.lex.not_names and is_derived_word(token.text))

    def _clan_after_particle(self, i: int) -> bool:
        """`Rasmi br Karo`: after a Batak woman's `br`/`boru`, the clan's name is the name's last word, even one
        the gazetteers hold as a regency's."""
        return i > 1 and self.word(i - 1) in CLAN_PARTICLES and self.tokens[i].is_capitalised

    def _most_name_words(self, start: int) -> int:
        """`I Made Wira Hady Arsanta Wardhana`: a Balinese name's opening `I` or `Ni` is one word more, and so is
        each caste or birth-order word after it (`I Gusti Ayu Putu Sri Rahayu Dewi`)."""
        if self.word(start) not in BALINESE_OPENERS:
            return MAX_NAME_WORDS
        titles = 0
        while titles < MAX_BALINESE_TITLES and self.word(start + 1 + titles) in BALINESE_TITLES:
            titles += 1
        return MAX_NAME_WORDS + 1 + titles

    def read_official(self, head: int) -> tuple[list[_Found], int]:
        """Read a role from a position word and the name that follows; return the officials it names (two in
        `Gubernur dan Wakil Gubernur Jatim, Khofifah Indar Parawansa dan Emil Dardak`) and where to go on. A
        post after a namesake's body word names a street or a building (`Jalan Bupati Zainal Abidin`): nobody."""
        if self._after_namesake_body(head):
            return [], head + 1
        start = head + 1 if self.tokens[head].text.islower() else head
        if (self.tokens[head].lower, self.word(head + 1)) in LOWERCASE_TWO_WORD_POSTS:
            start = head + 2  # `wali kota Surabaya`: the post's second word, in lower case too
        held = False
        related = self._after_relative(head)  # `putra sulung Presiden keenam, Agus Harimurti Yudhoyono`: the son
        while True:
            end = self.clause_end(start, head)
            name = self.name_in(head, start, end)
            if name is None:  # "Anggota Komisi X DPR Ledia Hanifa dan Komisi A DPRD Jatim": the name before `dan`
                for connector in range(end - 1, start, -1):
                    if self.word(connector) in self.lex.connectors:
                        name = self.name_in(head, start, connector)
                        if name is not None:
                            end = connector
                            break
            if name is not None and not related and (self._title_follows(end) or self._name_follows(name, end)):
                start = end + 1  # "Kapolres Boyolali, AKBP Aries Andhi": the name comes after the rank
                continue
            if name is not None and self._place_alone(head, name) and self.word(end) == ",":
                name = None  # `Sekertaris Kelurahan Pulau Tidung, H.Saudin`: the name is after the comma, or
                if self.word(end + 1) in self.lex.place_levels:  # after where the place lies, `Kepala Desa
                    end = self._where_it_lies(end + 1)  # Ngampal, Kecamatan Sumberejo, Sutrisno`
                    if end is None:
                        return [], head + 1
            if name is not None and self._unit_named(name) and self.word(end) == ",":
                name = None  # `Kepala Puskesmas Kalianda, Budi Santoso`: the unit's name, then the person's
            if name is not None and self._constituency_named(name) and self.word(end) == ",":
                name = None  # `Anggota DPRD dari daerah pemilihan Somba Opu, Ahmad Yani Bundu`
            if name is not None and self.word(end) == "," and self._post_place(head, name):
                name = None  # `Kades Sumberagung, Kecamatan Pesanggaran, Vivin Agustin`: the village, where it lies
            if name is not None:
                if related:
                    name = self._holder_before_relative(name)
                    self._note_relative(end)
                name = self._from_balinese_opener(name)
                earlier = self._balinese_name_before(head, name)
                if earlier is not None:  # `Ketua DPRD Bali Ni Made Sumiati dan Bendesa Adat … Made Sutama`
                    name, end = earlier, earlier[1]
                unextended, name = name, self._given_name_region(head, name)
                name = self._without_place(head, name)
                if name is None:
                    holder = self._holder_start(end) if not held else None
                    after = end + self._time_words_before_comma(end)
                    if holder is None and not held and self.word(after) == "," and self.is_name_word(after + 1):
                        holder = after + 1  # `Pembakal Pihaung saat ini, Ahmad Syarkawi`: the place, then the name
                    if holder is None:
                        return [], head + 1
                    held, start = True, holder  # `Camat Elar kini dijabat Fransiska Ndiwa`: Elar is the post's
                    continue
                if (self._names_organisation(head, name) or self._speaks_for_nobody(head, name)
                        or self._english_name_goes_on(name[1])):
                    return [], head + 1
                paired = self._paired_name(start, name[0])
                if paired is not None and self._family_after_holder(head, paired, name):
                    name, paired = paired, None  # `Presiden AS Donald Trump dan Melania Trump`: his wife
                if paired is None and self._one_name_word_before(start, name[0]):
                    name = name[0] - 2, name[0] - 1  # `Kaisar Jepang Naruhito dan Permaisuri Masako`: his name
                if paired is None and self._field_follows(head, name[0]):
                    if name[1] - name[0] == 1:
                        return [], head + 1
                    name = name[0] + 1, name[1]
                role = self.role_text(head, name[0])
                found = [_Found(name[0], name[1], role, (head, name[0]), name[0] < unextended[0])]
                if paired is not None:
                    found.insert(0, _Found(paired[0], paired[1], role, (head, paired[0])))
                    found[1] = _Found(name[0], name[1], self.role_text(head, paired[0]), (head, paired[0]))
                    found[0] = _Found(paired[0], paired[1], self.role_text(head, paired[0]), (head, paired[0]))
                return found, name[1]
            if name is None:
                end += self._time_words_before_comma(end)  # `Kepala Dinas Kesehatan saat ini, Hartini Pakaya`
            following = end + 1
            holder = self._holder_start(end) if name is None and not held else None
            if holder is not None:  # `Kajari Samarinda dijabat oleh Retno …`
                held = True  # once per role: a chain of posts and holder verbs is not walked again and again
                start = holder
                continue
            if self.word(end) == "," and self.word(following) in self.lex.connectors:
                following += 1  # "Direktur Penyuluhan, Pelayanan, dan Hubungan Masyarakat DJP Inge …"
            if (self.word(end) == "," and following < len(self.tokens) and not related
                    and (self.tokens[following].is_capitalised or self.is_title(following))
                    and not self.is_head(following)):
                start = following
                continue
            opening = self._name_in_brackets(head, start, end) if name is None and not related else None
            if opening is not None:
                start = opening + 1  # `Menlu RI (Retno LP Marsudi)`: the holder in brackets after the post
                continue
            return [], head + 1

    def _name_in_brackets(self, head: int, start: int, end: int) -> int | None:
        """The first `(` from `start` to `end` when a name of two words or more (its titles and ranks before it)
        and `)` follow it within MAX_PARENTHESIS_TOKENS: a role's holder written in brackets. The role before it
        names its place or body (`Menlu RI (Retno LP Marsudi)`; a film's `Pak Kades (Boy Crosby)` is a part and
        its actor) and holds no comma (`hakim MK, PAK (Patrialis Akbar)`: initials, then the name they stand for)."""
        opening = next((k for k in range(start, end) if self.word(k) == "("), None)
        if opening is None or opening - head < 2 or "," in self.tokens.texts[head:opening]:
            return None
        k = opening + 1
        while k < len(self.tokens) and self.is_title(k) and k - opening < MAX_PARENTHESIS_TOKENS:
            k += 1
        end = self.name_words_from(k, MAX_NAME_WORDS)
        if end - k < 2 or self.word(end) != ")" or self._about_acting(head, end):
            return None
        return opening

    def _about_acting(self, head: int, end: int) -> bool:
        """A word of film or stage (acting_words.txt) in the sentence around `head`..`end`, read MAX_ACTING_REACH
        tokens each way at most: `Bupati Sleman (Reza Rahadian)` is a part and its actor."""
        start = head
        while start > 0 and head - start < MAX_ACTING_REACH and self.word(start - 1) not in SENTENCE_END:
            start -= 1
        stop = end
        while stop < len(self.tokens) and stop - end < MAX_ACTING_REACH and self.word(stop) not in SENTENCE_END:
            stop += 1
        return any(self.tokens[k].lower in self.lex.acting_words for k in range(start, stop))

    def _where_it_lies(self, level: int) -> int | None:
        """The comma closing `Kecamatan Sumberejo,` (a place's kind, then at most MAX_PLACE_WORDS capitalised
        words), or None when no comma closes it there."""
        for i in range(level + 1, min(len(self.tokens), level + 2 + MAX_PLACE_WORDS)):
            if self.word(i) == ",":
                return i if i > level + 1 else None
            if not self.tokens[i].is_capitalised:
                return None
        return None

    def _after_relative(self, head: int) -> bool:
        """A kinship word in lower case right before the post (relational_nouns.txt, or `putra`, `putri`): the
        name after the post's comma is the relative's, not the holder's."""
        one, two = self.word(head - 1), f"{self.word(head - 2)} {self.word(head - 1)}"
        return one.islower() and (one in self.lex.relational_nouns or one in CHILD_WORDS or two in self.lex.relational_nouns)

    def _from_balinese_opener(self, name: tuple[int, int]) -> tuple[int, int]:
        """`Kepala Desa Sindang Sari I Wayan Sudarma`: a Balinese `I`/`Ni` and a birth-order name inside the
        words read opens the name; the words before it are the post's place."""
        start, end = name
        opener = next((k for k in range(start + 1, end - 1) if self._balinese_opens(k)), None)
        return name if opener is None else (opener, end)

    def _balinese_opens(self, k: int) -> bool:
        """`I Wayan`, `Ni Made`: a Balinese name's opener and a birth-order name."""
        return self.word(k) in BALINESE_OPENERS and self.word(k + 1) in BALINESE_ORDER_NAMES

    def _balinese_name_before(self, head: int, name: tuple[int, int]) -> tuple[int, int] | None:
        """A Balinese name (`Ni Made Sumiati`) between the post and a connector, and words other than a name
        between the connector and the words read as the name (`dan Bendesa Adat Banyubiru Made Sutama`): the
        post's holder is that Balinese name; the words after the connector are another post's and person's (two
        holders of one post, `hakim anggota I Made Gede Trisnajaya dan Anak Agung …`, are read as before)."""
        for k in range(head + 1, name[0] - 2):
            if self._balinese_opens(k):
                connector = next((c for c in range(k + 2, name[0]) if self.word(c) in self.lex.connectors), None)
                return (k, connector) if connector is not None and k + 2 < connector < name[0] - 1 else None
        return None

    def _note_relative(self, end: int) -> None:
        """`putri Presiden Soeharto, Titiek Soeharto`: the name words after the comma closing a post a kinship word
        opens are the relative's, never a fuller form of the holder's name (fullest_forms)."""
        if self.word(end) != ",":
            return
        stop = end + 1
        while stop < len(self.tokens) and self.is_name_word(stop) and stop - end <= MAX_NAME_WORDS:
            stop += 1
        if stop > end + 1:
            self.relatives.add(tuple(self.tokens.texts[end + 1:stop]))

    def is_relative_alone(self, found: _Found) -> bool:
        """A relative's name (_note_relative) read with no post of its own (a list's member): not an official,
        and never the fuller form the holder's one-word name joins (`Soeharto` of `Titiek Soeharto`)."""
        return found.role is None and tuple(self.tokens.texts[found.name_start:found.name_end]) in self.relatives

    def _holder_before_relative(self, name: tuple[int, int]) -> tuple[int, int]:
        """`putri Presiden Joko Widodo Kahiyang Ayu`: after a kinship word the holder's name runs on into the
        relative's; the holder's is the longest opening of two words or more that the article writes as a name
        of its own elsewhere, or the alias file holds as a full name."""
        start, end = name
        runs = self.name_runs()
        for cut in range(end - 1, start + 1, -1):
            words = tuple(self.tokens.texts[start:cut])
            if runs.get(words, 0) or " ".join(words) in self.lex.alias_full_names:
                return start, cut
        return name

    def officers_by_rank(self, covered: set[int]) -> list[_Found]:
        """`Brigjen Sumrahari`, `AKP Budi Santoso`: an officer named with a rank alone (officer_ranks.txt), at a
        rank no role read before covers (`Kapolres Boyolali, AKBP Aries Andhi` is read from its post). The rank
        is the role; after a namesake's body the rank is part of a name (`Jalan Brigjen Katamso`)."""
        found: list[_Found] = []
        resume = 0
        for i in self.tokens.where(self.lex.officer_rank_cues):
            if i < resume or i in covered or not self.is_title(i) or not self._names_an_officer(i):
                continue
            officer = self._officer_after_rank(i)
            if officer is not None:
                found.append(officer)
                resume = officer.name_end
        return found

    def _names_an_officer(self, i: int) -> bool:
        """A rank of officer_ranks.txt does; one of qualified_ranks.tsv when its grade or service follows
        (`Laksamana Madya`, `Jenderal TNI`), not alone (`Laksamana Cheng Ho`)."""
        text = self.tokens[i].text
        return text in self.lex.officer_ranks or self.word(i + 1) in self.lex.qualified_ranks[text]

    def _officer_after_rank(self, i: int) -> _Found | None:
        """The name a rank opens, read within MAX_RANK_SPAN tokens and before a comma, a connector (`Serda
        Lutfiah dan Serda Melysa`: each rank its own officer) or a plain lower-case word, so a run of ranks costs
        no more than its length. Only the rank's qualifiers may stand before the name (`Brigadir Polisi`,
        `Mayjen TNI (Purn)`), no name's word."""
        stop, last = i + 1, min(len(self.tokens), i + 1 + MAX_RANK_SPAN)
        while stop < last and not (self.word(stop) in RANK_SPAN_BREAKS or self.word(stop) in self.lex.connectors
                                   or (self._plain_lowercase(stop) and not self.is_hyphen_part(stop + 1))):
            stop += 1
        name = self.name_in(i, i, stop)
        if name is None or any(self.is_name_word(j) and not self._bracketed(j) for j in range(i + 1, name[0])):
            return None  # `Serda (K) Lutfiah`: a corps' letter in brackets is the rank's
        extended = self._given_name_region(i, name)  # `Iptu Bima Sakti`
        return _Found(extended[0], extended[1], self.role_text(i, extended[0]), (i, extended[0]), extended != name)

    def _bracketed(self, i: int) -> bool:
        return self.word(i - 1) == "(" and self.word(i + 1) == ")"

    def _plain_lowercase(self, i: int) -> bool:
        """A lower-case word that is no title (`di`, `mengatakan`): a name ends before it."""
        token = self.tokens[i]
        return token.is_word and not token.is_capitalised and not self.is_title(i)

    def _paired_name(self, start: int, name_start: int) -> tuple[int, int] | None:
        """`…, Khofifah Indar Parawansa dan Emil Elestianto Dardak`: a name of two words or more before `dan`
        and the name found after it share the role; so do a pair's two names joined by a dash (`gubernur dan
        wakil gubernur terpilih Anies Baswedan - Sandiaga Uno`)."""
        if self.word(name_start - 1) not in self.lex.connectors and not (
                self.word(name_start - 1) == "-" and not self.is_hyphen_part(name_start - 1)):  # `Al - Ghufais`
            return None
        end = name_start - 1
        begin = end
        while begin > start and self.is_name_word(begin - 1) and end - begin < MAX_NAME_WORDS:
            begin -= 1
        if end - begin < 2 or (begin > start and self.word(begin - 1) not in {",", "("}
                               and not self._closes_role(begin - 1) and not self._ends_qualifier(begin - 1)
                               and not self._post_alone(start, begin, end)):
            return None
        return begin, end

    def _fields_listed(self, comma: int) -> int:
        """`, Logistik, Kawasan dan Pariwisata`: after a comma inside a role, fields of a portfolio (words of
        bodies' names: Lexicon.body_field_words) listed up to `dan` and the last one: how many tokens the list
        takes up to that last field's first word, or 0 (`, Budi Santoso dan Ani`: names, the role has ended)."""
        i = comma + 1
        while i < len(self.tokens) and i - comma <= MAX_LISTED_FIELDS_TOKENS:
            if self.word(i) not in self.lex.body_field_words:
                return 0
            i += 1
            while self.word(i) in self.lex.body_field_words:
                i += 1
            if self.word(i) == "," and self.word(i + 1) in self.lex.body_field_words:
                i += 1
            elif self.word(i) in {"dan", "serta"} or (self.word(i) == "," and self.word(i + 1) == "dan"):
                i += 1 + (self.word(i) == ",")
                return i - comma if self.word(i) in self.lex.body_field_words else 0
            else:
                return 0
        return 0

    def _one_name_word_before(self, start: int, name_start: int) -> bool:
        """`Kaisar Jepang Naruhito dan Permaisuri Masako`, `Gubernur Jatim Khofifah dan Putra Mahkota …`: one name
        word between the role's place or body and `dan` is the holder's name; the name after `dan` is another
        person's, who holds no post the role names."""
        word = name_start - 2
        return (word - 1 >= start and self.word(name_start - 1) == "dan" and self.is_name_word(word)
                and word - 1 in self.material and word not in self.material)

    def _family_after_holder(self, head: int, holder: tuple[int, int], other: tuple[int, int]) -> bool:
        """`Presiden Joko Widodo dan Iriana Joko Widodo`: after the holder of a post one person holds, a name
        ending in the holder's family name is a relative's, no second holder (a post several hold at once,
        `Anggota DPRD … Sitompul dan … Sitompul`, may well be shared by namesakes)."""
        return (self.word(holder[1] - 1) == self.word(other[1] - 1) and self.word(holder[0]) != self.word(other[0])
                and holder[1] - holder[0] >= 2 and not self._shared_post(self.role_text(head, holder[0]) or ""))

    def _post_alone(self, start: int, begin: int, end: int) -> bool:
        """`Gubernur Anies Rasyid Baswedan dan Sandiaga Uno`: a role of one position word, then two names joined
        by `dan`."""
        return begin - 1 == start and self.tokens[start].text in self.lex.positions and self.word(end) == "dan"

    def _ends_qualifier(self, i: int) -> bool:
        """`terpilih` at `i` closes a qualifier of the post (role_qualifiers.txt) that ends the role."""
        return any(self._qualifier_length(i + 1 - len(words)) == len(words)
                   for words in self.lex.role_qualifiers if self.word(i) == words[-1])

    def _closes_role(self, i: int) -> bool:
        """`Anggota DPRD Jawa Barat Ridwan Hasan dan Asep …`, `AKBP Rio Wahyu Anggoro dan …`, `hakim anggota Irwan
        Tandiayu dan …`: a body, a region, a rank or a role's word in lower case right before the first name ends
        the role as a comma would."""
        return (i in self.material or self.is_title(i)
                or (self.word(i) == ")" and i - 1 in self.material)  # `Komisi … Korupsi (KPK) Agus … dan …`
                or (self.tokens[i].text.islower() and self.tokens[i].text.capitalize() in self.lex.role_words))

    def _english_name_goes_on(self, i: int) -> bool:
        """`Direktur Akselerator Plug and Play Indonesia …`: English `and` between capitalised words joins an
        organisation's name (`Procter and Gamble`), never two people."""
        return self.word(i) == ENGLISH_AND and self.word(i + 1)[:1].isupper()

    def _names_organisation(self, head: int, name: tuple[int, int]) -> bool:
        """`anggota Tim Advokasi Novel`, `anggota Jamaah Anshor Daulah`: one or two words right after a word
        that opens an organisation's name are that name (a longer run may hold the person's after it)."""
        before = self.word(name[0] - 1)
        if (name[0] - 1 <= head or name[1] - name[0] > MAX_SHORT_VALUE_WORDS
                or before not in self.lex.organisation_heads
                or before in self.lex.role_words):  # `Kabag Organisasi Yudhistira`: a unit's word
            return False
        return not _is_place(f"{self.word(name[0] - 2)} {before}".lower(), self.lex)  # `Amerika Serikat John Kelly`

    def _field_follows(self, head: int, name_start: int) -> bool:
        """`Kasie Jalan dan Jembatan`, `Menteri PU dan Pera Basuki Hadimuljono`: after `dan` that joins two
        fields of a role (no name before it, unlike `Fadli Zon dan Fahri Hamzah`), the first word is the
        second field's."""
        connector = name_start - 1
        if connector - 1 <= head or self.word(connector) not in self.lex.connectors:
            return False
        before = self.tokens[connector - 1]  # `PU`, `Lunak`: an acronym or an ordinary word ends a field
        return not self.is_name_word(connector - 1) or before.is_acronym or before.lower in self.lex.common_words

    def _title_follows(self, end: int) -> bool:
        return self.word(end) == "," and end + 1 < len(self.tokens) and self.is_title(end + 1)

    def _name_follows(self, name: tuple[int, int], end: int) -> bool:
        """`Direktur Utama Pelindo, Achmad Muchtasyar mengatakan`: one word before the comma and a name of two
        words or more after it: the word ends the role (an organisation, a place), the name is after the comma."""
        if name[1] - name[0] != 1 or self.word(end) != ",":
            return False
        after = end + 1
        while after < len(self.tokens) and self.is_name_word(after) and after - end <= MAX_NAME_WORDS:
            after += 1
        if after - end - 1 == 1 and self._closes_aside(after):
            return True  # `Kepala Desa Sumberejo, Suwandi, mengaku …`: one name set off by commas
        return after - end - 1 >= 2 and not (after < len(self.tokens) and self.is_head(after))

    def _closes_aside(self, i: int) -> bool:
        """A comma at `i`, then a lower-case word that goes on with the sentence (no list goes on: `dan`)."""
        following = i + 1
        return (self.word(i) == "," and following < len(self.tokens) and self.tokens[following].is_word
                and self.tokens[following].text.islower() and self.word(following) not in self.lex.connectors)

    def _without_place(self, head: int, name: tuple[int, int]) -> tuple[int, int] | None:
        """`Kades Kluwut`, `Kajari Lhoksukon Teuku Rahmatsyah`: after a post held in a village or a district
        the first word is the place: alone it is no name; before two name words it is dropped. A name never
        starts after a slash (`Pangdam V/Brawijaya`), and an organisation before it belongs to the role
        (`Direktur Telkom Faizal…`)."""
        start, end = name
        if self.word(start - 1) == "/":
            return None
        if self._reduplicated(start):  # `Lurah Dufa-Dufa (Sofyan Sibela)`: a place's name, never a person's
            return (start + 3, end) if end - start > 3 else None
        while start < end and self.word(name[0] - 1) != "," and (
                self.word(start) in self.lex.non_public_roles or self.word(start) in self.lex.parties):
            start += 1  # "Direktur IT Digital Telkom Faizal Rochmad Djoemadi": the company is the role's (after a
            # comma a name starts: `…, Gelora Daulay` is no party Gelora)
        if start == end:
            return None
        if start > name[0]:
            return start, end
        if (self.word(start - 1) in self.lex.place_levels and start > head and not self._city_named(start - 1)
                and not self._ends_region_name(start - 1)):  # `Gubernur Papua Pegunungan Yohanes …`: a province's
            return self._after_place_level(start, end)
        if (start - 1 > head and self.word(start - 1) in self.lex.place_name_openers
                and self.word(start - 2) in self.lex.place_levels):
            return None if end - start == 1 else (start + 1, end)  # `Kepala Desa Sungai Pinang`: an ordinary first
            # word (`sungai`, river) read as the role's, the place's second word as the name
        if self._place_named_after_region(start, end):
            return (start + 1, end) if end - start >= 2 else None  # `Camat Ternate Barat`: no name at all
        post = self._post_after_acting(head)
        if self.tokens[post].text.capitalize() not in PLACE_POSTS or self._country_starts(post + 1):
            return name  # `Raja Belanda Willem-Alexander`: a country's king, no village's head
        if start == self._place_start(post) + 1 and self.word(start - 1) == TOWN_WORD:
            return None if end - start == 1 else (start + 1, end)  # `Camat Kota Komba`: a kecamatan named `Kota …`
        if start == self._place_start(post) + 1 and (
                f"{self.tokens[start - 1].lower} {self.tokens[start].lower}" in self.lex.kecamatan_names
                or self.word(start - 1) in self.lex.place_name_openers):
            return None if end - start == 1 else (start + 1, end)  # `Camat Landasan Ulin Ahmad Fauzi`, `Lurah Sungai
            # Miai Rahmat`: a place whose first word is an ordinary one (`landasan`, `sungai`), read as the role's
        if start != self._place_start(post):
            return name
        if end - start == 1:
            return None
        if end - start == 2 and self._holder_after_comma(end):
            return None  # `Lurah Karang Pule, Nurul Hikmah,`: two words, then the holder's name after a comma
        if end - start >= 3 and self._two_word_place(start):
            return self._past_place_endings(start + 2, end)
        if end - start >= 3 or self.tokens[start].lower in self.lex.kecamatan_names:
            return start + 1, end  # `Kades Karangsono Moch Alim`; `Camat Kalianda Erdiansyah`, `Lurah Kalianda
            # Rina`: a district's name (a kelurahan, a village or a police sector often bears its kecamatan's)
        return name

    def _holder_after_comma(self, comma: int) -> bool:
        """A comma at `comma`, then (past any titles) a name of two words at least: a post's holder after the
        place it is held in."""
        if self.word(comma) != ",":
            return False
        i = comma + 1
        while i < len(self.tokens) and self.is_title(i):
            i += 1
        return i + 1 < len(self.tokens) and (self._name_opener_at(i) > 0
                                             or (self.is_name_word(i) and self.is_name_word(i + 1)))

    def _place_named_after_region(self, start: int, end: int) -> bool:
        """`Kades Bantul Raya Wagiman`, `Camat Ternate Barat`: a village or district named after a regency, with a
        place's ending (`Raya`, `Barat`: place_name_endings.txt), right after the word or the local government's
        post that says a place follows; the ending is the place's, not the name's."""
        before = self.tokens[start - 2].text if start >= 2 else ""
        return (start - 1 in self.material and self.word(start) in self.lex.place_name_endings
                and (before in self.lex.place_levels or before.capitalize() in VILLAGE_POSTS))

    def _time_words_before_comma(self, i: int) -> int:
        """How many words from `i` say when a post is held (`saat ini`, `kini`, `saat itu`) right before a comma:
        the holder's name follows the comma."""
        if i >= len(self.tokens) or self.tokens[i].text not in POST_TIME_OPENERS:
            return 0  # most words open no such phrase: asked for every word of every role
        for words in POST_TIMES:
            size = len(words)
            if tuple(self.tokens.texts[i:i + size]) == words and self.word(i + size) == ",":
                return size
        return 0

    def _reduplicated(self, i: int) -> bool:
        """`Dufa-Dufa`, `Kupang-Kupang`: a word, a hyphen and the same word again from token `i`."""
        return (i + 2 < len(self.tokens) and self.word(i + 1) == "-"
                and self.tokens[i].lower == self.tokens[i + 2].lower)

    def _ends_region_name(self, i: int) -> bool:
        """Whether token `i` is the last word of a region's or a body's name of two words or more (`Papua
        Pegunungan`, `Dinas … Provinsi Papua Pegunungan`)."""
        return i in self.material and i > 0 and i - 1 in self.material

    def _city_named(self, i: int) -> bool:
        """`Wali Kota Metro Wahdi Siradjuddin`: after a city's post, a place-kind word (`Metro` of `Polres Metro
        Bekasi`) that is a kota's name is that kota."""
        return self.word(i - 1) in CITY_POSTS and self.tokens[i].lower in self.lex.cities_by_name

    def _before_any_name(self, head: int, i: int) -> bool:
        """Only lower-case words between the post at `head` and `i` (`hakim anggota`, not `hakim Dwi … dalam`)."""
        return all(self.tokens[k].text.islower() for k in range(head + 1, i))

    def _legislature_follows(self, i: int) -> bool:
        """`anggota parlemen`, `ketua kongres`, `anggota dewan`: a lower-case legislature post, then a
        legislature's word; not a board that names what it judges or oversees (`ketua dewan juri`, `anggota
        dewan pengawas`: a lower-case word after `dewan` that is no stopword)."""
        if self.tokens[i].lower not in LEGISLATURE_POSTS or self.word(i + 1) not in LEGISLATURE_WORDS:
            return False
        following = self.word(i + 2)
        return self.word(i + 1) != "dewan" or not (following.isalpha() and following.islower()
                                                   and following not in self.lex.stopwords)

    def _lowercase_role_word(self, head: int, text: str) -> bool:
        """`hakim konstitusi`, `jaksa penuntut umum`, `juru bicara`: a role's word in lower case after the posts
        the news writes so (a spokesperson's only in `bicara`), and a legislature's after its member or chair."""
        if text in LEGISLATURE_WORDS and self.tokens[head].lower in LEGISLATURE_POSTS:
            return True
        if self.tokens[head].text not in LOWERCASE_ROLE_POSTS:
            return False
        return text == SPOKESPERSON_LOWER_TAIL if self.tokens[head].lower == SPOKESPERSON else (
            text.capitalize() in self.lex.role_words and text not in self.lex.stopwords)  # not `hakim dalam …`

    def _speaks_for_nobody(self, head: int, name: tuple[int, int]) -> bool:
        """`juru bicara keluarga Budi`, `juru bicara Disneyland`: written in lower case, a spokesperson is an official
        only for a public body or an office named in the role (`juru bicara KPK Febri Diansyah`, `juru bicara
        Presiden Johan Budi`)."""
        return self.tokens[head].lower == SPOKESPERSON and self.word(head + 1) == SPOKESPERSON_LOWER_TAIL and not any(
            k in self.bodies or self.tokens[k].text in self.lex.positions or self.tokens[k].text in PUBLIC_OVERRIDES
            for k in range(head + 2, name[0]))  # a legislature's faction too: `juru bicara Fraksi Golkar`

    def _post_place(self, head: int, name: tuple[int, int]) -> bool:
        """`Kades Sumberagung`, `Kapolsek Wonosari`, `Camat Talang Empat`: the one word after a village's or
        district's post, or two that make a place's name (_two_word_place), are where it is held."""
        post = self._post_after_acting(head)
        return (self.tokens[post].text.capitalize() in PLACE_POSTS and name[0] == self._place_start(post)
                and (name[1] - name[0] == 1 or (name[1] - name[0] == 2 and self._two_word_place(name[0]))))

    def _post_after_acting(self, head: int) -> int:
        """The post an acting holder's word stands before (`Pj Kades Sidorejo`), else the head itself."""
        return head + 1 if self.tokens[head].text in ACTING_WORDS and head + 1 < len(self.tokens) else head

    def _place_start(self, head: int) -> int:
        """Where a village's or district's post names its place: next, after `di` (`Camat di Wonosari …`), or
        after a gloss in brackets (`Pembakal (kepala desa) Pihaung`)."""
        after = head + 1
        if self.word(after) in self.lex.post_completions.get(self.tokens[head].text, ()):
            after += 1  # `Raja Negeri Rumahsoal`, `Reje Kampung Atu Lintang`: the post's second word, then the place
        if self.word(after) == "(":
            close = self._closing(after)
            after = close + 1 if close is not None else after
        return after + (self.word(after) == PLACE_LINK)

    def _given_name_region(self, head: int, name: tuple[int, int]) -> tuple[int, int]:
        """`Wamendagri Bima Arya`, `Wali Kota Bogor Bima Arya`: a one-word region name right before the name is
        the person's given name where the module's `_given_name_region` says so (`Bupati Bima Syafruddin` keeps
        the region: a regent's post is held there)."""
        before = name[0] - 1
        if (before <= head or before not in self.material or before in self.bodies
                or not self.tokens[before].is_capitalised or self.word(before - 1) in self.lex.place_levels):
            return name
        words = [self.tokens[i].text for i in range(before, name[1])]
        role = " ".join(self.tokens[i].text for i in range(head, before))
        return (before, name[1]) if _given_name_region(words, role, self.lex) else name

    def _past_place_endings(self, start: int, end: int) -> tuple[int, int] | None:
        """`Lurah Cempaka Putih Barat Agus Salim`: a place's ending after a two-word place (`Barat`:
        place_name_endings.txt) is the place's too; a name is what follows it, if anything does."""
        while start < end and self.word(start) in self.lex.place_name_endings:
            start += 1
        return (start, end) if start < end else None

    def _two_word_place(self, start: int) -> bool:
        """`Lurah Pejaten Timur Agus Salim`, `Camat Pasar Kemis …`: a kecamatan's name of two words, or two words
        the second of which ends a place's name (`Timur`, `Kidul`) or the first opens one (`Lumban`), is where the
        post is held."""
        second = self.word(start + 1)
        return (second in self.lex.place_name_endings or self.word(start) in self.lex.place_name_openers
                or f"{self.tokens[start].lower} {second.lower()}" in self.lex.kecamatan_names)

    def _unit_named(self, name: tuple[int, int]) -> bool:
        """`Puskesmas Kalianda`, `UPT Puskesmas Way Urang`: a public institution's word opens the would-be name."""
        return self.word(name[0]) in self.lex.public_unit_words

    def _place_alone(self, head: int, name: tuple[int, int]) -> bool:
        return name[0] > head and self.word(name[0] - 1) in self.lex.place_levels and name[1] - name[0] <= 2

    def _after_place_level(self, start: int, end: int) -> tuple[int, int] | None:
        """`Kepala Desa Citeko`, `Provinsi Nangarhar Attaullah Khogyani`: after a word that says what kind of
        place follows, one word is the place alone, and so are two that make a place's name (`Sumber Kidul`,
        a kecamatan's) or end in an ordinary word (`Karang Anyar`); before a name, those two words or else the
        first word are the place (`Kepala Desa Sumbersuko Sumardi`; a place of two words is plausible_name's to
        cut: `Negara Bagian New York …`)."""
        size = end - start
        two_words = size >= 2 and (self._two_word_place(start) or self.tokens[start + 1].lower in self.lex.common_words)
        if size == 1 or (size == 2 and two_words):
            return None
        if two_words:
            return start + 2, end  # `Kepala Desa Masbagik Timur Baiq Nurul Hidayati`, `Wali Nagari Koto Baru …`
        if size == 2:
            return start + 1, end
        return (start, end) if self._words_in(start, end) > 3 else (start + 1, end)

    def role_text(self, head: int, name_start: int) -> str | None:
        """The role's words from its head to the name; a post held before (`mantan Bupati Lampung Selatan`,
        `eks Kapolres`) keeps the word that says so, in lower case."""
        former = self.word(head - 1).lower() if head > 0 else ""
        pieces: list[str] = [former] if former in FORMER_WORDS else []
        i = head
        while i < name_start:
            token = self.tokens[i]
            if token.text == "(":
                close = self._closing(i)
                if close is not None and close < name_start:
                    i = close + 1
                    continue
            if self.is_title(i) and i > head and all(
                    self.is_title(k) or (not self.is_title(head) and self._title_or_rank_service(k))
                    for k in range(i, name_start)):
                if pieces and pieces[-1] in RANK_OPENING_POSTS and len(pieces) > 1:
                    pieces.pop()  # `Kepala Korlantas Polri Inspektur Jenderal Royke`: the rank written in full
                break  # `Pangdam Jaya Mayjen TNI Dudung`: the rank, with the service written after it, is no post
            if token.text in HOLDER_VERBS or ((token.text == "yang" or token.text in HOLDER_ADVERBS)
                                              and self.word(i + 1) in HOLDER_VERBS):
                break  # `Kajari Samarinda dijabat oleh …`: the role ends before who holds it
            if qualifier := self._qualifier_length(i):
                i += qualifier
                continue
            if time_words := self._time_words_before_comma(i):
                i += time_words  # `Kepala Dinas Kesehatan saat ini, Hartini …`: when, not which post
                continue
            pieces.append(token.text)
            i += 1
        role = " ".join(pieces).replace(" ,", ",").replace(" - ", "-").replace(" / ", "/").strip(" ,(")
        return role or None

    def _title_or_rank_service(self, k: int) -> bool:
        """A title, or the service written after a rank (`Mayjen TNI`, `Brigjen Polri`)."""
        return self.is_title(k) or (self.word(k) in RANK_SERVICES and k > 0 and self.is_title(k - 1))

    def appositive_at(self, i: int) -> _Found | None:
        """`Khofifah Indar Parawansa, Gubernur Jatim …`, `Khofifah Indar Parawansa sebagai Gubernur …`,
        `Bu Ani (Menkeu)`: a name of two words or more (or one after a title), then its role."""
        head = self._appositive_head(i)
        if self.word(i) not in APPOSITIVE_MARKERS or head >= len(self.tokens) or not (
                self.is_head(head) or self._lowercase_appositive_head(head)):
            return None
        name_end = self._before_serving(i)
        start = name_end
        while start > 0 and self.is_name_word(start - 1) and name_end - start < MAX_NAME_WORDS:
            start -= 1
        degrees = any(self.is_degree(k) for k in range(name_end, i))
        listed = start < name_end and self._opens_list_item(start, degrees)
        if self.word(i) in LIST_DASHES and not listed:
            return None  # a dash is a list item's, not a sentence's (`Bupati Budi - yang …`) nor a dateline's
        if start < name_end:  # `Lalu Ahmad Zaini, S.STP., sebagai …`: a Sasak noble's `Lalu` opens the name
            start -= self._name_opener_before(start, -1)
        # `Pak Jonan (Menteri ESDM)`, `2. Hj. Rosmalinda, S.Sos. – Kepala …`: a title, or a list item's degrees,
        # make one word a name
        titled = (self.word(i) == TITLED_APPOSITIVE or listed) and start > 0 and self.is_title(start - 1)
        titled = titled or (listed and degrees) or self._named_by_copula(i, start, name_end)
        if name_end - start < 2 - titled or (start > 0 and self.is_name_word(start - 1)):
            return None  # one word is too little to know it is a name (unless a title opens it: `Pak Jonan`);
            # a longer run is not one name
        if start > 0 and self.word(start - 1) in self.lex.non_person_openers:
            return None  # `Partai Puea Thai, anggota parlemen dan …`: an organisation's name, not a person's
        lower_post_end = self._lower_procurement_post_end(head)
        end = lower_post_end or self.clause_end(head + self.tokens[head].text.islower(), head)
        if (self.word(i) == "," and start > 0 and self.word(start - 1) == "," and self.word(end) == ","
                and (self.is_name_word(end + 1) or self.is_title(end + 1))):
            return None  # `Ketua DPRD, Merdi Sulaiman, Sekretaris Daerah, Drs. H. Zainal …`: posts listed, each
            # before its holder's name
        if self.tokens[head].text.islower() and lower_post_end is None and (
                (self.word(end) == "," and self.is_name_word(end + 1))
                or not (any(k in self.material for k in range(head + 1, end)) or self._serves_here(head, end)
                        or self._legislature_follows(head))):
            return None  # `…, anggota Komisi III dari Fraksi Hanura, Sarifuddin Suding`: a list of posts and names;
            # `…, presiden LION 's Club`: in lower case, a post is public when a body or a region it serves is named
        own = self.name_in(head, head, end)
        if own is not None and (self._place_alone(head, own) or self._post_place(head, own) or self._unit_named(own)
                                or (own[1] - own[0] == 1 and self._place_named_after_region(*own))
                                or (self.word(i) == "(" and self.word(end) == ")")):
            own = None  # `Budi selaku Kepala Desa Kluwut`, `…, Kades Kluwut`: the post's place, no name of its own;
            # `…, Kepala Puskesmas Agats, …`: the unit's name; `Syamsul Bahri (Kepala Desa Sungai Pinang)`: a post
            # in brackets after a name, all of it inside them, is that name's
        if own is not None:
            connector = own[0] - 1
            if (self.word(connector) not in self.lex.connectors or connector <= head + 1
                    or self.name_in(head, head, connector) is not None):
                return None  # the role has a name of its own: "…, Kapolres Sampang AKBP Siswantoro"
            end = connector  # "Khofifah … sebagai Gubernur Jatim dan Emil Dardak sebagai Wagub": the next person's
        role = self.role_text(head, end)
        return _Found(start, name_end, role, (head, end)) if role else None

    def _named_by_copula(self, i: int, start: int, name_end: int) -> bool:
        """`tersangka Saifudin yang merupakan Asisten Daerah …`, `Irman selaku Dirjen …`: one word, inside a
        sentence, that `yang merupakan` or `selaku` says holds the post after it is a name (a sentence's first
        word may be any capitalised word: `Hal yang merupakan …`; the second of a pair shares a post with the
        first: `Anies - Sandi selaku Gubernur - Wakil Gubernur`)."""
        marker = self.word(i)
        linked = marker == "selaku" or (marker in COPULAS and self.word(i - 1) == "yang")
        before = self.word(start - 1) if start > 0 else "\n"
        right_before = i - (marker != "selaku")  # the name ends at `yang`, or at `selaku`
        return (linked and name_end == start + 1 and name_end == right_before
                and before not in SENTENCE_END and before not in DOUBLE_QUOTES
                and before not in LIST_DASHES and before not in self.lex.connectors)  # `Anies - Sandi selaku …`

    def _appositive_head(self, i: int) -> int:
        """Where the post after an appositive's marker at `i` opens: past an indefinite article and a word saying
        the post was held before (`Agus Rahardjo, mantan Ketua KPK`, `Budi, seorang anggota DPRD Kota Malang`)."""
        head = i + 1
        head += self.word(head) in INDEFINITE_ARTICLES
        return head + (self.word(head) in FORMER_WORDS)

    def _serves_here(self, head: int, end: int) -> bool:
        """`Budi Santoso, kepala desa setempat, …`: a lower-case post held where the story is (`setempat`)."""
        return end - 1 > head and self.word(end - 1) in ROLE_DEICTICS

    def _before_serving(self, i: int) -> int:
        """Where the name before the marker at `i` ends: right before it, or, after `menjabat (sebagai)` or
        `dilantik sebagai`, before the verb and the words saying when (`Joko Widodo masih menjabat Gubernur DKI`,
        `Halimah Yacob akan dilantik sebagai Presiden Singapura`); before `sebagai` or such a verb, also before
        degrees written after the name (`Laurensius Kaize, S.Sos., sebagai Kepala Distrik Kimaam`)."""
        if self.word(i) in COPULAS:  # `Budi Santoso, S.Sos., yang merupakan Kepala …`, `Nurhadi, adalah …`
            return self._before_degrees(i - 1 if self.word(i - 1) in COPULA_OPENERS else i)
        verb = i - 1 if self.word(i) == "sebagai" and self.word(i - 1) in TAKING_VERBS else i
        if self.word(verb) in TAKING_VERBS:
            while self.word(verb - 1) in SERVING_ADVERBS:
                verb -= 1
        elif self.word(i) != "sebagai":
            return self._list_item_name_end(i)
        return self._before_degrees(verb)

    def _list_item_name_end(self, i: int) -> int:
        """Where the name before a comma or a dash ends: in a list whose items open with a name, before its
        degrees (`1. Ir. Hendra Gunawan, M.T. – Kepala Dinas …`); elsewhere right before the marker
        (`Prof. Dr. Eko Prasojo, MAC, Rep.Publ., Deputi …`: after a comma, a list of posts and names)."""
        end = self._before_degrees(i)
        if end == i:
            return i
        start = end
        while start > 0 and self.is_name_word(start - 1) and end - start < MAX_NAME_WORDS:
            start -= 1
        return end if start < end and self._opens_list_item(start, degrees=True) else i

    def _opens_list_item(self, start: int, degrees: bool) -> bool:
        """The name at `start` opens a line as a list item's does: after the item's number or bullet (`1.`, `•`)
        or its holder's titles (`Ir.`), or with `degrees` after it; not a dateline (`New York - Presiden …`)."""
        k = start - 1
        marked = degrees
        while k >= 0 and (self.is_title(k) or (self.word(k) == "." and k > 0 and self.is_title(k - 1))):
            k -= 1
            marked = True
        if k >= 0 and self.word(k) in ITEM_MARKS:
            k -= 1 + (self.word(k) in (".", ")") and k > 0 and self.word(k - 1).isdigit())
            marked = True
        return marked and (k < 0 or self.word(k) == "\n")

    def _before_degrees(self, end: int) -> int:
        """`Laurensius Kaize, S.Sos., sebagai …`: where a name ends before the degrees (and their commas) written
        after it; `end` itself when none are."""
        start = end
        while start > 0 and (self.word(start - 1) == "," or self.is_degree(start - 1)):
            start -= 1
        return start if any(self.is_degree(k) for k in range(start, end)) else end

    def _lowercase_appositive_head(self, i: int) -> bool:
        """`Basuki Tjahaja Purnama, mantan gubernur DKI Jakarta yang …`: a post in lower case (positions_lowercase.txt)
        whose region or body follows, capitalised; or held where the story is (`…, kepala desa setempat, …`); or
        in a legislature (`Mahmoud Sadeghi, anggota parlemen, …`); or a spokesperson's for a body named after it."""
        return (self.tokens[i].text in self.lex.lowercase_positions and (
            self.word(i + 1)[:1].isupper() or self._ends_in_deictic(i + 1) or self._legislature_follows(i)
            or self._spokesperson_for_named(i))) or self._lower_procurement_post_end(i) is not None

    def _spokesperson_for_named(self, i: int) -> bool:
        """`Noor Iza selaku juru bicara Kementerian Komunikasi …`: a spokesperson's post in lower case, then
        whom it speaks for, capitalised."""
        return (self.tokens[i].lower == SPOKESPERSON and self.word(i + 1) == SPOKESPERSON_LOWER_TAIL
                and self.word(i + 2)[:1].isupper())

    def _lower_procurement_post_end(self, i: int) -> int | None:
        """`Rahmat Hidayat Caniago selaku pejabat pembuat komitmen (PPK)`: where a procurement officer's post
        written in lower case ends, its acronym in brackets right after it; None when `i` opens no such post."""
        if self.tokens[i].text.capitalize() not in self.lex.procurement_posts:
            return None
        for k in range(i + 1, min(i + MAX_LOWER_POST_WORDS + 1, len(self.tokens) - 2)):
            if self.word(k) == "(":
                return k if self.tokens[k + 1].is_acronym and self.word(k + 2) == ")" else None
            if not self.tokens[k].text.islower():
                return None
        return None

    def name_runs(self) -> dict[tuple[str, ...], int]:
        """Every run of one to five name words in the text, and how often it is written (read once: a
        description's holder and the fullest forms both ask)."""
        if self._runs is None:
            self._runs = self._read_name_runs()
        return self._runs

    def _read_name_runs(self) -> dict[tuple[str, ...], int]:
        """Runs after a namesake's body word (`Jalan Soekarno Hatta`, `Bandara Juanda`) name a street or a
        building, not a person the article writes: they are read but not counted, so that no official's
        shorter or differently spelt name (`Kapolda Lampung Irjen Sudjarno`) takes them as its fullest form."""
        runs: dict[tuple[str, ...], int] = {}
        current: list[str] = []
        namesake = False
        for i, token in enumerate(self.tokens):
            if (token.is_capitalised and (self.is_name_word(i) or self.is_particle(i))
                    and (current or not self._role_runs_on(i))):
                if not current:
                    namesake = self._after_namesake_body(i)
                current.append(token.text)
            elif current and self.is_hyphen_part(i):
                current[-1] += token.text
            elif current:
                if not namesake:
                    _count_run(runs, current)
                current = []
        if not namesake:
            _count_run(runs, current)
        return runs

    def is_non_public(self, span: tuple[int, int]) -> bool:
        """`Dirut PT Angkasa Pura II`, `Ketua DPD Gerindra Jatim`, `Ketua Umum PSSI`: a post in a company, a
        party, an association, a campaign team. Words of an agency's name do not count (`Gubernur Bank
        Indonesia`), and a role in a legislature stays public (`Ketua Fraksi PDI Perjuangan DPRD Jatim`)."""
        words = [self.tokens[i].text for i in range(*span)]
        if any(tuple(words[k:k + len(post)]) == post for post in self.lex.company_posts for k in range(len(words))):
            return True  # `Presiden Direktur`, `Komisaris Utama`: a company's post, whatever its name looks like
        if any(word in PUBLIC_OVERRIDES for word in words) or self._legislature_commission(words):
            return False
        return any(self._private_word(i, span) for i, word in zip(range(*span), words)
                   if word in self.lex.non_public_roles or word in self.lex.parties)

    @staticmethod
    def _legislature_commission(words: list[str]) -> bool:
        """`anggota Komisi V dari Golkar`: a legislature's numbered commission (`Komisi III`, DPRD's `Komisi A`),
        not a party's named one (`Komisi Pemenangan Pemilu`)."""
        return any(word == COMMISSION and (following in SHORT_NUMERALS or following in COMMISSION_LETTERS
                                           or bool(ROMAN_NUMERAL.match(following)))
                   for word, following in zip(words, words[1:]))

    def _private_word(self, i: int, span: tuple[int, int]) -> bool:
        """A word of a post outside public office at `i` that makes the role's post private: not a word of an
        agency's name, a minister's portfolio, the body an envoy is sent to, nor before a public body or post the
        role belongs to (`Kabid Pembinaan SMP Dinas Pendidikan Surabaya`, `Ketua Forum Komunikasi Pimpinan Daerah
        Bupati Sleman`)."""
        return not (self._in_public_name(i) or self._portfolio(i) or self._posted_to(i) or self._leaders_forum(i)
                    or (self.word(i) == JOINT and self.word(i - 1) in JOINT_UNITS)
                    or any(k in self.bodies or self.tokens[k].text in REGIONAL_HEADS for k in range(i + 1, span[1])))

    def _leaders_forum(self, i: int) -> bool:
        """`Forum Komunikasi Pimpinan Daerah Kabupaten Sleman` (Forkopimda), `Forum Koordinasi Pimpinan Daerah`: the
        region's heads of government, police, army and prosecution, whose chair is its regional head."""
        return (self.word(i) == LEADERS_FORUM[0] and self.word(i + 1) in LEADERS_FORUM[1]
                and self.word(i + 2) == LEADERS_FORUM[2])

    def _posted_to(self, i: int) -> bool:
        """`Duta Besar AS untuk PBB`: the body a country's envoy is sent to is not the post's employer."""
        return self.word(i) in ENVOY_BODIES and self.word(i - 1) in ENVOY_LINKS

    def _in_public_name(self, i: int) -> bool:
        """A word of an agency's name (`Bank` of `Bank Indonesia`) or of a longer place's (`Serikat` of `Amerika
        Serikat`); not a name of one word the place table holds (`PBB`, an international body's, is no place)."""
        return i in self.bodies or (i in self.material and (i - 1 in self.material or i + 1 in self.material))

    def _portfolio(self, i: int) -> bool:
        """`Menteri BUMN`, `Wamen BUMN`, `Menteri Negara BUMN`: the word after a minister's post is his ministry's,
        also as the acronym of a portfolio written out (`Menteri Badan Usaha Milik Negara (BUMN)`)."""
        if self.word(i - 1) == "(" and self.word(i + 1) == ")":
            for start in range(i - 2, max(0, i - 2 - MAX_PORTFOLIO_WORDS), -1):
                if not self.tokens[start].is_capitalised:
                    return False
                if _is_post(self.word(start - 1), self.lex.minister_posts, self.lex):
                    return True
            return False
        before = i - 1 - (self.word(i - 1) == "Negara")
        text = self.word(before)
        return before >= 0 and _is_post(text, self.lex.minister_posts, self.lex)

    def is_grounded(self, span: tuple[int, int]) -> bool:
        """A role opened by an agency post (`CEO`, `Penasihat`, `Hakim`) names a public body, a public office or a
        public institution's word (`Hakim Konstitusi`), or goes on in a court post's lower-case words (a
        sentence's `Hakim anggota`, `Jaksa penuntut umum`; `Hakim garis` is a linesman), or
        is a judge of a trial's panel (`Majelis Hakim Sumpeno`)."""
        start, end = span
        if self.tokens[start].text not in self.lex.agency_posts:
            return True
        if (self.tokens[start].text in LOWERCASE_ROLE_POSTS and self.word(start - 1).lower() == COURT_PANEL
                and all(self.tokens[k].is_word for k in range(start + 1, end))):
            return True  # `Majelis Hakim Sumpeno`: a judge of the panel; never `di hadapan Majelis Hakim, Richard…`
        if self._judge_in_a_trial(start, end):
            return True
        return any(i in self.bodies or self.tokens[i].text in self.lex.positions
                   or self.tokens[i].text in self.lex.public_unit_words
                   or (self.tokens[i].text.islower() and self._lowercase_role_word(start, self.tokens[i].text))
                   for i in range(start + 1, end))

    def _judge_in_a_trial(self, start: int, end: int) -> bool:
        """`ucap Hakim RA Suharni saat membacakan putusan sela`: `Hakim` after a plain lower-case word, right before
        the name, in an article about a trial (trial_words.txt), is a judge's post (`gelandang Hakim Ziyech` is not)."""
        return (self.tokens[start].text == JUDGE and end == start + 1 and start > 0 and self._plain_lowercase(start - 1)
                and bool(self.tokens.where(self.lex.trial_words)))

    def in_unknown_body(self, span: tuple[int, int]) -> bool:
        """`Direktur DBL Indonesia`, `Sekjen BAPOPSI`, `Juru Bicara Walhi`: a post every organisation has
        (generic_posts.txt) followed by a proper name that is no agency, region, place, public post or public
        institution's word (public_unit_words.txt), nor a word of a role: the post is that organisation's.
        A legislature's word (`Ketua Fraksi Golkar`) keeps it public, as does a post further in the role
        (`Kepala Unit Kerja Presiden`; right after the first, `Wakil Presiden`, it is one compound post), and the
        words after a place level are the place's (`Kepala Desa Semagar`)."""
        start, end = span
        if self.tokens[start].text not in self.lex.generic_posts:
            return False
        words = [self.tokens[i].text for i in range(start, end) if self.tokens[i].is_word]
        if words[-1] in self.lex.society_post_words and all(
                word in self.lex.generic_posts or word in self.lex.society_post_words for word in words[:-1]):
            return True  # `Ketua Umum`, `Ketua Pelaksana` with no body: a party's, a society's, a committee's
        unknown = in_place = False
        for i in range(start + 1, end):
            token = self.tokens[i]
            text = token.text
            if (i in self.material or text in self.lex.public_unit_words or text in PUBLIC_OVERRIDES
                    or (text in self.lex.positions and (text not in self.lex.generic_posts or i > start + 1))):
                return False
            if text in self.lex.place_levels:
                in_place = True
            elif not token.is_capitalised:
                in_place = False
            elif not (in_place or unknown or self._describes_role(token)):
                unknown = True
        return unknown

    def _describes_role(self, token: Token) -> bool:
        """A word a role is made of: a role or post word, a rank or title, a connector, an ordinary or affixed
        word (`Promosi`, `Pemasaran`), a numeral."""
        text = token.text
        return (text in self.lex.role_words or text in self.lex.positions or text in self.lex.ranks
                or text in self.lex.person_prefixes or text in self.lex.connectors
                or token.lower in self.lex.common_words or bool(ROMAN_NUMERAL.match(text))
                or text in SHORT_NUMERALS or text in COMMISSION_LETTERS
                or (not token.is_acronym and is_derived_word(text)))

    def group_members(self) -> list[_Found]:
        """`dua petahana DPD RI Jatim. Mereka adalah Ahmad Nawardi dan Adilla Aziz`, `Kedua pejabat BGN yang ditemui
        adalah Agustina Arumsari dan Trenggono`: the names listed after a copula that follows a group of office
        holders and their body, in the same sentence or the one before."""
        found: list[_Found] = []
        for i in self.tokens.where(self.lex.copulas):
            group = self._group_before(i)
            if group is not None:
                found.extend(_Found(name.name_start, name.name_end, None, (group, i))
                             for name in self._names_listed(i + 1))
        return found

    def _group_before(self, copula: int) -> int | None:
        """Where the group's noun stands, if one with its body comes before the copula."""
        sentence_ends = 0
        for i in range(copula - 1, max(-1, copula - MAX_GROUP_DISTANCE), -1):
            text = self.tokens[i].text
            if text in SENTENCE_END:
                sentence_ends += 1
                if sentence_ends > 1 or copula - i > MAX_PRONOUN_OPENING:
                    return None  # the sentence of the copula opens with more than `Mereka adalah`
            elif text in self.lex.group_nouns and (self._legislature_follows(i) or any(
                    j in self.bodies for j in range(i + 1, i + 1 + MAX_GROUP_GAP))):
                return None if "," in self.tokens.texts[i:copula - 1] else i  # `anggota Komisi V … Andi Taufan
                # Tiro, dua orang rekan Damayanti yaitu …`: the list after the comma is another group's
        return None

    def _names_listed(self, start: int) -> list[_Found]:
        """`A, B, dan C` from `start`, up to the clause's end; nothing when anything else stands in the list."""
        names: list[_Found] = []
        position = start
        while True:
            end = self.name_words_from(position, MAX_NAME_WORDS)
            if end == position:
                return []
            names.append(_Found(position, end, None))
            following = self.word(end)
            if following == "," and self.word(end + 1) == "dan":
                end += 1
                following = "dan"
            if following in {",", "dan"}:
                position = end + 1
                continue
            if following in CLAUSE_END or (end < len(self.tokens) and self.tokens[end].text.islower()) \
                    or end >= len(self.tokens):
                return names
            return []

    def shared_post_list(self, first: _Found) -> list[_Found]:
        """`Wakil Ketua KPK, Basaria Panjaitan, Alexander Marwata dan Laode M Syarif`: after the first holder of a
        post several hold at once (shared_posts.txt), names of two words or more listed after commas up to `dan`
        hold it too; nothing unless the list closes so."""
        if first.role is None or not self._shared_post(first.role):
            return []
        found: list[_Found] = []
        position = first.name_end
        while self.word(position) == "," and len(found) < MAX_LISTED_HOLDERS:
            item = self._listed_holder(position + 1, first)
            if item is None:
                return []
            found.append(item)
            position = item.name_end
            joined = position + (self.word(position) == ",")
            if self.word(joined) in LIST_CLOSERS:
                last = self._listed_holder(joined + 1, first)
                if last is None or not self._list_ends(last.name_end):
                    return []
                return found + [last]
        return []

    def _shared_post(self, role: str) -> bool:
        words = tuple(role.lower().split())
        return any(words[:len(post)] == post for post in self.lex.shared_posts)

    def _listed_holder(self, start: int, first: _Found) -> _Found | None:
        end = self.name_words_from(start, MAX_NAME_WORDS)
        return _Found(start, end, first.role, first.role_span) if end - start >= 2 else None

    def _list_ends(self, i: int) -> bool:
        """A list of names ends at `i`: the clause ends, a comma, a lower-case word goes on, or the text ends."""
        return (i >= len(self.tokens) or self.word(i) in CLAUSE_END or self.word(i) == ","
                or self.tokens[i].text.islower())

    def listed_after(self, name_end: int) -> list[_Found]:
        """`…Badruzzaman, Muhadi, Kabag Organisasi…`: bare names listed between two officials."""
        found = []
        position = name_end
        while self.word(position) == ",":
            start = position + 1
            end = self.name_words_from(start, LISTED_NAME_WORDS)
            if end == start or self.word(end) not in {",", "dan"}:
                break
            if not (end + 1 < len(self.tokens) and self.is_head(end + 1)):
                break
            found.append(_Found(start, end, None))
            position = end
        return found

    def written_after_post(self, words: tuple[str, ...]) -> bool:
        """The article writes `words` alone right after a post's word or a title, no capitalised word after
        them (`Inspektur Nurhayati mengatakan`): a person's short name, not a body's (`Ketua Bapemperda Meiky`)."""
        size = len(words)
        return any(k > 0 and (self.tokens[k - 1].text in self.lex.positions or self.is_title(k - 1))
                   and tuple(self.tokens.texts[k:k + size]) == words
                   and not (k + size < len(self.tokens) and self.tokens[k + size].is_capitalised)
                   for k in self.tokens.where({words[0]}))

    def heads_of_government_led(self) -> list[_Found]:
        """`rezim Kim Jong - un`, `pemerintahan Donald Trump`, `negara pimpinan Kim Jong - un`: a regime or a
        government named after the person who leads it (government_cues.txt, in lower case); the name is two
        words or more (hyphen parts included) that no place, body or post takes (`pemerintahan Korea Selatan`,
        `rezim Orde Baru`). No role is given: the phrase names no post (the article may name it elsewhere)."""
        found = []
        for i in self.tokens.where(self.lex.government_cues):
            start, cue = i + 1, self._government_cue_start(i)
            if cue is None or start >= len(self.tokens):
                continue
            end = start
            while end < len(self.tokens) and end - start < MAX_NAME_WORDS and (
                    self.is_hyphen_part(end) or (self.is_name_word(end) and end not in self.material
                                                 and not self.is_head(end))):
                end += 1
            if self._words_in(start, end) >= 2:
                found.append(_Found(start, end, None, (cue, start)))  # a regime is no post to show
        return found

    def _government_cue_start(self, i: int) -> int | None:
        """Where the phrase of government_cues.txt that token `i` ends in lower case starts (`rezim`, `negara
        pimpinan`); None when it ends none."""
        if not self.tokens[i].text.islower():
            return None
        for before in self.lex.government_cues[self.tokens[i].text]:
            if all(self.word(i - len(before) + k) == word for k, word in enumerate(before)):
                return i - len(before)
        return None

    def column_author(self) -> list[_Found]:
        """An opinion column's author, named on a line of the column's opening (`Oleh: Dr. Ir. Dadang Sukmana
        Hidayat, M.Si.`), holds the public post the closing note gives, a line of the column's last NOTE_REACH
        tokens (`*Penulis adalah Kepala Bappeda Kabupaten Garut.`); a note giving no post (`Penulis adalah dosen
        …`) names no official, and neither does a reporter's byline (`Penulis: Andi …`)."""
        note = next((i for i in self.tokens.where({AUTHOR_NOTE}, max(0, len(self.tokens) - NOTE_REACH))
                     if self.word(i + 1) in COPULAS and self._opens_line(i)), None)
        if note is None or not self.is_head(note + 2):
            return []  # `Penulis merupakan Kepala Dinas …` inside a paragraph is about a book's author
        name = self._byline_name()
        if name is None:
            return []
        head = note + 2
        role_end = self.clause_end(head, head)
        role = self.role_text(head, role_end)
        return [_Found(name[0], name[1], role, (head, role_end))] if role else []

    def _byline_name(self) -> tuple[int, int] | None:
        """The name on a column's byline (`Oleh: Dr. Ir. Dadang Sukmana Hidayat, M.Si.`): alone on its line,
        titles before it and degrees after a comma; None when there is no such line."""
        byline = next((i for i in self.tokens.where(BYLINE_WORDS, 0, BYLINE_REACH)
                       if i == 0 or self.word(i - 1) == "\n"), None)
        if byline is None:
            return None
        start = byline + 1 + (self.word(byline + 1) == ":")
        while start < len(self.tokens) and (self.is_title(start) or self.word(start) == "."):
            start += 1
        end = start
        while end < len(self.tokens) and self.is_name_word(end) and end - start < MAX_NAME_WORDS:
            end += 1
        alone = end == len(self.tokens) or self.word(end) in (",", "\n")
        return (start, end) if end > start and alone else None

    def _opens_line(self, i: int) -> bool:
        """Token `i` opens a line, after marks a closing note opens with (`*`, `*)`, `(`)."""
        k = i - 1
        while k >= 0 and self.word(k) in NOTE_MARKS:
            k -= 1
        return k < 0 or self.word(k) == "\n"

    def posts_pointing_back(self, found: list[_Found]) -> list[_Found]:
        """`Mantan kepala Bapenda Jatim ini menegaskan`, `kata pria yang juga menjabat sebagai Ketua Banggar DPR RI
        tersebut`: a post in a description that points back (person_descriptions.txt, then anaphors.txt) and
        names nobody is held by the person it stands for (`_named_before`), when no post read before is that
        person's already (a former post never replaces the one the article gives). A bare post opening a clause
        points back too when it names a body Warta knows (`WIB, Panglima Kostrad tersebut langsung …`)."""
        posts: list[_Found] = []
        held = known = long_words = None
        described = set(self.tokens.where(self.lex.description_openers))
        anaphors = set(self.tokens.where(self.lex.anaphors))
        for i in sorted(described | set(self.tokens.where(self.lex.positions))):
            if not self._opens_subject(i) or (i not in described and anaphors.isdisjoint(
                    range(i + 1, i + 1 + MAX_CLAUSE_TOKENS))):
                continue  # a bare post is only worth reading when an anaphor may end its clause
            head = self._described_post(i) if i in described else i if self.is_head(i) else None
            if head is None:
                continue
            start = head + self.tokens[head].text.islower()
            end = self.clause_end(start, head)
            if end >= len(self.tokens) or self.tokens[end].lower not in self.lex.anaphors:
                continue
            if head == i and not self._names_public_body((head, end)):
                continue  # `Ketua Progres 98 itu`: a bare post points back only from a body Warta knows
            if self.name_in(head, start, end) is not None:
                continue  # `mantan Kapolda Banten Boy Rafli itu`: the post's own name
            if held is None:  # once an article: most have no such description
                held, known, long_words = self._holders(found), self._person_words(found), self._long_words()
            holder = self._named_before(i, known, long_words)
            role = self.role_text(head, end)
            if holder is None or role is None or any(self.tokens[k].text in held for k in range(*holder)):
                continue
            posts.append(_Found(holder[0], holder[1], role, (head, end)))
        return posts

    def _names_public_body(self, span: tuple[int, int]) -> bool:
        """The role names an agency's words or a legislature (`Panglima Kostrad`, `Ketua Fraksi Golkar`) and is
        no post in a company, party or association."""
        return (any(k in self.bodies or self.tokens[k].text in PUBLIC_OVERRIDES for k in range(*span))
                and not self.is_non_public(span))

    def _holders(self, found: list[_Found]) -> set[str]:
        """Words of the names read with a public post, and the nicknames of those names (`Presiden Joko Widodo`,
        then `Jokowi`)."""
        held = {self.tokens[k].text for f in found if f.role and not self.is_non_public(f.role_span)
                for k in range(f.name_start, f.name_end)}
        return held | {alias for alias, full in self.lex.person_aliases.items() if held.issuperset(full.split())}

    def _opens_subject(self, i: int) -> bool:
        """The description is who acts or speaks: it opens a sentence or a clause (`Mantan Kapolda Banten ini
        mengingatkan`), or follows a verb of saying (`kata pria yang …`, `Menurut mantan …`); not an object
        (`perkara yang menjerat mantan Bupati Belitung Timur itu` is about someone else's case)."""
        before = self.word(i - 1)
        return i == 0 or before in SENTENCE_END or before in DOUBLE_QUOTES or before == "," or (
            before.lower() in self.lex.attribution_verbs)

    def _person_words(self, found: list[_Found]) -> set[str]:
        """Words of the names the text gives people: read after a post, or after a verb of saying (`kata
        Desmond`): a description stands for one of them, not for an event's name (`Hari Bhayangkara`)."""
        words = {self.tokens[k].text for f in found for k in range(f.name_start, f.name_end)}
        for i in self.tokens.where(self.lex.attribution_verbs):
            words.update(token.text for token in self.tokens[i + 1:self.name_words_from(i + 1, MAX_NAME_WORDS)])
        return words

    def _described_post(self, i: int) -> int | None:
        """Where the post of the description opened at `i` starts: right after `mantan`; after `pria yang (juga)
        (menjabat) (sebagai)`."""
        j = i + 1
        if self.tokens[i].lower not in FORMER_WORDS:
            if self.word(j) != "yang":
                return None
            j += 1
            while self.word(j).lower() in DESCRIBED_POST_LINKS:
                j += 1
        if j >= len(self.tokens):
            return None
        return j if self.is_head(j) or self.is_lowercase_head(j) else None

    def _long_words(self) -> set[str]:
        """Words of the runs of two name words or more the article writes, and the nicknames of the alias file."""
        return {word for run in self.name_runs() if len(run) > 1 for word in run} | self.lex.person_aliases.keys()

    def _named_before(self, i: int, known: set[str], long_words: set[str]) -> tuple[int, int] | None:
        """The person a description at `i` stands for: the first name of the nearest sentence before it (its own
        included) within HOLDER_REACH tokens, outside quotation marks: a run of two name words or more, or one
        word of such a run the article writes elsewhere or a nickname (`long_words`: `jelas Said`, `kata Ahok`),
        named for a person (`known`). The subject, not the last name written: `Desmond … menilai … agar Arief
        Hidayat mundur. Pria yang juga menjabat … itu` is Desmond. Marks are counted from the paragraph's start,
        where no quotation is open."""
        reach = max(0, i - HOLDER_REACH)
        k = reach
        while k > 0 and self.tokens[k - 1].text != "\n" and reach - k < HOLDER_REACH:
            k -= 1
        quoted, sentence, first = False, 0, None
        while k < i:
            text = self.tokens[k].text
            if text in DOUBLE_QUOTES:
                quoted = text == "“" or (text == '"' and not quoted)
            elif text == "\n":
                quoted, sentence = False, sentence + 1
            elif quoted or k < reach:
                pass
            elif text in SENTENCE_END:
                sentence += 1
            elif self._holder_word(k):
                end = k + 1
                while end < i and self._holder_word(end):
                    end += 1
                if ((end - k > 1 or self.tokens[k].text in long_words) and (first is None or first[0] < sentence)
                        and any(self.tokens[m].text in known for m in range(k, end))):
                    first = sentence, k, end
                k = end
                continue
            k += 1
        return first[1:] if first is not None else None

    def _holder_word(self, k: int) -> bool:
        """A word of a person's name: no post, party or description (`Politikus Gerindra, Desmond …`)."""
        token = self.tokens[k]
        return (self.is_name_word(k) and not self.is_head(k) and token.text not in self.lex.parties
                and token.lower not in self.lex.person_descriptions)


@lru_cache(maxsize=8)
def _with_words(words: frozenset[str], more: frozenset[str]) -> frozenset[str]:
    """One set for a scan over every token to look up, built once per lexicon."""
    return words | more


def _count_run(runs: dict[tuple[str, ...], int], words: list[str]) -> None:
    if 1 <= len(words) <= MAX_NAME_WORDS:
        runs[tuple(words)] = runs.get(tuple(words), 0) + 1


def find_officials(text: str, tokens: Tokens, material: set[int], lexicon: Lexicon,
                   bodies: set[int] | None = None) -> list[OfficialMention]:
    """Officials named in `tokens`; `material` marks tokens inside agency and place names, `bodies` those
    inside agency names alone (all of `material` when not given)."""
    reader = _Reader(text, tokens, material, lexicon, bodies)
    found: list[_Found] = []
    cue_words = _with_words(lexicon.role_openers, APPOSITIVE_MARKERS)
    role_starts = _with_words(lexicon.role_openers, FORMER_WORDS | INDEFINITE_ARTICLES)
    cues = tokens.where(cue_words)
    resume = 0  # tokens before this were read as part of an official already
    texts, procurement_posts = tokens.texts, lexicon.procurement_posts  # a cue in three is a comma: read here
    last = len(texts) - 1
    for i in cues:
        if texts[i] in APPOSITIVE_MARKERS:  # a comma or `sebagai`, never a role's first word
            following = texts[i + 1] if i < last else ""
            if following in role_starts or (  # most commas are followed by no role: not asked further
                    following.capitalize() in procurement_posts and following.islower()):
                appositive = reader.appositive_at(i)
                if appositive is not None:
                    found.append(appositive)
                    resume = max(resume, appositive.role_span[1])  # its role names nobody else
            continue
        if i < resume or reader.inside_post_run(i) or not (reader.is_head(i) or reader.is_lowercase_head(i)):
            continue
        officials, resume = reader.read_official(i)
        if officials:
            found.extend(officials)
            listed = reader.shared_post_list(officials[-1]) or reader.listed_after(officials[-1].name_end)
            found.extend(listed)
            if listed:
                resume = listed[-1].name_end
    found.extend(reader.group_members())
    found.extend(reader.officers_by_rank(_covered(found)))
    found.extend(reader.posts_pointing_back(found))
    found.extend(reader.heads_of_government_led())
    found.extend(reader.column_author())
    found = [f for f in found if not reader.is_non_public(f.role_span) and reader.is_grounded(f.role_span)
             and not reader.in_unknown_body(f.role_span) and not reader.is_relative_alone(f)]
    mentions = merge_mentions([(name, f.role, _surface(text, tokens, f))
                               for f in found for name in [plausible_name(normalise_name(tokens, f, lexicon),
                                                                          lexicon, f.role, f.keeps_region)] if name])
    mentions = fullest_forms(mentions, reader)
    add_bare_mentions(mentions, tokens, lexicon)
    return mentions


def _covered(found: list[_Found]) -> set[int]:
    """The tokens of the roles and names found."""
    return {i for f in found for i in range(min(f.role_span[0], f.name_start), max(f.role_span[1], f.name_end))}


def fullest_forms(mentions: list[OfficialMention], reader: _Reader) -> list[OfficialMention]:
    """Each official under the fullest form of the name the article writes: `Gubernur Khofifah` is
    `Khofifah Indar Parawansa` when the article writes that anywhere, `Emil Dardak` joins `Emil Elestianto
    Dardak`, `Mudjiono` and `Mujiono` are one person under the spelling written most. A name the article
    never writes in full takes the full name of the alias file (`Presiden Prabowo` -> `Prabowo Subianto`).
    A wife named by a role she holds through her husband's office (`Ibu Negara Iriana Joko Widodo`) holds no
    public office of her own: she is left out, and so never takes the husband's mention as a shorter form of
    her name."""
    mentions = [mention for mention in mentions if not _is_spouse(mention.role, reader.lex)]
    if not mentions:
        return mentions
    runs = reader.name_runs()
    if reader.relatives:  # `putri Presiden Soeharto, Titiek Soeharto`: no fuller form of Soeharto
        runs = {run: count for run, count in runs.items() if run not in reader.relatives}
    starts = {run[0] for run in runs}
    for mention in mentions:  # `Ketika Soeharto` is Soeharto, `Aliansi Masa Depan Kosovo` nobody
        words = tuple(mention.name.split())
        words = words[_glued_prefix(words, runs, starts, reader):]
        kept = bool(words) and _region_not_abroad(words[0].lower(), reader.lex)  # kept by the first reading
        mention.name = plausible_name(_fullest(words, runs, reader.lex, mention.role), reader.lex, mention.role, kept)
    mentions = [mention for mention in mentions if mention.name]
    if any(len(mention.name.split()) <= MAX_SHORT_VALUE_WORDS for mention in mentions):
        usage = _WordUsage(reader.text)
        mentions = [mention for mention in mentions if not usage.no_name(mention.name.split(), reader.lex)]
    merged: list[OfficialMention] = []
    for mention in sorted(mentions, key=lambda m: -len(m.name.split())):
        target = next((other for other in merged if _same_person(mention.name, other.name)), None)
        if target is None:
            merged.append(mention)
            continue
        if (len(mention.name.split()) == len(target.name.split())
                and runs.get(tuple(mention.name.split()), 0) > runs.get(tuple(target.name.split()), 0)):
            target.name = mention.name  # the spelling the article writes most
        target.role = _shown_role(mention.role, target.role)
        target.surfaces.extend(s for s in mention.surfaces if s not in target.surfaces)
    order = {id(mention): i for i, mention in enumerate(mentions)}
    return sorted(merged, key=lambda m: order[id(m)])


def _shown_role(role: str | None, shown: str | None) -> str | None:
    """Which of a person's roles an article writes to show, `role` or the one `shown` so far: a post held now
    before one held before, then the longer (`Bupati Lampung Selatan` before `Bupati`)."""
    if not role or (shown is not None and _role_rank(role) <= _role_rank(shown)):
        return shown
    return role


def _role_rank(role: str) -> tuple[bool, int]:
    return role.split(" ", 1)[0] not in FORMER_WORDS, len(role)


def _glued_prefix(words: tuple[str, ...], runs: dict[tuple[str, ...], int], starts: set[str],
                  reader: _Reader) -> int:
    """How many first words of a name of three words or more are something else's name, glued on by the role
    (`Direktur Utama Adhi Karya Budi Harto`, `Presiden Direktur Mjek Angga Pramana Jaya`): the article writes
    those words elsewhere as a name of their own (`khususnya Adhi Karya.`), and the rest elsewhere from its
    first word on (`kata Budi`). A person's given name written alone (`kata Budi` of `Budi Karya Sumadi`)
    is not enough: the next word (`Karya`) would have to open a name elsewhere too; nor is the person's own
    short form after a post (`Inspektur Nurhayati` of `Nurhayati Abdul Gani`, beside an `Abdul Haris`)."""
    for size in range(1, len(words) - 1):
        if words[:size] in runs and words[size] in starts and not reader.written_after_post(words[:size]):
            return size
    return 0


class _WordUsage:
    """How an article writes its words elsewhere: in lower case (`komunitas burung paruh bengkok`), or right
    after `di` (`tinggal di Verbania`). Read from the text, word by word, only for the words asked about."""

    def __init__(self, text: str) -> None:
        self.text = text

    def no_name(self, words: list[str], lexicon: Lexicon) -> bool:
        """A value of one or two words is no name when the article writes one of its words in lower case twice
        or more (once may be a typo or a title in lower case: `Jenderal gatot`), or writes a one-word value as a
        place (`di Verbania`) or numbered (`Parfi 1956`). Words that are given names too are left out: those listed (`Bagus`, `Hakim`) and
        those the whole corpus writes in lower case (`Nur Alam`, `Dana White`: _ordinary_words judges them)."""
        if len(words) > MAX_SHORT_VALUE_WORDS:
            return False
        if len(words) == 1 and (self._uses("di " + words[0], 1) or self._numbered(words[0])):
            return True
        return any(word not in lexicon.word_names and word not in lexicon.particles
                   and word not in lexicon.value_openers and word.lower() not in lexicon.common_words
                   and self._uses(word.lower(), MIN_LOWER_USES) for word in words)

    def _numbered(self, word: str) -> bool:
        """`Ketua Umum Parfi 1956`, `pemenang Balinale 2025`: a word the article writes with a number right after
        it is an organisation's or an event's name, numbered by its year or edition; no person's name is."""
        return re.search(r"(?<!\w)" + re.escape(word) + r" \d", self.text) is not None

    def _uses(self, phrase: str, enough: int) -> bool:
        """Whether the text writes `phrase` as whole words `enough` times (case counts)."""
        text, found, at = self.text, 0, self.text.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if not (at and _word_character(text[at - 1])) and not (end < len(text) and _word_character(text[end])):
                found += 1
                if found >= enough:
                    return True
            at = text.find(phrase, at + 1)
        return False


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _is_spouse(role: str | None, lexicon: Lexicon) -> bool:
    return role is not None and any(post in role for post in lexicon.spouse_roles)


def _fullest(words: tuple[str, ...], runs: dict[tuple[str, ...], int], lexicon: Lexicon,
             role: str | None = None) -> str:
    """A one-word name becomes the run of name words holding it that the article writes most (`Emil` ->
    `Emil Dardak`), never one that only puts the kecamatan ending its `role` before it (`Camat Kalianda
    Erdiansyah` is Erdiansyah); a longer name becomes the longest run that only adds words inside it (`Emil Dardak` ->
    `Emil Elestianto Dardak`, never `Tito Karnavian` -> `Tri Tito Karnavian`, his wife)."""
    if len(words) == 1:
        role_words = tuple(role.split()) if role else ()
        holding = [run for run in runs if len(run) > 1 and any(same_word(words[0], word) for word in run)
                   and not _role_place_before(run, words[0], role_words, lexicon)]
        if holding:
            words = max(holding, key=lambda run: (runs[run], len(run)))
        else:
            return lexicon.person_aliases.get(words[0], words[0])
    inside = [run for run in runs if len(run) > len(words) and same_word(run[0], words[0])
              and same_word(run[-1], words[-1]) and is_shorter_form(words, run)]
    if inside:
        words = max(inside, key=lambda run: (len(run), runs[run]))
    name = " ".join(words)
    return lexicon.person_aliases.get(name, name)


def _role_place_before(run: tuple[str, ...], word: str, role_words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether the words of `run` before `word` are the place that ends the role: a kecamatan (`Camat Kalianda`),
    or any place after a place-kind word or a village's post (`Kepala Desa Tegaldowo`, `Kades Sumberagung`),
    which no gazetteer lists."""
    at = next((i for i, other in enumerate(run) if same_word(word, other)), 0)
    while at and run[at - 1] in lexicon.person_prefixes:
        at -= 1  # `Kades Samatan H. Mukarram`: the title after the place opens the name
    if not (0 < at <= len(role_words) and role_words[-at:] == run[:at]):
        return False
    before = role_words[-at - 1] if at < len(role_words) else ""
    return (" ".join(run[:at]).lower() in lexicon.kecamatan_names or before in lexicon.place_levels
            or before.capitalize() in PLACE_POSTS
            or " ".join(role_words[-at - 1:]).lower() in lexicon.kecamatan_names  # `Camat Landasan Ulin`
            or (before in lexicon.place_name_openers and len(role_words) > at + 1  # `Kepala Desa Sungai Pinang`,
                and (role_words[-at - 2] in lexicon.place_levels  # `Lurah Sungai Miai`
                     or role_words[-at - 2].capitalize() in PLACE_POSTS)))


def _same_person(name: str, other: str) -> bool:
    words, other_words = tuple(name.split()), tuple(other.split())
    if len(words) == len(other_words):
        return all(same_word(a, b) for a, b in zip(words, other_words)) or _one_short_word_apart(words, other_words)
    return (is_shorter_form(words, other_words) or is_shorter_form(other_words, words)
            or _inner_run(words, other_words) or _inner_run(other_words, words))


def _one_short_word_apart(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """`Zasmi Diaz` and `Zasmi Dias` in one article: names of two words or more, alike but for one letter of one
    short word (too short for same_word alone: `Budi`/`Bude` are two people, `Budi Santoso`/`Bude Santoso` one)."""
    differing = [(a, b) for a, b in zip(words, other) if not same_word(a, b)]
    if len(words) < 2 or len(differing) != 1:
        return False
    first, second = differing[0]
    return edit_distance_at_most_one(spelling_key(first), spelling_key(second)) and first[:1] == second[:1]


def _inner_run(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`Agung Sentana` of `I Gusti Ngurah Agung Sentana Putra`: in one article, two words or more written
    together inside a longer name are that person, though neither its first nor its last word is among them."""
    size = len(short)
    return 2 <= size < len(long) and any(all(same_word(a, b) for a, b in zip(short, long[start:start + size]))
                                         for start in range(1, len(long) - size))


def add_bare_mentions(mentions: list[OfficialMention], tokens: Tokens, lexicon: Lexicon) -> None:
    """`ungkap Suhajar`: a first or last name standing alone later joins the official it belongs to."""
    if not mentions:
        return
    owners: dict[str, list[OfficialMention]] = {}
    for mention in mentions:
        words = [w for w in mention.name.split() if len(w) > 2 and w not in lexicon.particles]
        if len(words) >= 2:
            for word in {words[0], words[-1]}:
                owners.setdefault(word, []).append(mention)
    for i in tokens.where(owners):
        token = tokens[i]
        candidates = owners[token.text]
        if len(candidates) != 1:
            continue
        mention = candidates[0]
        name_words = set(mention.name.split())
        neighbours = {tokens[j].text for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if not neighbours & name_words and token.text not in mention.surfaces:
            mention.surfaces.append(token.text)


def normalise_name(tokens: list[Token], found: _Found, lexicon: Lexicon) -> str:
    """The name's words as written, capitalised; `Kim Jong-un` keeps its hyphenated part as one word."""
    name = ""
    previous = None
    for i in range(found.name_start, found.name_end):
        token = tokens[i]
        text = token.text
        if previous is not None and (text == "-" or previous.text == "-"):
            name += text
        elif text in lexicon.particles:
            name += " " + text
        elif text.islower() or (text.isupper() and len(text) > 2 and not INITIALS.fullmatch(text)):
            name += " " + text[:1].upper() + text[1:].lower()
        else:
            name += " " + text
        previous = token
    return name.strip()


def plausible_name(name: str, lexicon: Lexicon, role: str | None = None, keeps_region: bool = False) -> str | None:
    """The name as a facet value, or None when it cannot be a person's: a lone two- or three-letter acronym
    (`Ketua RW` gives `RW`), a place (`Tanah Abang`, `Tangsel`), a group, club, court or command that follows a
    role (`anggota Al Qaeda`, `wakil Merah Putih`, `hakim Tipikor`: not_person_names.txt), or a name opened by an
    English article (`The Fed`, `The Jakmania`). What is glued on the name is cut first (_trimmed): a first word
    repeated at the end (`Prabowo Subianto Prabowo`), a verb of saying after it, a sentence's first word, a rank
    or post, an acronym, a place or a body's name before it; not a region's name that is a given name
    (`Wamendagri Bima Arya`, `Wali Kota Bogor Bima Arya`: _given_name_region)."""
    words = name.split()
    words = _trimmed(words, lexicon, keeps_region or (bool(words) and _given_name_region(words, role, lexicon)))
    if not words:
        return None
    if len(words) == 1 and words[0].isupper() and len(words[0].rstrip(".")) <= 3:
        return None
    lowered = " ".join(words).lower()
    if (_is_place(lowered, lexicon) or tuple(words) in lexicon.foreign_cities
            or lowered in lexicon.not_person_names or words[0] in lexicon.non_person_openers
            or _ordinary_words(words, lexicon) >= min(2, len(words)) or _numbers_a_unit(words)):
        return None
    return " ".join(words)


def _numbers_a_unit(words: list[str]) -> bool:
    """`Pangdam V Brawijaya`, `Pangdam XIII/Merdeka`: a Roman numeral first numbers a command or a unit; no
    person's name opens with one (Balinese `I Made` opens with `I`, which is not read as a numeral here)."""
    first = words[0].split("/")[0]
    return len(words) > 1 and (bool(ROMAN_NUMERAL.match(first)) or first in {"V", "X"})


def _given_name_region(words: list[str], role: str | None, lexicon: Lexicon) -> bool:
    """The first of a name's two or three words is a region's name that is the person's given name: after a
    post held over the whole country (`Wamendagri Bima Arya Sugiarto`), after the post's own region (`Wali
    Kota Bogor Bima Arya`), or after a rank, a title or the role's comma, which no place follows (`Iptu Bima
    Sakti`, `H. Bima Anugerah Wijaya`, `Camat Wlingi, Bima Setiawan`)."""
    if role is None or not 2 <= len(words) <= 3 or not _region_not_abroad(words[0].lower(), lexicon):
        return False
    role_words = role.split()
    national = any(_is_post(word, lexicon.national_posts, lexicon) for word in role_words)
    last = role_words[-1]
    return (national or last in lexicon.ranks or last in lexicon.person_prefixes or last == ","
            or _ends_in_graded_rank(role_words, lexicon) or _second_region(last, words[0], lexicon))


def _ends_in_graded_rank(role_words: list[str], lexicon: Lexicon) -> bool:
    """The role ends in a rank written in full, its grade or service after it (`Ajun Komisaris Besar Polisi`: the
    grades of qualified_ranks.tsv), or two of them after a post's word (`Inspektur Polisi Satu`)."""
    grades = lexicon.rank_grades
    end = len(role_words)
    while end > 0 and len(role_words) - end < MAX_RANK_GRADES and role_words[end - 1] in grades:
        end -= 1
    graded = len(role_words) - end
    return end > 0 and (graded >= 1 and role_words[end - 1] in lexicon.ranks
                        or graded >= 2 and role_words[end - 1] in lexicon.positions)


def _second_region(first: str, second: str, lexicon: Lexicon) -> bool:
    """`Bogor Bima`: a one-word kabupaten/kota name right after another, the two no region's name together, nor
    another name of one (`Toba Samosir`, Kabupaten Toba's before 2020)."""
    cities = lexicon.cities_by_name
    first, second = first.lower(), second.lower()
    together = f"{first} {second}"
    return (first in cities and second in cities and together not in cities
            and together not in lexicon.region_alias_names)


def _is_post(word: str, starts: tuple[str, ...], lexicon: Lexicon) -> bool:
    """`Mendagri` for `Men`: a position word that starts with one of `starts` (national_posts.txt,
    minister_posts.txt)."""
    return word.startswith(starts) and word in lexicon.positions


def _trimmed(words: list[str], lexicon: Lexicon, given_name_region: bool = False) -> list[str]:
    """The name's words without what is glued on them; empty when nothing of a person's name is left."""
    if len(words) >= 3 and words[-1] == words[0]:
        words = words[:-1]
    cut = next((k for k, word in enumerate(words) if k and _ends_name(word, lexicon)), len(words))
    words = words[:cut]  # `Fadil Imran Mengatakan Sri`, `Tri Nanda Wicaksono Rp`: the name ends before
    if words:
        words[-1] = _without_glued_verb(words[-1], lexicon)
    while len(words) > 1 and (words[0].lower() in lexicon.sentence_openers or words[0].lower() in lexicon.attribution_verbs) \
            and not _name_opener_length(words, lexicon):  # `Lalu Sahabudin` is a Sasak name, no `then`
        words = words[1:]  # `Ketika Soeharto`, `Kata Wiranto`: the sentence's first word, then the name
    while len(words) > 1 and _opens_role(words[0], lexicon) and not _name_opener_length(words, lexicon):
        words = words[1:]  # `Aiptu Melianus Sunbanu`, `Hakim Arief Hidayat`: a rank or a post, then the name
    if len(words) > 1 and words[0] in lexicon.public_unit_words:
        words = _after_unit_name(words[1:], lexicon)  # `Puskesmas Kalianda Budi Santoso`: the unit's, then his
    while len(words) >= 3 and _glued_before_name(words[0], lexicon):
        if words[0] in lexicon.non_public_roles or words[1] in lexicon.non_public_roles:
            return []  # `PP Muhammadiyah Haedar Nashir`: an organisation's post after all
        words = words[1:]  # `UE Margrethe Vestager`, `PP Aisyah Nurjanah`: the body, then the name
    if not given_name_region:
        words = words[_place_before_name(words, lexicon):]
    words = words[_command_before_name(words, lexicon):]
    body_end = max((k + 1 for k, word in enumerate(words) if word in lexicon.organisation_words), default=0)
    return words[body_end:]  # `Setara Institute Hendardi`: the body's name, then the person's; none left: a body


def _command_before_name(words: list[str], lexicon: Lexicon) -> int:
    """`Pangdam XVII Cenderawasih Herman Asaribab`: a command's name (not_person_names.txt) of one or two words
    opening a longer name is the post's, left after its number: how many words it is (0: none)."""
    return next((k for k in (2, 1) if len(words) > k and " ".join(words[:k]).lower() in lexicon.not_person_names), 0)


def _name_opener_length(words: list[str], lexicon: Lexicon) -> int:
    """`Anak Agung Ngurah Wirajaya`: the words of name_openers.txt the name opens with, a word after them."""
    return next((len(opener) for opener in lexicon.name_openers
                 if len(words) > len(opener) and tuple(words[:len(opener)]) == opener), 0)


def _after_unit_name(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words after a public institution's word (`Puskesmas`), without the place it is named after when the
    gazetteers know it, even in one word (`Kalianda`); `Antar Lembaga Robert Leonard Marbun` is not cut."""
    def known(place: list[str]) -> bool:
        lowered = " ".join(place).lower()
        return lowered in lexicon.kecamatan_names or _is_place(lowered, lexicon)

    return words[_leading_place(words, len(words), known):]


def _without_glued_verb(word: str, lexicon: Lexicon) -> str:
    """`Wardhanamenambahkan`: a verb of saying written without its space after the name's last word."""
    if len(word) <= MIN_GLUED_VERB:
        return word
    return next((word[:-len(verb)] for verb in lexicon.reporting_verbs
                 if word.endswith(verb) and len(word) - len(verb) >= MIN_ROOT), word)


def _ends_name(word: str, lexicon: Lexicon) -> bool:
    """A capitalised verb of saying (`Mengatakan`) or a currency (`Rp`) is the next phrase's."""
    lowered = word.lower()
    return lowered in lexicon.attribution_verbs or lowered in lexicon.reporting_verbs or lowered in NAME_ENDING_WORDS


def _opens_role(word: str, lexicon: Lexicon) -> bool:
    """A rank, a title or a post's word, never a given name (`Agung`, `Bagus` are: word_names.txt)."""
    return ((word in lexicon.ranks or word in lexicon.person_prefixes or word in lexicon.positions
             or word in lexicon.role_words or word in lexicon.value_openers) and word not in lexicon.word_names)


def _place_before_name(words: list[str], lexicon: Lexicon) -> int:
    """How many first words name a place written between a role and a name (`Gubernur New York Andrew Cuomo`,
    `Lurah Jatipadang Arief Syarifuddin`): the longest such place that leaves a name of a word or more."""
    return _leading_place(words, len(words) - 1, lambda place: _is_place(" ".join(place).lower(), lexicon)
                          or tuple(place) in lexicon.foreign_cities)


def _leading_place(words: list[str], most: int, known: Callable[[list[str]], bool]) -> int:
    """How many first words (at most `most`, and MAX_PLACE_WORDS) make the longest place that is `known`."""
    return next((size for size in range(min(MAX_PLACE_WORDS, most), 0, -1) if known(words[:size])), 0)


def _glued_before_name(word: str, lexicon: Lexicon) -> bool:
    """An acronym (`UE`, `PP`) or a word that is never a name, written between a role and a name of two words or
    more (a place there is _place_before_name's)."""
    return (word.isupper() and len(word.rstrip(".")) >= 2) or word in lexicon.not_names or word in lexicon.non_public_roles


def _ordinary_words(words: list[str], lexicon: Lexicon) -> int:
    """Words of a would-be name that are a role's or the news writes in lower case (`Festival Film Internasional
    Toronto`, `Logistik`): one is a given name now and then (`Dana White`, `Nur Alam`), two are no name. A name
    opener's words (`Anak Agung`) are the name's."""
    return sum(1 for word in words[_name_opener_length(words, lexicon):]
               if word in lexicon.role_words or word in lexicon.positions or word in lexicon.not_names
               or (word.lower() in lexicon.common_words and word not in lexicon.word_names))


def _region_not_abroad(lowered: str, lexicon: Lexicon) -> bool:
    """`bima`: a kabupaten's or kota's name that names no country or city abroad (`Presiden Turki Erdogan`)."""
    return (lowered in lexicon.cities_by_name and lowered not in lexicon.country_names
            and lowered not in lexicon.world_cities)


def _is_place(lowered: str, lexicon: Lexicon) -> bool:
    """A region, a country, a city abroad (world_cities.txt), or a kecamatan named in two or more words
    (one-word kecamatan names are also people's names too often to judge by)."""
    return (lowered in lexicon.cities_by_name or lowered in lexicon.region_alias_names
            or lowered in lexicon.country_names or lowered in lexicon.world_cities
            or (" " in lowered and lowered in lexicon.kecamatan_names))


def _surface(text: str, tokens: list[Token], found: _Found) -> str:
    return text[tokens.start(found.name_start):tokens.end(found.name_end - 1)]


def merge_mentions(items: list[tuple[str, str | None, str]]) -> list[OfficialMention]:
    """One mention per person: a one-word name joins the longer name it is part of; the role held now wins, then
    the longest."""
    mentions: dict[str, OfficialMention] = {}
    for name, role, surface in items:
        if name not in mentions and len(mentions) >= MAX_OFFICIALS:
            continue  # a list longer than any article's: merging costs the square of its length
        mention = mentions.setdefault(name, OfficialMention(name, role))
        mention.role = _shown_role(role, mention.role)
        if surface not in mention.surfaces:
            mention.surfaces.append(surface)
    for short in [name for name in mentions if " " not in name]:
        longer = [name for name in mentions if name != short and short in name.split()]
        if len(longer) == 1:
            target, source = mentions[longer[0]], mentions.pop(short)
            target.role = _shown_role(source.role, target.role)
            target.surfaces.extend(s for s in source.surfaces if s not in target.surfaces)
    return list(mentions.values())


def find_persons(tokens: Tokens, material: set[int], officials: list[OfficialMention],
                 lexicon: Lexicon) -> list[str]:
    """Other people named: after a verb of saying (`kata Desi`) or with an age (`Kariadi (50)`).

    They stay searchable as text and are never a facet; names that belong to an official are left out."""
    reader = _Reader("", tokens, material, lexicon)
    official_words = {word for official in officials for word in official.name.split()}
    found: list[str] = []
    verbs = lexicon.attribution_verbs
    cue_words = _with_words(verbs, AGE_OPENERS)
    candidates = tokens.where(cue_words)
    for i in candidates:
        token = tokens[i]
        start = end = None
        if token.text in verbs and i + 1 < len(tokens) and reader.is_name_word(i + 1):
            start = i + 1
            end = reader.name_words_from(start, PERSON_NAME_WORDS)
        elif (token.text == "(" and i > 0 and i + 2 < len(tokens) and tokens[i + 1].text.isdigit()
              and tokens[i + 2].text == ")" and reader.is_name_word(i - 1)):
            end = i
            start = i - 1
            while start > 0 and reader.is_name_word(start - 1) and end - start < 4:
                start -= 1
        if start is None:
            continue
        words = [t.text for t in tokens[start:end]]
        name = " ".join(words)
        if not set(words) & official_words and name not in found:
            found.append(name)
            if len(found) >= MAX_PERSONS:
                break  # quotes compare every attribution with every person named
    return found
