"""One person under several written forms across the archive: `Sri Mulyani` / `Sri Mulyani Indrawati`,
`M. Tito` / `Muhammad Tito Karnavian`, `Luhut Binsar Pandjaitan` / `Luhut Panjaitan`, `Kofifah` / `Khofifah`.

Forms are compared word by word: the same word, a spelling of it one edit away (words of 5 letters or more) or
with the old spellings (dj/j, tj/c, oe/u) made new, an initial and the given name it begins (never a surname:
`Faizal M` is not `Faisal Mekdad`), a given name's spellings (data/given_name_forms.txt). A form of two words or
more joins the forms it is written inside, in order (`Argo Yuwono` inside `Raden Prabowo Argo Yuwono`), when
those forms are one person among themselves; where it skips words of the longer form its own words must be
spelled the same (`Agus Santoso` is not `R Agus Budi Santosa`). A form of one word joins another spelling of its
word (`Soekarno`, `Sukarno`) and the one group whose forms it begins only when articles give both a role in
common (`Rini`, Menteri BUMN, is `Rini Soemarno`; `Abdullah` of the Supreme Court is not `Abdullah Azwar Anas`):
a first name alone is too often someone else's; so is one name beside initials (`M Rum`, `M. Tito`). Different
people sharing a surname (`Susilo Bambang Yudhoyono`, `Agus Harimurti Yudhoyono`) share one word, and a shared
word alone never merges two groups.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Callable, Collection, Iterable, Mapping

from .datafiles import read_lines

MAX_FORMS = 200_000  # forms a grouping takes at most (an archive's official values are a few thousand)
MAX_GROUP_FORMS = 64  # forms one person's group holds at most (the corpus's largest has 4): bounds the check below
RolesOf = Callable[[str], Collection[str]]  # a form -> the roles articles give it (as written)
MIN_GIVEN_NAME_LENGTH = 4  # a given name one edit off, with a role in common (`Aris`, `Aries`)
MIN_FUZZY_LENGTH = 6  # shorter words must be spelled the same (Dedi is no Dede, Jamil no Jalil)
OLD_SPELLINGS = (("dj", "j"), ("tj", "c"), ("oe", "u"))
_NON_LETTERS = re.compile(r"[^a-z]")
HYPHEN = re.compile(r"(\w+)-(?=(\w+))")  # a hyphen between two words (the second left for the next match)
# letters that Unicode does not decompose into a plain letter and a mark
_UNDECOMPOSED = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1)
def _given_name_forms() -> dict[str, str]:
    forms = {}
    for line in read_lines("given_name_forms.txt"):
        words = line.split()
        forms.update((word, words[0]) for word in words)
    return forms


def words_of(name: str) -> tuple[str, ...]:
    """`M. Tito Karnavian` -> ('m', 'tito', 'karnavian'), `Mochamad Afifuddin` -> ('muhammad', 'afifuddin'),
    `Abdul-Rahman` -> ('abdul', 'rahman') as the type-ahead splits it (but `Butar-butar`, a word doubled, is one:
    `Butarbutar`):
    lower case, letters only (`Đỗ Văn Hưng` -> ('do', 'van', 'hung'): a mark is dropped, never its letter), a given
    name's spellings as one, old spellings made new."""
    forms = _given_name_forms()
    words = []
    for raw in HYPHEN.sub(_hyphenated, name.replace(".", " ")).split():
        word = _NON_LETTERS.sub("", plain_letters(raw.lower()))
        if not word:
            continue
        word = forms.get(word, word)
        for old, new in OLD_SPELLINGS:
            word = word.replace(old, new)
        words.append(word)
    return tuple(words)


def _hyphenated(match: re.Match[str]) -> str:
    """Two words a hyphen joins: apart (`Abdul-Rahman`, `Jong-un`), or one when the second doubles the first."""
    first, second = match[1], match[2]  # the second stays in the text: only the hyphen goes
    return first if first.casefold() == second.casefold() else first + " "


