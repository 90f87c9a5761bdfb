from search.documents import to_document
from search.loaders import read_seed_text

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
