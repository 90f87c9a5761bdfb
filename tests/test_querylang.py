import pytest

from search.errors import BadQueryError
from search.querylang import Clause, is_filler_group, parse


@pytest.mark.parametrize("text, groups", [
    ("reformasi birokrasi", ((Clause(("reformasi",)),), (Clause(("birokrasi",)),))),
    ('"kelas dunia"', ((Clause(("kelas", "dunia"), phrase=True, required=True),),)),
    ("reformasi -zoom", ((Clause(("reformasi",)),), (Clause(("zoom",), negated=True),))),
    ("bupati OR walikota", ((Clause(("bupati",)), Clause(("walikota",))),)),
    ("birokra*", ((Clause(("birokra",), prefix=True),),)),
    ("PAN-RB", ((Clause(("pan-rb",)),),)),
    ("kota/kabupaten", ((Clause(("kota", "kabupaten"), phrase=True),),)),
    ('"lone quote', ((Clause(("lone", "quote"), phrase=True, required=True),),)),
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
    ("dana AND NOT desa", ((Clause(("dana",), required=True),), (Clause(("desa",), negated=True),))),
    ("NOT", ()),
    ("korupsi NOT", ((Clause(("korupsi",)),),)),
    ("korupsi and kpk or not", ((Clause(("korupsi",)),), (Clause(("and",)),), (Clause(("kpk",)),),
                                (Clause(("or",)),), (Clause(("not",)),))),
    ("korupsi official: from: said:", ((Clause(("korupsi",)),),)),
    # an unknown field is one part, any of its words; left out, it leaves out each (`-(catatan OR presiden)`)
    ("catatan:presiden", ((Clause(("catatan",)), Clause(("presiden",))),)),
    ("-catatan:presiden", ((Clause(("catatan",), negated=True),), (Clause(("presiden",), negated=True),))),
    ("NOT catatan:presiden", ((Clause(("catatan",), negated=True),), (Clause(("presiden",), negated=True),))),
    ("korupsi -title:kpk", ((Clause(("korupsi",)),), (Clause(("title",), negated=True),),
                            (Clause(("kpk",), negated=True),))),
    ("korupsi NOT judul:kpk", ((Clause(("korupsi",)),), (Clause(("judul",), negated=True),),
                               (Clause(("kpk",), negated=True),))),
    ("korupsi -(title:kpk)", ((Clause(("korupsi",)),), (Clause(("title",), negated=True),),
                              (Clause(("kpk",), negated=True),))),
    ("+title:kpk", ((Clause(("title",), required=True), Clause(("kpk",), required=True)),)),
    # a `*` ending a word, however many, is a prefix; one before the word is nothing
    ("korupsi** *kpk*", ((Clause(("korupsi",), prefix=True),), (Clause(("kpk",), prefix=True),))),
    ("", ()),
    # parentheses group: `-( … )` and `NOT ( … )` leave out each part an OR joins in them
    ("korupsi NOT (kpk OR kejaksaan)", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),),
                                        (Clause(("kejaksaan",), negated=True),))),
    ("korupsi -(kpk OR (kejaksaan OR polri))", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),),
                                                (Clause(("kejaksaan",), negated=True),),
                                                (Clause(("polri",), negated=True),))),
    ("korupsi NOT(kpk)", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ("korupsi (-kpk)", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ("korupsi (kpk OR kejaksaan)", ((Clause(("korupsi",)),), (Clause(("kpk",)), Clause(("kejaksaan",))))),
    ("(kpk OR kejaksaan) OR polri", ((Clause(("kpk",)), Clause(("kejaksaan",)), Clause(("polri",))),)),
    ("dana AND (desa OR kota)", ((Clause(("dana",), required=True),),
                                 (Clause(("desa",), required=True), Clause(("kota",), required=True)))),
    ("+(a b) c", ((Clause(("a",), required=True),), (Clause(("b",), required=True),), (Clause(("c",)),))),
    ("korupsi (kpk OR", ((Clause(("korupsi",)),), (Clause(("kpk",)),))),  # the group ends with the query
    ("korupsi ) kpk ()", ((Clause(("korupsi",)),), (Clause(("kpk",)),))),
    ("(Persero)", ((Clause(("persero",)),),)),
    # a minus sign or a dash starting a word is a `-`; inside a word or alone it is not
    ("korupsi \u2212kpk \u2013polri \u2014tni \u2012bnn \ufe63bin \uff0djaksa",
     ((Clause(("korupsi",)),), *((Clause((word,), negated=True),) for word in
                                 ("kpk", "polri", "tni", "bnn", "bin", "jaksa")))),
    # ...inside a word it is the hyphen the word is searched with when typed `-`
    ("PAN\u2013RB 2019\u20132020 x\u2011y", ((Clause(("pan-rb",)),), (Clause(("2019-2020",)),), (Clause(("x-y",)),))),
    ("korupsi \u2010kpk \u2011polri", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),),
                                       (Clause(("polri",), negated=True),))),
    ("Jakarta \u2013 Presiden", ((Clause(("jakarta",)),), (Clause(("presiden",)),))),
    # a sign never cancels another: any `-` or `NOT` among them leaves out
    ("korupsi NOT NOT kpk", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ("korupsi --kpk", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ("korupsi NOT -kpk", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),))),
    ("korupsi +-kpk -+polri", ((Clause(("korupsi",)),), (Clause(("kpk",), negated=True),),
                               (Clause(("polri",), negated=True),))),
    ("-(-kpk)", ((Clause(("kpk",), negated=True),),)),
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


