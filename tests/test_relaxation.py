"""The matching strategy: tiers of articles missing words, added only while too few hold every word."""

import numpy as np
import pytest

from search.relaxation import choose_tiers, most_missing, tiered

HELD = np.array([3, 2, 2, 1, 0], dtype=np.int16)  # units of a 3-unit query each document holds
EVERY = np.ones(5, dtype=bool)


@pytest.mark.parametrize("units, droppable, most", [(1, 1, 0), (2, 2, 1), (3, 3, 1), (4, 4, 2), (5, 5, 2), (8, 8, 4),
                                                    (3, 1, 1), (4, 1, 1), (2, 0, 0)])
def test_at_most_half_the_units_may_be_missing_and_only_droppable_ones(units, droppable, most):
    assert most_missing(units, droppable) == most


def test_tiers_are_added_only_until_the_threshold_is_reached():
    assert choose_tiers(HELD, 3, EVERY, threshold=1).needed == 3  # one document holds all three
    assert choose_tiers(HELD, 3, EVERY, threshold=2).needed == 2
    assert choose_tiers(HELD, 3, EVERY, threshold=10).needed == 2  # never more than one of three missing
    assert choose_tiers(HELD, 4, EVERY, threshold=10).needed == 2


def test_when_none_holds_half_the_units_the_most_any_holds_are_let_through_down_to_one():
    """Trial 50: `UCL barca chelsea` found nothing, as no article names two of the three."""
    sparse = np.array([1, 1, 0, 1, 0], dtype=np.int16)
    assert choose_tiers(sparse, 3, EVERY, threshold=10).needed == 1
    assert choose_tiers(np.array([2, 1, 0, 0, 0, 0], dtype=np.int16), 6, np.ones(6, dtype=bool)).needed == 2
    assert choose_tiers(np.zeros(5, dtype=np.int16), 3, EVERY).needed == 1  # never articles holding none
    allowed = np.array([False, False, True, True, True])  # the query's filters leave only the third on
    assert choose_tiers(np.array([2, 2, 1, 0, 0], dtype=np.int16), 3, allowed).needed == 1
    assert choose_tiers(sparse, 3, EVERY, relax=False).needed == 3


def test_only_allowed_documents_count_towards_the_threshold():
    allowed = np.array([False, True, True, True, True])
    assert choose_tiers(HELD, 3, allowed, threshold=1).needed == 2


def test_no_relaxation_when_turned_off_or_for_one_unit():
    assert not choose_tiers(HELD, 3, EVERY, threshold=10, relax=False).relaxed
    assert choose_tiers(np.array([1, 0, 0]), 1, np.ones(3, dtype=bool), threshold=10).needed == 1
    assert choose_tiers(np.array([1, 0, 0]), 1, np.ones(3, dtype=bool), threshold=10, units=3).needed == 0


def test_admitted_and_missing():
    tiers = choose_tiers(HELD, 3, EVERY, threshold=2)
    assert tiers.relaxed
    assert tiers.admitted().tolist() == [True, True, True, False, False]
    assert tiers.missing().tolist() == [0, 1, 1, 2, 3]


def test_tiered_keys_rank_every_fuller_match_first():
    keys = tiered(np.array([5.0, 3.0, 1.0, 9.0]), np.array([0, 1, 0, 2]), np.array([True, True, True, False]))
    assert keys.tolist() == [5.0, -3.0, 1.0, -3.0]
    dates = tiered(np.array([20190707, 20210303, 0]), np.array([0, 1, 1]), np.ones(3, dtype=bool))
    assert np.argsort(-dates).tolist() == [0, 1, 2]


