"""MinHash signatures and the LSH band shape for story candidates, in numpy alone.

The values are those of datasketch's `MinHash(scheme="affine32")` with an identity hash function, and the
band shape is its `MinHashLSH` choice (tests/test_minhash.py checks both against datasketch). They are
computed here because importing datasketch imports scipy (for the band shape's integrals): 0.4-0.7 s of
every `warta reindex` process, a fifth of the time a new article takes to become searchable at a million
articles, for a dozen lines of arithmetic.

- Each input value (a 32-bit shingle hash) is first mixed by the MurmurHash3 32-bit finalizer.
- Permutation k maps a mixed value h to `a_k * h + b_k mod 2^32` (`a_k` odd, so a bijection); the signature
  keeps each permutation's minimum.
- The permutations come from `numpy.random.RandomState(seed)`: first the 64 `a`, then the 64 `b`.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

EMPTY = np.uint32(0xFFFFFFFF)  # a permutation's value while no input has been seen
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_INTEGRAL_POINTS = 2001  # odd: Simpson's rule over [0, threshold] and [threshold, 1]


def permutations(num_perm: int, seed: int) -> np.ndarray:
    """The (2, num_perm) uint32 array of the affine permutations' `a` (odd) and `b`."""
    generator = np.random.RandomState(seed)
    multipliers = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    offsets = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([multipliers, offsets])


def mix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, element-wise (a bijection on uint32)."""
    shift1, multiplier1, shift2, multiplier2, shift3 = _FMIX
    mixed = values.astype(np.uint32)
    mixed = (mixed ^ (mixed >> shift1)) * multiplier1
    mixed = (mixed ^ (mixed >> shift2)) * multiplier2
    return mixed ^ (mixed >> shift3)


def signature(values: np.ndarray, permutation: np.ndarray) -> np.ndarray:
    """The uint32 MinHash of a set of 32-bit values: per permutation, the least permuted value."""
    multipliers, offsets = permutation
    if len(values) == 0:
        return np.full(len(multipliers), EMPTY, dtype=np.uint32)
    mixed = mix32(np.asarray(values))
    return (np.outer(multipliers, mixed) + offsets[:, None]).min(axis=1).astype(np.uint32)


@lru_cache(maxsize=8)
def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band), bands * rows <= num_perm, minimising the equally weighted areas of false
    positives (similarity below the threshold, yet sharing a band) and false negatives (above it, sharing
    none) under the curve 1 - (1 - s^rows)^bands; ties go to fewer bands, then fewer rows."""
    pairs = np.array([(bands, rows) for bands in range(1, num_perm + 1)
                      for rows in range(1, num_perm // bands + 1)], dtype=float)
    bands, rows = pairs[:, :1], pairs[:, 1:]
    below = np.linspace(0.0, threshold, _INTEGRAL_POINTS)
    above = np.linspace(threshold, 1.0, _INTEGRAL_POINTS)
    false_positive = _simpson(1 - (1 - below ** rows) ** bands, below)
    false_negative = _simpson((1 - above ** rows) ** bands, above)
    best = int(np.argmin(0.5 * false_positive + 0.5 * false_negative))
    return int(pairs[best, 0]), int(pairs[best, 1])


def _simpson(values: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Simpson's rule along the last axis over evenly spaced points (an odd number of them)."""
    step = (points[-1] - points[0]) / (len(points) - 1)
    weights = np.ones(len(points))
    weights[1:-1:2], weights[2:-1:2] = 4, 2
    return (values * weights).sum(axis=-1) * step / 3  # not `@`: a matrix product starts BLAS threads, which
    # then spin beside the reindex (12 % of one update's samples at a million articles)
