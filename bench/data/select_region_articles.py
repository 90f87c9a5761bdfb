"""Which corpus articles the region labels cover: a deterministic, seeded selection.

    python bench/data/select_region_articles.py [--corpus ../shared/corpus/news.jsonl]

Prints one line per article, `<group>\t<id>`, in labelling order. The cue words below only choose
*which* articles get read; the labels in region_labels.jsonl come from reading each article.
Groups (see regions_guideline.md):
  detik-regional   every `detik.com/jatim` article (79);
  regional-strong  65 "tajuk utama" articles of seven general outlets with two or more regional cues;
  regional-weak    15 "tajuk utama" articles of those outlets with exactly one cue (often national stories);
  regional-other   10 articles of other categories of those outlets with at least one cue;
  negative-*       30 articles with no cue at all: national/foreign news, sport, tech, entertainment.
Batch 4 (dev only: articles whose id hashes to `dev`, see the guideline's split rule), read to find how the
extractor fares on text unlike the first batches:
  extra-cue        30 articles of the general outlets and detik.com, any category, with at least one cue;
  extra-none       8 articles of those outlets with no cue.
Batch 5 (issue 14's second accuracy round: kinds with few labels so far; split by the hash rule, both splits):
  detik-2026       14 articles of national detik.com (2026: finance, sport, entertainment), any cue count;
  headline-any     14 "tajuk utama" articles of any IndoSum outlet (cnn indonesia included), any cue count;
  other-cue        12 articles of the other IndoSum categories (sport, tech, entertainment) with a cue.
Batch 6 (issue 14's third accuracy round, dev only: the kinds of IndoSum story that are about no region but
name places, to find false positives the earlier batches lack, and the regional stories of national detik.com):
  news-any         14 "tajuk utama" articles of any IndoSum outlet, any cue count;
  sport-any        10 IndoSum sport articles, any cue count;
  tech-any          7 IndoSum tech articles, any cue count;
  showbiz-any       8 IndoSum entertainment articles, any cue count;
  place-passing    12 IndoSum articles of any category with at most one cue that write `di <kab/kota name>`
                   (a place named in passing, or a story that happens there);
  detik-cue        15 national detik.com articles with a cue (every detik.com/jatim article is labelled already).
Batch 7 (dev only, the kind the held-out part holds most of, to measure precision where it is lowest):
  strong-dev       30 "tajuk utama" articles of any IndoSum outlet with two or more cues;
  weak-dev         10 "tajuk utama" articles of any IndoSum outlet with exactly one cue.
Batch 8 (dev only, more of the held-out part's kinds, after batch 7's errors were fixed):
  strong-dev-2     25 more "tajuk utama" articles of any IndoSum outlet with two or more cues;
  other-cue-dev    15 articles of the other IndoSum categories (sport, tech, entertainment) with a cue.
Batch 9 (dev only): strong-dev-3 (30) and weak-dev-2 (10), as batch 7.
Batch 10 (both splits, to widen the held-out part with the kind whose precision is lowest):
  strong-both      45 "tajuk utama" articles of any IndoSum outlet with two or more cues.
Batch 11 (dev only, the same kind, to find the kinds of false positive the dev part still lacks):
  strong-dev-4     the last 30 "tajuk utama" articles of any IndoSum outlet with two or more cues;
  weak-dev-3       15 more with exactly one cue.
Batch 12 (dev only, a fresh check drawn 2026-12-06 after the rules above were tuned, seed BATCH_12_SEED, from
the ids no group above took, any category, outside the sport and tech outlets goal indonesia, juara.net and
dailysocial.id; its own cue pattern, BATCH_12_CUES):
  fresh-cue        40 articles with a cue;
  fresh-none       10 articles without one.
Batch 13 (both splits, a fresh untuned check drawn 2026-12-06 on 0f040c7, seed BATCH_13_SEED, from the ids no group
above took, outside the same sport and tech outlets):
  fresh-strong     45 articles with two or more cues (REGIONAL_CUES) of any outlet and category.
Batch 14 (both splits, a fresh untuned check on detik.com text drawn 2026-12-06, seed BATCH_14_SEED, from the ids
no group above took):
  detik-fresh      50 articles whose source starts with `detik.com` (the regional and national scrapes), any cue
                   count, any category.
Batch 15 (both splits, a second fresh untuned check of the batch 13 kind drawn 2026-12-06, seed BATCH_15_SEED, from
the ids no group above took, outside the same sport and tech outlets):
  fresh-strong-2   40 articles with two or more cues (REGIONAL_CUES) of any outlet and category.
Batch 16 (both splits, a fresh untuned check of precision drawn 2026-12-06, seed BATCH_16_SEED, from the ids no
group above took, outside the same sport and tech outlets):
  fresh-weak       40 articles with exactly one cue (REGIONAL_CUES) of any outlet and category, the kind where a
                   national story names a regional word once.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
REGIONS_CSV = ROOT / "search" / "extract" / "data" / "regions.csv"
SEED = 14
DETIK_REGIONAL = "detik.com/jatim"
GENERAL_OUTLETS = ("antaranews", "poskotanews", "kumparan", "cnn indonesia", "merdeka", "suara", "rimanews")
EXTRA_OUTLETS = GENERAL_OUTLETS + ("detik.com",)
HEADLINES = "tajuk utama"
INDOSUM = "indosum:"
REGIONAL_CUES = re.compile(
    r"\b(Kabupaten|Kab\.|Pemkab|Pemkot|Pemprov|Bupati|Wali ?kota|Walikota|Camat|Kecamatan|Kelurahan|Polres|"
    r"Polresta|Polrestabes|Polda|Kodim|Korem|DPRD|Gubernur|Kapolres|Kapolda|Dandim)\b"
)
BATCH_12_SEED = 20261206
BATCH_12_CUES = re.compile(r"\b(Bupati|Wali ?[Kk]ota|Gubernur|Polres|Polda|Pemkab|Pemkot|Pemprov|DPRD|Kabupaten|"
                           r"Kapolres|Kecamatan)\b")
BATCH_12_OUTLETS_LEFT_OUT = ("goal indonesia", "juara.net", "dailysocial.id")
BATCH_13_SEED = 2026120613
BATCH_14_SEED = 2026120614
BATCH_15_SEED = 2026120615
BATCH_16_SEED = 2026120616
BATCH_17_SEED = 2026120717
BATCH_18_SEED = 2026120718
# (group, size, predicate over (article, cue count))
GROUPS = (
    ("regional-strong", 65, lambda a, n: a["source"] in GENERAL_OUTLETS and a["category"] == HEADLINES and n >= 2),
    ("regional-weak", 15, lambda a, n: a["source"] in GENERAL_OUTLETS and a["category"] == HEADLINES and n == 1),
    ("regional-other", 10, lambda a, n: a["source"] in GENERAL_OUTLETS and a["category"] != HEADLINES and n >= 1),
    ("negative-news", 12, lambda a, n: a["source"] in GENERAL_OUTLETS and a["category"] == HEADLINES and n == 0),
    ("negative-sport", 6, lambda a, n: a["category"].lower() == "olahraga" and n == 0),
    ("negative-tech", 6, lambda a, n: a["category"].lower() == "teknologi" and n == 0),
    ("negative-entertainment", 6, lambda a, n: a["category"].lower() in ("hiburan", "showbiz") and n == 0),
    ("extra-cue", 30, lambda a, n: a["source"] in EXTRA_OUTLETS and n >= 1 and is_dev(a["id"])),
    ("extra-none", 8, lambda a, n: a["source"] in EXTRA_OUTLETS and n == 0 and is_dev(a["id"])),
    ("detik-2026", 14, lambda a, n: a["source"] == "detik.com"),
    ("headline-any", 14, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES),
    ("other-cue", 12, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] != HEADLINES and n >= 1),
    ("news-any", 14, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and is_dev(a["id"])),
    ("sport-any", 10, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == "olahraga" and is_dev(a["id"])),
    ("tech-any", 7, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == "teknologi" and is_dev(a["id"])),
    ("showbiz-any", 8, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] in ("hiburan", "showbiz")
     and is_dev(a["id"])),
    ("place-passing", 12, lambda a, n: a["id"].startswith(INDOSUM) and n <= 1 and names_a_place(a)
     and is_dev(a["id"])),
    ("detik-cue", 15, lambda a, n: a["source"] == "detik.com" and n >= 1 and is_dev(a["id"])),
    ("strong-dev", 30, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n >= 2
     and is_dev(a["id"])),
    ("weak-dev", 10, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n == 1
     and is_dev(a["id"])),
    ("strong-dev-2", 25, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n >= 2
     and is_dev(a["id"])),
    ("other-cue-dev", 15, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] != HEADLINES and n >= 1
     and is_dev(a["id"])),
    ("strong-dev-3", 30, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n >= 2
     and is_dev(a["id"])),
    ("weak-dev-2", 10, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n == 1
     and is_dev(a["id"])),
    ("strong-both", 45, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n >= 2),
    ("strong-dev-4", 30, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n >= 2
     and is_dev(a["id"])),
    ("weak-dev-3", 15, lambda a, n: a["id"].startswith(INDOSUM) and a["category"] == HEADLINES and n == 1
     and is_dev(a["id"])),
)


def _place_pattern() -> re.Pattern[str]:
    """`di Bandung`, `di Lampung Selatan`: `di` before the short name of any kabupaten/kota of regions.csv."""
    with REGIONS_CSV.open(encoding="utf-8") as rows:
        names = {re.sub(r"^(Kabupaten|Kota) ", "", row["nama"]) for row in csv.DictReader(rows)
                 if row["level"] != "provinsi"}
    return re.compile(r"\bdi (?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")


def names_a_place(article: dict) -> bool:
    global _PLACE
    if _PLACE is None:
        _PLACE = _place_pattern()
    return _PLACE.search(article["body"]) is not None


_PLACE: re.Pattern[str] | None = None


def is_dev(article_id: str) -> bool:
    """The guideline's split rule: `heldout` when sha1(id) % 5 is 0 or 1."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 5 not in (0, 1)