@pytest.mark.parametrize("seed", range(30))
def test_the_tier_chosen_is_the_first_whose_allowed_documents_reach_the_threshold(seed):
    chosen = np.random.default_rng(seed)
    droppable = int(chosen.integers(1, 6))
    held = chosen.integers(0, droppable + 1, 200).astype(np.int16)
    allowed = chosen.random(200) < 0.5
    threshold = int(chosen.integers(1, 120))
    found = np.bincount(held[allowed], minlength=droppable + 1)  # documents by units held
    most = most_missing(droppable, droppable)
    needed = next((n for n in range(droppable, droppable - most - 1, -1) if found[n:].sum() >= threshold),
                  droppable - most)
    assert choose_tiers(held, droppable, allowed, threshold=threshold).needed == needed


def test_parts_left_unsearched_are_refused_past_half_the_units_naming_the_first_prefix():
    from search.errors import BadQueryError
    from search.relaxation import check_unsearched

    capped = {"pe*": {"found": 2387, "searched": 0}, "me*": {"found": 3559, "searched": 0}}
    check_unsearched(["pe*"], capped, units=3, droppable=3)  # one of three may be missing
    check_unsearched(["pe*", "me*"], capped, units=4, droppable=4)
    with pytest.raises(BadQueryError) as refused:
        check_unsearched(["pe*", "me*"], capped, units=3, droppable=3)  # one of three may be missing
    assert (refused.value.code, refused.value.fields) == ("prefix_too_wide",
                                                          {"prefix": "pe*", "found": 2387, "searched": 0})
    assert "without pe*, me* more than half of the query's 3 words would be missing" in str(refused.value)
    with pytest.raises(BadQueryError) as grouped:
        check_unsearched(["zzzqx OR me*"], capped, units=1, droppable=1)
    assert grouped.value.fields["prefix"] == "me*"


def test_parts_left_unsearched_are_listed_in_order_or_refused_where_they_cannot_be_dropped():
    """What both backends ask of a query expanded (relaxation.unsearched_units): its strong units are
    querybuild.Units, the caps' counts an Expansions."""
    from whoosh import query as wq

    from search.errors import BadQueryError
    from search.matching import Expansions
    from search.querybuild import Unit
    from search.relaxation import always_held, unsearched_units

    def units(*labels):
        return [Unit(wq.Term("body", label.strip("+*")), label.lstrip("+"), required=label.startswith("+"))
                for label in labels]

    expansions = Expansions(capped={"pe*": {"found": 20, "searched": 0}, "ra*": {"found": 6, "searched": 0},
                                    "me*": {"found": 21, "searched": 3}})
    assert unsearched_units(units("korupsi", "me*", "ra*", "pe*"), expansions, relax=True) == ["ra*", "pe*"]
    assert unsearched_units(units("korupsi", "me*"), expansions, relax=False) == []
    for labels, relax, prefix, reason in ((("korupsi", "pe*"), False, "pe*", "match=all asks for every word"),
                                          (("korupsi", "+pe*"), True, "pe*", "it is required"),
                                          (("me*", "ra*", "pe*"), True, "ra*", "more than half")):
        with pytest.raises(BadQueryError) as refused:
            unsearched_units(units(*labels), expansions, relax)
        assert (refused.value.code, refused.value.fields["prefix"]) == ("prefix_too_wide", prefix)
        assert reason in str(refused.value)
    assert always_held(units("+a", *[f"w{n}" for n in range(33)])) == [True] + [False] * 32 + [True]


def test_a_hit_is_said_to_hold_a_prefix_cut_short_when_its_text_has_another_of_its_words():
    from search.matching import Expansions
    from search.relaxation import held_units

    expansions = Expansions(capped={"gam*": {"found": 2, "searched": 1}, "pe*": {"found": 20, "searched": 0}})
    labels = ["alpha", "gam*", "pe*"]
    gamma = {"title": "Catatan", "body": "tentang alpha Gamma-ray"}
    assert held_units(labels, [True, False, False], ["pe*"], expansions, gamma) == (["alpha", "gam*"], [])
    assert held_units(labels, [False, False, False], ["pe*"], expansions, {"body": "delta"}) == (
        [], ["alpha", "gam*"])
    assert held_units(labels, [True, False, False], [], expansions, {"title": "Pemilu"}) == (["alpha", "pe*"],
                                                                                              ["gam*"])
