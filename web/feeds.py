"""The Atom 1.0 feed of a search: its newest stories, written by feedgen from the one result dict."""

from __future__ import annotations

from datetime import datetime, time, timezone
from typing import Any

from feedgen.feed import FeedGenerator

from search.articles import normalise_text

FEED_SIZE = 50  # stories per feed
CATEGORY_SCHEMES = {"officials": "official", "agencies": "agency"}
FEED_AUTHOR = "Warta"  # the feed's author: an entry without a source (a record may have none) has the feed's


# An article with no date is left out of a feed. Atom requires an <updated> in every entry (RFC 4287, 4.1.2 and
# 4.2.15: when the entry last changed in a way the publisher considers significant), and the index keeps neither
# when an article was written nor when it was first indexed: the index's time moved with every reindex, so
# readers showed the article as new again and again; the epoch, used after it, gave a false 1970-01-01 that
# readers showed as the article's date (trial 54). A feed is the newest stories, and an undated one is not among
# them: the search sorts it after every dated one, so leaving it out never lets an older dated story in.


def entry_time(day: str | None) -> datetime | None:
    """An article's date as a time (midnight UTC); None when it has none (or one that is no date)."""
    if not day:
        return None
    try:
        return datetime.combine(datetime.strptime(day, "%Y-%m-%d").date(), time(0), tzinfo=timezone.utc)
    except ValueError:
        return None


def dated_hits(hits: list[dict[str, Any]]) -> list[tuple[dict[str, Any], datetime]]:
    """Each hit with a date, and that date as a time, in the hits' order."""
    return [(hit, when) for hit in hits if (when := entry_time(hit.get("date"))) is not None]


def atom_feed(result: dict[str, Any], title: str, self_url: str, page_url: str, base_url: str,
              updated: datetime) -> bytes:
    """Atom XML for a result dict's hits: title, link to the article page, date, the snippet as an HTML
    summary, the source as the author (the feed's, Warta, stands for a hit without one), officials and agencies as categories (their scheme says which facet a term belongs to); `updated`
    is the feed's own time, never an entry's. A hit without a date is left out (see above). Text goes in as an
    index of today writes it: an index written before control characters were dropped still holds them, and
    XML refuses them."""
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(normalise_text(title))
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.language("id")
    feed.generator("Warta")
    feed.author(name=FEED_AUTHOR)  # Atom requires an author for each entry or the feed (RFC 4287, 4.1.1)
    feed.updated(updated)
    for hit, when in dated_hits(result["hits"]):
        entry = feed.add_entry(order="append")
        link = f"{base_url}/article/{hit['id']}"
        entry.id(link)
        entry.title(normalise_text(hit["title"]) or hit["id"])
        entry.link(href=link, rel="alternate", type="text/html")
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
