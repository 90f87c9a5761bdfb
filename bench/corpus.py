"""A deterministic synthetic archive of N articles recombined from ../shared/corpus/news.jsonl.

    python bench/corpus.py N OUT.jsonl [--source ../shared/corpus/news.jsonl] [--seed 7]

Each synthetic article keeps a real article's lead paragraph (where its officials and agencies are
introduced), then borrows paragraphs from other real articles, gets a fresh URL and a date spread over
2016-2025. Vocabulary, article length and the number of distinct officials and agencies grow with N the
way a real archive's do, because every piece is real text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news.jsonl"
FIRST_DAY = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if len(p.strip()) > 40]


def synthesise(records: list[dict], count: int, seed: int):
    rng = random.Random(seed)
    pool = [p for record in records for p in paragraphs(record["body"])[1:]]
    for n in range(count):
        base = records[n % len(records)]
        lead = paragraphs(base["body"])[:1] or [base["body"][:400]]
        borrowed = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
        yield {
            "id": f"synthetic:{n}",
            "title": base["title"] if n < len(records) else f"{base['title']} ({n // len(records)})",
            "date": (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat(),
            "url": f"https://synthetic.warta.invalid/{n}",
            "source": base.get("source") or "synthetic",
            "category": base.get("category"),
            "body": "\n\n".join(lead + borrowed),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(args.seed).shuffle(records)
    with args.out.open("w", encoding="utf-8") as out:
        for record in synthesise(records, args.count, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.count} articles written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
