from hypothesis import given, settings
from hypothesis import strategies as st

from search.extract.tokens import tokenize


def test_texts_follow_the_tokens_with_a_full_stop_kept_by_an_abbreviation():
    tokens = tokenize("Kata Dr. Oded M. Danial, di Bandung.", frozenset({"Dr."}))
    assert tokens.texts == [token.text for token in tokens]
    assert tokens.texts == ["Kata", "Dr.", "Oded", "M.", "Danial", ",", "di", "Bandung", "."]
    assert [tokens.start(i) for i in range(3)] == [0, 5, 9]


def test_an_undotted_word_drops_the_full_stop_written_after_it():
    """`Irjen. Helmy`: an officer's rank, whose full stop would end the sentence before the name."""
    for text in ("Kapolda Irjen. Helmy Santika.", "Kapolda (Irjen. Helmy Santika)."):
        tokens = tokenize(text, frozenset({"Pol."}), frozenset({"Irjen"}))
        assert [t for t in tokens.texts if t not in "()"] == ["Kapolda", "Irjen", "Helmy", "Santika", "."]
        irjen = tokens.texts.index("Irjen")
        assert text[tokens.start(irjen):tokens.end(irjen)] == "Irjen"
    assert tokenize("Irjen. Helmy", frozenset({"Irjen."})).texts == ["Irjen.", "Helmy"]  # not undotted: kept


def test_where_finds_the_positions_of_the_words_asked_for_in_order():
    tokens = tokenize("Ia mengatakan, kata Budi, bahwa kata itu benar, kata dia.")
    assert tokens.where({"kata", ","}) == [2, 3, 5, 7, 10, 11]
    assert tokens.where({"kata"}, start=4, stop=11) == [7]
    assert tokens.where({"Kata"}) == []  # as written: the case counts


def regex_tokens(text: str, abbreviations: frozenset[str]) -> list[tuple[str, int]]:
    """The tokens the regex alone reads from the whole text, as tokenize read them before its fast paths."""
    import re

    from search.extract.tokens import _TOKEN

    found: list[tuple[str, int]] = []
    position = 0
    for space, value in _TOKEN.findall(text):
        position += len(space)
        previous = found[-1][0] if found else ""
        if (value == "." and not space and previous and re.fullmatch(r"\w+", previous)
                and (previous + "." in abbreviations or (len(previous) == 1 and previous.isupper()))):
            found[-1] = (previous + ".", found[-1][1])
            position += 1
            continue
        found.append((value, position))
        position += len(value)
    return found


WORDS = st.sampled_from(["Dr", "Kata", "M", "kata", "2024", "Bupati", "Sekda", "SH", "Rp", "é", "²", "_x", "ab'c"])
MARKS = st.sampled_from([" ", "  ", ".", ",", ":", ";", "?", "!", ")", "(", '"', "'", "-", "\n", "\t", "\u00a0", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, MARKS), max_size=40))
def test_the_fast_paths_read_the_same_tokens_as_the_regex(pieces):
    """Words between spaces, and a word with one mark after it, skip the regex: the tokens, their texts and where
    they start stay the regex's own."""
    text = "".join(pieces)
    abbreviations = frozenset({"Dr.", "Rp."})
    tokens = tokenize(text, abbreviations)
    assert list(zip(tokens.texts, tokens.starts)) == regex_tokens(text, abbreviations)
    assert tokens.texts == [token.text for token in tokens]


LOWER_WORDS = st.sampled_from(["Kata", "kata", "KATA", "Kata.", "kata.", "M.", "ujar", "Ujarnya", "2024", "é", "É"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LOWER_WORDS, MARKS), max_size=40), st.integers(0, 20), st.integers(0, 40))
def test_where_lower_through_the_keys_finds_what_a_scan_of_every_token_finds(pieces, start, stop):
    """Words of letters are looked for among the key places (`Kata.` shares the key of `kata`, not its lower
    case); any other list by a scan of every token's lower case."""
    tokens = tokenize("".join(pieces), frozenset({"Kata."}))
    for words in (frozenset({"kata", "ujar", "é"}), frozenset({"kata.", "m.", "kata"})):
        expected = [i for i in range(start, min(stop, len(tokens))) if tokens[i].lower in words]
        assert tokens.where_lower(words, start, stop) == expected


def test_a_long_run_of_other_spaces_before_a_space_is_read_in_linear_time():
    """Trial 25: the regex asked again from each position of spaces ending a piece (20,000 tabs: 27 s)."""
    import time

    started = time.process_time()
    tokens = tokenize("kata" + "\t" * 20_000 + " kata" + "\u2028" * 20_000 + " lagi")
    assert tokens.texts == ["kata", "kata", "lagi"]
    assert time.process_time() - started < 2.0  # 0.01 s linear; the quadratic reading took over 50 s


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LOWER_WORDS, MARKS), max_size=40), st.integers(0, 20), st.integers(0, 40))
def test_where_and_where_key_through_places_find_what_a_scan_of_every_token_finds(pieces, start, stop):
    """Each text's positions are listed once, each key's from its texts' (`Kata`, `kata.`); a look with one
    word, several, or none, from `start` to `stop`, finds the tokens a scan of every token finds, in order."""
    tokens = tokenize("".join(pieces), frozenset({"Kata."}))
    for words in (frozenset({"kata"}), {"Kata", ",", "\n", "2024"}, ("ujar", "M."), frozenset({"absent"})):
        expected = [i for i in range(start, min(stop, len(tokens))) if tokens.texts[i] in words]
        assert tokens.where(words, start, stop) == expected
        assert tokens.where(words) == [i for i, text in enumerate(tokens.texts) if text in words]
        keys = {word.lower().rstrip(".") if word[:1].isalnum() else word for word in words}
        assert tokens.where_key(keys, start, stop) == [i for i in range(start, min(stop, len(tokens)))
                                                       if tokens[i].key in keys]
