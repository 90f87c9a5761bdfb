"""One facet value per person: a generation's official values grouped by person (search/identity.py), with the
roles its articles give a form as the evidence a first name alone needs, and each people facet's (`official`,
`quoted`) counts by person.

A person's value is the fullest frequent form of their group; selecting it, or any of its forms, selects every
form, and its count is the articles naming any of them: the count beside a value is what selecting it finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

import numpy as np

from .facets import FacetTable
from .identity import RolesOf, group_names

ROLE_ARTICLES = 5  # articles of a form whose roles are read, when a first name alone may join a group


@dataclass(frozen=True)
class People:
    """The persons of one generation: each stored official form's person, each person's forms, and the people
    facets' count tables by person."""

    value_of: Mapping[str, str]  # a stored form -> its person's value (a form missing here is its own person)
    forms: Mapping[str, tuple[str, ...]]  # a person's value -> its stored forms, most frequent first
    tables: Mapping[str, FacetTable]  # a people facet's name -> its (document, person) pairs
    _words: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, official: FacetTable | None, tables: Mapping[str, FacetTable],
              roles: RolesOf | None = None) -> "People":
        """Grouped over the `official` table's forms (article counts; `roles` when a first name alone may join
        a group); every table of `tables` (the people facets') counted by person."""
        if official is None or not official.values:
            return cls({}, {}, dict(tables))
        counts = dict(zip(official.values, official.totals.tolist()))
        value_of = group_names(counts, roles)
        forms: dict[str, list[str]] = {}
        for form, value in value_of.items():
            forms.setdefault(value, []).append(form)
        ordered = {value: tuple(sorted(found, key=lambda form: (-counts[form], form)))
                   for value, found in forms.items()}
        return cls(value_of, ordered, {name: table.grouped(value_of) for name, table in tables.items()})

    def person(self, form: str) -> str:
        return self.value_of.get(form, form)

    def others(self, value: str) -> tuple[str, ...]:
        """The stored forms of the person `value` is, other than `value` itself."""
        return tuple(form for form in self.forms.get(self.person(value), (value,)) if form != value)

    def stored(self, values: Iterable[str]) -> tuple[str, ...]:
        """The stored forms a selection of persons stands for (a value no person has stays as it is)."""
        found: dict[str, None] = {}
        for value in values:
            found.update(dict.fromkeys(self.forms.get(value, (value,))))
        return tuple(found)

    def all_forms(self, forms: Iterable[str]) -> list[str]:
        """Every stored form of the persons `forms` are (`official:sandiaga` typed in a query finds all of
        Sandiaga Uno's, as selecting him does); a form no person holds stays as it is."""
        return list(self.stored(dict.fromkeys(self.person(form) for form in forms)))

    def selected(self, facet: str, stored: Iterable[str]) -> list[str]:
        """The persons that stored official forms are, each once, those the facet's table holds."""
        table = self.tables[facet]
        return [value for value in dict.fromkeys(self.person(form) for form in stored) if value in table.ordinals]

    def words(self, facet: str, value: str, aliases: Callable[[str], Iterable[str]]) -> frozenset[str]:
        """The words of a person's other forms and of every form's other names (`aliases`): what the type-ahead
        matches besides the value's own words (`kofi` finds Khofifah Indar Parawansa by `Kofifah …`); read once
        per facet and person."""
        key = (facet, value)
        if key not in self._words:
            found: set[str] = set()
            for form in (value, *self.others(value)):
                found.update(word.casefold() for word in form.split())
                found.update(aliases(form))
            self._words[key] = frozenset(found)
        return self._words[key]


def roles_reader(table: FacetTable, officials_of: Callable[[int], list[dict[str, Any]]],
                 articles: int = ROLE_ARTICLES) -> RolesOf:
    """A form -> the roles its first `articles` articles give it (`officials_of`: a document's stored officials),
    each form read once."""
    order = np.argsort(table.pair_value, kind="stable")
    starts = np.concatenate([[0], np.cumsum(table.totals)])
    read: dict[str, tuple[str, ...]] = {}

    def roles(form: str) -> tuple[str, ...]:
        if form not in read:
            i = table.ordinals.get(form)
            documents = [] if i is None else table.pair_doc[order[starts[i]:starts[i] + articles]].tolist()
            read[form] = tuple(official["role"] for doc in documents for official in officials_of(doc)
                               if official.get("name") == form and official.get("role"))
        return read[form]
    return roles
