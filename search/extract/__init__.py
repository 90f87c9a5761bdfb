"""Extraction: who (officials), which bodies (agencies), when (date) and where (place) an article is about."""

from __future__ import annotations

from dataclasses import dataclass

from ..articles import Article
from .agencies import AgencyMention, find_agencies, load_gazetteers
from .lexicon import load_lexicon
from .officials import OfficialMention, find_officials
from .places import region_of_place
from .tokens import tokenize

__all__ = ["Extraction", "extract", "AgencyMention", "OfficialMention"]


@dataclass
class Extraction:
    officials: list[OfficialMention]
    agencies: list[AgencyMention]

    @property
    def official_names(self) -> list[str]:
        return [official.name for official in self.officials]

    @property
    def agency_names(self) -> list[str]:
        return [agency.name for agency in self.agencies]


def extract(article: Article) -> Extraction:
    """Officials and agencies named in the article's title, body and desk line."""
    lexicon = load_lexicon()
    text = "\n".join(part for part in (article.title, article.body, article.source or "") if part)
    tokens = tokenize(text, lexicon.abbreviations)
    agencies, spans = find_agencies(text, tokens, region_of_place(article.place, lexicon))
    gazetteers = load_gazetteers()
    for places in (gazetteers.regions, gazetteers.countries):
        spans += [(match.start, match.end) for match in places.find_all(tokens)]
    material = {i for start, end in spans for i in range(start, end)}
    officials = find_officials(text, tokens, material, lexicon)
    return Extraction(officials=officials, agencies=agencies)
