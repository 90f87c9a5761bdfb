from search.synonyms import Synonyms, load_synonyms


def test_finds_longest_agency_names_in_words():
    synonyms = load_synonyms()
    found = synonyms.find("rapat kemendagri dan pemkab lampung selatan".split())
    assert [(m.start, m.end, m.agency.canonical) for m in found] == [
        (1, 2, "Kementerian Dalam Negeri"), (3, 6, "Pemerintah Kabupaten Lampung Selatan")]


def test_every_form_of_an_agency_is_known():
    agency = load_synonyms().lookup(("kemendagri",))
    assert ("kementerian", "dalam", "negeri") in agency.forms
    assert agency.in_facet


def test_ambiguous_acronyms_need_capitals():
    synonyms = Synonyms([("BIN", "Badan Intelijen Negara", True)], frozenset({"bin"}))
    assert synonyms.lookup(("bin",)) is None
    assert synonyms.lookup(("bin",), typed_in_capitals=True).canonical == "Badan Intelijen Negara"


def test_units_expand_in_text_but_are_not_facet_values():
    agency = load_synonyms().lookup(("diskominfo",))
    assert agency.canonical == "Dinas Komunikasi dan Informatika"
    assert not agency.in_facet
