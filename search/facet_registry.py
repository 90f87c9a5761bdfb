"""The facets, declared once: what each is called, where its values come from, how they show and nest.

Everything else follows this registry: the schema's facet fields, the document written for an article,
`SearchRequest.selected`, the counts a search returns, the page's facet lists and chips, the API's URL
parameters and OpenAPI description, and the CLI's `--facet NAME=VALUE`. Adding a facet is one `Facet` entry
plus the extraction its `values` function reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .articles import normalise_space, normalise_text
from .errors import BadQueryError, shown
from .extract.outlets import normalise_outlet

if TYPE_CHECKING:
    from .articles import Article
    from .extract import Extraction

ValuesOf = Callable[["Article", "Extraction"], Sequence[str]]


def _as_written(value: str) -> str:
    return value


def _no_parent(value: str) -> str | None:
    return None


@dataclass(frozen=True)
class Facet:
    """One facet. `name` is its key in results, its URL parameter and its CLI `--facet NAME=`."""

    name: str
    label: str  # the heading the page shows ("Pejabat")
    noun: str  # one value, for the type-ahead's placeholder ("pejabat")
    values: ValuesOf  # an article's values, as stored and counted
    description: str = ""  # for OpenAPI and `--help`
    field: str = ""  # the index field; the facet's name when empty
    display: Callable[[str], str] = _as_written  # a stored value as the page shows it
    resolve: Callable[[str], str | None] = _as_written  # a value as a user typed it -> the stored value
    parent: Callable[[str], str | None] = _no_parent  # nesting: a value's parent value, None at the top
    nested: bool = False  # values nest: an article with a child value also counts under its parent
    people: bool = False  # values are officials, each with a page of their own (`/official/<name>`)
    # Values come from a fixed list (the gazetteer's regions): a typed value nothing answers to is a mistake,
    # answered with an error naming the nearest known names, where an open facet's would match nothing.
    known_names: Callable[[], Sequence[str]] | None = None

    @property
    def index_field(self) -> str:
        return self.field or self.name

    def terms(self, article: "Article", extraction: "Extraction") -> list[str]:
        """What the index holds for an article: its values and, when values nest, their ancestors; each once."""
        return self.with_ancestors(self.values(article, extraction))

    def with_ancestors(self, values: Iterable[str]) -> list[str]:
        """`values` and, when values nest, their ancestors (`18.01` then `18`); each once, in that order."""
        found: dict[str, None] = {}
        for value in values:
            while value and value not in found:
                found[value] = None
                value = self.parent(value) if self.nested else None
        return list(found)

    def chosen(self, typed: Sequence[str]) -> tuple[str, ...]:
        """Selected values as stored: each typed value resolved. An unknown one is kept, and matches nothing;
        in a facet of known names it is a BadQueryError."""
        values: dict[str, None] = {}
        for value in typed:
            value = normalise_space(normalise_text(value))  # as the query box's text: `Ｌａｍｓｅｌ`, a soft hyphen;
            # a tab or a line break reads as a space (README), for OpenSearch's exact terms as for Whoosh
            if value:
                values[self._stored(value)] = None
        return tuple(values)

    def _stored(self, typed: str) -> str:
        return self.resolve_or_refuse(typed) or typed

    def resolve_or_refuse(self, typed: str) -> str | None:
        """The stored value `typed` names (None: no form of one); in a facet of known names, a name none answers
        to is a BadQueryError naming the nearest ones (`region=Lampung Selatn`, `region:atlantis`)."""
        stored = self.resolve(typed)
        if stored is None and self.known_names is not None:
            nearest = self.nearest_names(typed)
            message = f"no {self.name} named {shown(typed)}"
            if nearest:
                message += f"; did you mean {' or '.join(nearest)}?"
            raise BadQueryError(message, "unknown_facet_value",
                                {"label": self.label, "value": typed, "nearest": nearest})
        return stored

    def nearest_names(self, typed: str, most: int = 3) -> tuple[str, ...]:
        """The known names `typed` opens as whole words (`Sumatera` → `Sumatera Utara`), then those closest in
        spelling (`Lampung Selatn` → `Lampung Selatan`), best first, one per value (`Kabupaten Lampung Selatan` and
        `Lampung Selatan` are one region)."""
        by_folded = {name.casefold(): name for name in (self.known_names() if self.known_names else ())}
        wanted = typed.casefold()
        opened = [folded for folded in by_folded if folded.startswith(wanted + " ")]
        nearest: dict[str, str] = {}
        for folded in [*opened, *get_close_matches(wanted, list(by_folded), n=len(by_folded), cutoff=0.75)]:
            nearest.setdefault(self.resolve(by_folded[folded]) or folded, by_folded[folded])
            if len(nearest) == most:
                break
        return tuple(nearest.values())


@dataclass(frozen=True)
class FacetRegistry:
    """The facets in the order pages and results list them."""

    facets: tuple[Facet, ...]
    _by_name: dict[str, Facet] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {facet.name: facet for facet in self.facets}
        if len(by_name) != len(self.facets):
            raise ValueError("two facets share a name")
        object.__setattr__(self, "_by_name", by_name)

    def __iter__(self) -> Iterator[Facet]:
        return iter(self.facets)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)

    def get(self, name: str) -> Facet:
        """The facet called `name`; BadQueryError names the facets there are."""
        try:
            return self._by_name[name]
        except (KeyError, TypeError):
            raise BadQueryError(f"no facet named {shown(str(name))}; facets: {', '.join(self.names)}",
                                "bad_facet") from None

    def with_facet(self, facet: Facet) -> "FacetRegistry":
        return FacetRegistry((*self.facets, facet))

    def selection(self, typed: dict[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
        """Every facet's selected values, as stored (facets nothing was selected in get an empty tuple)."""
        for name, values in typed.items():
            if values:
                self.get(name)
        return {facet.name: facet.chosen(typed.get(facet.name, ())) for facet in self.facets}


