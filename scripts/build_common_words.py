"""Build search/extract/data/common_words.txt: ordinary words the news writes in lower case, never names.

    python scripts/build_common_words.py [--shared ../shared]

A role runs on into a name when the news capitalises the words of a unit or a field (`Kepala Dinas Tata Air
Teguh Hendrawan`, `Penasihat Khusus Presiden bidang Kesejahteraan Buruh Said Iqbal`): the extractor needs to
know that `Air` and `Buruh` are ordinary words. Sources (see ../shared/README.md): the articles of
corpus/news.jsonl and the tokens of the idner-news-2k training set. A word is kept when it is written at least
MIN_LOWER times in lower case inside a sentence, in lower case at least LOWER_SHARE of the times it is written
there, is not an affixed word (search/extract/officials.py knows those already), is never tagged as a person's
name in the NER set, and is not one of the given names that are also words (data/word_names.txt).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract.lexicon import read_lines  # noqa: E402
from search.extract.officials import is_derived_word  # noqa: E402

MIN_LOWER = 8
LOWER_SHARE = 0.75
MIN_LETTERS = 3
SENTENCE = re.compile(r"(?<=[.!?\"])\s+")
WORD = re.compile(r"[A-Za-z]+")
OUTPUT = ROOT / "search" / "extract" / "data" / "common_words.txt"


def count_cases(texts, lower: Counter, capital: Counter) -> None:
    """Count each word's lower-case and capitalised uses, leaving out a sentence's first word."""
    for text in texts:
        for sentence in SENTENCE.split(text):
            for word in WORD.findall(sentence)[1:]:
                if word.islower():
                    lower[word] += 1
                elif word[0].isupper() and word[1:].islower():
                    capital[word.lower()] += 1


def corpus_texts(shared: Path):
    with (shared / "corpus" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield record.get("body") or ""


def ner_sentences(shared: Path) -> tuple[list[str], set[str]]:
    """(sentences of the NER training set, words it tags as part of a person's name)."""
    sentences, current, persons = [], [], set()
    for line in (shared / "ner" / "idner-train.conll").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                sentences.append(" ".join(current))
            current = []
            continue
        current.append(parts[0])
        if parts[-1].endswith("PER"):
            persons.add(parts[0].lower())
    if current:
        sentences.append(" ".join(current))
    return sentences, persons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    sentences, persons = ner_sentences(args.shared)
    count_cases(corpus_texts(args.shared), lower, capital)
    count_cases(sentences, lower, capital)
    names = {word.lower() for word in read_lines("word_names.txt")}
    words = sorted(word for word, count in lower.items()
                   if count >= MIN_LOWER and len(word) >= MIN_LETTERS and count / (count + capital[word]) >= LOWER_SHARE
                   and word not in persons and word not in names and not is_derived_word(word))
    header = ("# Ordinary words the news writes in lower case (built by scripts/build_common_words.py): capitalised\n"
              "# after a role's words they still belong to the role, never to the name after it.\n")
    OUTPUT.write_text(header + "".join(f"{word}\n" for word in words), encoding="utf-8")
    print(f"{len(words)} words -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
