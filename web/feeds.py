"""The Atom 1.0 feed of a search: its newest stories, written by feedgen from the one result dict."""

from __future__ import annotations

from datetime import datetime, time, timezone
from typing import Any

from feedgen.feed import FeedGenerator

from search.articles import normalise_text

FEED_SIZE = 50  # stories per feed
CATEGORY_SCHEMES = {"officials": "official", "agencies": "agency"}


def entry_time(day: str | None, fallback: datetime) -> datetime:
    """An article's date as a time (midnight UTC); `fallback` (the index's time) when it has none."""
    if not day:
        return fallback
    try:
        return datetime.combine(datetime.strptime(day, "%Y-%m-%d").date(), time(0), tzinfo=timezone.utc)
    except ValueError:
        return fallback


def atom_feed(result: dict[str, Any], title: str, self_url: str, page_url: str, base_url: str,
              updated: datetime) -> bytes:
    """Atom XML for a result dict's hits: title, link to the article page, date, the snippet as an HTML
    summary, officials and agencies as categories (their scheme says which facet a term belongs to). Text goes
    in as an index of today writes it: an index written before control characters were dropped still holds
    them, and XML refuses them."""
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(normalise_text(title))
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.language("id")
    feed.generator("Warta")
    feed.updated(updated)
    for hit in result["hits"]:
        entry = feed.add_entry(order="append")
        link = f"{base_url}/article/{hit['id']}"
        entry.id(link)
        entry.title(normalise_text(hit["title"]) or hit["id"])
        entry.link(href=link, rel="alternate", type="text/html")
        when = entry_time(hit.get("date"), updated)
        entry.updated(when)
        entry.published(when)
        entry.summary(normalise_text(hit["snippet"]), type="html")
        if hit.get("source"):
            entry.author(name=normalise_text(hit["source"]))
        for key, facet in CATEGORY_SCHEMES.items():
            for name in hit.get(key) or []:
                name = normalise_text(name)
                entry.category(term=name, label=name, scheme=f"{base_url}/?{facet}=")
    return feed.atom_str(pretty=True)
