"""Quotes against hand labels: detection per kind, speaker accuracy, a naive regex baseline; extraction speed.

    python bench/quotes.py [--shared ../shared] [--errors N]

Reads bench/data/quote_labels.jsonl (articles of ../shared/corpus/news.jsonl and pages of
../shared/html/websites labelled by reading them, following bench/data/quotes_guideline.md). `dev` may be
tuned on and its remaining errors are listed; `heldout` is only scored. A found quote matches a label of the
same kind when the label's words are inside the found text (case, punctuation and spacing ignored), one to
one in reading order. Speaker right: the found speaker's words contain the label's or the other way round
(`Suhajar` for `Suhajar Diantoro`), both null counting as right; it is counted over matched quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.articles import Article  # noqa: E402
from search.extract import extract  # noqa: E402
from search.loaders import Rejection, article_from_record, find_sources, read_source  # noqa: E402

LABELS = ROOT / "bench" / "data" / "quote_labels.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared"
SPLITS = ("dev", "heldout")
KINDS = ("direct", "indirect")
HTML_PREFIX = "html:"


def split_for(article_id: str) -> str:
    """The split a newly labelled article goes to, fixed before it is read: about 3 in 8 are held out."""
    return "heldout" if hashlib.sha1(article_id.encode("utf-8")).hexdigest()[0] in "012345" else "dev"


def key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def same_speaker(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found is None and gold is None
    found_words, gold_words = set(key(found).split()), set(key(gold).split())
    return bool(found_words) and (found_words <= gold_words or gold_words <= found_words)


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    speaker_right: int = 0
    pronoun_matched: int = 0
    pronoun_right: int = 0
    errors: list[str] = field(default_factory=list)

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
        speaker = self.speaker_right / max(1, self.true_positive)
        pronoun = self.pronoun_right / max(1, self.pronoun_matched)
        return (f"{name:<26}{self.precision:>7.3f}{self.recall:>7.3f}{self.f1:>7.3f}{self.true_positive:>5}"
                f"{self.false_positive:>5}{self.false_negative:>5}{speaker:>9.3f}{pronoun:>9.3f} ({self.pronoun_matched})")


HEADER = f"{'':<26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'speaker':>9}{'pronoun':>9}"


def score_article(found: list[dict], gold: list[dict], scores: dict[str, Score], article_id: str) -> None:
    for kind in KINDS:
        score = scores[kind]
        candidates = [q for q in found if q["kind"] == kind]
        used: set[int] = set()
        for label in (g for g in gold if g["kind"] == kind):
            wanted = key(label["text"])
            match = next((i for i, q in enumerate(candidates) if i not in used and wanted in key(q["text"])), None)
            if match is None:
                score.false_negative += 1
                score.errors.append(f"missed   {article_id}: {label['text']!r} ({label['speaker']})")
                continue
            used.add(match)
            score.true_positive += 1
            right = same_speaker(candidates[match]["speaker"], label["speaker"])
            score.speaker_right += right
            if label.get("pronoun"):
                score.pronoun_matched += 1
                score.pronoun_right += right
            if not right:
                score.errors.append(f"speaker  {article_id}: {label['text']!r} {candidates[match]['speaker']!r} "
                                    f"instead of {label['speaker']!r}")
        for i, quote in enumerate(candidates):
            if i not in used:
                score.false_positive += 1
                score.errors.append(f"wrong    {article_id}: {quote['text'][:70]!r} ({quote['speaker']})")


# -- the naive baseline: a quote in marks followed by `kata X`, and `X mengatakan …` ------------------

NAIVE_DIRECT = re.compile(r"[\"“]\s*([^\"“”]{3,}?)\s*[\"”]\s*,?\s*(?:kata|ujar|ungkap|jelas|tutur|tegas|imbuh|terang|"
                          r"lanjut|sebut|tambah)(nya)?\s*([A-Z]\w+)?")
NAIVE_INDIRECT = re.compile(r"([A-Z]\w+)\s+(?:mengatakan|menyebut|menjelaskan|mengungkapkan|menegaskan)\s*,?\s*"
                            r"(?:bahwa\s+)?([^.]+)")


def naive_quotes(article: Article) -> list[dict]:
    found = []
    last = None
    for match in NAIVE_DIRECT.finditer(article.body):
        speaker = match.group(3) or last
        last = speaker
        found.append({"kind": "direct", "text": match.group(1), "speaker": speaker})
    for match in NAIVE_INDIRECT.finditer(article.body):
        found.append({"kind": "indirect", "text": match.group(2), "speaker": match.group(1)})
    return found


def warta_quotes(article: Article) -> list[dict]:
    return [quote.to_dict() for quote in extract(article).quotes]


# -- reading the labelled articles ---------------------------------------------------------------

def labels() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled_articles(shared: Path) -> Iterator[tuple[dict, Article]]:
    wanted = {label["id"]: label for label in labels()}
    with (shared / "corpus" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                yield wanted[record["id"]], article_from_record(record)
    for ident, label in wanted.items():
        if ident.startswith(HTML_PREFIX):
            for article in read_source(shared / "html" / "websites" / ident[len(HTML_PREFIX):]):
                if not isinstance(article, Rejection):
                    yield label, article


def evaluate(pairs: list[tuple[dict, Article]], extractor: Callable[[Article], list[dict]]) -> dict[str, dict[str, Score]]:
    scores = {split: {kind: Score() for kind in KINDS} for split in SPLITS}
    for label, article in pairs:
        score_article(extractor(article), label["quotes"], scores[label["split"]], label["id"])
    return scores


def speed(shared: Path) -> tuple[int, float]:
    articles = [a for s in find_sources([shared / "corpus" / "news.jsonl"]) for a in read_source(s)
                if not isinstance(a, Rejection)]
    for article in articles[:200]:
        extract(article)  # warm the lexicon and the stem cache
    started = time.perf_counter()
    for article in articles:
        extract(article)
    return len(articles), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", type=int, default=40, help="how many remaining dev errors to list")
    parser.add_argument("--no-speed", action="store_true", help="skip timing extraction over the corpus")
    args = parser.parse_args()
    pairs = list(labelled_articles(args.shared))
    counts = {split: sum(1 for label, _ in pairs if label["split"] == split) for split in SPLITS}
    print(f"hand-labelled articles ({LABELS.relative_to(ROOT)}: "
          f"{', '.join(f'{counts[s]} {s}' for s in SPLITS)}); speaker and pronoun columns are over matched quotes")
    results = {"warta": evaluate(pairs, warta_quotes), "naive regex": evaluate(pairs, naive_quotes)}
    print(HEADER)
    for split in SPLITS:
        for name, scores in results.items():
            for kind in KINDS:
                print(scores[split][kind].row(f"{split} {kind} {name}"))
    errors = [e for kind in KINDS for e in results["warta"]["dev"][kind].errors]
    print(f"\nremaining errors on dev ({len(errors)}; heldout is never listed)")
    for error in errors[:args.errors]:
        print("  " + error)
    if not args.no_speed:
        count, seconds = speed(args.shared)
        print(f"\nextraction speed on one core, {count} articles: {count / seconds:.0f} articles/s (warm)")
    print(f"reproduce: python bench/quotes.py --shared {args.shared}")


if __name__ == "__main__":
    main()
