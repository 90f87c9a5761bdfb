"""Text written in capitals, written again in the case news uses, so that posts, names and bodies in it are read
as in any other sentence. Regional government sites and local papers shout the parts they stress:
`WALI KOTA LHOKSEUMAWE T. ZULKARNAINI USMAN, S.T., mengatakan …`, `PEMERINTAH KABUPATEN (PEMKAB) SAMOSIR`.

Only a run of capitals with two shouted words or more, one of them a word of posts, titles or bodies, is rewritten:
`KPK RI`, `DPRD OKI` are acronyms; `HEART BEAT`, a film's name, and `TENGGARONG, KOMPAS.com -`, a dateline, name
no post; words in capitals inside quotation marks are someone's emphasis, and stay. In a run, each word is
written as the extractor's word lists write it (`BUPATI` → `Bupati`, `PJ` → `Pj`, `DAN` → `dan`, `S.SOS.` →
`S.Sos.`, `AKBP` stays), else as the text itself writes it elsewhere (`ERI` → `Eri` where it writes `kata Eri`);
a sentence's last word as without its full stop; a region's name (of two words too: `JAWA TENGAH`) and a given
name that is also a word are capitalised (`BATU`, `AGUNG`), an ordinary or affixed word is in lower case (`TURUT
MENDAMPINGI` → `turut mendampingi`, `PUN` → `pun`); a word no Indonesian word is spelled like
(`UPTD`, `KPUD`, `PGRI`: clusters of consonants no word opens or holds), one of no vowel (`WH`), a domain's
(`SUMUTPOS.CO`) and one of three letters stay in capitals, unless the three letters read as a word and stand
beside a name (`ERI CAHYADI`, `DWI NUR ALI`); any other word is capitalised (`KARANGANYAR` → `Karanganyar`). The
text keeps its length and every character's place: only letters' case changes."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..cleaning import indonesian_roots
from .lexicon import Lexicon
from .officials import is_derived_word

# A word in capitals: letters (and the full stops of a degree or an initial: `S.T.`, `T.`), no lower-case letter.
# `KOMPAS.com` is a domain's word, not one in capitals.
# A word starts after no letter and no letter's full stop or apostrophe, and gives nothing back: linear time.
CAPITAL_WORD = re.compile(
    r"(?<![^\W\d_])(?<![^\W\d_][.'’])[^\W\d_a-z]++(?:[.'’][^\W\d_a-z]++)*+\.?+(?![^\W\d_])(?!\.\w)")
# What may stand between two words of one run: spaces, commas, brackets, dashes (`PP-WH`), a unit's number before
# its place (`DANDIM 0732/SLEMAN`).
RUN_GAP = re.compile(r"[\s,()\-–—]*(?:\d+/)?")
QUOTE_MARK = re.compile(r'["“”\n]')
# A cheap first look: two words of three capitals or more, close together; most texts have none.
# It starts only where a word does and never gives letters back: a megabyte of capitals is read once.
# A capital comes first (the engine then jumps from capital to capital), then the check that none stands before it.
TWO_SHOUTED_WORDS = re.compile(r"[A-Z](?<![A-Z.][A-Z])[A-Z]{2}[A-Z.]*+[\s,()\-]++[A-Z]{3}")
SENTENCE_END = re.compile(r"[.!?]\s|\n")
OWN_WORD = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{2,}+(?![^\W\d_])")
WORD = re.compile(r"[^\W\d_]+\.?")
LOOK_BEHIND = 160  # characters before a run looked at for a post, in its sentence
LOOK_AHEAD = 8  # characters after it looked at for the next word
MIN_SHOUTED_WORDS = 2  # a run with fewer words to rewrite is an acronym's or a dateline's
MIN_SHOUTED_LENGTH = 3  # letters of a word that counts as shouted
MAX_PLAIN_ACRONYM = 3  # a word this short that no list knows stays in capitals (`IPB`, `MWA`), unless by a name
VOWELS = frozenset("AEIOUY")
VOWEL_LETTERS = frozenset("aeiou")
# Two consonants that open Indonesian words and names (`Sri`, `Dwi`, `Pramono`, `Syahrul`, the old `Djoko`); others
# (`KP`, `PG`, `SM`) open acronyms.
ONSETS = frozenset("bl br dj dr dw fl fr gl gr kh kl kr lh mb nd nj ny ph pl pr ps sj sk sl sp sr st sw sy th tj tr ts"
                   .split())
# Two consonants that end a word or a name (`Tobing`, `Bernard`, `Robert`); others (`TD`, `PB`, `GM`) end acronyms.
CODAS = frozenset("ch ck ft gh kh ks ld lt nd ng nk ns nt rd rk rn rs rt sh st th".split())
# Three consonants inside a word, a digraph counted as one (`Instruksi`, `Bangkit`); others (`PTD`, `PGR`) are an
# acronym's.
TRIPLES = frozenset("ktr mbr mpr nct ndr nkr nsk nst ntr rtr str".split())
# One consonant each (`Afdhal`, `Ningrum`), read as `c`; a last `y` is a vowel (`Jonny`).
DIGRAPHS = re.compile("ng|ny(?=.)|sy(?=.)|kh|dh|gh|th|ts|ch|sh")
MAX_CASING_PASSES = 3  # `DWI NUR ALI`: a three-letter name beside another, each pass reaching one word further


def unshouted(text: str, lexicon: Lexicon) -> str:
    """`text` with each run of shouted words in the case news uses (the lexicon's word lists: Lexicon.written_forms,
    post_word_forms, common_words, word_names and the regions' names)."""
    if not TWO_SHOUTED_WORDS.search(text):
        return text
    quoted: list[tuple[int, int]] | None = None  # read when a run of two words asks, as only some texts do
    own: dict[str, str] | None = None  # read when a run is rewritten
    pieces: list[str] = []
    done = 0
    for start, end in _runs(text):
        words = [(match.start(), match.end()) for match in CAPITAL_WORD.finditer(text, start, end)]
        if sum(e - s >= MIN_SHOUTED_LENGTH for s, e in words) < MIN_SHOUTED_WORDS:
            continue  # `KPK`, `PT KAI`: most runs have not two words long enough to be shouted (`_is_shouted`)
        if quoted is None:
            quoted = _quoted_spans(text)
            quote_starts = [open_ for open_, _ in quoted]
        before = bisect_right(quote_starts, start) - 1
        if before >= 0 and start < quoted[before][1]:
            continue
        if not (any(text[s:e].casefold() in lexicon.post_word_forms for s, e in words)
                or _after_a_post(text, start, end, lexicon.post_word_forms)):
            continue  # asked first: it is cheaper than rewriting the run's words
        if own is None:
            own = _own_spellings(text)
        after_comma = [k > 0 and "," in text[words[k - 1][1]:s] for k, (s, _) in enumerate(words)]
        recased = _run_as_news_writes([text[s:e] for s, e in words], own, lexicon, after_comma)
        if sum(_is_shouted(text[s:e], new) for (s, e), new in zip(words, recased)) < MIN_SHOUTED_WORDS:
            continue
        for (s, e), new in zip(words, recased):
            pieces.append(text[done:s])
            pieces.append(new)
            done = e
    pieces.append(text[done:])
    return "".join(pieces)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation (`"…"`, `“…”`) closed on its line, found in one pass over the quotation
    marks: an opening `“` never closed costs no look to the line's end."""
    spans: list[tuple[int, int]] = []
    straight = curly = None
    for mark in QUOTE_MARK.finditer(text):
        char, at = mark[0], mark.start()
        if char == "\n":
            straight = curly = None
        elif char == '"':
            if straight is None:
                straight = at
            else:
                spans.append((straight, at + 1))
                straight = None
        elif char == "“":
            curly = at if curly is None else curly
        elif curly is not None:
            spans.append((curly, at + 1))
            curly = None
    return sorted(spans)


def _own_spellings(text: str) -> dict[str, str]:
    """How the text writes its capitalised words outside capitals (`Eri` in `kata Eri`), by case-folded form."""
    return {word.casefold(): word for word in OWN_WORD.findall(text)}


def _runs(text: str):
    """(start, end) of each run of capital words with only gaps between them."""
    run_start = run_end = None
    for match in CAPITAL_WORD.finditer(text):
        if run_end is not None and RUN_GAP.fullmatch(text, run_end, match.start()):
            run_end = match.end()
            continue
        if run_start is not None:
            yield run_start, run_end
        run_start, run_end = match.start(), match.end()
    if run_start is not None:
        yield run_start, run_end


def _is_shouted(word: str, new: str) -> bool:
    """A word of the run that news writes otherwise than in capitals."""
    return new != word and sum(ch.isalpha() for ch in word) >= MIN_SHOUTED_LENGTH


def _after_a_post(text: str, start: int, end: int, post_words: frozenset[str]) -> bool:
    """`Kasatpol PP-WH Lhokseumawe, RIZAL AFDHAL, menyebut …`: a post's words in the sentence before the run
    (its holder's name shouted alone), and no capitalised word right after it (`Presiden NICE APAC Darren …`: a
    company's name in capitals, its president's after it)."""
    after = text[end:end + LOOK_AHEAD].lstrip()
    if after[:1].isupper():
        return False
    before = SENTENCE_END.split(text[max(0, start - LOOK_BEHIND):start])[-1]
    return any(word.casefold() in post_words for word in WORD.findall(before))


def _run_as_news_writes(words: list[str], own: dict[str, str], lexicon: Lexicon,
                        after_comma: list[bool] | None = None) -> list[str]:
    """The words of one run as news writes them; a three-letter word kept in capitals that reads as a word,
    beside a name, is a name's (`ERI CAHYADI`); an ordinary word after a comma, no name after it, is a
    sentence's (`KATA BUPATI, CUACA EKSTREM …`: `cuaca`, not a name the post's). No word changes its length
    (`ERİ` lowered is four characters: it stays)."""
    recased = [_as_news_writes(word, own, lexicon) for word in words]
    for i in range(1, len(words)):  # `JAWA TENGAH`, `SUNGAI PENUH`: a region's second word is no ordinary word
        pair = f"{words[i - 1]} {words[i]}".casefold().rstrip(".")
        if recased[i].islower() and pair in lexicon.region_names:
            recased[i] = recased[i][:1].upper() + recased[i][1:]
    for _ in range(MAX_CASING_PASSES):
        names = [_reads_as_a_name(word, new, lexicon) for word, new in zip(words, recased)]
        changed = False
        for i, (word, new) in enumerate(zip(words, recased)):
            beside_a_name = (i > 0 and names[i - 1]) or (i + 1 < len(words) and names[i + 1])
            if (new == word and beside_a_name and _unknown_short_word(word, lexicon)
                    and _spelled_as_a_word(word) and len(word[1:].lower()) == len(word) - 1):
                recased[i] = word[:1] + word[1:].lower()
                changed = True
        if not changed:
            break
    names = [_reads_as_a_name(word, new, lexicon) for word, new in zip(words, recased)]
    for i, word in enumerate(words):
        if (after_comma and after_comma[i] and names[i] and not (i + 1 < len(words) and names[i + 1])
                and _ordinary_word(word, lexicon)):
            recased[i] = word.lower()
    return [new if len(new) == len(word) else word for word, new in zip(words, recased)]


def _ordinary_word(word: str, lexicon: Lexicon) -> bool:
    """A root word of the language (Sastrawi's list: `CUACA`) that is no given name the lists know and no
    region's name."""
    folded = word.casefold()
    return (folded in indonesian_roots() and word[:1] + word[1:].lower() not in lexicon.word_names
            and folded not in lexicon.cities_by_name and folded not in lexicon.region_names)


def _unknown_short_word(word: str, lexicon: Lexicon) -> bool:
    """Three letters no word list knows (not `DIY`, an alias of a province, nor `CEO`, a post, nor `PUN`, a word)."""
    folded = word.casefold()
    return (len(word) == MAX_PLAIN_ACRONYM and word.isalpha() and folded not in lexicon.written_forms
            and folded not in lexicon.post_word_forms and folded not in lexicon.common_words
            and folded not in lexicon.stopwords)


def _reads_as_a_name(word: str, new: str, lexicon: Lexicon) -> bool:
    """A word the run writes capitalised that names no post, title or body: a name's (or a place's)."""
    return new != word and new[:1].isupper() and new[1:].islower() and word.casefold() not in lexicon.post_word_forms


def _as_news_writes(word: str, own: dict[str, str], lexicon: Lexicon) -> str:
    """One capital word as news writes it (the module's docstring says in which order). Never a change of length."""
    folded = word.casefold()
    known = lexicon.written_forms.get(folded) or own.get(folded)
    if known is not None:
        return known if len(known) == len(word) else word
    if word.endswith(".") and "." not in word[:-1]:  # `MENINJAU.`: a sentence's last word, not an abbreviation
        return _as_news_writes(word[:-1], own, lexicon) + "."
    capitalised = word[:1] + word[1:].lower()
    if len(capitalised) != len(word) or len(folded) != len(word):
        return word
    if folded in lexicon.cities_by_name or capitalised in lexicon.word_names:  # `BATU`, `AGUNG`
        return capitalised
    if folded in lexicon.common_words or folded in lexicon.stopwords:  # `PUN`, `ITU`, `TURUT`
        return folded
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) <= MAX_PLAIN_ACRONYM or not VOWELS.intersection(letters) or "." in word.rstrip("."):
        return word
    if is_derived_word(folded):
        return folded
    return capitalised if _spelled_as_a_word(word) else word


def _spelled_as_a_word(word: str) -> bool:
    """Whether a word in capitals is spelled as Indonesian words and names are: no pair of consonants opening it
    that none opens, none ending it that none ends, no three together that no word holds (`UPTD`, `KPUD`, `PGRI`,
    `IPB` are not; `ERI`, `DWI`, `SUHERMAN` are)."""
    lowered = DIGRAPHS.sub("c", word.lower())  # `Afdhal`, `Syahrul`, `Ningrum`: a digraph is one consonant
    if not VOWEL_LETTERS.intersection(lowered):
        return False
    if len(lowered) >= 2 and not _vowel(lowered[0]) and not _vowel(lowered[1]) and lowered[:2] not in ONSETS:
        return False
    if len(lowered) >= 2 and not _vowel(lowered[-1]) and not _vowel(lowered[-2]) and lowered[-2:] not in CODAS:
        return False
    return not any(not (_vowel(a) or _vowel(b) or _vowel(c)) and a + b + c not in TRIPLES
                   for a, b, c in zip(lowered, lowered[1:], lowered[2:]))


def _vowel(letter: str) -> bool:
    return letter in VOWEL_LETTERS or letter == "y"
