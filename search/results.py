"""The one result dict that the page, the API and the CLI share: the only place a search result is shaped."""

from __future__ import annotations

from typing import Any

from .highlight import WordMatcher, snippet


def search_result(request, evaluation, took_ms: float) -> dict[str, Any]:
    """The result dict: hits for the page, total, facet counts (each facet ignoring its own selection), the
    per-month histogram of all matching articles, a spelling suggestion, and what expansion caps cut."""
    matches = WordMatcher(evaluation.words, evaluation.prefixes, evaluation.forms)
    selected = request.selected
    result: dict[str, Any] = {
        "query": request.describe(),
        "total": evaluation.total,
        "took_ms": round(took_ms, 1),
        "hits": [hit(stored, matches) for stored in evaluation.page],
        "facets": {name: facet_items(counts, selected[name]) for name, counts in evaluation.facets.items()},
        "histogram": [{"month": f"{m // 100:04d}-{m % 100:02d}", "count": c} for m, c in evaluation.months],
    }
    if evaluation.suggestion:
        result["suggestion"] = evaluation.suggestion
    if evaluation.capped:
        result["capped"] = evaluation.capped
    return result


def facet_items(counts: list[tuple[str, int]], selected: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"value": value, "count": count, "selected": value in selected} for value, count in counts]


def facet_values_result(facet: str, prefix: str, counts: list[tuple[str, int]],
                        selected: tuple[str, ...]) -> dict[str, Any]:
    return {"facet": facet, "prefix": prefix, "values": facet_items(counts, selected)}


def metadata(stored: dict[str, Any]) -> dict[str, Any]:
    """What a hit and an article both show about an article."""
    return {
        "id": stored["id"],
        "title": stored.get("title") or "",
        "date": stored.get("date"),
        "url": stored.get("url"),
        "source": stored.get("source") or None,
        "place": stored.get("place") or None,
    }


def hit(stored: dict[str, Any], matches: WordMatcher) -> dict[str, Any]:
    return {
        **metadata(stored),
        "snippet": snippet(stored.get("body") or "", matches),
        "officials": [o["name"] for o in stored.get("officials") or []],
        "agencies": [a["name"] for a in stored.get("agencies") or []],
        "roles": {o["name"]: o["role"] for o in stored.get("officials") or [] if o.get("role")},
    }


def article_result(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        **metadata(stored),
        "body": stored.get("body") or "",
        "officials": stored.get("officials") or [],
        "agencies": stored.get("agencies") or [],
    }
