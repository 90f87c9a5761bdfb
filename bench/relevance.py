"""Known-item relevance: does the article a query was written from come first?

    python bench/relevance.py [--corpus ../shared/corpus/news.jsonl] [--queries 300] [--seed 7]

From each sampled article the bench writes three queries: `lead` (the lead's most distinctive words),
`typo` (the same with one word misspelled) and `acronym` (an agency in the lead written in another form:
acronym for full name or the reverse). It prints MRR@10, success@1 and success@10 for Warta as configured
and three baselines over the same articles, all in one run: Whoosh's stock StemmingAnalyzer (English
stemmer), no stemming at all, and Sastrawi stems without the surface field.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.qparser import AndGroup, MultifieldParser  # noqa: E402

from search.analysis import stem_word, stemmed_analyzer, stopwords, words_of  # noqa: E402
from search.articles import Article, first_sentence  # noqa: E402
from search.indexer import build_index  # noqa: E402
from search.loaders import Rejection, find_sources, read_source  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402
from search.synonyms import load_synonyms  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
QUERY_WORDS = 4
TOP = 10


@dataclass(frozen=True)
class KnownItem:
    kind: str  # lead | typo | acronym
    text: str
    target: str  # article id


def read_articles(corpus: Path) -> list[Article]:
    return [item for source in find_sources([corpus]) for item in read_source(source) if not isinstance(item, Rejection)]


def lead_of(article: Article) -> str:
    first = first_sentence(article.body)
    rest = article.body[len(first):]
    return first + " " + first_sentence(rest)


def distinctive_words(lead: str, document_frequency: Counter, total: int) -> list[str]:
    words = [w for w in dict.fromkeys(words_of(lead)) if w.isalpha() and len(w) >= 4 and w not in stopwords()]
    ranked = sorted(words, key=lambda w: -math.log(total / (1 + document_frequency[w])))
    chosen = set(ranked[:QUERY_WORDS])
    return [w for w in words if w in chosen]


def misspell(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:position] + word[position + 1] + word[position] + word[position + 2:]  # swap two letters
    return word[:position] + word[position + 1:]  # drop one


def build_queries(articles: list[Article], count: int, seed: int) -> list[KnownItem]:
    rng = random.Random(seed)
    document_frequency: Counter = Counter()
    for article in articles:
        document_frequency.update(set(words_of(article.title + " " + article.body)))
    synonyms = load_synonyms()
    sample = rng.sample(articles, min(count, len(articles)))
    queries: list[KnownItem] = []
    for article in sample:
        words = distinctive_words(lead_of(article), document_frequency, len(articles))
        if len(words) < 3:
            continue
        queries.append(KnownItem("lead", " ".join(words), article.id))
        long_words = [i for i, w in enumerate(words) if len(w) >= 6]
        if long_words:
            i = rng.choice(long_words)
            typo = words[:i] + [misspell(words[i], rng)] + words[i + 1:]
            queries.append(KnownItem("typo", " ".join(typo), article.id))
    for article in rng.sample(articles, len(articles)):
        if sum(q.kind == "acronym" for q in queries) >= count // 3:
            break
        lead_words = words_of(lead_of(article))
        for match in synonyms.find(lead_words):
            written = tuple(lead_words[match.start:match.end])
            others = [form for form in match.agency.forms if form != written and (len(form) > 1 or len(form[0]) > 3)]
            if not others:
                continue
            words = distinctive_words(lead_of(article), document_frequency, len(articles))
            words = [w for w in words if w not in written][:2]
            queries.append(KnownItem("acronym", " ".join([*words, *rng.choice(others)]), article.id))
            break
    return queries


# -- systems ------------------------------------------------------------------------------------
def baseline_index(articles: list[Article], analyzer, directory: Path):
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer, field_boost=2.0),
                    body=TEXT(analyzer=analyzer))
    ix = whoosh_index.create_in(str(directory), schema)
    writer = ix.writer(limitmb=256)
    seen = set()
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            writer.add_document(id=article.id, title=article.title, body=article.body)
    writer.commit()
    return ix


def baseline_search(ix) -> Callable[[str], list[str]]:
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema, group=AndGroup)

    def run(text: str) -> list[str]:
        return [hit["id"] for hit in searcher.search(parser.parse(text), limit=TOP)]

    return run


def warta_search(service: SearchService) -> Callable[[str], list[str]]:
    def run(text: str) -> list[str]:
        return [hit["id"] for hit in service.search(SearchRequest(q=text, per_page=TOP))["hits"]]

    return run


def score(run: Callable[[str], list[str]], queries: list[KnownItem]) -> dict[str, tuple[float, float, float]]:
    table = {}
    for kind in ("lead", "typo", "acronym"):
        subset = [q for q in queries if q.kind == kind]
        ranks = []
        for query in subset:
            found = run(query.text)
            ranks.append(found.index(query.target) + 1 if query.target in found else None)
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        at1 = sum(r == 1 for r in ranks) / len(ranks)
        at10 = sum(r is not None for r in ranks) / len(ranks)
        table[kind] = (mrr, at1, at10)
    return table


def ud_agreement(path: Path) -> tuple[float, float, int]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    agree = [stem_word(row["word"].lower()) == row["lemma"].lower() for row in rows]
    affixed = [a for a, row in zip(agree, rows) if row["affixed"] == "True"]
    return sum(agree) / len(agree), sum(affixed) / max(1, len(affixed)), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=int, default=300, help="articles sampled for lead and typo queries")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--opensearch-url", help="also score Warta on this OpenSearch cluster (issue 21's parity)")
    args = parser.parse_args()
    started = time.perf_counter()
    articles = read_articles(args.corpus)
    queries = build_queries(articles, args.queries, args.seed)
    counts = Counter(q.kind for q in queries)
    print(f"{len(articles)} articles; queries: {dict(counts)}")
    systems: dict[str, Callable[[str], list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        build_index([args.corpus], Path(tmp) / "warta")
        service = SearchService(Path(tmp) / "warta")
        systems["warta"] = warta_search(service)
        if args.opensearch_url:
            from search.backends import BackendSettings, open_backend

            cluster = open_backend(BackendSettings("opensearch", opensearch_url=args.opensearch_url,
                                                   opensearch_alias="warta-relevance"))
            cluster.reindex([args.corpus])
            systems["warta-opensearch"] = warta_search(cluster)
        for name, analyzer in (("whoosh-english-stemming", StemmingAnalyzer()),
                               ("no-stemming", StandardAnalyzer(stoplist=None)),
                               ("sastrawi-no-surface", stemmed_analyzer())):
            directory = Path(tmp) / name
            directory.mkdir()
            systems[name] = baseline_search(baseline_index(articles, analyzer, directory))
        tables = {name: score(run, queries) for name, run in systems.items()}
        service.close()
    header = "".join(f"{kind + ' MRR@10':>16}{'@1':>7}{'@10':>7}" for kind in ("lead", "typo", "acronym"))
    print(f"\n{'system':<26}{header}")
    for name, table in tables.items():
        cells = "".join(f"{table[k][0]:>16.3f}{table[k][1]:>7.2f}{table[k][2]:>7.2f}" for k in ("lead", "typo", "acronym"))
        print(f"{name:<26}{cells}")
    ud = args.corpus.parent.parent / "stemmer" / "ud_word_lemma_pairs.tsv"
    if ud.exists():
        overall, affixed, total = ud_agreement(ud)
        print(f"\nstem = UD lemma: {overall:.1%} of {total} pairs; {affixed:.1%} of affixed words")
    print(f"\n{time.perf_counter() - started:.0f} s; reproduce: python bench/relevance.py --corpus {args.corpus} "
          f"--queries {args.queries} --seed {args.seed}")


if __name__ == "__main__":
    main()
