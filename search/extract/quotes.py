"""Who said what: direct quotes between marks and reported (indirect) speech, each with its speaker.

A direct quote is a span between double marks that is speech: it has an attribution (`"…," kata X`,
`X mengatakan, "…"`) or stands as a sentence of its own after another quote. Marks around a few words
inside a sentence (a programme title, a slogan, a scare quote) are not quotes. An indirect quote is the
clause a verb of saying reports (`X mengatakan (bahwa) …`, `Menurut X, …`, `…, kata X, …`).

The speaker is the official's facet value when an extracted official said it, else the name as written,
else None. Pronouns (`ujarnya`, `kata dia`, `ia menambahkan`) go to the last speaker or sentence subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from .lexicon import Lexicon
from .officials import CALENDAR_WORDS, OfficialMention, _Reader, is_derived_word
from .tokens import Token, Tokens

MAX_SPEAKERS_KEPT = 100  # speakers remembered for widening later names: a real article quotes a few dozen at most,
# and every later attribution compares its name with each of them
DIRECT = "direct"
INDIRECT = "indirect"
OPEN, CLOSE, EITHER = "open", "close", "either"
DOUBLE_MARKS = frozenset('"“”„')
SENTENCE_MARKS = frozenset(".!?")
# Sets asked about in loops over tokens, made once.
TEXT_ENDINGS = SENTENCE_MARKS | DOUBLE_MARKS  # a sentence's last character, unless it is a heading
STANDALONE_ENDINGS = SENTENCE_MARKS | {","}  # the last character inside the marks of a quote of its own
ATTRIBUTION_STOPS = frozenset({",", ".", "\n"}) | DOUBLE_MARKS  # where an attribution's words stop
DESCRIPTION_STOPS = frozenset({".", "\n"}) | DOUBLE_MARKS  # where a description after a title stops
NAME_STOPS = frozenset({",", ".", ";", ":", "\n", "!", "?"}) | DOUBLE_MARKS  # where a name after a cue stops
BREAKS = frozenset('.!?\n"“”„')  # a token of one of these may end a sentence (no longer token starts with one)
MIN_STANDALONE_WORDS = 3  # a sentence of its own in marks, with no attribution, is speech from this long
MIN_CLAUSE_WORDS = 3  # a reported clause shorter than this is an object (`mengatakan hal itu`), not speech
SUBJECT_WINDOW = 8  # a name this many tokens into its sentence is the sentence's subject
SPEAKER_REACH = 40  # sentence subjects, and sentences with no quote, looked back through for who a pronoun is:
# an article of 10,000 nameless `Ia mengatakan hal itu.` walked back through all of them for each (trial 37)
REPLY_VERB_REACH = 2  # `Hendro langsung menjawab`: an adverb may stand between the name and its verb
SET_OFF_WINDOW = 20  # `General Manager Transportasi Blue Bird Areal Bali, Putu Gede Panca, …`: a set-off name
ADVERBIAL_WINDOW = 10  # `mengatakan kepada wartawan, …`: an aside before the clause, this long at most
PRONOUN_SUFFIX = "nya"
DESCRIPTION_WORDS = 12  # `kata sopir yang berasal dari Gresik, Jawa Timur itu`: a description this long at most
MIN_SHORT_NAME = 3  # `Alex` may stand for `Alexander`; `Al` may not
DATELINE_WORDS = 8  # `Kapanlagi.com - Brandon …`, `Semarang (ANTARA News) - …`: a dateline this long at most
DASHES = frozenset("-–—")
ACTIVE_PREFIXES = ("me", "ber")  # the active voice's prefixes: `menanggapi`, `berharap`
NICKNAME_REACH = 60  # characters between a nickname and the phrase that gives it
NAME_WORDS = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
NAME_WORDS_AT_END = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*$")
WORD = re.compile(r"\w+")
# What a quote says of someone (`Adhy`, `Karyono`): a capital with no word character before it, then two
# word characters or more (`\b[A-Z]\w{2,}`, the capital first so that the engine jumps from capital to capital).
NAME_LIKE_WORD = re.compile(r"[A-Z](?<!\w[A-Z])\w{2,}")


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    text: str
    kind: str  # DIRECT | INDIRECT
    cue: str | None  # the attribution word as written: `ujarnya`, `mengatakan`, `Menurut`
    start: int = 0  # the text's place in the string it was found in
    end: int = 0
    by_pronoun: bool = False  # the speaker was resolved from a pronoun or from the context

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "kind": self.kind, "cue": self.cue}


class _Span(NamedTuple):  # a tuple: made for every pair of marks of every article
    """A stretch between two double marks: `open` and `close` are the marks' offsets (close may be the
    paragraph's end when the quote runs on without a closing mark)."""

    open: int
    close: int
    closed: bool


class _Who(NamedTuple):  # a tuple: made for every attribution read
    name: str | None
    by_pronoun: bool = False


