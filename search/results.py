"""The one result dict that the page, the API and the CLI share: the only place a search result is shaped."""

from __future__ import annotations

from typing import Any, Callable

from .facet_registry import FACETS, Facet, FacetRegistry, article_outlet
from .facets import FacetCount
from .highlight import WordMatcher, matched_count, snippet
from .querylang import parse

MAX_HIT_QUOTES = 3  # quotes a hit carries: those holding the most matched words


def search_result(request, evaluation, took_ms: float, facets: FacetRegistry = FACETS) -> dict[str, Any]:
    """The result dict: hits for the page (each with the query's words it holds and lacks), total, whether
    articles lacking some words were let in (`relaxed`), facet counts (each facet ignoring its own selection),
    the per-month histogram of all matching articles, a spelling suggestion, what expansion caps cut and the
    query's parts they left unsearched (dropped: no hit is said to hold or lack them), and `unreadable` when
    the query holds text but nothing to search (`😀`): its hits are every article the selections let through,
    as with no query."""
    matches = WordMatcher(evaluation.words, evaluation.prefixes, evaluation.forms, stem=evaluation.stem)
    selected = request.selected
    result: dict[str, Any] = {
        "query": request.describe(),
        "total": evaluation.total,
        "total_articles": evaluation.total_articles,
        "took_ms": round(took_ms, 1),
        "hits": [{**hit(stored, matches), **held_words(held), "duplicates": [version(other) for other in others]}
                 for stored, others, held in zip(evaluation.page, evaluation.duplicates or [[]] * len(evaluation.page),
                                                 evaluation.held or [([], [])] * len(evaluation.page))],
        "facets": {name: facet_items(facets.get(name), counts, selected.get(name, ()))
                   for name, counts in evaluation.facets.items()},
        "histogram": [{"month": f"{m // 100:04d}-{m % 100:02d}", "count": c} for m, c in evaluation.months],
        "relaxed": evaluation.relaxed,
    }
    if evaluation.suggestion:
        result["suggestion"] = evaluation.suggestion
    if evaluation.capped:
        result["capped"] = evaluation.capped
    if evaluation.unsearched:
        result["unsearched"] = list(evaluation.unsearched)
    if request.q.strip() and parse(request.q).reads_nothing:
        result["unreadable"] = True
    return result


def held_words(held: tuple[list[str], list[str]]) -> dict[str, list[str]]:
    """What a hit holds of the query (`matched`) and lacks (`missing`): words, agencies, phrases as typed."""
    matched, missing = held
    return {"matched": list(matched), "missing": list(missing)}


def facet_items(facet: Facet, counts: list[FacetCount], selected: tuple[str, ...]) -> list[dict[str, Any]]:
    """One dict per listed value, as the page and the API both show it: `{value, label, count, selected}`,
    for a nested facet the `children` listed under an expanded value, for a person written in several forms
    the others (`variants`, counted under the value); the page adds `toggle_url`."""
    return [facet_item(facet, counted, selected) for counted in counts]


def facet_item(facet: Facet, counted: FacetCount, selected: tuple[str, ...]) -> dict[str, Any]:
    item = _value_item(facet, counted.value, counted.count, selected)
    if facet.nested:
        item["children"] = facet_items(facet, list(counted.children), selected)
    if counted.variants:
        item["variants"] = list(counted.variants)
    return item


def facet_values_result(facet: Facet, prefix: str, counts: list[tuple[str, int]],
                        selected: tuple[str, ...],
                        variants: Callable[[str], tuple[str, ...]] | None = None) -> dict[str, Any]:
    """The values of one facet matching a prefix typed in its type-ahead (flat, whatever their level); a
    person's other forms (`variants`) as the facet list gives them."""
    values = []
    for value, count in counts:
        item = _value_item(facet, value, count, selected)
        others = variants(value) if variants is not None else ()
        if others:
            item["variants"] = list(others)
        values.append(item)
    return {"facet": facet.name, "prefix": prefix, "values": values}


def _value_item(facet: Facet, value: str, count: int, selected: tuple[str, ...]) -> dict[str, Any]:
    """`{value, label, count, selected}`: what the facet list and the type-ahead both show of a value."""
    return {"value": value, "label": facet.display(value), "count": count, "selected": value in selected}


def metadata(stored: dict[str, Any]) -> dict[str, Any]:
    """What a hit, an article and an export row all show about an article: `source` as the record wrote it
    (`cnn indonesia`), `outlet` as the source facet counts it (`cnnindonesia.com`), so a client can match a hit
    to the facet's value; computed here from the stored source and URL, for every backend alike."""
    source = stored.get("source") or None
    return {
        "id": stored["id"],
        "title": stored.get("title") or "",
        "date": stored.get("date"),
        "url": stored.get("url"),
        "source": source,
        "place": stored.get("place") or None,
        "outlet": article_outlet(source, stored.get("url")),
    }


def version(stored: dict[str, Any]) -> dict[str, Any]:
    """Another version of a story, as a hit or an article lists it."""
    return {key: stored.get(key) or None for key in ("id", "title", "source", "date", "url")}


def hit(stored: dict[str, Any], matches: WordMatcher) -> dict[str, Any]:
    return {
        **metadata(stored),
        "story": stored.get("story") or stored["id"],
        "snippet": snippet(stored.get("body") or "", matches),
        "officials": [o["name"] for o in stored.get("officials") or []],
        "agencies": [a["name"] for a in stored.get("agencies") or []],
        "roles": {o["name"]: o["role"] for o in stored.get("officials") or [] if o.get("role")},
        "regions": stored.get("regions") or [],
        "quotes": hit_quotes(stored.get("quotes") or [], matches),
    }


def hit_quotes(quotes: list[dict[str, Any]], matches: WordMatcher) -> list[dict[str, Any]]:
    """The article's quotes holding a matched word, the most words first (in reading order among equals), at
    most MAX_HIT_QUOTES; `text` is HTML cut as a snippet is, the matched words in <mark>."""
    if matches.empty:
        return []
    held = [(matched_count(quote["text"], matches), order) for order, quote in enumerate(quotes)]
    best = sorted((-count, order) for count, order in held if count)[:MAX_HIT_QUOTES]
    return [{"speaker": quotes[order]["speaker"], "text": snippet(quotes[order]["text"], matches),
             "kind": quotes[order]["kind"]} for _, order in best]


def _with_variants(official: dict[str, Any], forms) -> dict[str, Any]:
    others = [form for form in forms if form != official["name"]]
    return {**official, "variants": others} if others else official


def article_result(stored: dict[str, Any], versions: list[dict[str, Any]] = (),
                   forms: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One article; `versions` are its story's articles (itself included), earliest first: the others are
    listed and the first is named. `forms`: each official's stored forms (search/identity.py); an official with
    others gets them as `variants`."""
    return {
        **metadata(stored),
        "body": stored.get("body") or "",
        "officials": [_with_variants(official, (forms or {}).get(official["name"], ()))
                      for official in stored.get("officials") or []],
        "agencies": stored.get("agencies") or [],
        "regions": stored.get("regions") or [],
        "quotes": [{key: quote[key] for key in ("speaker", "text", "kind")} for quote in stored.get("quotes") or []],
        "story": stored.get("story") or stored["id"],
        "first_version": versions[0]["id"] if len(versions) > 1 else None,
        "versions": [version(other) for other in versions if other["id"] != stored["id"]],
    }
