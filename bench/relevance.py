"""Known-item relevance: does the article a query was written from come first?

    python bench/relevance.py [--corpus ../shared/corpus/news.jsonl] [--queries 300] [--seed 7] [--workdir DIR]
                              [--match relaxed|all]

From each sampled article the bench writes queries in six styles:
- `lead`: the lead's 4 most distinctive words (rarest in the corpus);
- `typo`: the same with one word misspelled;
- `acronym`: an agency in the lead written in another form (acronym for full name or the reverse);
- `first-words`: the lead's first 8 words, stop words included;
- `base-forms`: the distinctive words as their Sastrawi stems, as a user types `bangun` for `pembangunan`;
- `remembered`: 3 distinctive words and one word the article does not hold (a distinctive word of an article
  on the same subject), as a reader remembers a story in words that are not all its own.
It prints MRR@10, success@1 and success@10 per style for Warta as configured and the stock baselines of
issue 16 over the same articles, all in one run: stock Whoosh (MultifieldParser over title and body) with
the OR of the words and the English stemmer, the OR with Sastrawi stems, the AND with Sastrawi stems; and
for the `remembered` style the share of queries that found nothing. Articles fall in a dev and a held-out
half by a hash of their id: thresholds are tuned on dev; both halves are printed. `--workdir` keeps the
built indexes for the next run (the Warta index is updated, the baselines reused).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
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
from whoosh.analysis import StemmingAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup  # noqa: E402

from search.analysis import stem_word, stemmed_analyzer, stopwords, words_of  # noqa: E402
from search.articles import Article, first_sentence  # noqa: E402
from search.indexer import build_index  # noqa: E402
from search.loaders import Rejection, find_sources, read_source  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402
from search.synonyms import load_synonyms  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
QUERY_WORDS = 4
FIRST_WORDS = 8
TOP = 10
KINDS = ("lead", "typo", "acronym", "first-words", "base-forms", "remembered")
SPLITS = ("dev", "held-out")


@dataclass(frozen=True)
class KnownItem:
    kind: str  # one of KINDS
    text: str
    target: str  # article id

    @property
    def split(self) -> str:
        return split_of(self.target)


def split_of(article_id: str) -> str:
    """dev or held-out, by a hash of the article id: the same article always falls in the same half."""
    return SPLITS[hashlib.sha1(article_id.encode("utf-8")).digest()[0] % 2]


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


def base_forms(words: list[str]) -> list[str] | None:
    """The words as their stems, when at least one stem differs from its word (`pembangunan` -> `bangun`)."""
    stems = [stem_word(word) for word in words]
    return stems if stems != words else None


def absent_word(article: Article, words: list[str], neighbours: dict[str, list[Article]],
                document_frequency: Counter, total: int, rng: random.Random) -> str | None:
    """A distinctive word of another article sharing one of `words`, that this article does not hold."""
    held = set(words_of(article.title + " " + article.body))
    for word in rng.sample(words, len(words)):
        others = [other for other in neighbours.get(word, []) if other.id != article.id]
        for other in rng.sample(others, min(len(others), 5)):
            found = [w for w in distinctive_words(lead_of(other), document_frequency, total) if w not in held]
            if found:
                return rng.choice(found)
    return None


def build_queries(articles: list[Article], count: int, seed: int) -> list[KnownItem]:
    rng = random.Random(seed)
    document_frequency: Counter = Counter()
    neighbours: dict[str, list[Article]] = {}
    for article in articles:
        held = set(words_of(article.title + " " + article.body))
        document_frequency.update(held)
        for word in held:
            neighbours.setdefault(word, []).append(article)
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
        first = [w for w in words_of(lead_of(article)) if w.isalpha()][:FIRST_WORDS]
        if len(first) == FIRST_WORDS:
            queries.append(KnownItem("first-words", " ".join(first), article.id))
        stems = base_forms(words)
        if stems:
            queries.append(KnownItem("base-forms", " ".join(stems), article.id))
        absent = absent_word(article, words, neighbours, document_frequency, len(articles), rng)
        if absent:
            kept = rng.sample(words, 3)
            kept.insert(rng.randrange(len(kept) + 1), absent)
            queries.append(KnownItem("remembered", " ".join(kept), article.id))
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
    """A stock Whoosh index of title (boost 2) and body; one already built in `directory` is reused."""
    if whoosh_index.exists_in(str(directory)):
        return whoosh_index.open_dir(str(directory))
    directory.mkdir(parents=True, exist_ok=True)
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


def baseline_search(ix, group) -> Callable[[str], list[str]]:
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema, group=group)

    def run(text: str) -> list[str]:
        return [hit["id"] for hit in searcher.search(parser.parse(text), limit=TOP)]

    return run


def warta_search(service: SearchService, match: str) -> Callable[[str], list[str]]:
    def run(text: str) -> list[str]:
        return [hit["id"] for hit in service.search(SearchRequest(q=text, per_page=TOP, match=match))["hits"]]

    return run


@dataclass(frozen=True)
class Scores:
    mrr: float
    at1: float
    at10: float
    nothing: float  # share of queries that found nothing


def score(run: Callable[[str], list[str]], queries: list[KnownItem]) -> dict[tuple[str, str], Scores]:
    """Per (split, kind): MRR@10, success@1, success@10 and the share of empty answers."""
    found = {query: run(query.text) for query in queries}
    table = {}
    for split in SPLITS:
        for kind in KINDS:
            subset = [q for q in queries if q.kind == kind and q.split == split]
            if not subset:
                continue
            ranks = [found[q].index(q.target) + 1 if q.target in found[q] else None for q in subset]
            table[split, kind] = Scores(sum(1 / r for r in ranks if r) / len(ranks),
                                        sum(r == 1 for r in ranks) / len(ranks),
                                        sum(r is not None for r in ranks) / len(ranks),
                                        sum(not found[q] for q in subset) / len(subset))
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
    parser.add_argument("--workdir", type=Path, help="keep the built indexes here and reuse them next time")
    parser.add_argument("--match", choices=("relaxed", "all"), default="relaxed", help="Warta's matching strategy")
    args = parser.parse_args()
    started = time.perf_counter()
    articles = read_articles(args.corpus)
    queries = build_queries(articles, args.queries, args.seed)
    counts = Counter((q.split, q.kind) for q in queries)
    print(f"{len(articles)} articles; queries per split and style: "
          + ", ".join(f"{split} {kind} {n}" for (split, kind), n in sorted(counts.items())))
    systems: dict[str, Callable[[str], list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        build_index([args.corpus], work / "warta")
        service = SearchService(work / "warta")
        systems[f"warta (match={args.match})"] = warta_search(service, args.match)
        if args.opensearch_url:
            from search.backends import BackendSettings, open_backend

            cluster = open_backend(BackendSettings("opensearch", opensearch_url=args.opensearch_url,
                                                   opensearch_alias="warta-relevance"))
            cluster.reindex([args.corpus])
            systems[f"warta-opensearch (match={args.match})"] = warta_search(cluster, args.match)
        for name, analyzer, group in (("whoosh OR, English stems", StemmingAnalyzer(), OrGroup),
                                      ("whoosh OR, Sastrawi stems", stemmed_analyzer(), OrGroup),
                                      ("whoosh AND, Sastrawi stems", stemmed_analyzer(), AndGroup)):
            directory = work / name.split(",")[1].strip().replace(" ", "-").lower()
            systems[name] = baseline_search(baseline_index(articles, analyzer, directory), group)
        tables = {name: score(run, queries) for name, run in systems.items()}
        service.close()
    for split in SPLITS:
        print(f"\n{split}: MRR@10 (success@1, success@10)")
        print(f"{'system':<28}" + "".join(f"{kind:>20}" for kind in KINDS) + f"{'remembered: nothing':>22}")
        for name, table in tables.items():
            cells = "".join(f"{f'{t.mrr:.3f} ({t.at1:.2f}, {t.at10:.2f})':>20}" if t else f"{'-':>20}"
                            for t in (table.get((split, kind)) for kind in KINDS))
            empty = table.get((split, "remembered"))
            print(f"{name:<28}{cells}{f'{empty.nothing:.1%}' if empty else '-':>22}")
    ud = args.corpus.parent.parent / "stemmer" / "ud_word_lemma_pairs.tsv"
    if ud.exists():
        overall, affixed, total = ud_agreement(ud)
        print(f"\nstem = UD lemma: {overall:.1%} of {total} pairs; {affixed:.1%} of affixed words")
    print(f"\n{time.perf_counter() - started:.0f} s; reproduce: python bench/relevance.py --corpus {args.corpus} "
          f"--queries {args.queries} --seed {args.seed} --match {args.match}")


if __name__ == "__main__":
    main()
