"""Fixtures: a tiny index built with the same function `warta reindex` uses, and the app over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.indexer import build_index
from search.query import SearchService
from web import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_d25a097849e16654.txt"
CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
SHARED = ROOT.parent / "shared"

SEED_OFFICIALS = [
    "Thamrin", "Eka Riantinawati", "Badruzzaman", "Muhadi", "Yudhistira", "Suhajar Diantoro", "Eko Prasojo",
    "Erwan Agus Purwanto", "Tomsi Tohir Balaw", "Alex Denni", "Y Syaiful Garyadi",
]
SEED_AGENCIES = [
    "Pemerintah Kabupaten Lampung Selatan",
    "Kementerian Dalam Negeri",
    "Komite Reformasi Birokrasi Nasional",
    "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan",
    "Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan",
]


@pytest.fixture(scope="session")
def index_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("index")
    report = build_index([SEEDS, CORPUS], root)
    assert report.errors == [], report.errors
    return root


@pytest.fixture(scope="session")
def service(index_root):
    search_service = SearchService(index_root)
    yield search_service
    search_service.close()


@pytest.fixture()
def app(index_root):
    flask_app = create_app({"WARTA_INDEX": str(index_root), "TESTING": True})
    yield flask_app
    flask_app.extensions["warta"].close()


@pytest.fixture()
def client(app):
    return app.test_client()
