"""Extraction: who (officials), which bodies (agencies), when (date) and where (place) an article is about,
and who said what (quotes)."""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from ..articles import Article
from .agencies import AgencyMention, find_agencies, load_gazetteers, placed_in_region
from .casing import unshouted
from .lexicon import Lexicon, Region, load_lexicon
from .officials import OfficialMention, find_officials, find_persons
from .places import region_of_place
from .punctuation import dashes_as_commas
from .quotes import Quote, find_quotes
from .tables import cells_as_commas
from .regions import ArticleText, Weighing, find_regions, weigh_regions
from .tokens import tokenize

__all__ = ["Extraction", "extract", "region_dict", "AgencyMention", "OfficialMention", "Quote"]


@dataclass
class Extraction:
    officials: list[OfficialMention]
    agencies: list[AgencyMention]
    persons: list[str] = field(default_factory=list)  # other people named (searchable text, never a facet)
    # The regions the article is about (search/extract/regions.py): every kabupaten/kota with enough
    # evidence, then every province with enough evidence of its own and none of its kabupaten/kota listed.
    # A kabupaten/kota implies its province, which is never listed beside it (the seed: [18.01], not 18).
    regions: list[Region] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # who said what in the body, in reading order

    @property
    def person_names(self) -> list[str]:
        return self.persons

    @property
    def official_names(self) -> list[str]:
        return [official.name for official in self.officials]

    @property
    def agency_names(self) -> list[str]:
        return [agency.name for agency in self.agencies]


def region_dict(region: Region) -> dict[str, str]:
    """A region as the API, the CLI and the stored document show it."""
    return {"code": region.code, "name": region.full_name, "level": region.level}


HEADLINE_MIN_WORDS = 2  # `Gubernur Tinjau Banjir`: three capitalised words are a headline, not a post and a name


def is_headline_case(title: str) -> bool:
    """`Pesan Kapolda Jatim Saat Berangkatkan Personel`: every word capitalised says nothing about names."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return len(words) >= HEADLINE_MIN_WORDS and sum(w[:1].isupper() for w in words) / len(words) > 0.7


# Scraped text runs a name into the next line's first word: "Menteri Hukum dan HAM Yasonna H LaolyCaleg DPR".
# The capital comes first, then the check that no word character stands before it (a word's start): the regex
# engine then jumps from capital to capital; the letters after it are possessive, no shorter run is retried.
GLUED_WORDS = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]{2,}+)(?=[A-Z][a-z]{2,})")
LEVEL_WORDS = frozenset({"Kabupaten", "Kab", "Kab.", "Kota", "Provinsi", "Prov", "Prov."})


def unglued(text: str, kept: frozenset[str] = frozenset()) -> str:
    """`text` with a space between words run together, but for the camel-case names in `kept` (`NasDem`). Most
    texts have none, and looking costs less than rewriting: `sub` takes half again as long as `search` over a
    text where nothing matches."""
    if not GLUED_WORDS.search(text):
        return text
    return GLUED_WORDS.sub(lambda glued: glued[1] if _word_at(text, glued.start()) in kept else glued[1] + " ", text)


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[start:end]


def _is_role_word(match, tokens, lexicon) -> bool:
    """`Karo Ops Polda Jatim`: a one-word region name that is also a position word (Kabupaten Karo, Karo for
    Kepala Biro) is the position unless a level word says it is the region."""
    text = tokens[match.start].text
    return (match.end - match.start == 1 and text in lexicon.positions
            and not (match.start and tokens[match.start - 1].text in LEVEL_WORDS))


def _as_sentences(text: str, lexicon: Lexicon) -> str:
    """A part of the article as the extractors read it: words run together apart, capitals and dashes as news
    writes them, a table's cells as clauses."""
    text = unshouted(unglued(text, lexicon.camel_case_names), lexicon)
    return cells_as_commas(dashes_as_commas(text), lexicon.generic_posts)


def extract(article: Article) -> Extraction:
    """Officials, agencies and other persons named in the article's title, body and desk line, and the
    regions it is about, and who said what in the body."""
    lexicon = load_lexicon()
    title, body, text, tokens, regions, agencies, spans = _read(article, lexicon)
    body_start = len(title) + 1 if title else 0
    bodies = {i for start, end in spans for i in range(start, end)}
    material = bodies | {i for match in regions for i in range(match.start, match.end)}  # places alike
    officials = find_officials(text, tokens, material, lexicon, bodies)
    persons = find_persons(tokens, material, officials, lexicon)
    quotes = find_quotes(text, tokens, officials, persons, lexicon, material,
                         (body_start, body_start + len(body)))
    view = ArticleText(text, tokens, regions, article.title, len(title), article.place)
    about = find_regions(view, agencies, lexicon)
    return Extraction(officials=officials, agencies=placed_in_region(agencies, about, lexicon), persons=persons,
                      regions=about, quotes=quotes)


def region_weighing(article: Article) -> Weighing | None:
    """The evidence for each region `article` names, which find_regions decides on (bench/region_scorer.py
    fits the scorer of kab/kota on it)."""
    lexicon = load_lexicon()
    title, _, text, tokens, regions, agencies, _ = _read(article, lexicon)
    return weigh_regions(ArticleText(text, tokens, regions, article.title, len(title), article.place), agencies,
                         lexicon)


def _read(article: Article, lexicon: Lexicon):
    """The article as the extractors read it: its title (empty when written in headline case) and body as
    sentences, the whole text and its tokens, the region names and the agencies found in it with their spans."""
    title = "" if is_headline_case(article.title) else article.title
    title, body, source = (_as_sentences(part, lexicon) for part in (title, article.body, article.source or ""))
    text = "\n".join(part for part in (title, body, source) if part)
    tokens = tokenize(text, lexicon.abbreviations, lexicon.officer_ranks)
    regions = [match for match in load_gazetteers().regions.find_all(tokens)
               if not _is_role_word(match, tokens, lexicon)]
    agencies, spans = find_agencies(text, tokens, region_of_place(article.place, lexicon), regions=regions)
    return title, body, text, tokens, regions, agencies, spans
