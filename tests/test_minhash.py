"""search/minhash.py against datasketch, whose MinHash values and LSH band shape it reproduces."""

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from search import minhash
from search.stories import StoryConfig


def reference_signature(values: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    sketch = MinHash(num_perm=num_perm, seed=seed, hashfunc=lambda value: value, scheme="affine32")
    if len(values):
        sketch.update_batch(values)
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


@pytest.mark.parametrize("num_perm,seed", [(64, 1), (64, 7), (128, 1), (16, 42)])
def test_permutations_are_datasketchs(num_perm, seed):
    expected = MinHash(num_perm=num_perm, seed=seed, hashfunc=lambda value: value, scheme="affine32").permutations
    assert np.array_equal(minhash.permutations(num_perm, seed), expected)


@pytest.mark.parametrize("size", [0, 1, 2, 17, 1000, 30000])
def test_signature_is_datasketchs(size):
    values = np.random.default_rng(size).integers(0, 1 << 32, size, dtype=np.uint64).astype(np.uint32)
    found = minhash.signature(values, minhash.permutations(64, 1))
    assert found.dtype == np.uint32
    assert np.array_equal(found, reference_signature(values, 64, 1))


def test_signature_of_extreme_values_wraps_like_datasketch():
    values = np.array([0, 1, 0xFFFFFFFF, 0x80000000], dtype=np.uint32)
    assert np.array_equal(minhash.signature(values, minhash.permutations(64, 3)), reference_signature(values, 64, 3))


def test_empty_signature_is_all_empty():
    assert minhash.signature(np.zeros(0, dtype=np.uint32), minhash.permutations(8, 1)).tolist() == [0xFFFFFFFF] * 8


def test_mix32_is_a_bijection_on_a_sample():
    values = np.arange(0, 1 << 20, dtype=np.uint32)
    assert len(np.unique(minhash.mix32(values))) == 1 << 20


@pytest.mark.parametrize("threshold,num_perm", [(0.3, 64), (0.5, 64), (0.8, 128), (0.3, 128), (0.1, 32), (0.9, 256)])
def test_band_shape_is_datasketchs(threshold, num_perm):
    reference = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert minhash.band_shape(threshold, num_perm) == (reference.b, reference.r)


def test_story_config_shape():
    config = StoryConfig()
    assert minhash.band_shape(config.lsh_threshold, config.num_perm) == (21, 3)