class _Article:
    """One text being read for quotes: its tokens, sentences, names and the speakers seen so far."""

    def __init__(self, text: str, tokens: Tokens, officials: list[OfficialMention], persons: list[str],
                 lexicon: Lexicon, material: set[int], bounds: tuple[int, int]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = tokens.starts
        self.lex = lexicon
        self.reader = _Reader(text, tokens, material, lexicon)
        self.material = material
        self.first, self.last = self.token_at(bounds[0]), self.token_at(bounds[1])  # the body's tokens
        inside = (tokens.start(self.first), tokens.end(self.last - 1)) if self.last > self.first else (0, 0)
        self.inside = inside
        self.spans = find_spans(text, *inside)
        self.quoted = _Mask(self.spans)
        self._officials, self._persons = officials, persons
        # Found by one look at each of the body's tokens, kept sorted: extraction runs on every article.
        triggers = lexicon.quote_triggers  # `mengatakan`, `kata`, `menurut`: where a report may open
        self.triggers = tokens.where_lower(triggers, self.first, self.last)
        self.speaker_words: dict[int, bool] = {}
        self.history: list[tuple[int, int, str | None]] = []  # (offset, turn, speaker): who spoke, by offset
        self.quiet: list[tuple[int, int]] = []  # sentences without a quote that open with a capital
        self.quiet_subjects: dict[tuple[int, int], str | None] = {}
        self.fuller_names: dict[str, str | None] = {}
        self.said: dict[str, list[str]] = {}  # speaker -> what they said, read for names only if asked
        self.said_words: dict[str, tuple[int, set[str]]] = {}  # speaker -> (texts read, their name-like words)

    def may_quote(self) -> bool:
        """A quote needs marks or a word of saying: an article with neither is not read further."""
        return bool(self.spans or self.triggers)

    # Read only when a quote may be there, and then only what the quotes found so far ask for.
    @cached_property
    def names(self) -> _NameIndex:
        heads = self.lex.organisation_heads
        persons = [p for p in _without_connectives(self._persons, self.lex) if p.split()[0] not in heads]
        officials = [o for o in self._officials if o.name.split()[0] not in heads]
        return _NameIndex(self.text, officials, persons, self.quoted, self.inside, self.lex.person_aliases,
                          self.lex.person_prefixes | self.lex.address_forms, self.lex.spelling_variants)

    @cached_property
    def nicknames(self) -> dict[str, tuple[int, str | None]]:
        return _nicknames(self.text, self.lex.nickname_cues, self.inside)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return list(self.sentence_ranges)

    @cached_property
    def sentence_ranges(self) -> dict[tuple[int, int], range]:
        """Each sentence's tokens, kept as the sentences are split (each is asked for them a few times)."""
        return self.split_sentences()

    def reporting_sentences(self) -> set[tuple[int, int]]:
        """The sentences holding a word that may open a report: each trigger's sentence, by binary search."""
        ranges = list(self.sentence_ranges.items())
        openings = [tokens.start for _, tokens in ranges]
        found = set()
        for i in self.triggers:
            at = bisect_right(openings, i) - 1
            if at >= 0 and i < ranges[at][1].stop:
                found.add(ranges[at][0])
        return found

    def tokens_of(self, sentence: tuple[int, int]) -> range:
        """The tokens of a sentence of the article (of any stretch, found by their offsets)."""
        found = self.sentence_ranges.get(sentence)
        return self.tokens_between(*sentence) if found is None else found

    @cached_property
    def breaks(self) -> list[int]:
        """The body's tokens that may end a sentence."""
        return self.tokens.where(BREAKS, self.first, self.last)

    # -- tokens --------------------------------------------------------------------------------
    def token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        return bisect_right(self.starts, offset - 1)

    def _tokens_at(self, offsets) -> list[int]:
        """The indices of the tokens that start at `offsets` (an offset inside a token, such as the full stop
        of `M.Si.`, has none)."""
        found = []
        starts = self.starts
        for offset in offsets:
            i = bisect_right(starts, offset - 1)
            if i < len(starts) and starts[i] == offset:
                found.append(i)
        return found

    def triggers_in(self, indices: range) -> list[int]:
        """The words that may open a report (`mengatakan`, `kata`, `menurut`) among `indices`."""
        return self.triggers[bisect_right(self.triggers, indices.start - 1):bisect_right(self.triggers, indices.stop - 1)]

    def tokens_between(self, start: int, end: int) -> range:
        return range(self.token_at(start), self.token_at(end))

    # -- sentences -----------------------------------------------------------------------------
    def split_sentences(self) -> dict[tuple[int, int], range]:
        """Sentence (start, end) offsets, from a sentence's first token to its last, each with its tokens; a
        quote's marks and what is inside them never split a sentence, but a quote ending with a full stop and
        followed by a capital does end one."""
        sentences = {}
        tokens, text, last, starts = self.tokens, self.text, self.last, self.starts
        quoted = self.quoted if self.spans else None  # no marks: nothing is inside a quote
        opening = self.first  # the token that opens the current sentence
        for i in self.breaks:
            token = tokens[i]
            value = token.text
            at = starts[i]
            if value == "\n":
                if i > opening:
                    sentences[starts[opening], tokens.end(i - 1)] = range(opening, i)
                opening = i + 1
                continue
            if value in DOUBLE_MARKS:
                if not (self.quoted.closes_at(at) and self._quote_ends_sentence(at)):
                    continue
            elif quoted is not None and quoted.inside(at):
                continue
            else:
                nxt = tokens[i + 1] if i + 1 < last else None
                following = text[at + 1:at + 2]  # the break is one character
                if following and not following.isspace() and not (
                        nxt is not None and nxt.is_capitalised and len(nxt.text) > 2 and following not in DOUBLE_MARKS
                        and i > 0 and len(tokens[i - 1].text) > 1):
                    continue  # 1.577, a full stop inside a number or a web address; but `2019.Sementara itu`
                if nxt is not None and nxt.text[:1].islower():
                    continue
            if i >= opening:
                sentences[starts[opening], at + 1] = range(opening, i + 1)
            opening = i + 1
        if opening < last:
            sentences[starts[opening], tokens.end(last - 1)] = range(opening, last)
        return sentences

    def _quote_ends_sentence(self, close: int) -> bool:
        """`"… masyarakat." Suhajar …`: a full stop before the closing mark and a capital after it."""
        inner = self.text[max(0, close - 8):close].rstrip()
        if not inner or inner[-1] not in SENTENCE_MARKS:
            return False
        after = self.text[close + 1:close + 40].lstrip()
        if not after or after[0] in DOUBLE_MARKS:
            return True
        first = after.split()[0].strip(",.")
        return after[0].isupper() and first.lower() not in self.lex.speaker_pronouns

    def sentence_of(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.sentences, (offset, len(self.text) + 1)) - 1
        return self.sentences[max(0, index)]

    # -- speakers ------------------------------------------------------------------------------
    def remember(self, offset: int, name: str | None, said: str = "", unnamed: bool = False) -> None:
        """Who spoke at `offset`, and what they said. With `unnamed`, a quote's own attribution named nobody
        (`kata seorang saksi mata`): a pronoun after it points at that speaker, not at a name further back."""
        if name or unnamed:  # kept sorted, so a pronoun finds the speaker before it by bisection
            insort(self.history, (offset, len(self.history), name))
        if name and len(self.names.spoken) < MAX_SPEAKERS_KEPT:
            self.names.spoken.add(name)
        if name and said:
            self.said.setdefault(name, []).append(said)

    def talked_about(self, speaker: str | None, name: str) -> bool:
        """`Ari mengatakan pelantikan Adhy Karyono …. Sebelum …, Adhy Karyono kini berstatus Plh. "…,"
        ujarnya.`: a person the last speaker talks about is the topic, not a new speaker the pronoun means."""
        if speaker is None or name == speaker:
            return False
        words = self.words_said_by(speaker)
        return any(word in words for word in name.split() if len(word) > 2)

    def answers(self, offset: int) -> bool:
        """`Hendro menjawab …`, `Hendro langsung menanggapi …`: the name at `offset` answers (reply_verbs.txt),
        so speaks next, though the speaker before named them."""
        i = self.token_at(offset)
        while i < len(self.tokens) and self.is_speaker_word(i):
            i += 1
        for j in range(i, min(i + REPLY_VERB_REACH, len(self.tokens))):
            if self.tokens[j].lower in self.lex.reply_verbs:
                return True
            if not self.tokens[j].is_word:
                return False
        return False

    def words_said_by(self, speaker: str) -> set[str]:
        """The capitalised words of what `speaker` said so far, read once per text."""
        texts = self.said.get(speaker, [])
        read, words = self.said_words.get(speaker, (0, set()))
        if read < len(texts):
            for text in texts[read:]:
                words.update(NAME_LIKE_WORD.findall(text))
            self.said_words[speaker] = (len(texts), words)
        return words

    def shifts_topic(self, sentence: tuple[int, int]) -> bool:
        """`Sementara itu, Azwar Anas menilai …`: a lead-in turning to someone else, who speaks next even when
        the speaker before talked about them."""
        lead = self.text[sentence[0]:sentence[1]].split(",", 1)[0]
        return " ".join(WORD.findall(lead.lower())) in self.lex.topic_shifts

    def remember_subject(self, sentence: tuple[int, int]) -> None:
        """A sentence with no quote, whose subject is read only if a pronoun needs it (most never are)."""
        first = self.tokens_of(sentence).start
        if first < len(self.tokens) and self.tokens[first].is_capitalised:
            self.quiet.append(sentence)

    def quiet_subject(self, sentence: tuple[int, int]) -> str | None:
        """A person of two names or more opening a sentence (`Eka Asmadi, saat dihubungi …`) is its subject."""
        if sentence not in self.quiet_subjects:
            name = None
            indices = list(self.tokens_of(sentence)[:SUBJECT_WINDOW])
            heading = self.text[sentence[1] - 1] not in TEXT_ENDINGS
            if heading:
                indices = []  # `Kurang Motivasi`: a heading, no sentence, has no subject
            dash = self._dateline_dash(indices) if self.sentences[0] == sentence else None
            if dash is not None:  # `Jakarta, CNN Indonesia - - Sebagai koreografer tari, James Cousins …`
                indices = self._after_dateline(sentence, dash) or indices
            comma = next((n for n, i in enumerate(indices) if self.tokens[i].text == ","), None)
            if comma is not None and (self._object_before(indices[:comma]) or self._nameless_lead(indices[:comma])):
                indices = indices[comma + 1:]  # `Berbeda dengan Tomy, Arkani Melinda Putri memilih …`
            while len(indices) > 1 and self._opens_no_name(indices[0]):
                indices = indices[1:]  # `Tapi Jokowi …`, `Sebelumnya Ely …`: the name after the connective
            if indices and self._opens_name(indices[0]) and not self.names.official_in(*sentence, last=False):
                runs = self.name_runs(indices)
                if runs and len(runs[0]) > 1 and not self._passive_after(runs[0][-1]) and not self.tied_to_other(runs[0]):
                    name = self.names.person(" ".join(self.tokens[i].text for i in runs[0]))
                elif runs and runs[0] == indices[:1] and not self._passive_after(runs[0][0]):
                    name = self.fuller_name(runs[0][0]) or self._named_before(runs[0][0])
            if name is None and not heading and not self.names.official_in(*sentence, last=False):
                name = self._set_off_subject(sentence)
            self.quiet_subjects[sentence] = name
        return self.quiet_subjects[sentence]

    def _after_dateline(self, sentence: tuple[int, int], dash: int) -> list[int]:
        """The subject's window after the dateline, when a nameless lead set off by a comma opens the sentence
        there (`… - - Sebagai koreografer tari, James Cousins …`); else nothing."""
        indices = [i for i in list(self.tokens_of(sentence))[:SUBJECT_WINDOW + DATELINE_WORDS]
                   if i > dash and self.tokens[i].text not in DASHES]
        comma = next((n for n, i in enumerate(indices[:SUBJECT_WINDOW]) if self.tokens[i].text == ","), None)
        if comma is None or not self._nameless_lead(indices[:comma]):
            return []
        return indices[:SUBJECT_WINDOW]

    def _set_off_subject(self, sentence: tuple[int, int]) -> str | None:
        """`Pelatih PBFC, Dragan Djukovic kepada awak media …`: a name of two words or more set off by commas
        after a description, early in the sentence, before any verb of its own."""
        indices = list(self.tokens_of(sentence))[:SET_OFF_WINDOW]
        dateline = self.sentences[0] == sentence and self._dateline_dash(indices)
        runs = self.name_runs(indices)
        pronouns = self.lex.speaker_pronouns
        pronoun = next((i for i in indices if self.tokens[i].lower in pronouns), None) if runs else None
        for run in runs:
            if pronoun is not None and pronoun < run[0]:
                break  # `Namun, ia enggan menyebut Wali Kota Surabaya, Tri Rismaharini, …`: `ia` is the subject
            closed = run[-1] + 1 < len(self.tokens) and self.tokens[run[-1] + 1].text == ","
            opened = self.tokens[run[0] - 1].text == "," or run[0] - 1 == dateline and self._described_after(run)
            if run[0] > indices[0] and opened and (len(run) > 1 or closed) \
                    and (self._set_off(run) or len(run) > 1 and self._acts_after(run)) and not self.tied_to_other(run):  # `Ketua DPD PDI Perjuangan Jatim, Kusnadi, membantah …`
                return self.names.person(" ".join(self.tokens[i].text for i in run))
            if run[0] > indices[0] and self.tokens[run[0] - 1].text == "," and len(run) == 1 and self._acts_next(run[0]):
                fuller = self.fuller_name(run[0])  # `Sementara pada 2014, Leslie juga sempat menyinggung …`
                if fuller is not None:
                    return fuller
        return None

    def _dateline_dash(self, indices: list[int]) -> int | None:
        """The dash that ends the body's dateline (`Kapanlagi.com - Brandon …`): a name after it is set off."""
        return next((i for i in indices[:DATELINE_WORDS] if self.tokens[i].text in DASHES
                     and self.text[self.tokens.end(i):self.tokens.end(i) + 1].isspace()), None)

    def _acts_after(self, run: list[int]) -> bool:
        """`…, bakal calon wakil gubernur Jawa Tengah, Ida Fauziyah menanggapi isu …`: a person's name that an
        active verb follows."""
        after = run[-1] + 1
        if after >= len(self.tokens) or not _is_active(self.tokens[after].text):
            return False
        words = [self.tokens[i].text for i in run]  # a person the article names (`Ida`), not `Warung Buncit`
        return self.names.known(" ".join(words)) or any(word in self.names.persons for word in words)

    def _described_after(self, run: list[int]) -> bool:
        """`Brandon Nicholas Salim, putra sulung …`: a name set off by a comma that a description follows."""
        after = run[-1] + 2
        return len(run) > 1 and after < len(self.tokens) and self.tokens[after - 1].text == "," \
            and self.tokens[after].is_word and self.tokens[after].text[:1].islower()

    def tied_to_other(self, run: list[int]) -> bool:
        """`Pengacara Yingluck`, `kuasa hukum Yingluck`, `Kakak Raoul Salim`: a name after a relational noun
        stands for someone else, tied to that person."""
        relations = self.lex.relational_nouns
        first = run[0]
        if self.tokens[first].lower in relations:  # `Kakak Raoul Salim` opening a sentence, not `Perlindungan Anak Yohana`
            return first == 0 or not self.tokens[first - 1].is_word
        before = [self.tokens[i].text for i in range(max(0, first - 3), first)]
        if not before or not before[-1].islower():
            return False
        if before[-1] in relations:
            return len(before) < 2 or before[-2].lower() not in self.lex.appositive_markers  # `sang istri Vicky`
        return " ".join(before[-2:]) in relations and (len(before) < 3 or before[-3].lower() not in self.lex.appositive_markers)

    def _opens_no_name(self, i: int) -> bool:
        """A connective or adverb opening a sentence (`Tapi`, `Sebelumnya`, `Lalu`), capitalised but no name."""
        word = self.tokens[i].lower
        return word in self.lex.sentence_openers or word in self.lex.speech_adverbs or word in self.lex.stopwords

    def _opens_name(self, i: int) -> bool:
        """A sentence's first word that may begin a person's name: not `Selain`, `Kata`, `Dilaporkan`."""
        word = self.tokens[i].lower
        return (self.is_speaker_word(i) and word not in self.lex.sentence_openers and _cue_root(word, self.lex) is None
                and word not in ("menurut", "menurutnya") and not _is_passive(word))

    def _passive_after(self, last: int) -> bool:
        """`Kasus Ricko diharapkan …`: a name before a passive verb is not who acts or speaks."""
        following = last + 1
        return following < len(self.tokens) and _is_passive(self.tokens[following].lower)

    def _nameless_lead(self, indices: list[int]) -> bool:
        """`Sebagai koreografer tari, James Cousins …`, `Setali tiga uang, Ivan Gunawan …`: a lead a connective
        or an ordinary word opens, naming nobody."""
        return bool(indices) and (self.tokens[indices[0]].lower in self.lex.sentence_openers
                                  or not self.reader.is_name_word(indices[0])) \
            and not any(self.is_speaker_word(i) for i in indices[1:])

    def _object_before(self, indices: list[int]) -> bool:
        """A lead-in holding a name after a preposition (`Berbeda dengan Tomy`, `Selain oleh Dedi`)."""
        return any(self.tokens[i].lower in self.lex.object_markers for i in indices)

    def last_speaker(self, offset: int) -> str | None:
        """The latest speaker or sentence subject before `offset` (of the SPEAKER_REACH latest subjects and quiet
        sentences); else the latest name; else the first."""
        before = bisect_left(self.history, (offset,))  # every look below starts at `offset` and goes back:
        best = self.history[before - 1][::2] if before else None  # a long article costs no more per pronoun
        speaker = best[1] if best is not None else None
        subjects = self.names.subjects(self)
        latest = bisect_left(subjects, (offset,)) - 1
        for index in range(latest, max(-1, latest - SPEAKER_REACH), -1):
            position, name = subjects[index]
            if best is not None and position <= best[0]:
                break
            if not self.talked_about(speaker, name) or self.answers(position):
                best = (position, name)
                break
        latest = bisect_left(self.quiet, (offset,)) - 1
        for index in range(latest, max(-1, latest - SPEAKER_REACH), -1):
            sentence = self.quiet[index]
            if best is not None and sentence[0] <= best[0]:
                break
            if (name := self.quiet_subject(sentence)) \
                    and (not self.talked_about(speaker, name) or self.shifts_topic(sentence)):
                best = (sentence[0], name)
                break
        if best is not None:
            return best[1]
        earlier = bisect_left(self.names.starts, offset)
        if earlier:
            return self.names.occurrences[earlier - 1][2]
        return self.names.occurrences[0][2] if self.names.occurrences else None

    def who_in(self, start: int, end: int, offset: int, last: bool = True) -> _Who | None:
        """The speaker named in [start, end): an official, a person as written, or a pronoun or a description
        (`politikus PDIP itu`) resolved at `offset`; None when the stretch names nobody."""
        indices = list(self.tokens_between(start, end))
        words = [self.tokens[i].lower for i in indices if self.tokens[i].is_word]
        if words and (words[0] in self.lex.speaker_pronouns or words[-1] in self.lex.anaphors
                      or words[0] in self.lex.person_descriptions):
            return _Who(self.last_speaker(offset), by_pronoun=True)
        official = self.names.official_in(start, end, last)
        if official:
            return _Who(official)
        runs = self.name_runs(indices)
        if runs and self.tokens[indices[0]].text in self.lex.organisation_heads:
            return _Who(None)  # `TKD Jatim Prabowo-Gibran menyebut`: an organisation named after people
        if runs:
            run = runs[-1] if last else runs[0]
            if self.tied_to_other(run) or self.tokens[run[0]].text in self.lex.organisation_heads:
                return _Who(None)  # `istri Ali`, `Observatorium HAM Suriah`: no person named speaks
            name = " ".join(self.tokens[i].text for i in run)
            return _Who(self.by_nickname(name) or self.names.person(name))
        if any(self.tokens[i].text in self.lex.positions for i in indices):
            return _Who(self.names.official_by_role(self.text[start:end]) or self.last_speaker(offset), by_pronoun=True)
        return None

    def by_nickname(self, run: str) -> str | None:
        """`tegas Ani, sapaan akrabnya`: the person a nickname the article gives stands for, named before it."""
        given = self.nicknames.get(run)
        if given is None:
            return None
        at, full = given
        if full is None:
            named = self.last_speaker(at)
        else:  # `Ketua Perbanas Kartika Wirjoatmodjo yang akrab disapa Tiko`: the end of it the article gives a person
            words = full.split()
            known = (self.names.person(" ".join(words[k:])) for k in range(len(words) - 1))
            named = next((n for n in known if n in self.names.forms.values() or n in self.names.persons), None)
            named = named or self._name_as_given(words)
        return named if named and named != run else None

    def _name_as_given(self, words: list[str]) -> str | None:
        """`Ketua Umum Perbanas Kartika Wirjoatmodjo yang akrab disapa Tiko`, nobody's official: the name as the
        article gives it, its words after the last word of a role or a body."""
        lex = self.lex
        kept: list[str] = []
        for word in reversed(words):
            if (word in lex.role_words or word in lex.positions or word in lex.non_public_roles
                    or word in lex.not_names or word.isupper()):
                break
            kept.insert(0, word)
        return self.names.person(" ".join(kept)) if len(kept) >= 2 else None

    def is_speaker_word(self, i: int) -> bool:
        """A word of a person's name: the officials' rule, but an affixed-looking word (`Samian`) is allowed."""
        if not self.tokens[i].is_capitalised:  # every rule below asks for a capital: most words end here
            return False
        known = self.speaker_words.get(i)
        if known is None:
            known = self.speaker_words[i] = self._is_speaker_word(i)
        return known

    def _is_speaker_word(self, i: int) -> bool:
        """The rule for a capitalised word."""
        token = self.tokens[i]
        if token.lower in self.lex.quote_triggers:  # `Kata Arzeti, …`: the cue opens the sentence, not the name
            return False
        if token.text in self.lex.job_titles:  # `Media Officer Persib`, `Project Manager`: a post, not a name
            return False
        if i > 0 and self.tokens[i - 1].text == "@" and self.tokens.start(i) == self.tokens.end(i - 1):
            return False  # `akun @TMCPoldaMetro`: an account's handle, not a person's name
        text = token.text
        if self._opens_sentence(i) and i + 1 < len(self.tokens) and self.reader.is_name_word(i + 1) \
                and (token.lower in self.lex.common_words or is_derived_word(text)):
            return False  # `Karakter Rosalind, wanita …`, `Pementasan Rosalind pertama kali …`: an ordinary or
            # affixed word capitalised by its place before a name (but `Hari menambahkan`: `Hari` alone is a name)
        if self.reader.is_name_word(i):
            return True
        return (token.is_capitalised and i not in self.material and not token.is_acronym
                and text not in self.lex.role_words and text not in self.lex.positions and text not in self.lex.not_names
                and text.lower() not in self.lex.stopwords and text not in CALENDAR_WORDS and is_derived_word(text))

    def _opens_sentence(self, i: int) -> bool:
        """The first word of the body or of a sentence: capitalised by its place, not only by being a name."""
        return i == self.first or i > 0 and self.tokens[i - 1].text in {".", "!", "?", "\n"}

    def fuller_name(self, i: int) -> str | None:
        """`Leslie` where the article also writes `Rose Leslie`: a one-word name's fuller form, the run of name
        words it ends elsewhere in the text, outside quotes."""
        word = self.tokens[i].text
        if word not in self.fuller_names:
            self.fuller_names[word] = None
            for k in self._tokens_at(_whole_word_offsets(self.text, word, 0, len(self.text))):
                run = [k]
                while run[0] - 1 >= self.first and self.is_speaker_word(run[0] - 1) \
                        and not self._opens_sentence(run[0] - 1):
                    run.insert(0, run[0] - 1)
                if len(run) > 1 and not self.quoted.inside(self.tokens.start(k)) and not self.tied_to_other(run):
                    self.fuller_names[word] = self.names.person(" ".join(self.tokens[j].text for j in run))
                    break
        return self.fuller_names[word]

    def _named_before(self, i: int) -> str | None:
        """`… warga bernama Mariella. Mariella melancarkan aksi protesnya …`: a one-word name, no ordinary word,
        that acts and that the text wrote before, outside quotes, is the sentence's subject."""
        word = self.tokens[i].text
        if word.lower() in self.lex.common_words or not self._acts_next(i):
            return None
        earlier = self._tokens_at(_whole_word_offsets(self.text, word, self.tokens.start(self.first),
                                                      self.tokens.start(i)))
        named = any(not self.quoted.inside(self.tokens.start(k)) and not self._opens_sentence(k)
                    and self.tokens[k - 1].text not in DOUBLE_MARKS for k in earlier)  # capitalised mid-sentence
        return self.names.person(word) if named else None

    def _acts_next(self, last: int) -> bool:
        """`Leslie juga sempat menyinggung …`: an active verb after a name, adverbs skipped."""
        i = last + 1
        while i < len(self.tokens) and self.tokens[i].lower in self.lex.speech_adverbs:
            i += 1
        return i < len(self.tokens) and _is_active(self.tokens[i].text)

    def _object_of_verb(self, run: list[int]) -> bool:
        """`Pria beristrikan Ny Mestafuljana, mengaku …`: a name right after an active verb is its object."""
        return run[0] > 0 and _is_active(self.tokens[run[0] - 1].text)

    def _set_off(self, run: list[int]) -> bool:
        """`…, Eka Asmadi, saat dihubungi`, `Febry kepada Antara`: a name followed by a comma or an aside,
        and not itself inside one (`dari Mataram,`)."""
        after = run[-1] + 1
        before = run[0] - 1
        if after >= len(self.tokens) or not (self.tokens[after].text == ","
                                              or self.tokens[after].lower in self.lex.aside_openers):
            return False
        return before < 0 or self.tokens[before].lower not in self.lex.aside_openers

    def name_runs(self, indices: list[int]) -> list[list[int]]:
        """Runs of name words (token indices), a lone acronym left out."""
        runs: list[list[int]] = []
        current: list[int] = []
        tokens, known = self.tokens, self.speaker_words  # the memo read here: runs are asked for all the time
        for i in indices:
            speaker = tokens[i].is_capitalised and known.get(i)
            if speaker is None:
                speaker = self.is_speaker_word(i)
            if speaker or (current and self.reader.is_particle(i)):
                current.append(i)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        runs = [run[1:] if len(run) > 1 and self._opens_no_name(run[0]) else run for run in runs]  # `Tapi Jokowi`
        return [run for run in runs if not self.tokens[run[0]].is_acronym or len(run) > 1
                or self.tokens[run[0]].text in self.names.aliases]  # `JK menjelaskan`: an alias, not a body

    def first_subject(self, sentence_start: int, end: int) -> str | None:
        """Who a sentence is about when the verb's subject is out of reach (`Eka Asmadi, saat dihubungi …,
        mengatakan`): its first official; else a name set off by a comma; else a name of two words or more."""
        official = self.names.official_in(sentence_start, end, last=False)
        if official is not None:
            return official
        indices = list(self.tokens_between(sentence_start, end))
        runs = [run for run in self.name_runs(indices) if not self._object_of_verb(run)]
        set_off = [run for run in runs if self._set_off(run)]
        if set_off:  # `Andakara, pebasket Pelita Jaya, mengatakan`: the name opening the sentence, not its club
            run = set_off[0] if set_off[0][0] == indices[0] else set_off[-1]
            return self.names.person(" ".join(self.tokens[i].text for i in run))
        for run in runs:
            if len(run) > 1:
                return self.names.person(" ".join(self.tokens[i].text for i in run))
        return None


class _Mask:
    """Which offsets lie inside a quote's marks."""

    def __init__(self, spans: list[_Span]) -> None:
        self.spans = spans
        self.opens = [span.open for span in spans]
        self.closes = {span.close for span in spans if span.closed}

    def inside(self, offset: int) -> bool:
        index = bisect_right(self.opens, offset) - 1
        return index >= 0 and self.spans[index].open < offset < self.spans[index].close

    def closes_at(self, offset: int) -> bool:
        return offset in self.closes


class _NameIndex:
    """Where the article names its officials and other persons, outside quotes."""

    def __init__(self, text: str, officials: list[OfficialMention], persons: list[str], quoted: _Mask,
                 bounds: tuple[int, int], aliases: dict[str, str], prefixes: frozenset[str],
                 variants: tuple[tuple[str, str], ...] = ()) -> None:
        self.officials = officials
        self.variants = variants
        self.aliases = aliases
        self.prefixes = prefixes  # forms of address before a name: `Pak`, `Bang`, `Gus`
        self.spoken: set[str] = set()  # the names quotes were given to so far
        self.persons = persons
        forms: dict[str, str] = {}
        for official in officials:
            for form in [official.name, *official.surfaces]:
                forms.setdefault(form, official.name)
        self.forms = forms
        self.person_occurrences = [found for found in _find_names(text, persons, bounds) if not quoted.inside(found[0])]
        self.occurrences = [(start, end, forms[form]) for start, end, form in _find_names(text, forms, bounds)
                            if not quoted.inside(start)]
        self.starts = [start for start, _, _ in self.occurrences]  # in order: looked up by bisection
        self._subjects: list[tuple[int, str]] | None = None
        self._keys: dict[str, frozenset[str]] = {}

    def known(self, name: str) -> bool:
        """A name the article gives an official or a person, or someone quoted before."""
        return name in self.persons or name in self.forms or name in self.forms.values() or name in self.spoken

    def official_in(self, start: int, end: int, last: bool) -> str | None:
        found = []
        for index in range(bisect_left(self.starts, start), len(self.starts)):
            s, e, name = self.occurrences[index]
            if s >= end:
                break
            if e <= end:
                found.append(name)
        if not found:
            return None
        return found[-1] if last else found[0]

    def official_by_role(self, phrase: str) -> str | None:
        """`Ketua Umum PAN menambahkan`: the one official whose role holds the phrase's words."""
        words = {w for w in WORD.findall(phrase) if w[:1].isupper()}
        matches = [o.name for o in self.officials if o.role and words and words <= set(WORD.findall(o.role))]
        return matches[0] if len(matches) == 1 else None

    def person(self, run: str) -> str:
        """A name as written, widened to the official or person it is part of (`Suhajar`); a form of address
        before it (`Pak Suhajar`, `Gus Sadad`) does not keep it from being widened."""
        run = self.aliases.get(run, run)
        if run in self.forms:
            return self.forms[run]
        bare = run.split()
        while len(bare) > 1 and bare[0] in self.prefixes:
            bare = bare[1:]
        if len(bare) < len(run.split()):
            widened = self.person(" ".join(bare))
            if widened != " ".join(bare):
                return widened
        words = set(run.split())
        officials = {o.name for o in self.officials if words <= set(o.name.split())}
        if len(officials) == 1:
            return officials.pop()
        spoken = {p for p in self.spoken if words <= set(p.split()) and p != run}
        if len(spoken) == 1:  # someone quoted before under a fuller name
            return spoken.pop()
        persons = [p for p in self.persons if words <= set(p.split()) and p != run and p.split()[0] not in self.prefixes]
        if len(persons) == 1:
            return persons[0]
        shortened = {o.name for o in self.officials if _shortens(run.split(), o.name.split())}
        if len(shortened) == 1:
            return shortened.pop()
        respelt = self._respelt(run)
        return respelt if respelt is not None else self._known_start(run)

    def _respelt(self, run: str) -> str | None:
        """`kata Prasetyo` of `Prasetio Edi Marsudi`: the one official or quoted person whose name holds the
        run's words spelt another way (`y` for `i`, `oe` for `u`)."""
        keys = self._spelling_keys(run)
        found = {name for name in [o.name for o in self.officials] + sorted(self.spoken)
                 if name != run and keys <= self._spelling_keys(name)}
        return found.pop() if len(found) == 1 else None

    def _spelling_keys(self, name: str) -> frozenset[str]:
        """The spelling keys of a name's words, kept for the article (a handful of names)."""
        keys = self._keys.get(name)
        if keys is None:
            keys = self._keys[name] = frozenset(self._spelling_key(word) for word in name.split())
        return keys

    def _spelling_key(self, word: str) -> str:
        key = word.lower()
        for spelt, sound in self.variants:
            key = key.replace(spelt, sound)
        return key

    def _known_start(self, run: str) -> str:
        """`jelas Burhan Langkah taktis …` (a full stop lost): a run that runs on past the name of an official
        or of someone quoted before is that person; else the run as written."""
        words = run.split()
        for end in range(len(words) - 1, 0, -1):
            start = " ".join(words[:end])
            known = [p for p in self.spoken if set(words[:end]) <= set(p.split()) and p != run] + \
                    [o.name for o in self.officials if set(words[:end]) <= set(o.name.split())]
            if len(set(known)) == 1 and start not in self.prefixes:
                return known[0]
        return run

    def subjects(self, article: _Article) -> list[tuple[int, str]]:
        """Officials named near the start of a sentence: the sentence is about them."""
        if self._subjects is None:
            self._subjects = []
            seen: set[tuple[int, int]] = set()
            for start, end, name in sorted(self.occurrences + self.person_occurrences):
                sentence = article.sentence_of(start)
                following = article.token_at(end)
                passive = following < len(article.tokens) and _is_passive(article.tokens[following].lower)
                first = article.token_at(start)
                if sentence in seen or _is_object(article, first) or article.tied_to_other([first]):
                    continue
                seen.add(sentence)
                before = article.tokens_between(sentence[0], start)
                if _lead_length(article, before) <= SUBJECT_WINDOW and not passive \
                        and not _has_subject_already(article, before):
                    self._subjects.append((start, self.person(name)))  # `JK` is `Jusuf Kalla`
        return self._subjects


def _without_connectives(persons: list[str], lexicon: Lexicon) -> list[str]:
    """Persons as named, without a sentence's connective caught before the name (`Tapi Jokowi`,
    `Sebelumnya Ely`), each once."""
    cleaned: dict[str, None] = {}
    for person in persons:
        words = person.split()
        while len(words) > 1 and (words[0].lower() in lexicon.sentence_openers or words[0].lower() in lexicon.stopwords
                                  or words[0].lower() in lexicon.speech_adverbs):
            words = words[1:]
        cleaned[" ".join(words)] = None
    return list(cleaned)


def _nicknames(text: str, cues: tuple[tuple[str, str], ...],
               bounds: tuple[int, int]) -> dict[str, tuple[int, str | None]]:
    """Nicknames the text gives (`Ani, sapaan akrabnya`, `akrab disapa Dani`), each with where it is given and
    the name right before the phrase when there is one (`Kartika Wirjoatmodjo yang akrab disapa Tiko`)."""
    found: dict[str, tuple[int, str | None]] = {}
    for side, phrase in cues:
        at = text.find(phrase, *bounds)
        while at >= 0:
            if side == "after":
                match = NAME_WORDS_AT_END.search(text[max(bounds[0], at - NICKNAME_REACH):at].rstrip(" ,"))
                if match is not None:
                    found.setdefault(match.group(), (at, None))
            else:
                after = text[at + len(phrase):at + len(phrase) + NICKNAME_REACH]
                match = NAME_WORDS.match(after.lstrip())
                full = _name_ending(text[max(bounds[0], at - NICKNAME_REACH):at])
                if match is not None and after[:1].isspace() and full is not None:
                    found.setdefault(match.group(), (at, full))
            at = text.find(phrase, at + len(phrase), bounds[1])
    return found


def _name_ending(before: str) -> str | None:
    """`Kartika Wirjoatmodjo yang `: a name of two words or more that ends the text, before `yang` or a comma."""
    before = re.sub(r"(?:\byang|[,(])\s*$", "", before.rstrip()).rstrip()
    match = NAME_WORDS_AT_END.search(before)
    if match is None or len(match.group().split()) < 2:
        return None
    return match.group()


def _shortens(words: list[str], name: list[str]) -> bool:
    """`Alex` for `Alexander Marwata`: each word the start of a word of the name (three letters at least), in
    the name's order, the first word where the name begins."""
    if not words or not name or len(words) > len(name) or not name[0].startswith(words[0]):
        return False
    at = 0
    for word in words:
        if len(word) < MIN_SHORT_NAME:
            return False
        while at < len(name) and not name[at].startswith(word):
            at += 1
        if at == len(name):
            return False
        at += 1
    return True


def _find_names(text: str, names, bounds: tuple[int, int]) -> list[tuple[int, int, str]]:
    """Where each name stands as whole words in text[bounds], the longest first where two overlap, in order.
    `str.find` per name: an article names a handful of people, and a pattern compiled per article costs more."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    start_bound, end_bound = bounds
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name, start_bound, end_bound)
        while at >= 0:
            end = at + len(name)
            whole = (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
            if whole and at not in taken:
                found.append((at, end, name))
                taken.update(range(at, end))
            at = text.find(name, end, end_bound)
    return sorted(found)


def _whole_word_offsets(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` stands in text[start:end] with a word boundary at each edge, as `\\bword\\b` would find it
    (non-overlapping, text[end:] unseen): `str.find` per article, not a pattern compiled per word."""
    found = []
    at = text.find(word, start, end)
    while at >= 0:
        after = at + len(word)
        if _is_boundary(text, at, end) and _is_boundary(text, after, end):
            found.append(at)
            at = text.find(word, after, end)
        else:
            at = text.find(word, at + 1, end)
    return found


def _is_boundary(text: str, at: int, end: int) -> bool:
    """A regex word boundary at `at` in text[:end]: a word character on one side only."""
    return (at > 0 and _is_word_character(text[at - 1])) != (at < end and _is_word_character(text[at]))


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _lead_length(article: _Article, before: range) -> int:
    """How far into its sentence a name stands, the title right before it not counted (`Sementara itu Kepala
    Kor Lalu Lintas Polri Brigjen Pol Royke Lumowa …` stands two words in)."""
    end = before.stop
    while end > before.start and (article.tokens[end - 1].is_capitalised or article.tokens[end - 1].text == "."):
        end -= 1
    return end - before.start


def _has_subject_already(article: _Article, before: range) -> bool:
    """`Untuk itu, ia mendoakan agar Gubernur Khofifah …`: a pronoun before the name is the sentence's subject,
    and the name sits in a clause of its own."""
    return any(article.tokens[i].lower in article.lex.speaker_pronouns for i in before)


def _is_object(article: _Article, first: int) -> bool:
    """`dengan Tomy`, `oleh Jokowi`: a name right after a preposition is not who the sentence is about."""
    return first > 0 and article.tokens[first - 1].lower in article.lex.object_markers


def _is_active(word: str) -> bool:
    """`menanggapi`, `berharap`: a lower-case verb of the active voice."""
    return word.startswith(ACTIVE_PREFIXES) and len(word) > 5 and word.isalpha() and word.islower()


def _is_passive(word: str) -> bool:
    """`Adhy Karyono dinilai …`: a name before a passive verb is not who acts or speaks."""
    return word.startswith("di") and len(word) > 5 and word.isalpha()


def find_spans(text: str, start: int = 0, end: int | None = None) -> list[_Span]:
    """Pair double marks in text[start:end]: curly ones say which way they face; a straight one faces by its
    neighbours, and alternates when it cannot tell. A quote still open at a line break ends there."""
    spans: list[_Span] = []
    opened: int | None = None
    end = len(text) if end is None else end
    for at in _mark_offsets(text, start, end):
        role = _mark_role(text, at)
        if opened is not None and "\n" in text[opened:at]:
            spans.append(_Span(opened, text.index("\n", opened), closed=False))
            opened = None
        if opened is None:
            if role != CLOSE:
                opened = at
        elif role == OPEN:
            spans.append(_Span(opened, _before_space(text, at), closed=False))
            opened = at
        else:
            spans.append(_Span(opened, at, closed=True))
            opened = None
    if opened is not None:
        line_end = text.find("\n", opened, end)
        spans.append(_Span(opened, end if line_end < 0 else line_end, closed=False))
    return spans


def _mark_offsets(text: str, start: int, end: int) -> list[int]:
    """Where the double marks stand in text[start:end], in order: `str.find` per mark, most articles holding
    a few of one kind and none of the others."""
    found = []
    for mark in DOUBLE_MARKS:
        at = text.find(mark, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1, end)
    return sorted(found)


def _before_space(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _mark_role(text: str, at: int) -> str:
    mark = text[at]
    if mark in "“„":
        return OPEN
    if mark == "”":
        return CLOSE
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() or before in "([—-":
        if after in ",;:)":  # `" Yes I Do ",`: spaced inside, a comma after, it closes
            return CLOSE
        return EITHER if after.isspace() else OPEN
    if after.isspace() or after in ".,;:!?)":
        return CLOSE
    return EITHER


def find_quotes(text: str, tokens: Tokens, officials: list[OfficialMention], persons: list[str],
                lexicon: Lexicon, material: set[int] | None = None,
                bounds: tuple[int, int] | None = None) -> list[Quote]:
    """Every direct and indirect quote in text[bounds] (all of it by default), in reading order; `tokens`
    are the text's, `material` the indices of tokens inside agency and region names."""
    article = _Article(text, tokens, officials, persons, lexicon, material or set(), bounds or (0, len(text)))
    if not article.may_quote():
        return []
    quotes: list[Quote] = []
    pending: list[tuple[_Span, int]] = []  # standalone quotes waiting to learn who spoke them
    spans_by_sentence: dict[tuple[int, int], list[_Span]] = {}
    for span in article.spans:
        spans_by_sentence.setdefault(article.sentence_of(span.open + 1), []).append(span)
    reporting = article.reporting_sentences()
    for sentence in article.sentences:
        spans = spans_by_sentence.get(sentence, [])
        if spans:
            waiting = len(pending)
            direct = _direct_quotes(article, sentence, spans, pending)
            quotes.extend(direct)
            if direct or len(pending) > waiting:
                continue
        # also a sentence whose marks hold no quote (`"busnya banyak"`); one without a word of saying has none
        quote = _indirect_quote(article, sentence) if sentence in reporting else None
        if quote is not None:
            quotes.append(quote)
            article.remember(quote.start, quote.speaker, said=quote.text)
        else:
            article.remember_subject(sentence)
    quotes.extend(_resolve_pending(article, pending, quotes))
    return sorted(quotes, key=lambda quote: quote.start)


# -- direct quotes -------------------------------------------------------------------------------

def _direct_quotes(article: _Article, sentence: tuple[int, int], spans: list[_Span],
                   pending: list[tuple[_Span, int]]) -> list[Quote]:
    """The sentence's quotes: each span with the attribution after it, else before it, else standalone."""
    found: list[Quote] = []
    boundary = sentence[0]
    for index, span in enumerate(spans):
        after_end = _attribution_end(article, spans, index, sentence)
        after = _cue_after(article, span, after_end)
        before = None if after else _cue_before(article, boundary, span)
        boundary = span.close + 1
        text, start, end = _inner(article.text, span)
        if not text:
            continue
        if after and _is_inline_name(article, sentence, span, text):
            continue  # `Berdasarkan survei program " Yes I Do ", kata dia, …`: a name in marks, the sentence is reported
        attribution = after or before
        if attribution is None:
            if _is_standalone(article, sentence, span, text):
                pending.append((span, len(found)))
            continue
        cue, who = attribution
        found.append(Quote(who.name, text, DIRECT, cue, start, end, who.by_pronoun))
        article.remember(span.close if after else span.open, who.name, said=text, unnamed=not who.by_pronoun)
    return found


def _is_inline_name(article: _Article, sentence: tuple[int, int], span: _Span, text: str) -> bool:
    """A few words in marks inside a sentence that began before them, with no closing punctuation of their
    own: a name or a term, even with a cue after it."""
    opened = article.text[sentence[0]:span.open].strip()
    return bool(opened) and len(text.split()) < MIN_STANDALONE_WORDS + 2 and text[-1:] not in SENTENCE_MARKS \
        and opened[-1:] not in ",:" + "".join(DOUBLE_MARKS)


def _attribution_end(article: _Article, spans: list[_Span], index: int, sentence: tuple[int, int]) -> int:
    """Where the attribution after a quote may run: to the next quote, past a short name in marks followed by a
    comma (`," kata Project Manager " Yes I Do ", Amrullah`)."""
    following = index + 1
    while following < len(spans):
        span = spans[following]
        words = article.text[span.open + 1:span.close].split()
        after = article.text[span.close + 1:span.close + 3].lstrip()
        if not (span.closed and len(words) < MIN_STANDALONE_WORDS + 2 and after.startswith(",")):
            return span.open
        following += 1
    return sentence[1]


def _inner(text: str, span: _Span) -> tuple[str, int, int]:
    """The words between the marks, without the comma or full stop that closes them."""
    start, end = span.open + 1, span.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end > start and text[end - 1] == "." and text[end - 3:end] != "...":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def _is_standalone(article: _Article, sentence: tuple[int, int], span: _Span, text: str) -> bool:
    """A quote that is a sentence of its own: it opens its sentence and ends with a sentence's punctuation."""
    if article.text[sentence[0]:span.open].strip():
        return False
    inner = article.text[span.open + 1:span.close].rstrip()
    if len(text.split()) < MIN_STANDALONE_WORDS:
        return False
    return not span.closed or (inner[-1:] in STANDALONE_ENDINGS or inner.endswith("..."))


def _cue_after(article: _Article, span: _Span, limit: int) -> tuple[str, _Who] | None:
    """`"…," kata X`, `"…," ujarnya`, `"…," kata dia`, `"…," ia menambahkan`, `"…," X menambahkan`."""
    if not span.closed:
        return None
    first = article.token_at(span.close + 1)
    tokens = article.tokens
    i = first
    while i < len(tokens) and tokens.start(i) < limit and tokens[i].text in {",", ".", "-", "—"}:
        i += 1
    while i < len(tokens) and tokens[i].lower in {"demikian", "begitu"}:
        i += 1
    if i >= len(tokens) or tokens.start(i) >= limit:
        return None
    token = tokens[i]
    root = _cue_root(token.lower, article.lex)
    if root is not None:
        if token.lower != root:
            return token.text, _Who(article.last_speaker(tokens.start(i)), by_pronoun=True)
        return token.text, _named_after(article, i, limit) or _Who(None)
    for j in range(i, min(i + 12, len(tokens))):
        if tokens.start(j) >= limit or tokens[j].text in ATTRIBUTION_STOPS:
            break
        if tokens[j].lower in article.lex.reporting_verbs:
            who = article.who_in(tokens.start(i), tokens.start(j), tokens.start(i))
            return (tokens[j].text, who) if who else None
    return None


def _named_after(article: _Article, cue: int, limit: int) -> _Who | None:
    """Who a cue names: `kata Suhajar`, `kata dia`, `ungkap warga Genteng Kulon ini` (someone named before),
    `kata seorang sumber` (nobody named)."""
    tokens = article.tokens
    if cue + 1 >= len(tokens) or tokens.start(cue + 1) >= limit:
        return None
    following = tokens[cue + 1]
    end = _clause_stop(article, cue + 1, limit)
    lowered = [tokens[i].lower for i in article.tokens_between(tokens.start(cue + 1), end) if tokens[i].is_word]
    apposed = _name_after_comma(article, _after_title(article, end, limit), limit)  # `kata koordinator KontraS, Yati …`
    if following.is_word and not following.is_capitalised and following.lower not in article.lex.speaker_pronouns:
        if lowered and (lowered[-1] in article.lex.anaphors or lowered[0] in article.lex.person_descriptions
                        or _ends_anaphoric(article, cue + 1, limit)):
            return _Who(article.last_speaker(tokens.start(cue)), by_pronoun=True)
        described = _described_name(article, cue + 1, end)  # `ujar media officer Persib Irfan Suryadireja`
        return _Who(described or apposed)
    who = article.who_in(tokens.start(cue + 1), end, tokens.start(cue))
    if apposed and (who is None or who.by_pronoun):  # `kata Kepala Dinas Kesehatan, Budi Santoso`
        return _Who(apposed)
    if apposed and who.name and len(apposed.split()) > 1 and who.name not in article.names.forms.values() \
            and (len(who.name.split()) == 1 and not article.names.known(who.name) or _opens_title(article, cue + 1)) \
            and who.name not in apposed.split():
        return _Who(apposed)  # `ujar Media Officer Persib, Irfan …`, `kata Kepala Bandara Kalimarau Berau, Bambang …`
    if who is None or who.name and not who.by_pronoun:
        named = _name_after_description(article, article.token_at(end), limit)
        if named is not None:  # `kata Manajer tim bulu tangkis Indonesia, Susy Susanti`: a title, then the name
            return _Who(named)
    return who


def _opens_title(article: _Article, i: int) -> bool:
    """`Kepala`, `Media Officer`: the attribution opens with a post, so its capitalised words name a body."""
    text = article.tokens[i].text
    return text in article.lex.positions or text in article.lex.role_words or text in article.lex.job_titles


def _after_title(article: _Article, at: int, limit: int) -> int:
    """Past a name in marks inside the attribution (`kata Project Manager "Yes I Do", Amrullah`): where the
    words after its closing mark begin; else `at` itself."""
    if at >= limit or article.text[at:at + 1] not in DOUBLE_MARKS:
        return at
    span = next((span for span in article.spans if span.open == at), None)
    if span is None or not span.closed or span.close >= limit:
        return at
    return span.close + 1


def _name_after_description(article: _Article, i: int, limit: int) -> str | None:
    """The name set off by the comma that ends a description going on in lower case after a title."""
    tokens = article.tokens
    word = tokens[i].text if i < len(tokens) else ""
    if i >= len(tokens) or tokens.start(i) >= limit or not tokens[i].is_word or not word[:1].islower() \
            or word in article.lex.anaphors or word in article.lex.aside_openers or word == "yang" \
            or _is_active(word) or _is_passive(word):
        return None  # `kata Aji Darmaji dengan suara bergetar`, `ujar Prayogo didampingi anaknya`: a name, then an aside
    for j in range(i, min(i + DESCRIPTION_WORDS, len(tokens))):
        if tokens.start(j) >= limit or tokens[j].text in DESCRIPTION_STOPS \
                or tokens[j].lower in article.lex.aside_openers or tokens[j].lower in article.lex.object_markers:
            return None  # `saat ditemui di Studio Trans7, Warung Buncit`: a place after an aside
        if tokens[j].text == ",":
            return _name_after_comma(article, tokens.start(j), limit)
    return None


def _name_after_comma(article: _Article, comma_at: int, limit: int) -> str | None:
    """The name set off right after a description's comma (`kata anggota tim peneliti, Richard Mitchell`): a run
    of two name words or more, or a name the article gives an official or a quoted person."""
    tokens = article.tokens
    comma = article.token_at(comma_at)
    if comma >= len(tokens) or tokens[comma].text != "," or tokens.start(comma) >= limit:
        return None
    j = comma + 1
    run = []
    while j < len(tokens) and tokens.start(j) < limit and (article.is_speaker_word(j) or run and article.reader.is_particle(j)):
        run.append(j)
        j += 1
    if not run:
        return None
    name = article.names.person(" ".join(tokens[i].text for i in run))
    known = name in article.names.forms.values() or name in article.names.spoken
    return name if len(run) > 1 or known or _name_ends_here(article, j, limit) else None


def _name_ends_here(article: _Article, j: int, limit: int) -> bool:
    """`kata salah seorang petani tebu asal Kudus, Agus ditemui di …`: a one-word name after a description's
    comma is the speaker when the attribution ends right after it, or an aside or a passive verb
    (`ditemui`, `saat dihubungi`) follows; not `…, Mataram Raya yang …`."""
    tokens = article.tokens
    if j >= len(tokens) or tokens.start(j) >= limit or tokens[j].text in ATTRIBUTION_STOPS:
        return True
    word = tokens[j].lower
    return word in article.lex.aside_openers or _is_passive(word)


def _ends_anaphoric(article: _Article, start: int, limit: int) -> bool:
    """`kata sopir yang berasal dari Gresik, Jawa Timur itu.`: a description running on to the sentence's end
    (commas and all) or to an aside that ends with `itu`/`ini`/`tersebut` points back at someone named before;
    not one that opens `seorang …`."""
    words = [article.tokens[i].lower for i in article.tokens_between(article.tokens.start(start), limit)
             if article.tokens[i].is_word]
    if not words or words[0] in article.lex.unnamed_openers:
        return False
    at = next((n for n, word in enumerate(words[:DESCRIPTION_WORDS]) if word in article.lex.anaphors), None)
    # `kata sutradara berusia 54 tahun itu kepada Deadline`: an aside may follow the description
    return at is not None and (at == len(words) - 1 or words[at + 1] in article.lex.aside_openers)


def _described_name(article: _Article, start: int, end: int) -> str | None:
    """The name a description after a cue ends with (`media officer Persib Irfan Suryadireja`): a run of two
    name words or more closing the description; None for `seorang warga`."""
    indices = list(article.tokens_between(article.tokens.start(start), end))
    runs = article.name_runs(indices)
    if not runs or len(runs[-1]) < 2 or runs[-1][-1] != indices[-1]:
        return None
    return article.names.person(" ".join(article.tokens[i].text for i in runs[-1]))


def _cue_root(word: str, lexicon: Lexicon) -> str | None:
    """`ujarnya` -> `ujar`, `kata` -> `kata`; None when the word attributes nothing."""
    if word in lexicon.attribution_verbs and word != "menurut":
        return word
    if word.endswith(PRONOUN_SUFFIX) and word[:-3] in lexicon.attribution_verbs:
        return word[:-3]
    return None


def _clause_stop(article: _Article, i: int, limit: int) -> int:
    """Where the name after a cue stops: a comma, a sentence's end, a lower-case word after the name."""
    tokens = article.tokens
    seen_name = False
    while i < len(tokens) and tokens.start(i) < limit:
        token = tokens[i]
        if token.text in NAME_STOPS and not _abbreviation_stop(article, i):
            break
        if token.is_word and not token.is_capitalised and seen_name and token.lower not in article.lex.particles \
                and not token.text.isdigit() and not _title_goes_on(article, i, limit):
            # `kata Ketua TKD 02 Jatim Boedi …`, `kata Kasubdit I bidang Kamneg … Andi Dady`: a title goes on
            if token.lower in article.lex.anaphors:  # `kata politikus PDIP itu`
                i += 1
            break
        seen_name = seen_name or token.is_capitalised or token.lower in article.lex.speaker_pronouns
        i += 1
    return tokens.start(i) if i < len(tokens) else len(article.text)


def _abbreviation_stop(article: _Article, i: int) -> bool:
    """`Laksamana Madya TNI (Purn.) Taufiqoerrochman`: the full stop of an abbreviation in brackets."""
    tokens = article.tokens
    return tokens[i].text == "." and i + 1 < len(tokens) and tokens[i + 1].text == ")"


def _title_goes_on(article: _Article, i: int, limit: int) -> bool:
    """`bidang`, `dan` between capitalised words of a title (`Kasubdit I bidang Kamneg`, `Dinas Pendidikan dan
    Kebudayaan`): the title, and the name after it, go on."""
    tokens = article.tokens
    following = i + 1
    return tokens[i].lower in article.lex.connectors and following < len(tokens) \
        and tokens.start(following) < limit and tokens[following].is_capitalised


def _cue_before(article: _Article, boundary: int, span: _Span) -> tuple[str, _Who] | None:
    """`X mengatakan, "…"`, `Kata X, "…"`, `Menurut X, "…"`, `X: "…"`."""
    prefix = article.text[boundary:span.open].rstrip()
    if not prefix or prefix[-1] not in ",:":
        return None
    indices = list(article.tokens_between(boundary, span.open))
    tokens = article.tokens
    for position, i in enumerate(indices):
        word = tokens[i].lower
        if word in article.lex.reporting_verbs:
            who = _subject_before(article, i, boundary)
            return (tokens[i].text, who) if who else None
        root = _cue_root(word, article.lex)
        if root is not None or word == "menurut" or word.startswith("menurut"):
            if word != root and root is not None or word == "menurutnya":
                return tokens[i].text, _Who(article.last_speaker(tokens.start(i)), by_pronoun=True)
            end = tokens.start(indices[-1])
            who = article.who_in(tokens.end(i), end, tokens.start(i), last=False)
            return (tokens[i].text, who) if who else None
    if prefix[-1] == ":":
        who = article.who_in(boundary, span.open, boundary)
        if who is not None and who.name:
            return ":", who
    return None


def _subject_before(article: _Article, verb: int, sentence_start: int) -> _Who | None:
    """The speaker of a verb of saying: the name right before it (skipping `juga`, `pun`, a degree after a
    comma); else, after an aside or a description, the first official of the sentence; else a pronoun or a
    description resolved to the last speaker; else, for a subject that names nobody (`Juru bicara SDF`), a
    speaker unknown. None when the verb does not report speech (`yang mengatakan`, `enggan menyebutkan`)."""
    tokens = article.tokens
    lex = article.lex
    i = verb - 1
    while i >= 0 and tokens.start(i) >= sentence_start:
        if tokens[i].lower in lex.speech_adverbs or article.reader.is_degree(i):
            i -= 1
        elif tokens[i].text == "," and i + 1 < verb and article.reader.is_degree(i + 1):
            i -= 1
        elif tokens[i].text == ")" and i >= 2 and tokens[i - 1].text.isdigit() and tokens[i - 2].text == "(":
            i -= 3  # `Kariadi (50) mengaku`
        elif tokens[i].text == "," and i + 1 == verb and i > 0 and tokens[i - 1].lower in lex.anaphors:
            i -= 1  # `Mantan Menteri … itu, mengatakan`
        else:
            break
    if i < 0 or tokens.start(i) < sentence_start:
        return None
    token = tokens[i]
    if token.lower in lex.not_subjects:
        return None
    opening = article.token_at(sentence_start)
    if tokens[opening].lower in lex.non_speakers and not article.names.official_in(sentence_start, tokens.end(i), False):
        return _Who(None)  # `Laporan polisi bernomor … itu menyebut …`: a document says it, no person
    if token.lower in lex.speaker_pronouns:
        return _Who(article.last_speaker(tokens.start(i)), by_pronoun=True)
    if token.is_capitalised and token.text not in CALENDAR_WORDS:
        who = article.who_in(_subject_start(article, i, sentence_start), tokens.end(i), tokens.start(i))
        if who is not None:
            return who
    if token.lower in lex.anaphors and tokens[opening].lower in lex.person_descriptions:
        # `Mantan Menteri Perhubungan era Presiden Susilo Bambang Yudhoyono itu, mengatakan`: the description
        # is of someone named before; the name inside it is not who speaks
        return _Who(article.last_speaker(sentence_start), by_pronoun=True)
    official = article.names.official_in(sentence_start, tokens.end(i), last=False)
    if official is not None:
        return _Who(official)
    if token.lower in lex.anaphors:
        named = _named_before_clause(article, sentence_start, i)
        if named is not None:  # `Ponaryo Astaman yang hadir di sesi tanya jawab tersebut menuturkan`
            return _Who(named)
        # `Presiden Laskar Sholawat Nusantara (LSN) ini juga menyebutkan`: someone named before the sentence
        return _Who(article.last_speaker(sentence_start), by_pronoun=True)
    first = article.first_subject(sentence_start, tokens.end(i))
    if first is not None:
        return _Who(first)
    if opening < i and tokens[opening].lower in lex.person_descriptions:
        # `Pria beristrikan Ny Mestafuljana, mengaku …`: a description of someone named before
        return _Who(article.last_speaker(sentence_start), by_pronoun=True)
    if token.is_capitalised or (token.is_word and len(article.tokens_between(sentence_start, tokens.end(i))) <= SUBJECT_WINDOW):
        return _Who(None)  # `Juru bicara SDF menyebutkan`, `Polisi mengatakan`: said, by someone not named
    return None


def _named_before_clause(article: _Article, sentence_start: int, last: int) -> str | None:
    """A name of two words or more that a relative clause or an aside follows (`Ponaryo Astaman yang …`,
    `…, Ponaryo Astaman, …`) before the verb: the `itu` or `tersebut` before the verb ends that clause."""
    tokens = article.tokens
    for run in article.name_runs(list(article.tokens_between(sentence_start, tokens.start(last)))):
        after = run[-1] + 1
        if len(run) > 1 and after < last and (tokens[after].lower == "yang" or article._set_off(run)):
            return article.names.person(" ".join(tokens[i].text for i in run))
    return None


def _subject_start(article: _Article, last: int, sentence_start: int) -> int:
    """Walk back over the subject: capitalised words, titles, degrees, `(…)` asides, anaphoric `itu`."""
    tokens = article.tokens
    i = last
    while i > 0 and tokens.start(i - 1) >= sentence_start:
        previous = tokens[i - 1]
        if previous.text == ",":
            if i - 2 >= 0 and tokens.start(i - 2) >= sentence_start and tokens[i - 2].is_capitalised \
                    and article.reader.is_degree(i):
                i -= 1
                continue
            break
        if previous.is_capitalised or previous.text in {"(", ")", "-", "/", "."} or previous.lower in article.lex.particles \
                or previous.lower in article.lex.anaphors or previous.is_word and previous.text[:1].isdigit():
            i -= 1
            continue
        break
    return tokens.start(i)


# -- indirect quotes -----------------------------------------------------------------------------

def _indirect_quote(article: _Article, sentence: tuple[int, int]) -> Quote | None:
    """The sentence's report: after `menurut`, else after a verb of saying (`Lebih lanjut Suhajar
    mengatakan` is reported by `mengatakan`, not `lanjut`), else around a cue (`…, kata X, …`)."""
    indices = article.tokens_of(sentence)
    triggers = article.triggers_in(indices)
    if not triggers:
        return None
    tokens = article.tokens
    lex = article.lex
    for i in triggers:
        position = i - indices.start
        word = tokens[i].lower
        opens_clause = position == 0 or tokens[indices[position - 1]].text == ","
        if word in ("menurut", "menurutnya"):
            if opens_clause:  # not `… yang menurutnya terlibat`
                return _according_to(article, sentence, indices, position)
            continue
        if position == 0 and word == "kata":  # `Kata Arzeti, dia kaget saat kawannya bilang …`: `Kata` reports
            quote = _said_aside(article, sentence, indices, position)
            if quote is not None:
                return quote
        if word in lex.reporting_verbs:
            quote = _reported(article, sentence, i)
            if quote is not None:
                return quote
        elif word in lex.passive_cues and opens_clause:  # `Dikatakannya, …`
            start = _clause_start(article, i + 1, sentence[1])
            who = _Who(article.last_speaker(tokens.start(i)), by_pronoun=True)
            return None if start is None else _clause_quote(article, who, tokens[i].text, start, sentence[1])
        elif position > 0 and tokens[indices[position - 1]].text == "," and _cue_root(word, lex) not in (None, "menurut"):
            quote = _said_aside(article, sentence, indices, position)  # `…, kata dia, memang menyebutkan …`
            if quote is not None:
                return quote
    for i in triggers:
        position = i - indices.start
        root = _cue_root(tokens[i].lower, lex)
        if root is None or root == "menurut":
            continue
        previous = tokens[indices[position - 1]] if position > 0 else None
        if previous is None and root != "kata":
            continue
        if previous is not None and previous.text != "," and (previous.lower == "lebih"
                                                              or not _names_follow(article, i)):
            continue  # `kata` the noun (`dengan kata lain`), `Lebih lanjut`: not `…, kata X`
        quote = _said_aside(article, sentence, indices, position)
        if quote is not None:
            return quote
    return None


def _names_follow(article: _Article, i: int) -> bool:
    """`Kondisi ini kata Heru juga …`: a cue inside a sentence without commas must name someone."""
    word = article.tokens[i].lower
    following = i + 1
    if word.endswith(PRONOUN_SUFFIX):
        return True
    return following < len(article.tokens) and (article.is_speaker_word(following)
                                                 or article.tokens[following].lower in article.lex.speaker_pronouns)


def _reported(article: _Article, sentence: tuple[int, int], verb: int) -> Quote | None:
    """`X mengatakan, (bahwa) …`: the clause after the verb, said by the subject before it."""
    tokens = article.tokens
    if verb > 0 and tokens[verb - 1].lower == "yang":
        return None
    who = _subject_before(article, verb, sentence[0])
    if who is None:
        return None
    start = _clause_start(article, verb + 1, sentence[1])
    if start is None:
        return None
    if _is_speech_object(article, start):
        article.remember(tokens.start(verb), who.name)  # no quote, but they spoke: `Emil menyampaikan terima kasih`
        return None
    return _clause_quote(article, who, tokens[verb].text, start, sentence[1])


def _is_speech_object(article: _Article, start: int) -> bool:
    """`menyampaikan terima kasih kepada …`: the verb's object is a thing said, not a reported clause."""
    words = WORD.findall(article.text[start:start + 40].lower())
    openings = [" ".join(words[:n]) for n in range(1, len(words) + 1)] if words else [""]
    phrases = _phrase_set(article.lex.speech_objects)
    return any(opening in phrases for opening in openings)


@lru_cache(maxsize=8)
def _phrase_set(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(phrases)


def _clause_start(article: _Article, i: int, end: int) -> int | None:
    """Skip a comma or colon, an aside (`kepada wartawan,`) and `bahwa`."""
    tokens = article.tokens
    if i < len(tokens) and tokens[i].lower in article.lex.aside_openers:
        for j in range(i, min(i + ADVERBIAL_WINDOW, len(tokens))):
            if tokens.start(j) >= end:
                break
            if tokens[j].text == "," or tokens[j].lower == "bahwa":
                i = j
                break
    while i < len(tokens) and tokens.start(i) < end and (tokens[i].text in {",", ":"} or tokens[i].lower == "bahwa"):
        i += 1
    if i >= len(tokens) or tokens.start(i) >= end or tokens[i].text in DOUBLE_MARKS:
        return None
    return tokens.start(i)


def _clause_quote(article: _Article, who: _Who, cue: str, start: int, end: int) -> Quote | None:
    text = article.text
    while end > start and (text[end - 1] in ".," or text[end - 1].isspace()):
        end -= 1
    clause = text[start:end]
    if len(clause.split()) < MIN_CLAUSE_WORDS:
        return None
    return Quote(who.name, clause, INDIRECT, cue, start, end, who.by_pronoun)


def _according_to(article: _Article, sentence: tuple[int, int], indices: range, position: int) -> Quote | None:
    """`Menurut X, …`, `Menurut X …` and `Menurutnya …` (the clause after), `…, menurut X, …` (the sentence
    without the aside) and `…, menurut X.` (the clause before)."""
    tokens = article.tokens
    cue_index = indices[position]
    cue = tokens[cue_index]
    if cue.lower == "menurutnya":
        who = _Who(article.last_speaker(tokens.start(cue_index)), by_pronoun=True)
        name_end = tokens.end(cue_index)
    else:
        following = tokens[cue_index + 1] if cue_index + 1 < len(tokens) else None
        if following is None or not following.is_word or following.lower in article.lex.non_speakers:
            return None  # `menurut data BPS`, `menurut rencana`: no one speaks
        if following.is_capitalised or following.lower in article.lex.speaker_pronouns:
            name_end = _clause_stop(article, cue_index + 1, sentence[1])
            who = article.who_in(tokens.start(cue_index + 1), name_end, tokens.start(cue_index), last=False)
        else:
            name_end = _description_end(article, cue_index + 1, sentence[1])
            who = article.who_in(tokens.start(cue_index + 1), name_end, tokens.start(cue_index))
        who = who or _Who(None)
    before_end = tokens.start(indices[position - 1]) if position > 0 else sentence[0]
    before = article.text[sentence[0]:before_end].strip(" ,")
    rest = _clause_start(article, article.token_at(name_end), sentence[1])
    if before and not _is_lead_in(article, before):
        if rest is None:
            return _clause_quote(article, who, cue.text, sentence[0], sentence[0] + len(before))
        return _joined_quote(article, who, cue.text, sentence, before, rest)
    if rest is None:
        return None
    return _clause_quote(article, who, cue.text, rest, sentence[1])


def _description_end(article: _Article, i: int, end: int) -> int:
    """`menurut anggota Tim Advokasi Novel, Alghiffari Aqsa, …`: a description up to its comma, and the
    name set off after it."""
    tokens = article.tokens
    named = False
    for j in range(i, len(tokens)):  # `menurut budayawan Rachmat Ruchiat dalam buku …`: the name, not the book
        if tokens.start(j) >= end or tokens[j].text == ",":
            break
        if named and tokens[j].lower in article.lex.aside_openers:
            return tokens.start(j)
        named = named or article.is_speaker_word(j)
    comma = next((j for j in range(i, len(tokens)) if tokens.start(j) >= end or tokens[j].text == ","), len(tokens))
    if comma >= len(tokens) or tokens.start(comma) >= end:
        return end
    j = comma + 1
    while j < len(tokens) and tokens.start(j) < end and article.is_speaker_word(j):
        j += 1
    if j > comma + 1 and j < len(tokens) and tokens[j].text == ",":
        return tokens.start(j)
    return tokens.start(comma)


def _is_lead_in(article: _Article, before: str) -> bool:
    """`Selain itu`, `Namun`: what opens the sentence before an aside is no part of what was said."""
    return " ".join(WORD.findall(before.lower())) in article.lex.lead_ins


def _joined_quote(article: _Article, who: _Who, cue: str, sentence: tuple[int, int], before: str,
                  rest: int) -> Quote | None:
    """The sentence around an aside (`Pemerintah, kata X, akan …`), without the aside."""
    after = article.text[rest:sentence[1]].rstrip().rstrip(".").rstrip()
    clause = f"{before} {after}".strip()
    if len(clause.split()) < MIN_CLAUSE_WORDS:
        return None
    return Quote(who.name, clause, INDIRECT, cue, sentence[0], sentence[1], who.by_pronoun)


def _said_aside(article: _Article, sentence: tuple[int, int], indices: range, position: int) -> Quote | None:
    """`…, kata X, …`, `…, kata X.`, `Kata X, …` and `Katanya, …` without marks."""
    tokens = article.tokens
    cue_index = indices[position]
    cue = tokens[cue_index]
    root = _cue_root(cue.lower, article.lex)
    if cue.lower != root:
        who = _Who(article.last_speaker(tokens.start(cue_index)), by_pronoun=True)
        name_end = tokens.end(cue_index)
    else:
        name_end = _clause_stop(article, cue_index + 1, sentence[1])
        who = _named_after(article, cue_index, name_end)
        if who is None:
            return None
    before_end = tokens.start(indices[position - 1]) if position > 0 else sentence[0]
    if position > 0 and tokens[indices[position - 1]].text != ",":
        before_end = tokens.end(indices[position - 1])
    before = article.text[sentence[0]:before_end].strip(" ,")
    rest = _clause_start(article, article.token_at(name_end), sentence[1])
    if before and not _is_lead_in(article, before):
        if rest is None:
            return _clause_quote(article, who, cue.text, sentence[0], sentence[0] + len(before))
        return _joined_quote(article, who, cue.text, sentence, before, rest)
    if rest is None:
        return None
    return _clause_quote(article, who, cue.text, rest, sentence[1])


# -- standalone quotes ---------------------------------------------------------------------------

def _resolve_pending(article: _Article, pending: list[tuple[_Span, int]], found: list[Quote]) -> list[Quote]:
    """A quote that is a sentence of its own continues the speaker before it; one that runs on to the next
    paragraph without a closing mark is said by whoever the next quote names."""
    resolved = []
    for span, _ in pending:
        text, start, end = _inner(article.text, span)
        speaker = None
        if not span.closed:
            following = [q for q in found if q.kind == DIRECT and q.start > span.close]
            if following and following[0].start - span.close < 4:
                speaker = following[0].speaker
        speaker = speaker or article.last_speaker(span.open)
        resolved.append(Quote(speaker, text, DIRECT, None, start, end, True))
    return resolved
