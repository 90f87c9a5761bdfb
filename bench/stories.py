"""Pairwise precision and recall of story detection (search/stories.py) on copies made the way outlets make
them, plus the hard negatives already in the archive.

The test set: every article of ../shared/corpus/news.jsonl, plus versions of `--bases` of them. A version
gets a new headline, its own dateline and byline, a reworded lead, a dropped or moved paragraph, `Baca juga`
lines and a footer, and a date up to three days after the original. Hard negatives are real: pairs of
corpus articles at most seven days apart that name the same person (two capitalised words, e.g. an
official) — different stories on the same topic, same official, same week — counted separately.

Two parts, each deterministic with its seed: `dev` (bases from one half of the corpus, seed 19) is what the
thresholds in StoryConfig were tuned on; `held-out` (bases from the other half, seed 7919) was never looked
at while tuning. Run:

    python bench/stories.py [--corpus ../shared/corpus/news.jsonl] [--bases 150] [--versions 2]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search.stories import StoryConfig, StoryIndex  # noqa: E402

PARTS = {"dev": (0, 19), "held-out": (1, 7919)}  # name -> (corpus half the bases come from, seed)
OUTLETS = ["Lampost", "Radar Lampung", "Tribun Lampung", "Kupas Tuntas", "Saibumi", "Lampung Geh",
           "Antara Lampung", "Sinar Lampung", "Harian Momentum", "Teras Lampung", "Jejamo", "Fajar Sumatera"]
PLACES = ["KALIANDA", "BANDAR LAMPUNG", "METRO", "PRINGSEWU", "KOTA AGUNG", "GUNUNG SUGIH", "MENGGALA",
          "LIWA", "BLAMBANGAN UMPU", "SUKADANA", "JAKARTA", "GEDONG TATAAN"]
REPORTERS = ["Rina Marlina", "Andi Saputra", "Dedi Kurniawan", "Yoga Pratama", "Siti Aminah", "Heru Wibowo"]
LEAD_SWAPS = {"mengatakan": "menyampaikan", "menyampaikan": "mengatakan", "pada": "di", "di": "pada",
              "yang": "yang", "dalam": "di dalam", "akan": "bakal", "bakal": "akan", "tersebut": "itu",
              "itu": "tersebut", "menurut": "kata", "untuk": "guna", "guna": "untuk", "saat": "ketika",
              "ketika": "saat", "telah": "sudah", "sudah": "telah", "juga": "pun", "bahwa": "jika",
              "masyarakat": "warga", "warga": "masyarakat", "kegiatan": "acara", "acara": "kegiatan"}
FOOTERS = ["Ikuti berita terkini dari {outlet} di Google News, klik di sini.",
           "({initials})", "Editor: {reporter}", "Copyright © 2024 {outlet}. All rights reserved.",
           "Dapatkan update berita pilihan setiap hari dari {outlet} melalui WhatsApp."]
BYLINES = ["Laporan Wartawan {outlet} {reporter}", "Penulis: {reporter}", "Oleh: {reporter}",
           "Reporter: {reporter} | Editor: {editor}"]
_DATELINE = re.compile(r"^[^\n.!?]{1,60}?(?:--|—|–|-)\s+")
_PERSON = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")


def load(corpus: Path) -> list[dict]:
    rows = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("body"):
                rows.append(row)
    return rows


def half(row: dict) -> int:
    return int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 2


def day(row: dict) -> date | None:
    value = (row.get("date") or "")[:10]
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def reword_lead(paragraph: str, rng: random.Random) -> str:
    """Synonyms for a third of the swappable words; the clause after the first comma moved to the front."""
    words = paragraph.split()
    words = [LEAD_SWAPS.get(w.lower(), w) if w.lower() in LEAD_SWAPS and rng.random() < 0.35 else w
             for w in words]
    text = " ".join(words)
    head, comma, tail = text.partition(", ")
    if comma and len(tail.split()) > 4 and rng.random() < 0.5:
        tail = tail.rstrip(".")
        text = tail[:1].upper() + tail[1:] + ", " + head[:1].lower() + head[1:] + "."
    return text


def make_version(row: dict, others: list[dict], rng: random.Random, number: int) -> dict:
    outlet = rng.choice(OUTLETS)
    reporter = rng.choice(REPORTERS)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", row["body"]) if p.strip()]
    paragraphs = [p for p in paragraphs if not p.lower().startswith("baca")]
    lead = _DATELINE.sub("", paragraphs[0], count=1)
    lead = reword_lead(lead, rng)
    paragraphs[0] = f"{rng.choice(PLACES)} ({outlet}) -- {lead}"
    if len(paragraphs) > 3:
        victim = rng.randrange(1, len(paragraphs))
        moved = paragraphs.pop(victim)
        if rng.random() < 0.5:  # moved, not dropped
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), moved)
    for _ in range(rng.randint(1, 2)):
        other = rng.choice(others)
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), f"Baca juga: {other['title']}")
    byline = rng.choice(BYLINES).format(outlet=outlet, reporter=reporter, editor=rng.choice(REPORTERS))
    if rng.random() < 0.5:
        paragraphs.insert(0, byline)
    else:
        paragraphs.append(byline)
    initials = "".join(w[0].lower() for w in reporter.split())
    paragraphs.append(rng.choice(FOOTERS).format(outlet=outlet, reporter=reporter, initials=initials))
    when = day(row)
    return {"id": f"{row['id']}~v{number}", "title": f"{outlet}: {row['title']} (versi {number})",
            "date": (when + timedelta(days=rng.randint(0, 3))).isoformat() if when else None,
            "body": "\n\n".join(paragraphs), "source": outlet, "truth": row["id"]}


def build_set(rows: list[dict], part: str, bases: int, versions: int) -> list[dict]:
    which, seed = PARTS[part]
    rng = random.Random(seed)
    pool = [row for row in rows if half(row) == which and len(row["body"].split()) >= 80]
    chosen = rng.sample(pool, bases)
    articles = [dict(row, truth=row["id"]) for row in rows]
    for row in chosen:
        for number in range(1, versions + 1):
            articles.append(make_version(row, rows, rng, number))
    articles.sort(key=lambda a: (a["date"] or "9999", a["id"]))  # indexed in date order, as an archive grows
    return articles


def hard_negatives(rows: list[dict], limit: int = 2000) -> list[tuple[str, str]]:
    """Pairs of different corpus articles at most seven days apart naming the same two-word person."""
    by_name: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if day(row) is None:
            continue
        for name in set(" ".join(m) for m in _PERSON.findall(row["body"])):
            by_name[name].append(row)
    pairs = set()
    for name, named in by_name.items():
        if len(named) > 40:  # "Jakarta Pusat", "Presiden Joko": place names and titles, not one official
            continue
        for first, second in itertools.combinations(named, 2):
            if abs((day(first) - day(second)).days) <= 7 and first["id"] != second["id"]:
                pairs.add(tuple(sorted((first["id"], second["id"]))))
    return sorted(pairs)[:limit]


def pairs_of(labels: dict[str, str]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels.values()).values())


def evaluate(articles: list[dict], config: StoryConfig, negatives: list[tuple[str, str]]) -> dict:
    texts = {a["id"]: a["body"] for a in articles}
    index = StoryIndex(config)
    started = time.perf_counter()
    predicted = {a["id"]: index.assign(a["id"], a["body"], texts.get) for a in articles}
    seconds = time.perf_counter() - started
    truth = {a["id"]: a["truth"] for a in articles}
    both = Counter((predicted[i], truth[i]) for i in texts)
    true_positive = sum(n * (n - 1) // 2 for n in both.values())
    predicted_pairs, true_pairs = pairs_of(predicted), pairs_of(truth)
    joined_negatives = sum(predicted[a] == predicted[b] for a, b in negatives)
    wrong = [(i, predicted[i]) for i in texts if predicted[i] != i and truth[i] != truth.get(predicted[i])]
    return {"articles": len(articles), "true_pairs": true_pairs, "predicted_pairs": predicted_pairs,
            "precision": true_positive / predicted_pairs if predicted_pairs else 1.0,
            "recall": true_positive / true_pairs if true_pairs else 1.0,
            "hard_negatives": len(negatives), "hard_negatives_joined": joined_negatives,
            "wrong_joins": wrong[:10], "seconds": seconds, "articles_per_s": len(articles) / seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/news.jsonl")
    parser.add_argument("--bases", type=int, default=150)
    parser.add_argument("--versions", type=int, default=2)
    parser.add_argument("--parts", nargs="+", default=list(PARTS), choices=list(PARTS))
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    rows = load(args.corpus)
    negatives = hard_negatives(rows)
    config = StoryConfig()
    print(f"config: {config}")
    for part in args.parts:
        articles = build_set(rows, part, args.bases, args.versions)
        result = evaluate(articles, config, negatives)
        print(f"{part:9s} articles {result['articles']}  pairs true {result['true_pairs']} predicted "
              f"{result['predicted_pairs']}  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
              f"hard negatives joined {result['hard_negatives_joined']}/{result['hard_negatives']}  "
              f"{result['articles_per_s']:.0f} articles/s")
        for article_id, story in result["wrong_joins"]:
            print(f"    wrong join: {article_id} -> {story}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