def cue_count(article: dict) -> int:
    return len(REGIONAL_CUES.findall(article["title"] + "\n" + article["body"]))


def select(articles: list[dict]) -> list[tuple[str, str]]:
    """(group, id) pairs: all detik regional articles, then each group's seeded sample, no id twice."""
    chosen = [("detik-regional", a["id"]) for a in articles if a["source"] == DETIK_REGIONAL]
    taken = {article_id for _, article_id in chosen}
    rng = random.Random(SEED)
    counts = {a["id"]: cue_count(a) for a in articles}
    for group, size, accepts in GROUPS:
        pool = sorted(a["id"] for a in articles if a["id"] not in taken and accepts(a, counts[a["id"]]))
        for article_id in rng.sample(pool, size):
            chosen.append((group, article_id))
            taken.add(article_id)
    return chosen


def batch_12(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 50 fresh `dev` articles of batch 12, from the ids `taken` leaves (every earlier group's)."""
    pools: dict[bool, list[str]] = {True: [], False: []}
    for a in articles:
        if a["id"] not in taken and is_dev(a["id"]) and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT:
            pools[BATCH_12_CUES.search(a["body"]) is not None].append(a["id"])
    rng = random.Random(BATCH_12_SEED)
    return ([("fresh-cue", article_id) for article_id in rng.sample(pools[True], 40)]
            + [("fresh-none", article_id) for article_id in rng.sample(pools[False], 10)])


def batch_13(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 45 fresh articles of batch 13 (both splits), from the ids `taken` leaves."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT
            and cue_count(a) >= 2]
    return [("fresh-strong", article_id) for article_id in random.Random(BATCH_13_SEED).sample(pool, 45)]


def batch_14(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 50 fresh detik.com articles of batch 14 (both splits, any cue count), from the ids `taken` leaves."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"].startswith("detik.com")]
    return [("detik-fresh", article_id) for article_id in random.Random(BATCH_14_SEED).sample(pool, 50)]


def batch_15(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 40 fresh articles of batch 15 (both splits, two or more cues), from the ids `taken` leaves."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT
            and cue_count(a) >= 2]
    return [("fresh-strong-2", article_id) for article_id in random.Random(BATCH_15_SEED).sample(pool, 40)]


def batch_16(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 40 fresh articles of batch 16 (both splits, exactly one cue), from the ids `taken` leaves."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT
            and cue_count(a) == 1]
    return [("fresh-weak", article_id) for article_id in random.Random(BATCH_16_SEED).sample(pool, 40)]


def batch_17(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 40 fresh articles of batch 17 (both splits, exactly one cue), from the ids `taken` leaves."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT
            and cue_count(a) == 1]
    return [("fresh-weak-2", article_id) for article_id in random.Random(BATCH_17_SEED).sample(pool, 40)]


def batch_18(articles: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """The 40 fresh articles of batch 18 (both splits): no cue, but `di` before a kab/kota's short name."""
    pool = [a["id"] for a in articles if a["id"] not in taken and a["source"] not in BATCH_12_OUTLETS_LEFT_OUT
            and cue_count(a) == 0 and names_a_place(a)]
    return [("fresh-place", article_id) for article_id in random.Random(BATCH_18_SEED).sample(pool, 40)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    chosen = select(articles)
    chosen += batch_12(articles, {article_id for _, article_id in chosen})
    chosen += batch_13(articles, {article_id for _, article_id in chosen})
    chosen += batch_14(articles, {article_id for _, article_id in chosen})
    chosen += batch_15(articles, {article_id for _, article_id in chosen})
    chosen += batch_16(articles, {article_id for _, article_id in chosen})
    chosen += batch_17(articles, {article_id for _, article_id in chosen})
    chosen += batch_18(articles, {article_id for _, article_id in chosen})
    for group, article_id in chosen:
        print(f"{group}\t{article_id}")


if __name__ == "__main__":
    main()
