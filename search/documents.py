"""Turn an Article and its extraction into the document Whoosh stores, and a stored document back into its Article."""

from __future__ import annotations

from typing import Any

from .articles import Article
from .extract import Extraction, extract, region_dict
from .facet_registry import FACETS, FacetRegistry
from .said import SAID, said_positions
from .schema import BODY, BODY_WORDS, DATE_NUMBER, FACET_SEPARATOR, ID_FIELD, STORY_NUMBER, TITLE, TITLE_WORDS, date_number
from .stories import story_number


def to_document(article: Article, extraction: Extraction | None = None, story: str | None = None,
                facets: FacetRegistry = FACETS) -> dict[str, Any]:
    """The document; `story` is the id of the article's story (search/stories.py), by default its own id;
    each of `facets` gets its values in its field."""
    extraction = extraction or extract(article)
    story = story or article.id
    return {
        ID_FIELD: article.id,
        TITLE: article.title,
        TITLE_WORDS: article.title,
        BODY: article.body,
        BODY_WORDS: article.body,
        "date": article.date,
        DATE_NUMBER: date_number(article.date),
        "url": article.url,
        "source": article.source or "",
        "place": article.place or "",
        "source_key": (article.source or "").lower(),
        "place_key": (article.place or "").lower(),
        **{facet.index_field: FACET_SEPARATOR.join(facet.terms(article, extraction)) for facet in facets},
        "officials": [{"name": o.name, "role": o.role, "surfaces": o.surfaces} for o in extraction.officials],
        "agencies": [{"name": a.name, "acronym": a.acronym, "surfaces": a.surfaces} for a in extraction.agencies],
        "regions": [region_dict(region) for region in extraction.regions],
        SAID: said_positions((q.speaker, q.text) for q in extraction.quotes),
        "quotes": [{"speaker": q.speaker, "text": q.text, "kind": q.kind} for q in extraction.quotes],
        "story": story,
        STORY_NUMBER: story_number(story),
    }


def stored_article(stored: dict[str, Any]) -> Article:
    """The Article a document was made of, from its stored fields: what to_document needs of it is stored (the
    extras it drops are not indexed), so the document can be written again, in another story, without its
    source file."""
    return Article(id=stored[ID_FIELD], title=stored.get(TITLE) or "", body=stored.get(BODY) or "",
                   date=stored.get("date"), url=stored.get("url"), source=stored.get("source") or None,
                   place=stored.get("place") or None)