def plain_letters(text: str) -> str:
    """`hưng` -> `hung`, `đỗ` -> `do`, `ömer` -> `omer`: accents and marks dropped from their letters (lower-case
    text: the undecomposed letters are listed in lower case)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or abs(len(a) - len(b)) > 1:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def written_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of `short` in `long`, in order (an initial matching a name right where the words before it
    left off; the last word a name, not an initial standing for one). Where `short` skips words of `long` between
    two of its own, its words are spelled the same: a near spelling is trusted only in a row (`Agus Santoso` is not
    inside `R Agus Budi Santosa`, `Djarot Saeful` is inside `Djarot Saiful Hidayat`)."""
    j, near, first, skipped = 0, False, None, False
    for word in short:
        start = j
        while j < len(long) and not _written_as(word, long[j]):
            if len(word) == 1:
                return False  # an initial stands where its name does: `M. Tito`, not `M Nasir` in `PP Muhammadiyah …`
            j += 1
        if j == len(long):
            return False
        skipped = skipped or (first is not None and j > start)
        first = j if first is None else first
        near = near or (word != long[j] and len(word) > 1)
        j += 1
    return not (near and skipped) and not _initial_for_name(short[-1], long[j - 1])


def _initial_for_name(word: str, other: str) -> bool:
    """An initial standing for a whole word: fine for a given name (`M. Tito`), never for the surname."""
    return len(word) == 1 < len(other)


def _written_as(word: str, longer: str) -> bool:
    """A word of the shorter form found in the longer one: an initial stands for a name, but a name is not
    written inside an initial (`Bambang Soesatyo` is not inside `Bambang P.S Brodjonegoro`)."""
    return same_word(word, longer) and not (len(longer) == 1 < len(word))


def one_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full forms that may be one person: one written inside the other, or two words or more shared in
    order with the same surname spelled the same (`Muhammad Tito Karnavian`, `Tri Tito Karnavian`)."""
    if len(a) > len(b):
        a, b = b, a
    if written_inside(a, b):
        return len(a) >= 2 or len(b) == 1
    return a[-1] == b[-1] and len(a[-1]) > 1 and _shared(a, b) >= 2


def _same_surname(a: str, b: str) -> bool:
    return same_word(a, b) and not _initial_for_name(a, b) and not _initial_for_name(b, a)


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Words of `a` found in `b` in order (greedy)."""
    count, j = 0, 0
    for word in a:
        k = j
        while k < len(b) and not same_word(word, b[k]):
            k += 1
        if k < len(b):
            count, j = count + 1, k + 1
    return count


class _Groups:
    """Forms joined into people, each group knowing its members."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        root, other = self.find(i), self.find(j)
        if root != other:
            self.parent[root] = other
            self.members[other].extend(self.members.pop(root))

    def may_join(self, forms: Iterable[int], words: list[tuple[str, ...]]) -> bool:
        """Whether the groups of `forms` may become one person: no form of one has a rival surname in another
        (_rival_surnames), and the group stays within MAX_GROUP_FORMS."""
        roots = list(dict.fromkeys(self.find(i) for i in forms))
        if sum(len(self.members[root]) for root in roots) > MAX_GROUP_FORMS:
            return False
        return not any(_rival_surnames(words[a], words[b]) for k, root in enumerate(roots) for other in roots[k + 1:]
                       for a in self.members[root] for b in self.members[other])


def _rival_surnames(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`Ahmad Suryana` and `Ahmad Suryadi`: surnames two edits apart are two people's, though each is one edit
    from `Suryani`; one spelling is one edit, and a chain of them never joins what is further apart."""
    first, second = a[-1], b[-1]
    return (len(first) > 1 and len(second) > 1 and not same_word(first, second)
            and abs(len(first) - len(second)) <= 2 and _within_two_edits(first, second))


