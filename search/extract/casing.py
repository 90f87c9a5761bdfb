"""Text written in capitals, written again in the case news uses, so that posts, names and bodies in it are read
as in any other sentence. Regional government sites and local papers shout the parts they stress:
`WALI KOTA LHOKSEUMAWE T. ZULKARNAINI USMAN, S.T., mengatakan …`, `PEMERINTAH KABUPATEN (PEMKAB) SAMOSIR`.

Only a run of capitals with two shouted words or more, one of them a word of posts, titles or bodies, is rewritten:
`KPK RI`, `DPRD OKI` are acronyms; `HEART BEAT`, a film's name, and `TENGGARONG, KOMPAS.com -`, a dateline, name
no post; words in capitals inside quotation marks are someone's emphasis, and stay. In a run, each word is
written as the extractor's word lists write it (`BUPATI` → `Bupati`, `PJ` → `Pj`, `DAN` → `dan`, `S.SOS.` →
`S.Sos.`, `AKBP` stays), an acronym stays in capitals (an agency's `DPRK`, a word of no vowel: `WH`, a domain's
`SUMUTPOS.CO`), and any other word is capitalised (`KARANGANYAR` → `Karanganyar`). The text keeps its length and
every character's place: only letters' case changes."""

from __future__ import annotations

import re
from bisect import bisect_right

# A word in capitals: letters (and the full stops of a degree or an initial: `S.T.`, `T.`), no lower-case letter.
# `KOMPAS.com` is a domain's word, not one in capitals.
# A word starts after no letter and no letter's full stop or apostrophe, and gives nothing back: linear time.
CAPITAL_WORD = re.compile(
    r"(?<![^\W\d_])(?<![^\W\d_][.'’])[^\W\d_a-z]++(?:[.'’][^\W\d_a-z]++)*+\.?+(?![^\W\d_])(?!\.\w)")
# What may stand between two words of one run: spaces, commas, brackets, dashes (`PP-WH`).
RUN_GAP = re.compile(r"[\s,()\-–—]*")
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')
# A cheap first look: two words of three capitals or more, close together; most texts have none.
# It starts only where a word does and never gives letters back: a megabyte of capitals is read once.
TWO_SHOUTED_WORDS = re.compile(r"(?<![A-Z.])[A-Z]{3}[A-Z.]*+[\s,()\-]++[A-Z]{3}")
SENTENCE_END = re.compile(r"[.!?]\s|\n")
WORD = re.compile(r"[^\W\d_]+\.?")
LOOK_BEHIND = 160  # characters before a run looked at for a post, in its sentence
LOOK_AHEAD = 8  # characters after it looked at for the next word
MIN_SHOUTED_WORDS = 2  # a run with fewer words to rewrite is an acronym's or a dateline's
MIN_SHOUTED_LENGTH = 3  # letters of a word that counts as shouted
MAX_PLAIN_ACRONYM = 3  # a word this short that no list knows stays in capitals (`IPB`, `MWA`)
VOWELS = frozenset("AEIOUY")


def unshouted(text: str, written: dict[str, str], post_words: frozenset[str]) -> str:
    """`text` with each run of shouted words in the case news uses. `written` maps a word's case-folded form to
    how the word lists write it (Lexicon.written_forms); `post_words` are the case-folded words that name a post,
    a title or a body (Lexicon.post_word_forms)."""
    if not TWO_SHOUTED_WORDS.search(text):
        return text
    quoted = [(match.start(), match.end()) for match in QUOTED.finditer(text)]
    quote_starts = [open_ for open_, _ in quoted]
    pieces: list[str] = []
    done = 0
    for start, end in _runs(text):
        before = bisect_right(quote_starts, start) - 1
        if before >= 0 and start < quoted[before][1]:
            continue
        words = [(match.start(), match.end()) for match in CAPITAL_WORD.finditer(text, start, end)]
        recased = [(s, e, _as_news_writes(text[s:e], written)) for s, e in words]
        if (sum(_is_shouted(text[s:e], new) for s, e, new in recased) < MIN_SHOUTED_WORDS
                or not (any(text[s:e].casefold() in post_words for s, e, _ in recased)
                        or _after_a_post(text, start, end, post_words))):
            continue
        for s, e, new in recased:
            pieces.append(text[done:s])
            pieces.append(new)
            done = e
    pieces.append(text[done:])
    return "".join(pieces)


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


def _as_news_writes(word: str, written: dict[str, str]) -> str:
    """One capital word as news writes it: as a word list writes it, else an acronym in capitals, else
    capitalised. Never a change of length."""
    known = written.get(word.casefold())
    if known is not None:
        return known if len(known) == len(word) else word
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) <= MAX_PLAIN_ACRONYM or not VOWELS.intersection(letters) or "." in word.rstrip("."):
        return word
    capitalised = word[:1] + word[1:].lower()
    return capitalised if len(capitalised) == len(word) else word