def _official_names(article: "Article", extraction: "Extraction") -> list[str]:
    return extraction.official_names


def _agency_names(article: "Article", extraction: "Extraction") -> list[str]:
    return extraction.agency_names


def _region_codes(article: "Article", extraction: "Extraction") -> list[str]:
    return [region.code for region in extraction.regions]


def article_outlet(source: str | None, url: str | None) -> str | None:
    """The source facet's value of an article with this source and URL: its outlet as one value (`cnn indonesia`
    is `cnnindonesia.com`, `detik.com/jatim` is `detik.com`), None when neither names one. What the facet counts,
    and what a hit, an article and an export row give as `outlet` beside the `source` as the record wrote it."""
    return normalise_outlet(source, url)


def _outlet(article: "Article", extraction: "Extraction") -> list[str]:
    outlet = article_outlet(article.source, article.url)
    return [outlet] if outlet else []


def _quoted_officials(article: "Article", extraction: "Extraction") -> list[str]:
    """The officials quoted in the body, directly or reported, in the order they first speak."""
    officials = set(extraction.official_names)
    return list(dict.fromkeys(q.speaker for q in extraction.quotes if q.speaker in officials))


def _region_name(code: str) -> str:
    from .extract.lexicon import load_lexicon

    region = load_lexicon().regions_by_code.get(code)
    return region.full_name if region else code


def _region_code(typed: str) -> str | None:
    from .extract.regions import resolve_region

    region = resolve_region(typed)
    return region.code if region else None


def _region_names() -> list[str]:
    from .extract.regions import region_names

    return region_names()


def _province_of(code: str) -> str | None:
    return code.split(".", 1)[0] if "." in code else None


OFFICIAL = Facet("official", "Pejabat", "pejabat", _official_names, "officials named in the article", people=True)
AGENCY = Facet("agency", "Instansi", "instansi", _agency_names, "agencies named in the article")
REGION = Facet("region", "Wilayah", "wilayah", _region_codes,
               "regions the article is about: Kemendagri codes (18 a province, 18.01 a kabupaten/kota); names "
               "and short forms are accepted (Lampung Selatan, Kab. Lampung Selatan, Lamsel); a province "
               "includes its kabupaten and kota; a name no region answers to is refused (unknown_facet_value), "
               "naming the nearest ones",
               display=_region_name, resolve=_region_code, parent=_province_of, nested=True,
               known_names=_region_names)
SOURCE = Facet("source", "Media", "media", _outlet, "the outlet that published the article (detik.com, …)",
               field="outlet", resolve=lambda typed: normalise_outlet(typed, None))

QUOTED = Facet("quoted", "Dikutip", "pejabat", _quoted_officials,
               "officials quoted in the article, directly or reported (`said:` searches what they said)",
               people=True)

FACETS = FacetRegistry((OFFICIAL, AGENCY, REGION, SOURCE, QUOTED))
