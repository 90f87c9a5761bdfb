"""The hand-labelled region set (bench/data/region_labels.jsonl) is well formed, see regions_guideline.md."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "region_labels.jsonl"
REGIONS_CSV = ROOT / "search" / "extract" / "data" / "regions.csv"
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
DETIK_REGIONAL = "detik.com/jatim"
FIELDS = ["id", "split", "source", "regions", "provinces", "note"]


def load_labels() -> list[dict]:
    with LABELS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_codes() -> dict[str, str]:
    """Kemendagri code → level (`provinsi`, `kabupaten`, `kota`)."""
    with REGIONS_CSV.open(encoding="utf-8") as rows:
        return {row["kode"]: row["level"] for row in csv.DictReader(rows)}


def expected_split(article_id: str) -> str:
    return "heldout" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 5 in (0, 1) else "dev"


LABELLED = load_labels()
CODES = load_codes()


def test_records_have_exactly_the_declared_fields():
    assert [sorted(record) for record in LABELLED if list(record) != FIELDS] == []


def test_ids_are_unique():
    ids = [record["id"] for record in LABELLED]
    assert len(ids) - len(set(ids)) == 0


def test_enough_articles_and_enough_detik_regional():
    assert len(LABELLED) >= 150
    assert sum(record["source"] == DETIK_REGIONAL for record in LABELLED) >= 50


def test_split_follows_the_hash_rule():
    assert [r["id"] for r in LABELLED if r["split"] != expected_split(r["id"])] == []


def test_regions_are_kabupaten_or_kota_codes_sorted_and_distinct():
    wrong = [(r["id"], code) for r in LABELLED for code in r["regions"] if CODES.get(code) not in ("kabupaten", "kota")]
    assert wrong == []
    assert [r["id"] for r in LABELLED if r["regions"] != sorted(set(r["regions"]))] == []


def test_provinces_are_province_codes_sorted_and_not_implied_by_a_region():
    wrong = [(r["id"], code) for r in LABELLED for code in r["provinces"] if CODES.get(code) != "provinsi"]
    assert wrong == []
    assert [r["id"] for r in LABELLED if r["provinces"] != sorted(set(r["provinces"]))] == []
    implied = [
        (r["id"], code) for r in LABELLED for code in r["provinces"]
        if code in {region.split(".")[0] for region in r["regions"]}
    ]
    assert implied == []


def test_every_record_says_why_in_a_short_note():
    assert [r["id"] for r in LABELLED if not 0 < len(r["note"]) <= 300] == []


def test_expected_split_matches_a_worked_example():
    # int(sha1("a"), 16) % 5 == 2, int(sha1("b"), 16) % 5 == 0
    assert (expected_split("a"), expected_split("b")) == ("dev", "heldout")


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")
def test_every_id_is_a_corpus_article_with_the_recorded_source():
    with CORPUS.open(encoding="utf-8") as lines:
        sources = {article["id"]: article["source"] for article in map(json.loads, lines)}
    assert [r["id"] for r in LABELLED if sources.get(r["id"]) != r["source"]] == []
