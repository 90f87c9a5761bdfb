"""Known-item search with queries people wrote from summaries, not from the articles.

    python bench/summary_queries.py [--corpus ../shared/corpus/news.jsonl] [--workdir DIR] [--errors N]

bench/data/summary_queries.jsonl holds, for 80 articles of ../shared/corpus (50 IndoSum, 15 detik.com, 15
detikJatim, a seeded sample of those over 800 characters), a summary of 2-3 sentences written in a person's own
words by a helper who read the article, and the queries a second helper wrote having read only the summary, as
a reader searches for a story half remembered (bench/data/summary_queries_guideline.md says how). So the
queries share the article's names but rarely its other words: the kind of query bench/relevance.py, which
builds its queries from the article's own words, cannot make.

Prints MRR@10, success@1, success@10 and the share of queries that found nothing, for Warta (match=relaxed,
the default, and match=all) and stock Whoosh (the OR of the words over title and body with Sastrawi stems),
on the dev and the held-out half (relevance.split_of: a hash of the article id, fixed before the queries were
written). `--errors` lists dev queries whose article is not first: tune on those only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh.qparser import OrGroup  # noqa: E402

from bench.relevance import (DEFAULT_CORPUS, SPLITS, baseline_index, baseline_search, read_articles,  # noqa: E402
                             warta_search)
from search.analysis import stemmed_analyzer  # noqa: E402
from search.indexer import build_index  # noqa: E402
from search.loaders import article_from_record  # noqa: E402
from search.query import SearchService  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "data" / "summary_queries.jsonl"


@dataclass(frozen=True)
class SummaryQuery:
    target: str  # article id
    split: str
    text: str


def read_queries(path: Path, warta_ids: dict[str, str]) -> list[SummaryQuery]:
    """The queries, each aimed at the Warta id of its corpus record."""
    queries = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            queries += [SummaryQuery(warta_ids[record["id"]], record["split"], text) for text in record["queries"]]
    return queries


def warta_ids(corpus: Path) -> dict[str, str]:
    """Corpus record id → the id Warta gives its article (a hash of the URL)."""
    with corpus.open(encoding="utf-8") as lines:
        return {record["id"]: article_from_record(record).id for record in map(json.loads, lines)}


def ranks(run, queries: list[SummaryQuery]) -> dict[SummaryQuery, tuple[int | None, list[str]]]:
    """Each query's rank of its article in the first TOP (None: not there), with the ids found."""
    answers = {}
    for query in queries:
        found = run(query.text)
        answers[query] = (found.index(query.target) + 1 if query.target in found else None, found)
    return answers


def table_row(name: str, split: str, answers) -> str:
    subset = [(rank, found) for query, (rank, found) in answers.items() if query.split == split]
    if not subset:
        return f"{name:<28} {split:<9} no queries"
    n = len(subset)
    mrr = sum(1 / rank for rank, _ in subset if rank) / n
    at1 = sum(rank == 1 for rank, _ in subset) / n
    at10 = sum(rank is not None for rank, _ in subset) / n
    nothing = sum(not found for _, found in subset) / n
    return f"{name:<28} {split:<9} {n:>5} {mrr:>7.3f} {at1:>7.3f} {at10:>7.3f} {nothing:>8.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--workdir", type=Path, help="keep the built indexes here and reuse them next time")
    parser.add_argument("--errors", type=int, default=0, help="list this many dev queries whose article is not first")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")
    queries = read_queries(args.queries, warta_ids(args.corpus))
    articles = read_articles(args.corpus)
    titles = {article.id: article.title for article in articles}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        build_index([args.corpus], work / "warta")
        service = SearchService(work / "warta")
        systems = {"warta (match=relaxed)": warta_search(service, "relaxed"),
                   "warta (match=all)": warta_search(service, "all")}
        stock = baseline_index(articles, stemmed_analyzer(), work / "sastrawi-stems")
        systems["whoosh OR, Sastrawi stems"] = baseline_search(stock, OrGroup)
        results = {name: ranks(run, queries) for name, run in systems.items()}
        service.close()
    print(f"{len(queries)} queries on {len({q.target for q in queries})} articles, {len(articles)} indexed")
    print(f"{'system':<28} {'split':<9} {'n':>5} {'MRR@10':>7} {'S@1':>7} {'S@10':>7} {'nothing':>8}")
    for split in SPLITS:
        for name, answers in results.items():
            print(table_row(name, split, answers))
    misses = [(q, rank, found) for q, (rank, found) in results["warta (match=relaxed)"].items()
              if q.split == "dev" and rank != 1]
    if args.errors:
        print(f"\n{len(misses)} dev queries whose article is not first, the first {args.errors}:")
    for query, rank, found in misses[:args.errors]:
        print(f"  [{rank or '-'}] {query.text!r} -> {titles.get(query.target, '?')[:70]}")
        for other in found[:2]:
            print(f"        got: {titles.get(other, '?')[:80]}")


if __name__ == "__main__":
    main()
