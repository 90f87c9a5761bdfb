"""Fixtures: a tiny index built with the same function `warta reindex` uses, and the app over it."""

from __future__ import annotations

import json
import shutil
import signal
from contextlib import contextmanager
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


class Hung(BaseException):
    """Raised by `deadline` into a block that ran too long (a BaseException: no `except OSError` or
    `except Exception` on the way turns it into an answer)."""


@contextmanager
def deadline(seconds: float):
    """Fail with Hung, rather than hang the suite, when the block runs longer than `seconds` (a read of
    /dev/zero spinning, or an open of a FIFO blocked: the alarm interrupts both)."""
    def expired(signum, frame):
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def index_of_records(tmp_path: Path, records: list[dict], name: str = "index") -> Path:
    """A tiny index of `records` (JSON Lines objects), built as `warta reindex` builds one."""
    sources = tmp_path / f"{name}-sources"
    sources.mkdir()
    (sources / "news.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    build_index([sources], tmp_path / name)
    return tmp_path / name


def index_in_segments(tmp_path: Path, texts: dict[str, str]) -> Path:
    """An index of seed-style `texts` (file name to text), one reindex per file: one segment per file."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in texts.items():
        (sources / name).write_text(text, encoding="utf-8")
        build_index([sources], tmp_path / "ix")
    return tmp_path / "ix"


def dinas_records(regencies: int, repeated_last: int = 0) -> list[dict]:
    """One article about the health office (`Dinas Kesehatan …`) of each of the first `regencies` kabupaten, and
    `repeated_last` more about the last one's: a typed `dinas` stands for one stored value each."""
    from search.extract.lexicon import load_lexicon

    chosen = [region for region in load_lexicon().regions if region.level == "kabupaten"][:regencies]
    about = [*enumerate(chosen), *((regencies + k, chosen[-1]) for k in range(repeated_last))]
    return [{"id": f"a{n}", "title": f"Rapat dinas {n}", "date": "2024-05-01",
             "body": f"Dinas Kesehatan {region.full_name} menggelar rapat koordinasi penanganan demam berdarah "
                     f"nomor {n}."} for n, region in about]


def version_of_seed(outlet: str = "Lampost", lead_word: str = "turut mengikuti") -> str:
    """The seed as another outlet republishes it: own dateline and byline, lead reworded, a paragraph dropped,
    a `Baca juga` line and a footer."""
    paragraphs = [p for p in SEED_FILE.read_text(encoding="utf-8").split("\n") if p.strip()]
    lead = paragraphs[0].replace("Kalianda, ", "").replace("mengikuti", lead_word)
    body = [f"KALIANDA ({outlet}) -- {lead}", f"Laporan Wartawan {outlet} Rina Marlina"] + paragraphs[1:3] \
        + ["Baca juga: Bupati Lampung Selatan Lantik Pejabat Baru"] + paragraphs[4:] \
        + [f"Ikuti berita terkini dari {outlet} di Google News, klik di sini.", "(rm/red)"]
    return "\n\n".join(body)


HARD_NEGATIVE = """Kalianda, Sekretaris Jenderal Kemendagri Dr. H. Suhajar Diantoro, M.Si. meresmikan gedung pelayanan
terpadu Pemerintah Kabupaten Lampung Selatan, Jumat (30/9/2022), dua hari setelah Rakornas reformasi birokrasi.

Dalam sambutannya Suhajar meminta agar gedung baru itu dipakai untuk mempercepat layanan perizinan bagi warga
dan pelaku usaha di seluruh kecamatan, terutama di wilayah pesisir yang selama ini jauh dari pusat kabupaten.

Sekda Lampung Selatan Thamrin mengatakan pembangunan gedung menghabiskan anggaran daerah tahun 2022 dan
ditargetkan melayani lebih dari lima ratus warga setiap hari dengan sistem antrean daring yang baru.

Acara peresmian dihadiri para asisten, kepala organisasi perangkat daerah, camat, dan tokoh masyarakat setempat
yang berharap pelayanan publik di Kabupaten Lampung Selatan semakin cepat, mudah, dan terjangkau."""

# the seed (2022-09-28, Diskominfo), two republished versions and a different story about the same official
STORY_RECORDS = [
    {"title": "Pemkab Lamsel Ikuti Rakornas Reformasi Birokrasi", "url": "https://lampost.example/rakornas",
     "date": "2022-09-29", "source": "Lampost", "body": version_of_seed("Lampost")},
    {"title": "Lampung Selatan Ikut Rakornas RB Kemendagri", "url": "https://radarlampung.example/rakornas",
     "date": "2022-09-30", "source": "Radar Lampung", "body": version_of_seed("Radar Lampung", "ikut dalam")},
    {"title": "Suhajar Resmikan Gedung Pelayanan Terpadu", "url": "https://lampost.example/gedung",
     "date": "2022-09-30", "source": "Lampost", "body": HARD_NEGATIVE},
]


def build_story_index(tmp_path_factory, seed_first: bool = True) -> Path:
    """An index of the seed, two versions of it and a hard negative, the seed's file read before the versions'
    file or after it. A story is named after its first indexed article and files are read in the order of
    their paths, so both files lie in one temporary folder: where the checkout lies must not decide it (with
    the seed read from `seeds/`, a checkout sorting before the temporary folder read the seed first)."""
    sources = tmp_path_factory.mktemp("story-sources")
    seed_folder, versions_folder = (sources / "1", sources / "2") if seed_first else (sources / "2", sources / "1")
    seed_folder.mkdir()
    versions_folder.mkdir()
    shutil.copy(SEED_FILE, seed_folder / SEED_FILE.name)
    (versions_folder / "stories.jsonl").write_text("".join(json.dumps(r) + "\n" for r in STORY_RECORDS),
                                                   encoding="utf-8")
    root = tmp_path_factory.mktemp("story-index")
    report = build_index([seed_folder, versions_folder], root)
    assert report.errors == [] and report.indexed == 4, report
    return root


@pytest.fixture(scope="session")
def stories_root(tmp_path_factory) -> Path:
    """The story index with the seed read first, as when the versions came in a later update."""
    return build_story_index(tmp_path_factory, seed_first=True)


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


def _selection_record(number: int, source: str, words: str, day: str) -> dict[str, str]:
    body = (f"Warga kampung nomor {number} bercerita tentang {words} di balai desa pada pertemuan bulanan. "
            f"Catatan rapat ke-{number} menyebut {words} dibahas bersama perangkat desa hingga sore hari.")
    return {"title": f"Catatan warga {number}", "url": f"https://{source.lower()}.example/{number}", "date": day,
            "source": source, "body": body}


# `alpha beta gamma` is held by 11 articles (10 of Alfa, one of Beta); two more of Beta, in January 2021, lack
# `gamma`: the query alone needs no relaxation, and a selection of Beta (or of that month) must not start one
SELECTION_RECORDS = ([_selection_record(n, "Alfa", "alpha beta gamma", "2022-03-01") for n in range(10)]
                     + [_selection_record(10, "Beta", "alpha beta gamma", "2021-01-05")]
                     + [_selection_record(n, "Beta", "alpha beta", "2021-01-05") for n in (11, 12)])


OUTLET_RECORDS = [  # sources as scrapers write them; none but the outlet's address (the loader names it `detik`);
    # neither
    {"id": "cnn", "title": "Banjir rob di pesisir", "source": "cnn indonesia", "date": "2024-05-01",
     "body": "Banjir rob kembali merendam permukiman warga di pesisir utara pada Rabu pagi hingga siang hari."},
    {"id": "jatim", "title": "Banjir di Jember", "source": "detik.com/jatim", "date": "2024-05-02",
     "body": "Banjir merendam ratusan rumah warga di Kabupaten Jember setelah hujan deras semalaman kemarin."},
    {"id": "url", "title": "Banjir di Sampang", "url": "https://news.detik.com/berita/d-1/banjir", "date": "2024-05-03",
     "body": "Banjir melanda sejumlah desa di Kabupaten Sampang setelah sungai meluap pada Kamis malam lalu."},
    {"id": "none", "title": "Banjir di Tuban", "date": "2024-05-04",
     "body": "Banjir menggenangi jalan utama di Kabupaten Tuban setelah hujan deras mengguyur sejak sore hari."},
]
