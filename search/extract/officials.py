"""Find officials: a role (position word, then role words and agencies), then a name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import stem_word
from .lexicon import DAYS, MONTHS, Lexicon
from .tokens import QUOTES, SENTENCE_END, Token

MAX_NAME_WORDS = 5
MAX_PARENTHESIS_TOKENS = 8
CLAUSE_END = SENTENCE_END | QUOTES | {";", ":", "(", ")"}
CALENDAR_WORDS = frozenset(DAYS + MONTHS + ("Jum'at",))
APPOSITIVE_MARKERS = frozenset({",", "sebagai"})
ROMAN_NUMERAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")


def is_derived_word(text: str) -> bool:
    """`Pertahanan`, `Bersenjata`, `Kepresidenan`: an affixed Indonesian word, part of a role, never a name.

    Sastrawi only strips affixes when what remains is a dictionary root; names come back unchanged."""
    word = text.lower()
    return word.isalpha() and len(word) > 4 and stem_word(word) != word


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


class _Reader:
    """Reads one article's tokens; `material` marks tokens inside agency and region names."""

    def __init__(self, text: str, tokens: list[Token], material: set[int], lexicon: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.material = material
        self.lex = lexicon

    # -- token classes -------------------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def is_head(self, i: int) -> bool:
        token = self.tokens[i]
        return token.is_capitalised and token.text in self.lex.positions and i not in self.material

    def is_title(self, i: int) -> bool:
        text = self.tokens[i].text
        if self.is_initial(i):
            return False
        return text in self.lex.person_prefixes or text in self.lex.ranks

    def is_initial(self, i: int) -> bool:
        """`Oded M. Danial`: a one-letter abbreviation right after a name word is an initial, not a title."""
        text = self.tokens[i].text
        if len(text) != 2 or not text.endswith(".") or i == 0:
            return False
        previous = self.tokens[i - 1]
        return (previous.is_capitalised and i - 1 not in self.material and not previous.is_acronym
                and previous.text not in self.lex.role_words and previous.text not in self.lex.positions
                and previous.text not in self.lex.person_prefixes and previous.text not in self.lex.ranks)

    def is_degree(self, i: int) -> bool:
        text = self.tokens[i].text
        return text in self.lex.degree_suffixes or text.rstrip(".") + "." in self.lex.degree_suffixes

    def is_name_word(self, i: int) -> bool:
        token = self.tokens[i]
        if not token.is_capitalised or i in self.material:
            return False
        text = token.text
        if (token.is_acronym and len(text.rstrip(".")) > 2) or ROMAN_NUMERAL.match(text):
            return False
        if is_derived_word(text):
            return False
        return not (text in self.lex.role_words or text in self.lex.positions or text in self.lex.not_names or self.is_title(i)
                    or self.is_degree(i) or text in CALENDAR_WORDS or text.lower() in self.lex.stopwords)

    def is_particle(self, i: int) -> bool:
        return self.tokens[i].text in self.lex.particles

    # -- clauses -------------------------------------------------------------------------------
    def clause_end(self, start: int, head: int) -> int:
        """Where the role-and-name clause that begins at `start` stops."""
        i = start
        titled = False
        while i < len(self.tokens):
            token = self.tokens[i]
            if token.text == "(" and i > head:
                close = self._closing(i)
                if close is None:
                    return i
                i = close + 1
                continue
            if token.text == "," or token.text in CLAUSE_END:
                return i
            if self.is_title(i):
                titled = True
            if not token.is_word:
                if token.text in {"-", "/", "&"}:
                    i += 1
                    continue
                return i
            if token.text in self.lex.connectors:
                following = i + 1
                if following >= len(self.tokens) or not self.tokens[following].is_capitalised or self.is_head(following):
                    return i
            elif not token.is_capitalised and not self._inner_lowercase(i, titled):
                return i
            elif i > head and self.is_head(i) and self.word(i - 1) in self.lex.connectors:
                return i - 1
            i += 1
        return i

    def _inner_lowercase(self, i: int, titled: bool) -> bool:
        """`Erwan agus Purwanto`: a lower-case word inside a name introduced by a title."""
        if self.is_particle(i):
            return True
        return (titled and self.tokens[i].is_word and self.tokens[i].text.isalpha()
                and self.tokens[i].text not in self.lex.stopwords
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
            name_end = name_start
            while name_end < end and (self.is_name_word(name_end) or self.is_particle(name_end)
                                      or self._inner_lowercase(name_end, True)):
                name_end += 1
            if name_end > name_start and name_end - name_start <= MAX_NAME_WORDS:
                return name_start, name_end
        name_end = end
        if self.word(name_end - 1) == ")":  # "Presiden Joko Widodo (Jokowi)": the name is before the aside
            opening = next((i for i in range(name_end - 2, max(start, name_end - MAX_PARENTHESIS_TOKENS) - 1, -1)
                            if self.word(i) == "("), None)
            if opening is not None:
                name_end = opening
        while name_end > start and self.word(name_end - 1) in self.lex.connectors:
            name_end -= 1
        name_start = name_end
        while name_start > head + 1 and (self.is_name_word(name_start - 1) or
                                         (self.is_particle(name_start - 1) and name_start < name_end)):
            name_start -= 1
        if name_start < name_end and name_end - name_start <= MAX_NAME_WORDS and self.is_name_word(name_start):
            return name_start, name_end
        return None

    def read_official(self, head: int) -> tuple[_Found | None, int]:
        """Read a role from a position word and the name that follows; return it and where to go on."""
        start = head
        while True:
            end = self.clause_end(start, head)
            name = self.name_in(head, start, end)
            if name is not None and self._title_follows(end):
                start = end + 1  # "Kapolres Boyolali, AKBP Aries Andhi": the name comes after the rank
                continue
            if name is not None:
                return _Found(name[0], name[1], self.role_text(head, name[0])), name[1]
            following = end + 1
            if (self.word(end) == "," and following < len(self.tokens)
                    and self.tokens[following].is_capitalised and not self.is_head(following)):
                start = following
                continue
            return None, head + 1

    def _title_follows(self, end: int) -> bool:
        return self.word(end) == "," and end + 1 < len(self.tokens) and self.is_title(end + 1)

    def role_text(self, head: int, name_start: int) -> str | None:
        pieces: list[str] = []
        i = head
        while i < name_start:
            token = self.tokens[i]
            if token.text == "(":
                close = self._closing(i)
                if close is not None and close < name_start:
                    i = close + 1
                    continue
            if self.is_title(i) and i > head and all(self.is_title(k) for k in range(i, name_start)):
                break
            pieces.append(token.text)
            i += 1
        role = " ".join(pieces).replace(" ,", ",").replace(" - ", "-").replace(" / ", "/").strip(" ,")
        return role or None

    def appositive_at(self, i: int) -> _Found | None:
        """`Khofifah Indar Parawansa, Gubernur Jatim …` or `Khofifah Indar Parawansa sebagai Gubernur …`:
        a name of two words or more, then its role."""
        if self.word(i) not in (",", "sebagai") or i + 1 >= len(self.tokens) or not self.is_head(i + 1):
            return None
        start = i
        while start > 0 and self.is_name_word(start - 1) and i - start < MAX_NAME_WORDS:
            start -= 1
        if i - start < 2 or (start > 0 and self.is_name_word(start - 1)):
            return None  # one word is too little to know it is a name; a longer run is not one name
        head = i + 1
        end = self.clause_end(head, head)
        if self.name_in(head, head, end) is not None:
            return None  # the role has a name of its own: "…, Kapolres Sampang AKBP Siswantoro"
        role = self.role_text(head, end)
        return _Found(start, i, role) if role else None

    def listed_after(self, name_end: int) -> list[_Found]:
        """`…Badruzzaman, Muhadi, Kabag Organisasi…`: bare names listed between two officials."""
        found = []
        position = name_end
        while self.word(position) == ",":
            start = position + 1
            end = start
            while end < len(self.tokens) and self.is_name_word(end) and end - start < 3:
                end += 1
            if end == start or self.word(end) not in {",", "dan"}:
                break
            if not (end + 1 < len(self.tokens) and self.is_head(end + 1)):
                break
            found.append(_Found(start, end, None))
            position = end
        return found


def find_officials(text: str, tokens: list[Token], material: set[int], lexicon: Lexicon) -> list[OfficialMention]:
    reader = _Reader(text, tokens, material, lexicon)
    found: list[_Found] = []
    positions = lexicon.positions
    cues = [i for i, token in enumerate(tokens) if token.text in APPOSITIVE_MARKERS or token.text in positions]
    resume = 0  # tokens before this were read as part of an official already
    for i in cues:
        if tokens[i].text in APPOSITIVE_MARKERS:
            appositive = reader.appositive_at(i)
            if appositive is not None:
                found.append(appositive)
        if i < resume or not reader.is_head(i):
            continue
        official, resume = reader.read_official(i)
        if official is not None:
            found.append(official)
            listed = reader.listed_after(official.name_end)
            found.extend(listed)
            if listed:
                resume = listed[-1].name_end
    found = [f for f in found if not _is_non_public_role(f.role, lexicon)]
    mentions = merge_mentions([(lexicon.person_aliases.get(name, name), f.role, _surface(text, tokens, f))
                               for f in found for name in [plausible_name(normalise_name(tokens, f, lexicon),
                                                                          lexicon)] if name])
    add_bare_mentions(mentions, tokens, lexicon)
    return mentions


def add_bare_mentions(mentions: list[OfficialMention], tokens: list[Token], lexicon: Lexicon) -> None:
    """`ungkap Suhajar`: a first or last name standing alone later joins the official it belongs to."""
    if not mentions:
        return
    owners: dict[str, list[OfficialMention]] = {}
    for mention in mentions:
        words = [w for w in mention.name.split() if len(w) > 2 and w not in lexicon.particles]
        if len(words) >= 2:
            for word in {words[0], words[-1]}:
                owners.setdefault(word, []).append(mention)
    for i in [i for i, token in enumerate(tokens) if token.text in owners]:
        token = tokens[i]
        candidates = owners[token.text]
        if len(candidates) != 1:
            continue
        mention = candidates[0]
        name_words = set(mention.name.split())
        neighbours = {tokens[j].text for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if not neighbours & name_words and token.text not in mention.surfaces:
            mention.surfaces.append(token.text)


def _is_non_public_role(role: str | None, lexicon: Lexicon) -> bool:
    """`Dirut PT Angkasa Pura II`, `Wakil Sekretaris Tim Kampanye Nasional`: not public office."""
    return bool(role) and any(word.strip(",.()") in lexicon.non_public_roles for word in role.split())


def normalise_name(tokens: list[Token], found: _Found, lexicon: Lexicon) -> str:
    words = []
    for token in tokens[found.name_start:found.name_end]:
        text = token.text
        if text in lexicon.particles:
            words.append(text)
        elif text.islower() or (text.isupper() and len(text) > 2):
            words.append(text[:1].upper() + text[1:].lower())
        else:
            words.append(text)
    return " ".join(words)


def plausible_name(name: str, lexicon: Lexicon) -> str | None:
    """The name as a facet value, or None when it cannot be a person's: a lone two- or three-letter acronym
    (`Ketua RW` gives `RW`), or a place (`Tanah Abang`, `Tangsel`). A first word repeated at the end, as
    in `Prabowo Subianto Prabowo` (the name, then the start of the next sentence), is dropped."""
    words = name.split()
    if len(words) >= 3 and words[-1] == words[0]:
        words = words[:-1]
    if len(words) == 1 and words[0].isupper() and len(words[0].rstrip(".")) <= 3:
        return None
    if _is_place(" ".join(words).lower(), lexicon):
        return None
    return " ".join(words)


def _is_place(lowered: str, lexicon: Lexicon) -> bool:
    """A region, a country, or a kecamatan named in two or more words (one-word kecamatan names are
    also people's names too often to judge by)."""
    return (lowered in lexicon.cities_by_name or lowered in lexicon.region_alias_names
            or lowered in lexicon.country_names or (" " in lowered and lowered in lexicon.kecamatan_names))


def _surface(text: str, tokens: list[Token], found: _Found) -> str:
    return text[tokens[found.name_start].start:tokens[found.name_end - 1].end]


def merge_mentions(items: list[tuple[str, str | None, str]]) -> list[OfficialMention]:
    """One mention per person: a one-word name joins the longer name it is part of; the longest role wins."""
    mentions: dict[str, OfficialMention] = {}
    for name, role, surface in items:
        mention = mentions.setdefault(name, OfficialMention(name, role))
        if role and (mention.role is None or len(role) > len(mention.role)):
            mention.role = role
        if surface not in mention.surfaces:
            mention.surfaces.append(surface)
    for short in [name for name in mentions if " " not in name]:
        longer = [name for name in mentions if name != short and short in name.split()]
        if len(longer) == 1:
            target, source = mentions[longer[0]], mentions.pop(short)
            if source.role and (target.role is None or len(source.role) > len(target.role)):
                target.role = source.role
            target.surfaces.extend(s for s in source.surfaces if s not in target.surfaces)
    return list(mentions.values())


def find_persons(tokens: list[Token], material: set[int], officials: list[OfficialMention],
                 lexicon: Lexicon) -> list[str]:
    """Other people named: after a verb of saying (`kata Desi`) or with an age (`Kariadi (50)`).

    They stay searchable as text and are never a facet; names that belong to an official are left out."""
    reader = _Reader("", tokens, material, lexicon)
    official_words = {word for official in officials for word in official.name.split()}
    found: list[str] = []
    verbs = lexicon.attribution_verbs
    candidates = [i for i, token in enumerate(tokens) if token.text in verbs or token.text == "("]
    for i in candidates:
        token = tokens[i]
        start = end = None
        if token.text in verbs and i + 1 < len(tokens) and reader.is_name_word(i + 1):
            start = end = i + 1
            while end < len(tokens) and reader.is_name_word(end) and end - start < 4:
                end += 1
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
    return found
