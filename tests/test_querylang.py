import pytest

from search.querylang import Clause, parse


@pytest.mark.parametrize("text, groups", [
    ("reformasi birokrasi", ((Clause(("reformasi",)),), (Clause(("birokrasi",)),))),
    ('"kelas dunia"', ((Clause(("kelas", "dunia"), phrase=True),),)),
    ("reformasi -zoom", ((Clause(("reformasi",)),), (Clause(("zoom",), negated=True),))),
    ("bupati OR walikota", ((Clause(("bupati",)), Clause(("walikota",))),)),
    ("birokra*", ((Clause(("birokra",), prefix=True),),)),
    ("PAN-RB", ((Clause(("pan-rb",)),),)),
    ("kota/kabupaten", ((Clause(("kota", "kabupaten"), phrase=True),),)),
    ('"lone quote', ((Clause(("lone", "quote"), phrase=True),),)),
    ("* ) ( OR", ()),
    ("+lampung dana", ((Clause(("lampung",), required=True),), (Clause(("dana",)),))),
    ('+"kelas dunia" -"x y"', ((Clause(("kelas", "dunia"), phrase=True, required=True),),
                               (Clause(("x", "y"), phrase=True, negated=True),))),
    ("dana AND desa korupsi", ((Clause(("dana",), required=True),), (Clause(("desa",), required=True),),
                               (Clause(("korupsi",)),))),
    ("AND desa", ((Clause(("desa",)),),)),
    ("bupati OR camat AND desa", ((Clause(("bupati",), required=True), Clause(("camat",), required=True)),
                                  (Clause(("desa",), required=True),))),
    ("dana AND -desa", ((Clause(("dana",), required=True),), (Clause(("desa",), negated=True),))),
    ("", ()),
])
def test_parse(text, groups):
    assert parse(text).groups == groups


def test_empty_and_negative_only_queries_are_empty():
    assert parse("").is_empty
    assert parse("-zoom").is_empty
    assert not parse("zoom").is_empty


def test_positive_words_leave_out_negated_ones():
    assert parse('reformasi "kelas dunia" -zoom').positive_words == {"reformasi", "kelas", "dunia"}


@pytest.mark.parametrize("typed", ["bu\u200bpati", "bu\u00adpati", "ｂｕｐａｔｉ", "bupati\ufeff", "bu\u2060pati"])
def test_queries_in_other_unicode_forms_are_the_plain_word(typed):
    assert parse(typed).groups == ((Clause(("bupati",)),),)


def test_decomposed_accents_are_composed():
    assert parse("Ma\u0301rquez").groups == ((Clause(("márquez",)),),)


@pytest.mark.parametrize("text, nothing", [("😀", True), ("!!! ...", True), ('""', True), ("", True),
                                           ("-camat", False), ("region:lamsel", False), ("from:2022", False),
                                           ("camat 😀", False)])
def test_a_query_reads_nothing_when_no_word_filter_or_date_is_in_it(text, nothing):
    assert parse(text).reads_nothing is nothing
