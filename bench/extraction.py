"""Officials and agencies against hand labels and the idner-news-2k dev set; extraction speed.

    python bench/extraction.py [--shared ../shared]

Prints precision, recall and F1 for officials and agencies on tests/data/extraction_labels.jsonl (articles
of ../shared/corpus/news.jsonl and pages of ../shared/html/websites labelled by reading them, following
tests/data/extraction_guideline.md: `dev` may be tuned on; `test` and `heldout` are only scored), for PER
(officials and other persons found) and ORG (agencies' surface forms) on ner/idner-dev.conll, the remaining
errors on `dev`, the junk audit and the grouping of one person's forms over the corpus's official values
(--identity: only those), and articles per second on one core over the whole corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.articles import Article  # noqa: E402
from search.extract import extract  # noqa: E402
from search.loaders import Rejection, article_from_record, find_sources, read_source  # noqa: E402

LABELS = ROOT / "tests" / "data" / "extraction_labels.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared"
SPLITS = ("dev", "test", "heldout", "all")
HTML_PREFIX = "html:"  # a label for a page under ../shared/html/websites: html:<site>/<file>


def split_for(article_id: str) -> str:
    """The split a newly labelled article goes to, fixed before it is read: about 3 in 8 are held out."""
    return "heldout" if hashlib.sha1(article_id.encode("utf-8")).hexdigest()[0] in "012345" else "dev"


def key(text: str) -> str:
    """A name as scored: any case, full stops and repeated spaces ignored, and a hyphen spaced out as IndoSum's
    tokenised text writes it (`al - Saud`) the same as written close (`al-Saud`)."""
    return " ".join(text.casefold().replace(".", " ").replace(" - ", "-").split())


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)

    def add(self, found: set[str], gold: set[str]) -> None:
        found_keys, gold_keys = {key(f): f for f in found}, {key(g): g for g in gold}
        self.true_positive += len(found_keys.keys() & gold_keys.keys())
        self.false_positive += len(found_keys.keys() - gold_keys.keys())
        self.false_negative += len(gold_keys.keys() - found_keys.keys())
        self.wrong.update(found_keys[k] for k in found_keys.keys() - gold_keys.keys())
        self.misses.update(gold_keys[k] for k in gold_keys.keys() - found_keys.keys())

    @property
    def precision(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_negative)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:<28}{self.precision:>10.3f}{self.recall:>8.3f}{self.f1:>8.3f}"
                f"{self.true_positive:>6}{self.false_positive:>6}{self.false_negative:>6}")


def labelled_articles(shared: Path) -> Iterator[tuple[dict, Article]]:
    """Each label with the article it is about: corpus records by id, HTML pages read by Warta's own loader."""
    labels = {label["id"]: label for label in
              (json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip())}
    with (shared / "corpus" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in labels:
                yield labels[record["id"]], article_from_record(record)
    for ident, label in labels.items():
        if ident.startswith(HTML_PREFIX):
            source = shared / "html" / "websites" / ident[len(HTML_PREFIX):]
            for article in read_source(source):
                if not isinstance(article, Rejection):
                    yield label, article


def labelled(shared: Path) -> dict[str, dict[str, Score]]:
    scores: dict[str, dict[str, Score]] = {split: {"officials": Score(), "agencies": Score()} for split in SPLITS}
    for label, article in labelled_articles(shared):
        result = extract(article)
        for split in (label["split"], "all"):
            scores[split]["officials"].add(set(result.official_names), set(label["officials"]))
            scores[split]["agencies"].add(set(result.agency_names), set(label["agencies"]))
    return scores


def conll_sentences(path: Path):
    tokens, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                yield tokens, tags
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        yield tokens, tags


def entities(tokens: list[str], tags: list[str], kind: str) -> set[str]:
    found, current = set(), []
    for token, tag in zip(tokens, tags):
        if tag == f"B-{kind}" or (tag == f"I-{kind}" and not current):
            if current:
                found.add(" ".join(current))
            current = [token]
        elif tag == f"I-{kind}":
            current.append(token)
        else:
            if current:
                found.add(" ".join(current))
            current = []
    if current:
        found.add(" ".join(current))
    return found


def ner(shared: Path) -> tuple[Score, Score, int]:
    persons, organisations = Score(), Score()
    count = 0
    for tokens, tags in conll_sentences(shared / "ner" / "idner-dev.conll"):
        count += 1
        result = extract(Article(id="s", title="", body=" ".join(tokens)))
        found_persons = set(result.official_names) | set(result.person_names)
        persons.add(found_persons, entities(tokens, tags, "PER"))
        found_organisations = {surface for agency in result.agencies for surface in agency.surfaces}
        organisations.add(found_organisations, entities(tokens, tags, "ORG"))
    return persons, organisations, count


# The same person under several values on the archive (issue 15): each group must end under one shown value.
VARIANT_GROUPS = (
    ("Anies Baswedan", "Anies Rasyid Baswedan"), ("Sri Mulyani", "Sri Mulyani Indrawati"),
    ("Argo Yuwono", "Raden Prabowo Argo Yuwono"), ("Sandiaga Uno", "Sandiaga Salahuddin Uno"),
    ("Luhut Binsar Pandjaitan", "Luhut Binsar Panjaitan", "Luhut Panjaitan"),
    ("Djarot Saiful Hidayat", "Djarot Saeful Hidayat", "Djarot Syaiful Hidayat", "Djarot Saiful"),
    ("Khofifah", "Kofifah", "Khofifah Parawansa", "Khofifah Indar Parawansa"),
    ("Tito", "M. Tito", "Muhammad Tito", "Tito Karnavian", "Muhammad Tito Karnavian", "Tri Tito Karnavian"),
    ("Airlangga Hartarto", "Airlangga Hartanto"),
)


def identity(articles: list[Article]) -> None:
    """Official values over the whole corpus before and after grouping one person's forms (search/identity.py),
    the issue's variant groups (only the forms the archive holds), and the largest merges to read."""
    from search.identity import variants

    counts: Counter = Counter()
    for article in articles:
        counts.update(set(extract(article).official_names))
    audit(counts)
    groups = variants(counts)
    shown = {name: person for person, names in groups.items() for name in names}
    print(f"\nofficial values on the corpus: {len(counts)} forms, {len(groups)} after grouping one person's forms; "
          f"{sum(1 for c in counts.values() if c >= 2)} forms in 2+ articles, "
          f"{sum(1 for p, names in groups.items() if sum(counts[n] for n in names) >= 2)} persons in 2+")
    for group in VARIANT_GROUPS:
        present = [name for name in group if name in counts]
        if present:
            people = sorted({shown[name] for name in present})
            print(f"  {'one' if len(people) == 1 else 'SPLIT':<6}{' / '.join(present)} -> {' | '.join(people)}")
    merged = sorted((names for names in groups.values() if len(names) > 1), key=lambda names: -len(names))
    print(f"  {len(merged)} merged groups; the largest: " + "; ".join(" / ".join(names) for names in merged[:12]))


AUDIT = ROOT / "tests" / "data" / "official_value_judgements.tsv"
AUDIT_SAMPLE, AUDIT_SEED = 100, 15
UNJUDGED_SHOWN = 20


def read_judgements() -> dict[str, tuple[str, str]]:
    """value -> (NAME or JUNK, the junk's class) from the judgement file."""
    judged = {}
    for line in AUDIT.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("value\t"):
            value, judgement, kind = (line.split("\t") + ["", ""])[:3]
            judged[value] = (judgement, kind)
    return judged


def audit(counts: Counter) -> None:
    """Issue 15's junk audit: the share of official values judged junk (tests/data/official_value_judgements.tsv)
    over every value, among values in 2+ articles, and in a seeded random 100 of all values; the junk classes;
    and the values nobody has judged yet, to be read: the share is only as current as the judging."""
    import random

    judged = read_judgements()
    values = sorted(counts)
    frequent = [name for name in values if counts[name] >= 2]
    sample = sorted(random.Random(AUDIT_SEED).sample(values, min(AUDIT_SAMPLE, len(values))))
    for label, group in (("every value", values), ("values in 2+ articles", frequent),
                         (f"random {len(sample)} of all values", sample)):
        found = [value for value in group if judged.get(value, ("",))[0] == "JUNK"]
        unjudged = sum(1 for value in group if value not in judged)
        shown = "; ".join(found[:8]) + (" ..." if len(found) > 8 else "")
        print(f"  junk among {label}: {len(found)}/{len(group)} = {len(found) / max(1, len(group)):.1%}"
              f" ({unjudged} not judged yet) ({shown})")
    classes = Counter(judged[value][1] for value in values if judged.get(value, ("",))[0] == "JUNK")
    print("  junk classes: " + ", ".join(f"{kind} {count}" for kind, count in classes.most_common()))
    unjudged = [value for value in values if value not in judged]
    if unjudged:
        print(f"  {len(unjudged)} values not judged yet, the first {UNJUDGED_SHOWN}: "
              + "; ".join(unjudged[:UNJUDGED_SHOWN]))


def corpus_articles(shared: Path) -> list[Article]:
    return [a for s in find_sources([shared / "corpus" / "news.jsonl"]) for a in read_source(s)
            if not isinstance(a, Rejection)]


def speed(shared: Path) -> tuple[int, float, float]:
    """Seconds for the whole corpus: first with Sastrawi stemming new words (cold), then with the stem
    cache full (warm), which is extraction's own cost when indexing, where the analyzer stems every word.
    Cold forgets the officials' verdicts on name words too, which would otherwise spare Sastrawi the words
    the labelled sets have shown."""
    from search.analysis import stem_word
    from search.extract.lexicon import load_lexicon

    articles = corpus_articles(shared)
    stem_word.cache_clear()
    load_lexicon().name_word_verdicts.clear()
    timings = []
    for _ in range(2):
        started = time.process_time()  # this process's CPU time: one core's work, whatever else the machine runs
        for article in articles:
            extract(article)
        timings.append(time.process_time() - started)
    return len(articles), timings[0], timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", type=int, default=15, help="how many remaining errors to list")
    parser.add_argument("--identity", action="store_true", help="only the grouping of one person's forms")
    args = parser.parse_args()
    if args.identity:
        identity(corpus_articles(args.shared))
        return
    header = f"{'':<28}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}"
    scores = labelled(args.shared)
    counts = Counter(json.loads(line)["split"] for line in LABELS.read_text(encoding="utf-8").splitlines() if line)
    print(f"hand-labelled articles (tests/data/extraction_labels.jsonl: "
          f"{', '.join(f'{counts[split]} {split}' for split in SPLITS[:-1])})\n" + header)
    for split in SPLITS:
        for kind in ("officials", "agencies"):
            print(scores[split][kind].row(f"{split} {kind}"))
    persons, organisations, sentences = ner(args.shared)
    print(f"\nidner-news-2k dev ({sentences} sentences)\n" + header)
    print(persons.row("PER: officials + persons"))
    print(organisations.row("ORG: agencies"))
    for name, score in (("officials", scores["dev"]["officials"]), ("agencies", scores["dev"]["agencies"])):
        print(f"\nremaining {name} errors on dev (test and heldout are never listed)")
        print("  missed: " + "; ".join(f"{k}" for k, _ in score.misses.most_common(args.errors)))
        print("  wrong:  " + "; ".join(f"{k}" for k, _ in score.wrong.most_common(args.errors)))
    identity(corpus_articles(args.shared))
    count, cold, warm = speed(args.shared)
    print(f"\nspeed on one core, {count} articles: {count / cold:.0f} articles/s with an empty stem cache, "
          f"{count / warm:.0f} articles/s with a warm one")
    print(f"reproduce: python bench/extraction.py --shared {args.shared}")


if __name__ == "__main__":
    main()