@pytest.mark.parametrize("text, filters, excluded, any_of", [
    ("official:jokowi OR official:ganjar", (), (), ((("official", "jokowi"), ("official", "ganjar")),)),
    ("official:(jokowi OR ganjar) presiden", (), (), ((("official", "jokowi"), ("official", "ganjar")),)),
    ('source:detik OR agency:kpk OR from:2022', (), (),
     ((("source", "detik"), ("agency", "kpk"), ("from", "2022")),)),
    ("official:jokowi OR official:", (("official", "jokowi"),), (), ()),
    ("-(official:jokowi OR official:ganjar)", (), (("official", "jokowi"), ("official", "ganjar")), ()),
    ("-official:(jokowi OR ganjar)", (), (("official", "jokowi"), ("official", "ganjar")), ()),
    ("official:-jokowi official:+ganjar", (("official", "ganjar"),), (("official", "jokowi"),), ()),
    ('official:"-jokowi"', (("official", "-jokowi"),), (), ()),  # quoted: the value as written
    # words one after the other in a field's group are one value; a signed unknown field or address a value
    ("official:(joko widodo)", (("official", "joko widodo"),), (), ()),
    ("official:(joko widodo OR ganjar)", (), (), ((("official", "joko widodo"), ("official", "ganjar")),)),
    ('official:("joko widodo" ganjar)', (("official", "joko widodo"), ("official", "ganjar")), (), ()),
    ("official:(NOT catatan:x)", (), (("official", "catatan:x"),), ()),
    ("said:(-https://x.com)", (), (("said", "https://x.com"),), ()),
])
def test_fields_joined_by_or_select_any_of_them(text, filters, excluded, any_of):
    parsed = parse(text)
    assert (parsed.filters, parsed.excluded, parsed.any_of) == (filters, excluded, any_of)


