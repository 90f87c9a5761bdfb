from search import facet_aliases
from search.facet_aliases import MAX_MATCHED_VALUES, ValueWords, alias_words, with_variants


def named_values(facet, typed, values):
    return facet_aliases.named_values(facet, typed, ValueWords(facet, values))


OFFICIALS = ["Joko Widodo", "Joko Widodo Kahiyang Ayu", "Iriana Joko Widodo", "Wayan Koster", "Wayan Sudirta"]
AGENCIES = ["Komisi Pemberantasan Korupsi", "Kementerian Dalam Negeri", "Dinas Kesehatan",
            "Dinas Kesehatan Kota Bekasi", "Kepolisian Daerah Bali"]


def test_a_value_in_any_case_is_that_value():
    assert named_values("official", "joko widodo", OFFICIALS) == ["Joko Widodo"]
    assert named_values("agency", "KEMENTERIAN dalam  negeri", AGENCIES) == ["Kementerian Dalam Negeri"]


def test_a_nickname_names_its_official_and_an_acronym_its_agency_and_the_units_regions_qualify():
    assert named_values("official", "Jokowi", OFFICIALS) == ["Joko Widodo"]
    assert named_values("agency", "kemendagri", AGENCIES) == ["Kementerian Dalam Negeri"]
    assert named_values("agency", "KPK", AGENCIES) == ["Komisi Pemberantasan Korupsi"]
    assert named_values("agency", "dinkes", AGENCIES) == ["Dinas Kesehatan", "Dinas Kesehatan Kota Bekasi"]


def test_otherwise_the_values_holding_every_word_and_nothing_for_no_value():
    assert named_values("official", "wayan", OFFICIALS) == ["Wayan Koster", "Wayan Sudirta"]
    assert named_values("official", "widodo", OFFICIALS) == ["Joko Widodo", "Joko Widodo Kahiyang Ayu",
                                                              "Iriana Joko Widodo"]
    assert named_values("official", "nobody", OFFICIALS) == []
    assert named_values("official", "  ", OFFICIALS) == []
    assert named_values("source", "detik", ["detik.com"]) == []  # the registry resolves outlets


def test_then_the_values_holding_every_word_among_their_other_names_words_as_the_type_ahead_lists_them():
    values = ["Kepolisian Daerah Bali", "Kepolisian Daerah Jawa Timur", "Kepolisian Resor Malang",
              "Pemerintah Kabupaten Lampung Selatan", "Dinas Kesehatan Kota Bekasi"]
    assert named_values("agency", "polda", values) == ["Kepolisian Daerah Bali", "Kepolisian Daerah Jawa Timur"]
    assert named_values("agency", "Polda Bali", values) == ["Kepolisian Daerah Bali"]
    assert named_values("agency", "polres", values) == ["Kepolisian Resor Malang"]
    assert named_values("agency", "pemkab lampung", values) == ["Pemerintah Kabupaten Lampung Selatan"]
    assert named_values("agency", "lamsel", values) == ["Pemerintah Kabupaten Lampung Selatan"]
    assert named_values("agency", "polda nowhere", values) == []
    # a value's own words come first: `daerah` is a word of both Poldas, not a short form of anything else
    assert named_values("agency", "daerah", values) == ["Kepolisian Daerah Bali", "Kepolisian Daerah Jawa Timur"]


def test_alias_words_are_the_words_of_other_names_for_the_type_ahead():
    assert alias_words("agency", "Komisi Pemberantasan Korupsi") == frozenset({"komisi", "pemberantasan", "korupsi",
                                                                               "kpk"})
    assert alias_words("agency", "Dinas Kesehatan Kota Bekasi") == frozenset({"dinas", "kesehatan", "dinkes"})
    assert alias_words("agency", "Kepolisian Daerah Bali") == frozenset({"kepolisian", "daerah", "bali", "polda",
                                                                         "mapolda"})  # its headquarters' name too
    assert alias_words("official", "Joko Widodo") == frozenset({"jokowi"})
    assert alias_words("official", "Wayan Koster") == frozenset()
    assert alias_words("source", "detik.com") == frozenset()
    assert alias_words("region", "18.01") == frozenset({"lamsel"})
    assert alias_words("region", "31.74") == frozenset({"jaksel"})
    assert alias_words("region", "18.71") == frozenset({"bandarlampung"})
    assert alias_words("region", "11.01") == frozenset()


def test_an_officials_value_brings_the_other_forms_of_the_same_person_and_nobody_sharing_a_surname():
    values = ["Sri Mulyani", "Sri Mulyani Indrawati", "Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono",
              "Tito Karnavian", "M. Tito", "Muhammad Tito Karnavian"]
    assert named_values("official", "sri mulyani", values) == ["Sri Mulyani", "Sri Mulyani Indrawati"]
    assert named_values("official", "Muhammad Tito Karnavian", values) == [  # names alone: `M. Tito` needs a role
        "Muhammad Tito Karnavian", "Tito Karnavian"]
    assert named_values("official", "Agus Harimurti Yudhoyono", values) == ["Agus Harimurti Yudhoyono"]
    assert with_variants("agency", ["Dinas Kesehatan"], AGENCIES) == ["Dinas Kesehatan"]
    # the words of a name bring the other forms of the persons found, as selecting them does (trial 27)
    assert named_values("official", "indrawati", values) == ["Sri Mulyani Indrawati", "Sri Mulyani"]


def test_the_values_holding_typed_words_come_most_frequent_first_up_to_the_cap():
    values = [f"Wayan {n}" for n in range(MAX_MATCHED_VALUES + 5)] + ["Made Wayan", "Made Koster"]
    words = ValueWords("official", values)
    assert words.holding("WAYAN  made") == ["Made Wayan"]
    assert words.holding("wayan") == values[:MAX_MATCHED_VALUES]
    assert words.holding("wayan nobody") == []
    assert words.same("made koster") == ["Made Koster"]
    assert ValueWords("agency", ["Kepolisian Daerah Bali"]).holding("polda bali") == []  # own words only
    assert ValueWords("agency", ["Kepolisian Daerah Bali"]).holding("polda bali", aliased=True) == [
        "Kepolisian Daerah Bali"]


def test_a_names_word_is_compared_without_its_punctuation_as_the_type_ahead_and_identity_read_it():
    values = ["M. Tito Karnavian", "M Rum", "Ma'ruf Amin"]
    assert named_values("official", "M", values) == named_values("official", "M.", values) == [
        "M. Tito Karnavian", "M Rum"]
    assert named_values("official", "m tito", values) == ["M. Tito Karnavian"]
    assert named_values("official", "ma'ruf", values) == ["Ma'ruf Amin"]
    assert named_values("official", "van hung", ["Đỗ Văn Hưng"]) == ["Đỗ Văn Hưng"]  # marks left out, as typed_into
    assert [named_values("official", typed, values) for typed in (".", "\ufffd", "- -")] == [[], [], []]  # no word
    # other values are read between spaces: a source's or a region's words are not its parts
    assert named_values("source", "com", ["detik.com", "kompas.com"]) == []
    assert named_values("region", "01", ["18.01", "31.01"]) == []
