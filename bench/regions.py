"""Regions against hand labels: precision, recall and F1 at the kabupaten/kota and the province level.

    python bench/regions.py [--shared ../shared] [--labels bench/data/region_labels.jsonl] [--errors 20]

Scores `Extraction.regions` on the articles of ../shared/corpus/news.jsonl labelled in region_labels.jsonl
(see bench/data/regions_guideline.md), micro-averaged over (article, code) pairs:
- kab/kota: the labelled `regions` against the kabupaten/kota found;
- province: the labelled `provinces` plus the province of every labelled kab/kota, against the provinces
  found alone plus those of the kab/kota found.
Each figure is printed for `dev` and for its detik.com regional articles; with --heldout, for `heldout` too.
Errors are listed for `dev` only. Tune on `dev`; score `heldout` once, at the end, and never look into it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract, region_weighing  # noqa: E402
from search.extract.lexicon import Region, load_lexicon  # noqa: E402
from search.loaders import article_from_record  # noqa: E402

DEFAULT_LABELS = ROOT / "bench" / "data" / "region_labels.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared"
SPLITS = ("dev", "heldout")
DETIK_REGIONAL = "detik.com/jatim"


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, found: set[str], gold: set[str]) -> None:
        self.true_positive += len(found & gold)
        self.false_positive += len(found - gold)
        self.false_negative += len(gold - found)

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

    @staticmethod
    def header(title: str = "") -> str:
        return f"{title:<30}{'articles':>9}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}"

    def row(self, name: str, articles: int) -> str:
        return (f"{name:<30}{articles:>9}{self.precision:>10.3f}{self.recall:>8.3f}{self.f1:>8.3f}"
                f"{self.true_positive:>6}{self.false_positive:>6}{self.false_negative:>6}")


@dataclass
class Group:
    articles: int = 0
    cities: Score = field(default_factory=Score)
    provinces: Score = field(default_factory=Score)


def gold_sets(label: dict) -> tuple[set[str], set[str]]:
    cities = set(label["regions"])
    return cities, set(label["provinces"]) | {code.split(".")[0] for code in cities}


def found_sets(regions: list[Region]) -> tuple[set[str], set[str]]:
    cities = {region.code for region in regions if region.level != "provinsi"}
    return cities, {region.province_code for region in regions}


def read_labels(path: Path) -> dict[str, dict]:
    return {label["id"]: label for label in
            (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())}


def score(labels: dict[str, dict], shared: Path, splits: tuple[str, ...]) -> tuple[dict[str, Group], list[str]]:
    """Scores by group (`dev`, `dev detik.com regional`, the same for `heldout`) and the errors on `dev`."""
    groups = {name: Group() for split in splits for name in (split, f"{split} detik.com regional")}
    errors = []
    names = {region.code: region.full_name for region in load_lexicon().regions}
    with (shared / "corpus" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            label = labels.get(record["id"])
            if label is None or label["split"] not in splits:
                continue
            found = found_sets(extract(article_from_record(record)).regions)
            gold = gold_sets(label)
            keys = [label["split"]] + ([f"{label['split']} detik.com regional"]
                                       if label["source"] == DETIK_REGIONAL else [])
            for key in keys:
                groups[key].articles += 1
                groups[key].cities.add(found[0], gold[0])
                groups[key].provinces.add(found[1], gold[1])
            if label["split"] == "dev" and (found[0] != gold[0] or found[1] != gold[1]):
                errors.append(describe_error(record["id"], found, gold, names,
                                             why_left_out(article_from_record(record), gold[0] - found[0])))
    return groups, errors


def why_left_out(article, missed: set[str]) -> dict[str, str]:
    """For each missed kab/kota, why find_regions left it out: no evidence at all (the gazetteer found no name
    for it, or every mention was passing), or the rule that dropped it (regions._ruled_out, Evidence.forgotten)."""
    weighing = region_weighing(article) if missed else None
    if weighing is None:
        return {code: "no evidence" for code in missed}
    return {code: "no evidence" if code not in weighing.evidence.tally else
            weighing.evidence.forgotten.get(code) or weighing.ruled_out.get(code) or "kept, then not listed"
            for code in missed}


def describe_error(article_id: str, found: tuple[set[str], set[str]], gold: tuple[set[str], set[str]],
                   names: dict[str, str], why: dict[str, str] | None = None) -> str:
    def show(codes: set[str], why: dict[str, str] | None = None) -> str:
        return ", ".join(f"{code} {names.get(code, '?')}" + (f" ({why[code]})" if why and code in why else "")
                         for code in sorted(codes)) or "-"

    return (f"{article_id}\n    wrong kab/kota: {show(found[0] - gold[0])}; missed: {show(gold[0] - found[0], why)}"
            f"\n    wrong province: {show(found[1] - gold[1])}; missed: {show(gold[1] - found[1])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--errors", type=int, default=20, help="how many dev errors to list")
    parser.add_argument("--heldout", action="store_true", help="score the held-out split too (once, at the end)")
    args = parser.parse_args()
    labels = read_labels(args.labels)
    groups, errors = score(labels, args.shared, SPLITS if args.heldout else SPLITS[:1])
    print(f"region labels: {args.labels} ({len(labels)} articles)")
    print(Score.header())
    for level in ("cities", "provinces"):
        for name, group in groups.items():
            print(getattr(group, level).row(f"{'kab/kota' if level == 'cities' else 'province'} {name}",
                                            group.articles))
    print(f"\n{len(errors)} dev articles with an error" + (f", the first {args.errors}:" if errors else ""))
    for error in errors[:args.errors]:
        print(error)
    print(f"reproduce: python bench/regions.py --shared {args.shared} --labels {args.labels}"
          + (" --heldout" if args.heldout else ""))


if __name__ == "__main__":
    main()