@pytest.mark.parametrize("text, message", [
    ("korupsi OR NOT kpk", "OR cannot join a part that is left out (NOT kpk): leave it out without OR "
                           "(korupsi -kpk), or ask for either without - or NOT (korupsi OR kpk)"),
    ("korupsi OR -kpk", "OR cannot join a part that is left out (-kpk): leave it out without OR (korupsi -kpk), "
                        "or ask for either without - or NOT (korupsi OR kpk)"),
    ("presiden NOT official:jokowi OR official:ganjar",
     "OR cannot join a part that is left out (NOT official:jokowi): leave it out without OR (korupsi -kpk), or ask "
     "for either without - or NOT (korupsi OR kpk)"),
    ("x OR -(a OR b)", "OR cannot join a part that is left out (-(a OR b)): leave it out without OR (korupsi -kpk), "
                       "or ask for either without - or NOT (korupsi OR kpk)"),
    ("-(korupsi kpk)", "-(korupsi kpk) leaves out the articles holding all of it together, which cannot be "
                       "searched: join its parts with OR, or write -korupsi -kpk to leave out each of them"),
    ("-(official:jokowi kpk*)", "-(official:jokowi kpk*) leaves out the articles holding all of it together, "
                                "which cannot be searched: join its parts with OR, or write -official:jokowi -kpk* "
                                "to leave out each of them"),
    ('NOT ("dana desa" kpk)', '-("dana desa" kpk) leaves out the articles holding all of it together, which cannot '
                              'be searched: join its parts with OR, or write -"dana desa" -kpk to leave out each of '
                              'them'),
    ("(jokowi presiden) OR ganjar", "OR cannot join (jokowi presiden), a group searched together: join its parts "
                                    "with OR too, or search the group and the other side apart"),
    ("korupsi OR official:jokowi", "OR joins words with words and fields with fields, not korupsi with "
                                   "official:jokowi: write them without OR to ask for both"),
    ("korupsi OR -title:kpk", "OR cannot join a part that is left out (-title:kpk): leave it out without OR "
                              "(korupsi -kpk), or ask for either without - or NOT (korupsi OR kpk)"),
    # `"…"~N` asks for the words near each other, which is not searched: never a phrase and a word `2`
    ('"komisi pemberantasan korupsi"~2', '"komisi pemberantasan korupsi"~2 asks for words near each other, which '
                                         'cannot be searched: write "komisi pemberantasan korupsi" for the '
                                         'phrase, or komisi pemberantasan korupsi without quotes for the words '
                                         'anywhere'),
    ('korupsi -"dana desa"~', '-"dana desa"~ asks for words near each other, which cannot be searched: write '
                              '-"dana desa" for the phrase, or -dana -desa without quotes for the words '
                              'anywhere'),
    ('korupsi NOT "dana desa"~3', '-"dana desa"~3 asks for words near each other, which cannot be searched: '
                                  'write -"dana desa" for the phrase, or -dana -desa without quotes for the words '
                                  'anywhere'),
    # a `*` ends a word: inside one it is no wildcard
    ("ko*rup*", "a * ends a word, so ko*rup* cannot be searched: write ko* for the words starting ko, or the "
                "whole word"),
    ("korupsi -ko*si", "a * ends a word, so -ko*si cannot be searched: write -ko* for the words starting ko, or "
                       "the whole word"),
    ("NOT +ko*si", "a * ends a word, so -ko*si cannot be searched: write -ko* for the words starting ko, or "
                   "the whole word"),
    ("pe*-rintah", "a * ends a word, so pe*-rintah cannot be searched: write pe* for the words starting pe, or "
                   "the whole word"),
])
def test_what_cannot_be_searched_as_written_is_refused_saying_what_to_write(text, message):
    with pytest.raises(BadQueryError) as caught:
        parse(text)
    assert (str(caught.value), caught.value.code) == (message, "bad_syntax")


def test_a_query_of_exclusions_reads_something_and_empty_fields_read_nothing():
    assert not parse("-official:jokowi").reads_nothing
    assert parse("official: NOT").reads_nothing


@pytest.mark.parametrize("word, filler", [("and", True), ("or", True), ("not", True), ("siapa", True),
                                          ("korupsi", False)])
def test_lower_case_operators_are_fillers(word, filler):
    assert is_filler_group([Clause((word,))]) is filler


@pytest.mark.parametrize("text, groups", [
    # trial 43 (F2): a quoted phrase is required alone; in an OR group it is one alternative of a group
    # relaxation may drop, as `(zzzqx OR yyyqx)` is
    ('korupsi (zzzqx OR "abc def")', ((Clause(("korupsi",)),),
                                      (Clause(("zzzqx",)), Clause(("abc", "def"), phrase=True)))),
    ('"abc def" OR "ghi jkl"', ((Clause(("abc", "def"), phrase=True), Clause(("ghi", "jkl"), phrase=True)),)),
    ('korupsi ("abc def")', ((Clause(("korupsi",)),), (Clause(("abc", "def"), phrase=True, required=True),))),
    ('korupsi ("abc def" OR', ((Clause(("korupsi",)),), (Clause(("abc", "def"), phrase=True, required=True),))),
    # a sign or an AND still requires the group, or the one alternative signed
    ('korupsi +(zzzqx OR "abc def")', ((Clause(("korupsi",)),), (Clause(("zzzqx",), required=True),
                                                                  Clause(("abc", "def"), phrase=True, required=True)))),
    ('korupsi AND (zzzqx OR "abc def")', ((Clause(("korupsi",), required=True),),
                                          (Clause(("zzzqx",), required=True),
                                           Clause(("abc", "def"), phrase=True, required=True)))),
    ('korupsi (zzzqx OR +"abc def")', ((Clause(("korupsi",)),),
                                       (Clause(("zzzqx",)), Clause(("abc", "def"), phrase=True, required=True)))),
    ("korupsi (zzzqx OR +kpk)", ((Clause(("korupsi",)),), (Clause(("zzzqx",)), Clause(("kpk",), required=True)))),
])
def test_a_phrase_in_an_or_group_is_required_only_when_the_group_is(text, groups):
    assert parse(text).groups == groups
