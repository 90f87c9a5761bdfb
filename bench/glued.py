"""How many glued words cleaning splits on the shared corpus (`peluangAmerika` → `peluang Amerika`), and a
sample to read: `python bench/glued.py [N]` prints the count, the distinct splits and N random ones in context."""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

from search.cleaning import GLUED, is_glued

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news.jsonl"


def main(sample: int = 30) -> None:
    split, kept, contexts = Counter(), Counter(), []
    articles = 0
    for line in CORPUS.open(encoding="utf-8"):
        body = json.loads(line).get("body") or ""
        articles += 1
        for found in GLUED.finditer(body):
            token = body[found.start():found.end() + 12].split()[0].rstrip(".,:;")
            if is_glued(found[1], body[found.end():found.end() + 4]):
                split[token] += 1
                contexts.append(body[max(0, found.start() - 30):found.end() + 30].replace("\n", " "))
            else:
                kept[token] += 1
    print(f"{articles} articles: {sum(split.values())} glued words split ({len(split)} distinct); "
          f"{sum(kept.values())} camel-case words kept ({len(kept)} distinct)")
    print("kept:", ", ".join(f"{token} {count}" for token, count in kept.most_common(25)))
    random.seed(17)
    for context in random.sample(contexts, min(sample, len(contexts))):
        print("  …" + context + "…")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
