from search.extract.agencies import agency_forms
from search.extract.gazetteer import Gazetteer, _words
from search.extract.lexicon import load_lexicon
from search.extract.tokens import tokenize


def test_names_are_split_into_the_words_tokenize_finds():
    lexicon = load_lexicon()
    names = [name for name, _ in agency_forms(lexicon)]
    names += [name for entry in lexicon.regional_units for name in (entry.canonical, *entry.aliases)]
    names += ["Dr. H. Suhajar Diantoro, M.Si.", "Bappeda  Lampung", "Dinas PU-PR", "D'Masiv", " Kemendagri"]
    assert len(names) > 10_000
    for name in names:
        assert _words(name) == [token.text for token in tokenize(name) if token.is_word], name


def test_longest_name_wins_and_acronyms_match_only_in_capitals():
    gazetteer = Gazetteer()
    gazetteer.add("Dinas Kesehatan", "dinkes")
    gazetteer.add("Dinas Kesehatan Provinsi Lampung", "dinkes-lampung")
    gazetteer.add("PUPR", "pupr")
    tokens = tokenize("Kepala Dinas Kesehatan Provinsi Lampung dan Dinas Kesehatan serta PUPR, bukan Pupr.")
    assert [match.value for match in gazetteer.find_all(tokens)] == ["dinkes-lampung", "dinkes", "pupr"]


def test_openings_are_the_tokens_a_name_may_start_with_and_matches_skip_inside_a_longer_one():
    gazetteer = Gazetteer()
    gazetteer.add("Dinas Kesehatan", "dinkes")
    gazetteer.add("Kesehatan Hewan", "keswan")
    tokens = tokenize("Dinas Kesehatan Hewan dan kesehatan hewan, lalu Kesehatan Hewan.")
    assert gazetteer.openings(tokens) == [0, 1, 4, 8]
    assert [(match.start, match.end, match.value) for match in gazetteer.find_all(tokens)] == [
        (0, 2, "dinkes"), (8, 10, "keswan")]  # `kesehatan` in lower case opens no name
