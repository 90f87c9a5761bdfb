import pytest

from search.querylang import Clause, is_filler_group, parse


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
    ("korupsi NOT kpk", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ('NOT "kelas dunia" NOT +lampung NOT -zoom', ((Clause(("kelas", "dunia"), phrase=True, negated=True),),
                                                 (Clause(("lampung",), negated=True),),
                                                 (Clause(("zoom",), negated=True),))),
    ("bupati OR NOT camat", ((Clause(("bupati",)),), (Clause(("camat",), negated=True),))),
    ("dana AND NOT desa", ((Clause(("dana",), required=True),), (Clause(("desa",), negated=True),))),
    ("NOT", ()),
    ("korupsi NOT", ((Clause(("korupsi",)),),)),
    ("korupsi and kpk or not", ((Clause(("korupsi",)),), (Clause(("and",)),), (Clause(("kpk",)),),
                                (Clause(("or",)),), (Clause(("not",)),))),
    ("korupsi official: from: said:", ((Clause(("korupsi",)),),)),
    ("-catatan:presiden", ((Clause(("catatan", "presiden"), phrase=True, negated=True),),)),
    ("NOT catatan:presiden", ((Clause(("catatan", "presiden"), phrase=True, negated=True),),)),
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


@pytest.mark.parametrize("text, filters, dates, excluded", [
    ("korupsi -official:jokowi", (), (), (("official", "jokowi"),)),
    ('-agency:kpk -source:detik -region:"jawa timur" -said:jokowi -place:kalianda -quoted:jokowi', (), (),
     (("agency", "kpk"), ("source", "detik"), ("region", "jawa timur"), ("said", "jokowi"), ("place", "kalianda"),
      ("quoted", "jokowi"))),
    ("NOT official:jokowi NOT from:2022", (), (), (("official", "jokowi"), ("from", "2022"))),
    ("+official:jokowi -to:2017", (("official", "jokowi"),), (), (("to", "2017"),)),
    ("official:jokowi from:2022", (("official", "jokowi"),), (("from", "2022"),), ()),
    ("official: -official: NOT source: from: -to:", (), (), ()),
])
def test_a_negated_field_is_excluded_and_an_empty_one_asks_for_nothing(text, filters, dates, excluded):
    parsed = parse(text)
    assert (parsed.filters, parsed.dates, parsed.excluded) == (filters, dates, excluded)


def test_a_query_of_exclusions_reads_something_and_empty_fields_read_nothing():
    assert not parse("-official:jokowi").reads_nothing
    assert parse("official: NOT").reads_nothing


@pytest.mark.parametrize("word, filler", [("and", True), ("or", True), ("not", True), ("siapa", True),
                                          ("korupsi", False)])
def test_lower_case_operators_are_fillers(word, filler):
    assert is_filler_group([Clause((word,))]) is filler