def _within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance at most 2 (a row of the table at a time; the words are a name's)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= 2


def group_names(counts: Mapping[str, int], roles: RolesOf | None = None) -> dict[str, str]:
    """Each form -> the form its person is shown as: the fullest of the group's frequent forms (those in at
    least half as many articles as its most frequent one), else its most frequent. `counts`: articles per form;
    `roles`: the roles articles give a form, asked only of one-word forms and the forms of the one group such a
    form begins, and of one name beside initials and the forms it is written inside (without it, those stay
    apart)."""
    names = sorted(counts, key=lambda name: (-len(words_of(name)), -counts[name], name))[:MAX_FORMS]
    words = [words_of(name) for name in names]
    by_word: dict[str, list[int]] = defaultdict(list)
    by_deletion: dict[str, list[int]] = defaultdict(list)
    for i, parts in enumerate(words):
        for word in set(parts):
            if len(word) > 1:
                by_word[word].append(i)
            if len(word) >= MIN_FUZZY_LENGTH:
                for key in _deletions(word):
                    by_deletion[key].append(i)
    groups = _Groups(len(names))
    for i, parts in enumerate(words):
        if len(parts) < 2:
            continue
        candidates = [j for j in _neighbours(i, parts, by_word, by_deletion)
                      if (_joins(parts, words[j]) and _evidenced(names[i], parts, names[j], words[j], roles))
                      or (_given_name_misspelt(parts, words[j]) and roles is not None
                          and _share_a_role([names[i]], [names[j]], roles))]
        if candidates and all(one_person(words[a], words[b]) for a in candidates for b in candidates if a < b):
            for j in candidates:  # one at a time: past MAX_GROUP_FORMS the rest stay apart, the first joined
                if groups.may_join([i, j], words):
                    groups.join(i, j)
    longer: dict[int, list[str]] = defaultdict(list)  # each group of forms of two words or more -> its forms
    for i, parts in enumerate(words):
        if len(parts) >= 2:
            longer[groups.find(i)].append(names[i])
    spelled: dict[str, list[int]] = defaultdict(list)  # a one-word form's word -> its forms (`Soekarno`, `Sukarno`)
    for i, parts in enumerate(words):
        if len(parts) == 1:
            spelled[parts[0]].append(i)
    if roles is not None:
        _join_one_word_spellings(spelled, names, groups, roles)
    for word, forms in spelled.items():
        if roles is None:
            continue
        same = [forms[0], *(i for i in forms[1:] if _share_a_role([names[i]], [names[forms[0]]], roles))]
        for i in same[1:]:
            groups.join(i, forms[0])
        owners = {groups.find(j) for j in _neighbours(forms[0], (word,), by_word, by_deletion)
                  if len(words[j]) >= 2 and _names_one_word(word, words[j])}
        agreeing = [owner for owner in owners if _role_agrees([names[i] for i in same], longer[owner], roles)]
        if len(agreeing) == 1:  # `Presiden Joko` is Joko Widodo, not Joko Santoso, the one Joko a president
            groups.join(forms[0], agreeing[0])
    members: dict[int, list[str]] = defaultdict(list)
    for i, name in enumerate(names):
        members[groups.find(i)].append(name)
    shown = {}
    for group in members.values():
        top = max(counts[name] for name in group)
        frequent = [name for name in group if counts[name] * 2 >= top]
        chosen = max(frequent, key=lambda name: (len(words_of(name)), counts[name], name))
        shown.update((name, chosen) for name in group)
    return shown


def _join_one_word_spellings(spelled: Mapping[str, list[int]], names: list[str], groups: _Groups,
                             roles: RolesOf) -> None:
    """`Suhariyanto` and `Suharyanto`, both `Kepala BPS`: one-word forms whose words are one spelling apart
    (same_word) are one person when articles give them a role in common."""
    by_deletion: dict[str, list[str]] = defaultdict(list)
    for word in spelled:
        if len(word) >= MIN_FUZZY_LENGTH:
            for key in _deletions(word):
                by_deletion[key].append(word)
    for word in spelled:
        if len(word) < MIN_FUZZY_LENGTH:
            continue
        near = {other for key in _deletions(word) for other in by_deletion[key] if other > word}
        for other in sorted(near):
            if same_word(word, other) and _share_a_role([names[i] for i in spelled[word]],
                                                        [names[i] for i in spelled[other]], roles):
                groups.join(spelled[word][0], spelled[other][0])


def _given_name_misspelt(parts: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """`Aris Budiman` / `Aries Budiman`, `Basuki Tjahja Purnama` / `Basuki Tjahaja Purnama`: as many words, the
    surname spelled the same, and one other word of MIN_GIVEN_NAME_LENGTH letters or more one edit off (too short
    for same_word alone: with a role in common, group_names says)."""
    if len(parts) != len(other) or len(parts) < 2 or parts[-1] != other[-1] or len(parts[-1]) < 2:
        return False
    differing = [(a, b) for a, b in zip(parts[:-1], other[:-1]) if not same_word(a, b)]
    return len(differing) == 1 and all(
        min(len(a), len(b)) >= MIN_GIVEN_NAME_LENGTH and abs(len(a) - len(b)) <= 1 and _one_edit(a, b)
        for a, b in differing)


def _role_agrees(forms: list[str], others: list[str], roles: RolesOf | None) -> bool:
    """A role articles give one of `forms` is one of `others`' or the start of one (`Menteri` of `Menteri
    Kelautan dan Perikanan`): said of a first name alone, which joins the one group it begins that agrees."""
    if roles is None:
        return False
    mine = _held_roles(forms, roles)
    theirs = _held_roles(others, roles)
    return any(role == other or other.startswith(role + " ") for role in mine for other in theirs)


def _held_roles(names: list[str], roles: RolesOf) -> set[str]:
    return {" ".join(role.split()).casefold() for name in names for role in roles(name) if role.strip()}


def _evidenced(name: str, parts: tuple[str, ...], other: str, other_parts: tuple[str, ...],
               roles: RolesOf | None) -> bool:
    """Two forms one of which is one name beside initials join only when a role says so: `M Rum` (Kejaksaan
    Agung) is not `Muhammad Rum` (BPBD NTB)."""
    if not (_initials_and_one_name(parts) or _initials_and_one_name(other_parts)):
        return True
    return roles is not None and _share_a_role([name], [other], roles)


def _initials_and_one_name(parts: tuple[str, ...]) -> bool:
    """`M Rum`, `M. Tito`: one word beside initials, which says as little as a first name alone."""
    return sum(len(word) > 1 for word in parts) < 2


def _share_a_role(forms: list[str], others: list[str], roles: RolesOf) -> bool:
    """Whether articles give one of `forms` a role they give one of `others` too (in any case and spacing)."""
    mine = _held_roles(forms, roles)
    return bool(mine) and not mine.isdisjoint(_held_roles(others, roles))


def _names_one_word(word: str, other_words: tuple[str, ...]) -> bool:
    """A form of one word names a longer form by its first word spelled the same (`Anies`, `Tito`): a surname
    alone (`Mulyadi`, `Hartono`) or a near spelling (`Fadeli`, `Kerman`) is too often someone else, even with a
    role in common (`Soeharto`, Presiden, is not his daughter `Titiek Soeharto`, whom an article's `putri
    Presiden Soeharto, Titiek Soeharto` gives his role)."""
    return word == other_words[0]


def _joins(parts: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """A form of two words or more joins a form it is written inside, or a spelling of it of as many words."""
    if len(other) > len(parts):
        return written_inside(parts, other)
    return len(other) == len(parts) and all(same_word(a, b) for a, b in zip(parts, other)) \
        and _same_surname(parts[-1], other[-1])


def _neighbours(i: int, parts: tuple[str, ...], by_word, by_deletion) -> Iterable[int]:
    """Other forms sharing a word with `parts` (words of one letter aside), or a word one edit from its longest:
    two words one edit apart share one of their one-letter deletions."""
    found: set[int] = set()
    for word in parts:
        found.update(by_word.get(word, ()))
    longest = max(parts, key=len)
    if len(longest) >= MIN_FUZZY_LENGTH:
        for key in _deletions(longest):
            found.update(by_deletion.get(key, ()))
    found.discard(i)
    return sorted(found)


def _deletions(word: str) -> set[str]:
    """`word` and every form of it one letter shorter."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


def variants(counts: Mapping[str, int], roles: RolesOf | None = None) -> dict[str, list[str]]:
    """The form each person is shown as -> every form of them, most frequent first (group_names)."""
    found: dict[str, list[str]] = defaultdict(list)
    for name, shown in group_names(counts, roles).items():
        found[shown].append(name)
    return {shown: sorted(names, key=lambda name: (-counts[name], name)) for shown, names in found.items()}
