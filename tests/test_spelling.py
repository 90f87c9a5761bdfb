import pytest

from search.spelling import best_spelling, corrected_words, edit_distance


class FakeReader:
    def __init__(self, frequencies):
        self.frequencies = frequencies

    def doc_frequency(self, fieldname, text):
        return self.frequencies.get(text, 0)

    def terms_within(self, fieldname, text, maxdist, prefix=0):
        return [t for t in self.frequencies if t[:prefix] == text[:prefix] and edit_distance(t, text) <= maxdist]


@pytest.mark.parametrize("a, b, distance", [
    ("kemendagri", "kemendagri", 0), ("kemendagi", "kemendagri", 1), ("kemendgari", "kemendagri", 1),
    ("bupati", "bupaty", 1), ("", "abc", 3),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance


def test_best_spelling_prefers_close_then_frequent_and_needs_a_real_gain():
    reader = FakeReader({"kemendagri": 40, "kemenag": 30, "kemendag": 2})
    assert best_spelling(reader, "kemendagi") == "kemendagri"
    assert best_spelling(FakeReader({"bupati": 3, "bupaty": 1}), "bupaty") is None  # 3 is not 5 times 1
    assert best_spelling(reader, "abc") is None  # too short to correct


def test_corrected_words_only_when_something_changes():
    reader = FakeReader({"kemendagri": 40, "rapat": 20})
    assert corrected_words(reader, ["kemendagi", "rapat"], total=0) == ["kemendagri", "rapat"]
    assert corrected_words(reader, ["kemendagri", "rapat"], total=0) is None


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
    assert len(reader.asked) == MAX_CANDIDATES + 1  # the word itself, then each weighed candidate
