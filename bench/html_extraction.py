"""Measure HTML extraction against the gold in ../shared/html: title, date, body token F1, index pages skipped.

    python bench/html_extraction.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search.errors import NoArticleError  # noqa: E402
from search.htmlpage import parse_html  # noqa: E402
from search.loaders import read_text_file  # noqa: E402

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
WIB = timezone(timedelta(hours=7))
_TOKEN = re.compile(r"\w+")


@dataclass
class PageScore:
    site: str
    fixture: str
    is_index: bool
    skipped: bool = False
    title_ok: bool = False
    date_ok: bool = False
    body_f1: float = 0.0
    problem: str = ""


@dataclass
class Report:
    pages: list[PageScore] = field(default_factory=list)

    def articles(self, site: str | None = None) -> list[PageScore]:
        return [p for p in self.pages if not p.is_index and (site is None or p.site == site)]

    def title_rate(self, site: str | None = None) -> float:
        pages = self.articles(site)
        return sum(p.title_ok for p in pages) / len(pages) if pages else 1.0

    def date_rate(self, site: str | None = None) -> float:
        pages = self.articles(site)
        return sum(p.date_ok for p in pages) / len(pages) if pages else 1.0

    def mean_body_f1(self, site: str | None = None) -> float:
        pages = self.articles(site)
        return sum(p.body_f1 for p in pages) / len(pages) if pages else 1.0

    def index_pages(self, site: str | None = None) -> tuple[int, int]:
        pages = [p for p in self.pages if p.is_index and (site is None or p.site == site)]
        return sum(p.skipped for p in pages), len(pages)


def normalise(text: str) -> str:
    return " ".join(text.split())


def token_f1(found: str, gold: str) -> float:
    found_tokens, gold_tokens = Counter(_TOKEN.findall(found.lower())), Counter(_TOKEN.findall(gold.lower()))
    overlap = sum((found_tokens & gold_tokens).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(found_tokens.values()), overlap / sum(gold_tokens.values())
    return 2 * precision * recall / (precision + recall)


def gold_date(epoch_ms: int) -> date:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=WIB).date()


def evaluate(shared: Path = DEFAULT_SHARED) -> Report:
    gold_entries = json.loads((shared / "html" / "expected_extractions.json").read_text(encoding="utf-8"))
    report = Report()
    for entry in gold_entries:
        path = shared / "html" / entry["fixture"]
        site = Path(entry["fixture"]).parent.name
        score = PageScore(site, entry["fixture"], is_index="title" not in entry)
        try:
            article = parse_html(read_text_file(path), str(path))
        except NoArticleError as error:
            score.skipped = True
            score.problem = str(error)
            report.pages.append(score)
            continue
        if not score.is_index:
            score.title_ok = normalise(article.title) == normalise(entry["title"])
            found_date = date.fromisoformat(article.date) if article.date else None
            score.date_ok = found_date is not None and abs((found_date - gold_date(entry["date"])).days) <= 1
            score.body_f1 = token_f1(article.body, entry.get("content", ""))
            if not score.title_ok:
                score.problem = f"title {article.title!r} != {entry['title']!r}"
        report.pages.append(score)
    return report


def print_report(report: Report) -> None:
    print(f"{'site':<14}{'pages':>6}{'title':>8}{'date':>8}{'body F1':>9}{'index skipped':>15}")
    for site in sorted({p.site for p in report.pages}):
        skipped, total = report.index_pages(site)
        print(f"{site:<14}{len(report.articles(site)):>6}{report.title_rate(site):>8.0%}{report.date_rate(site):>8.0%}"
              f"{report.mean_body_f1(site):>9.3f}{f'{skipped}/{total}':>15}")
    skipped, total = report.index_pages()
    print(f"{'overall':<14}{len(report.articles()):>6}{report.title_rate():>8.0%}{report.date_rate():>8.0%}"
          f"{report.mean_body_f1():>9.3f}{f'{skipped}/{total}':>15}")
    for page in report.pages:
        if page.problem and not (page.is_index and page.skipped):
            print(f"  {page.fixture}: {page.problem}")
        elif not page.is_index and (not page.date_ok or page.body_f1 < 0.9):
            print(f"  {page.fixture}: date_ok={page.date_ok} body_f1={page.body_f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ directory")
    args = parser.parse_args()
    print_report(evaluate(args.shared))
    print(f"\nreproduce: python bench/html_extraction.py --shared {args.shared}")


if __name__ == "__main__":
    main()
