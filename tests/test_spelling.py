import numpy as np
import pytest

from search.spelling import best_spelling, close_spellings, corrected_words, edit_distance, gazetteer_words, name_words


class FakeReader:
    def __init__(self, frequencies):
        self.frequencies = frequencies

    def doc_frequency(self, fieldname, text):
        return self.frequencies.get(text, 0)

    def terms_within(self, fieldname, text, maxdist, prefix=0, at_least=0, closest=False):
        return [t for t in self.frequencies if t[:prefix] == text[:prefix] and edit_distance(t, text) <= maxdist
                and self.frequencies[t] >= at_least]


@pytest.mark.parametrize("a, b, distance", [
    ("kemendagri", "kemendagri", 0), ("kemendagi", "kemendagri", 1), ("kemendgari", "kemendagri", 1),
    ("bupati", "bupaty", 1), ("", "abc", 3),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance


def test_best_spelling_prefers_close_then_frequent_and_needs_a_real_gain():
    reader = FakeReader({"kemendagri": 40, "kemenag": 30, "kemendag": 2})
    assert best_spelling(reader, "kemendagi") == "kemendagri"
    assert best_spelling(FakeReader({"bupati": 3, "bupaty": 1}), "bupaty") is None  # 3 is not 20 times 1
    assert best_spelling(reader, "abc") is None  # too short to correct


def test_corrected_words_only_when_something_changes():
    reader = FakeReader({"kemendagri": 40, "rapat": 20})
    assert corrected_words(reader, ["kemendagi", "rapat"], total=0) == ["kemendagri", "rapat"]
    assert corrected_words(reader, ["kemendagri", "rapat"], total=0) is None


def test_known_words_are_respelled_only_when_every_word_is_known_and_results_are_few():
    reader = FakeReader({"kemendagri": 40, "bupaty": 1, "bupati": 30})
    assert corrected_words(reader, ["bupaty", "kemendagri"], total=2) == ["bupati", "kemendagri"]
    assert corrected_words(reader, ["bupaty", "kemendagri"], total=3) is None
    assert corrected_words(reader, ["bupaty", "kemendagi"], total=0) == ["bupaty", "kemendagri"]


@pytest.mark.parametrize("a, b, limit, answer", [
    ("kemendagri", "kemendagri", 1, 0), ("kemendagi", "kemendagri", 1, 1), ("kemendgari", "kemendagri", 1, 1),
    ("abcdef", "uvwxyz", 2, 3), ("abcdef", "uvwxyz", None, 6), ("lampumg", "lambung", 2, 2), ("ab", "ba", 0, 1),
    # a common beginning and end are left out: what is left decides, transpositions at their edge included
    ("pemerintah", "pemerintahan", 1, 2), ("pemerintah", "pemerintahan", None, 2), ("xaby", "xbay", 0, 1),
    ("aab", "aba", None, 1), ("abab", "baba", None, 2), ("kota", "kota", 0, 0), ("kota", "kot", 0, 1),
])
def test_edit_distance_with_a_limit_stops_above_it(a, b, limit, answer):
    assert edit_distance(a, b, limit) == answer


def test_best_spelling_weighs_at_most_max_candidates_close_words():
    from search.spelling import MAX_CANDIDATES

    class CountingReader(FakeReader):
        asked: list[str] = []

        def doc_frequency(self, fieldname, text):
            self.asked.append(text)
            return super().doc_frequency(fieldname, text)

    words = {f"kemen{a}{b}agri": 10 for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"}
    reader = CountingReader(words)
    assert len(reader.terms_within("body_surface", "kemendagri", 2, prefix=1)) > MAX_CANDIDATES
    assert best_spelling(reader, "kemendagri") is not None
    # the word itself and doubled in the bodies, then in the titles, then each weighed candidate
    assert len(reader.asked) == MAX_CANDIDATES + 4


def test_a_known_word_is_respelled_only_to_a_word_one_edit_away_in_far_more_articles():
    assert best_spelling(FakeReader({"bupaty": 1, "bupati": 19}), "bupaty") is None
    assert best_spelling(FakeReader({"bupaty": 1, "bupati": 20}), "bupaty") == "bupati"
    assert best_spelling(FakeReader({"pesohor": 1, "pemohon": 500}), "pesohor") is None  # two edits
    assert best_spelling(FakeReader({"pemohon": 500}), "pesohon") == "pemohon"  # unknown: two edits may do


def test_a_known_word_is_never_respelled_from_or_to_a_stop_word_a_place_or_a_name():
    protected = {"dan", "sampit", "koster"}.__contains__
    reader = FakeReader({"dana": 5, "dan": 1000, "sampit": 2, "sempit": 900, "kostar": 1, "koster": 400})
    assert best_spelling(reader, "dana") == "dan"  # what issue 16 saw: `korupsi dan desa`
    assert [best_spelling(reader, word, protected) for word in ("dana", "sampit", "kostar")] == [None, None, None]
    assert best_spelling(FakeReader({"dan": 1000}), "dana", protected) == "dan"  # unknown: any close word


def test_gazetteer_words_hold_stop_words_places_short_forms_and_nicknames():
    words = gazetteer_words()
    assert [w in words for w in ("dan", "sumedang", "lamsel", "kalianda", "jokowi", "widodo", "korupsi")] == \
        [True, True, True, True, True, True, False]
    assert name_words(["Wayan Koster", "Ir. H. Joko"]) == frozenset({"wayan", "koster", "joko"})


def test_the_spelling_table_finds_what_the_term_file_walk_found_and_asks_the_reader_the_rest():
    import numpy as np

    from search.spelling import SPELLING_FIELD, SpellingTable

    lexicon = {"kemenag": 30, "kemendag": 2, "kemendagri": 40, "lampu": 9, "lambung": 4, "lampung": 50,
               "kemen2": 3, "bupati": 7}
    reader = FakeReader({**lexicon, "bupaty": 1})
    segments = [(sorted(lexicon)[:4], np.array([lexicon[w] for w in sorted(lexicon)[:4]])),
                (sorted(lexicon)[4:], np.array([lexicon[w] for w in sorted(lexicon)[4:]]))]
    table = SpellingTable.from_lexicon(segments, reader)
    assert table.words == ["bupati", "kemenag", "kemendag", "kemendagri", "lambung", "lampu", "lampung"]
    for word, maxdist in (("lampumg", 2), ("kemendagi", 2), ("kemenda", 1), ("bupaty", 1), ("xyz", 2)):
        assert table.terms_within(SPELLING_FIELD, word, maxdist, prefix=1) == \
            sorted(FakeReader(lexicon).terms_within(SPELLING_FIELD, word, maxdist, prefix=1)), word
    assert table.doc_frequency(SPELLING_FIELD, "lampung") == 50
    assert table.doc_frequency(SPELLING_FIELD, "bupaty") == 1  # not in the table: the reader answers
    assert best_spelling(table, "lampumg") == "lampung"
    assert SpellingTable.from_lexicon(segments, reader, limit=2).words == ["kemendagri", "lampung"]



@pytest.mark.parametrize("seed", range(40))
def test_a_merged_lexicon_sums_every_segments_letter_words_in_order(seed):
    import random

    import numpy as np

    from search.spelling import merged_lexicon

    chosen = random.Random(seed)
    vocabulary = ["bupati", "camat", "desa", "kab2", "lurah", "pasar", "warga", "zona", "ábc", "é", "ala"]
    segments = []
    for _ in range(chosen.randint(0, 5)):
        words = sorted(chosen.sample(vocabulary, chosen.randint(0, len(vocabulary))))
        segments.append((words, np.array([chosen.randint(0, 3) for _ in words], dtype=np.int32)))
    expected: dict[str, int] = {}
    for words, counts in segments:
        for word, count in zip(words, counts.tolist()):
            expected[word] = expected.get(word, 0) + count
    expected = {word: count for word, count in sorted(expected.items()) if count and word.isalpha()}
    words, counts = merged_lexicon(segments)
    assert (words, counts.tolist()) == (list(expected), list(expected.values()))
    again, again_counts = merged_lexicon([(words, counts), *segments[:1]])  # a merged part merged again
    first = dict(zip(*segments[0])) if segments else {}
    assert dict(zip(again, again_counts.tolist())) == {
        word: count + int(first.get(word, 0)) for word, count in {**{w: 0 for w in first}, **expected}.items()
        if count + int(first.get(word, 0)) and word.isalpha()}
    assert again == sorted(again)


def test_letter_table_counts_each_word_letters_a_to_z_and_the_rest():
    import numpy as np

    from search.spelling import _letter_table

    table = _letter_table(["aab", "zé", ""], np.array([3, 2, 0]))
    assert table.shape == (3, 27)
    assert [row.nonzero()[0].tolist() for row in table] == [[0, 1], [25, 26], []]
    assert table[0, 0] == 2 and table[0, 1] == 1 and table[1, 25] == 1 and table[1, 26] == 1


def test_close_spellings_are_those_as_close_as_the_best_most_frequent_first():
    reader = FakeReader({"main": 900, "madiun": 40, "makmun": 3, "mamun": 2, "maiunn": 1})
    # `maiunn` finishes the typed word: it counts ten times its articles, ahead of `mamun`
    assert close_spellings(reader, "maiun") == ["main", "madiun", "maiunn"]  # `mamun` too, beyond the 3 kept
    assert close_spellings(reader, "maiun", limit=5) == ["main", "madiun", "maiunn", "mamun"]  # makmun: 2 edits
    assert close_spellings(FakeReader({"buat": 600, "bupati": 400}), "bupat") == ["bupati", "buat"]
    assert close_spellings(FakeReader({"buat": 6000, "bupati": 400}), "bupat") == ["buat", "bupati"]
    assert close_spellings(FakeReader({"bupaty": 1, "bupati": 19}), "bupaty") == []


def test_a_word_longer_than_any_spelling_stays_out_of_the_table_and_the_index_searches(tmp_path):
    import json

    from search.indexer import build_index
    from search.query import SearchRequest, SearchService
    from search.spelling import _letters_only

    words, counts = _letters_only(["x" * 32768, "bupati"], np.array([1, 5]))
    assert (words, counts.tolist()) == (["bupati"], [5])
    body = "Isi berita yang cukup panjang untuk dianggap artikel di Lampung Selatan. " + "x" * 32768 + " akhir."
    (tmp_path / "big.jsonl").write_text(json.dumps({"url": "https://a.id/x", "body": body}) + "\n", encoding="utf-8")
    build_index([tmp_path / "big.jsonl"], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    try:
        assert service.search(SearchRequest(q="lampun"))["suggestion"] == "lampung"  # the spelling table builds
    finally:
        service.close()


FIRST_LETTER_TYPOS = [("bresiden", "presiden"), ("xpresiden", "presiden"), ("residen", "presiden"),
                      ("xkorupsi", "korupsi"), ("orupsi", "korupsi"), ("lorupsi", "korupsi"), ("okrupsi", "korupsi")]


def first_letter_table():
    from search.spelling import SpellingTable

    lexicon = {"presiden": 50, "korupsi": 40, "lousi": 1, "okupasi": 3, "kemendagri": 10, "residen": 0}
    words = sorted(word for word in lexicon if lexicon[word])
    return SpellingTable.from_lexicon([(words, np.array([lexicon[w] for w in words]))], FakeReader(lexicon))


@pytest.mark.parametrize("typed, meant", FIRST_LETTER_TYPOS)
def test_a_typo_in_the_first_letter_is_corrected_too(typed, meant):
    """Trial 43, F4: `bresiden` found nothing and `lorupsi` was `lousi` (two edits), since only spellings with the
    typed first letter were weighed."""
    assert best_spelling(first_letter_table(), typed) == meant
    assert best_spelling(FakeReader({"presiden": 50, "korupsi": 40, "lousi": 1, "okupasi": 3}), typed) == meant


def test_the_spelling_table_finds_close_words_of_any_first_letter_as_a_walk_of_every_word_does():
    from search.spelling import SPELLING_FIELD

    lexicon = {"kemenag": 30, "kemendag": 2, "kemendagri": 40, "lampu": 9, "lambung": 4, "lampung": 50,
               "kampung": 7, "bupati": 7, "upati": 2, "presiden": 9, "residen": 1}
    words = sorted(lexicon)
    from search.spelling import SpellingTable

    table = SpellingTable.from_lexicon([(words, np.array([lexicon[w] for w in words]))], FakeReader(lexicon))
    for word, maxdist in (("lampumg", 2), ("xampung", 2), ("ampung", 1), ("bupaty", 1), ("xbupati", 1),
                          ("residen", 1), ("eresiden", 2), ("pati", 1)):
        assert table.terms_within(SPELLING_FIELD, word, maxdist) == \
            sorted(FakeReader(lexicon).terms_within(SPELLING_FIELD, word, maxdist)), word
    assert table.terms_within(SPELLING_FIELD, "xampung", 1) == ["kampung", "lampung"]
    # the closest only, the word itself aside: `lampumg` is one edit from lampung, two from the others
    assert table.terms_within(SPELLING_FIELD, "lampumg", 2) == ["kampung", "lambung", "lampu", "lampung"]
    assert table.terms_within(SPELLING_FIELD, "lampumg", 2, closest=True) == ["lampung"]
    assert table.terms_within(SPELLING_FIELD, "lampung", 2, closest=True) == ["kampung", "lambung"]
    assert table.terms_within(SPELLING_FIELD, "kemendagi", 2, closest=True) == ["kemendag", "kemendagri"]


def test_a_word_the_index_writes_only_doubled_is_known_and_not_respelled():
    """Trial 43, F3: `cumi`, written *cumi-cumi* only, was respelled `cuma`, whose 552 articles buried the one."""
    from search.spelling import documents_holding

    reader = FakeReader({"cuma": 500, "cumi-cumi": 1, "kanak-kanak": 2, "anak": 900})
    assert [documents_holding(reader, "body_surface", w) for w in ("cumi", "kanak", "cuma", "cumu")] == [1, 2, 500, 0]
    assert corrected_words(reader, ["cumi"], total=3) is None  # known, and enough articles found
    assert corrected_words(reader, ["kanak"], total=3) is None
    assert corrected_words(reader, ["cumu"], total=3) == ["cuma"]
    # known: respelled, as any known word, only to one a single edit away in 20 times as many articles
    assert best_spelling(FakeReader({"cuma": 19, "cumi-cumi": 1}), "cumi") is None
    assert best_spelling(FakeReader({"cuma": 20, "cumi-cumi": 1}), "cumi") == "cuma"


class FieldReader(FakeReader):
    """Frequencies per field: {field: {word: articles}}."""

    def __init__(self, fields):
        super().__init__(fields["body_surface"])
        self.fields = fields

    def doc_frequency(self, fieldname, text):
        return self.fields.get(fieldname, {}).get(text, 0)


def test_a_word_written_only_in_titles_is_known_and_not_respelled():
    """Trial 50: `celtic perpanjang kontrak tierny` was suggested as `... terpanjang ...`: `perpanjang` stood in
    titles (`Fernandinho Perpanjang Kontrak`) while the bodies wrote `memperpanjang`."""
    from search.spelling import known_frequency

    reader = FieldReader({"body_surface": {"terpanjang": 30, "tierney": 4}, "title_surface": {"perpanjang": 3}})
    assert [known_frequency(reader, w) for w in ("perpanjang", "terpanjang", "tierny")] == [3, 30, 0]
    assert corrected_words(reader, ["perpanjang", "tierny"], total=0) == ["perpanjang", "tierney"]
    assert best_spelling(reader, "perpanjang") is None  # known: one edit away only, and 30 is not 20 times 3
    assert corrected_words(FieldReader({"body_surface": {"terpanjang": 30}, "title_surface": {}}),
                           ["perpanjang"], total=0) == ["terpanjang"]
