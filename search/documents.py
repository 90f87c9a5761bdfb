"""Turn an Article and its extraction into the document Whoosh stores."""

from __future__ import annotations

from typing import Any

from .articles import Article
from .extract import Extraction, extract
from .schema import FACET_SEPARATOR, date_number
from .stories import story_number


def to_document(article: Article, extraction: Extraction | None = None, story: str | None = None) -> dict[str, Any]:
    """The document; `story` is the id of the article's story (search/stories.py), by default its own id."""
    extraction = extraction or extract(article)
    story = story or article.id
    return {
        "id": article.id,
        "title": article.title,
        "title_surface": article.title,
        "body": article.body,
        "body_surface": article.body,
        "date": article.date,
        "date_num": date_number(article.date),
        "url": article.url,
        "source": article.source or "",
        "place": article.place or "",
        "source_key": (article.source or "").lower(),
        "place_key": (article.place or "").lower(),
        "official": FACET_SEPARATOR.join(extraction.official_names),
        "agency": FACET_SEPARATOR.join(extraction.agency_names),
        "officials": [{"name": o.name, "role": o.role, "surfaces": o.surfaces} for o in extraction.officials],
        "agencies": [{"name": a.name, "acronym": a.acronym, "surfaces": a.surfaces} for a in extraction.agencies],
        "story": story,
        "story_num": story_number(story),
    }
