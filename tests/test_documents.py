from search.articles import Article
from search.documents import stored_article, to_document
from search.loaders import read_seed_text
from search.schema import build_schema

from .conftest import SEED_AGENCIES, SEED_FILE, SEED_OFFICIALS


def test_seed_document_fields():
    document = to_document(read_seed_text(SEED_FILE))
    assert document["date"] == "2022-09-28"
    assert document["date_num"] == 20220928
    assert document["official"].split("\n") == SEED_OFFICIALS
    assert document["agency"].split("\n") == SEED_AGENCIES
    assert document["officials"][5] == {"name": "Suhajar Diantoro", "role": "Sekretaris Jenderal Kemendagri",
                                        "surfaces": ["Suhajar Diantoro", "Suhajar"]}
    assert document["agencies"][1] == {"name": "Kementerian Dalam Negeri", "acronym": "Kemendagri",
                                       "surfaces": ["Kementerian Dalam Negeri", "Kemendagri"]}
    assert document["title"] == document["title_surface"]
    assert document["body"] == document["body_surface"]


def test_a_stored_document_gives_back_the_article_it_was_made_of():
    """What rewriting a document in another story reads instead of its source file."""
    stored_names = build_schema().stored_names()
    bare = Article(id="tanpa-sumber", title="Rapat", body="Bupati Nanang Ermanto memimpin rapat di Kalianda.")
    for article in (read_seed_text(SEED_FILE), bare):
        document = to_document(article, story="cerita")
        again = stored_article({name: document[name] for name in stored_names if name in document})
        assert (again.to_dict(), to_document(again, story="cerita")) == ({**article.to_dict(), "origin": ""}, document)
