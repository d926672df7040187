"""The spaces without a server: Gymnasium's membership and sampling rules, seeding, batching and the wire forms."""

import unittest

import numpy as np

from stadium import spaces as S
from stadium.checks import why_not
from stadium.codec import decode, decode_batch, encode, encode_batch
from stadium.tensors import decode_value


class FallbackSpaces(unittest.TestCase):
    def test_discrete(self):
        d = S.Discrete(3, start=-1)
        self.assertTrue(d.contains(-1) and d.contains(1) and d.contains(np.int64(0)) and d.contains(np.array(1)))
        self.assertFalse(d.contains(2) or d.contains(-2) or d.contains(0.0) or d.contains(True) or d.contains("1"))
        d.seed(7)
        a = [d.sample() for _ in range(50)]
        d.seed(7)
        self.assertEqual(a, [d.sample() for _ in range(50)], "the same seed gives the same samples")
        self.assertEqual(set(int(x) for x in a), {-1, 0, 1})
        self.assertTrue(all(isinstance(x, np.int64) for x in a))
        self.assertEqual(d.sample(mask=np.array([0, 0, 1], dtype=np.int8)), 1)

    def test_box_sampling_rules(self):
        box = S.Box(np.array([-1.0, 0.0, -np.inf, -np.inf]), np.array([1.0, np.inf, 2.0, np.inf]), (4,), np.float32, seed=3)
        xs = np.stack([box.sample() for _ in range(4000)])
        self.assertEqual(xs.dtype, np.float32)
        self.assertTrue(all(box.contains(x) for x in xs[:100]))
        self.assertAlmostEqual(float(xs[:, 0].mean()), 0.0, delta=0.05)  # uniform on [-1, 1]
        self.assertAlmostEqual(float(xs[:, 1].mean()), 1.0, delta=0.1)  # 0 + Exp(1)
        self.assertAlmostEqual(float(xs[:, 2].mean()), 1.0, delta=0.1)  # 2 - Exp(1)
        self.assertAlmostEqual(float(xs[:, 3].std()), 1.0, delta=0.1)  # N(0, 1)
        ints = S.Box(0, 3, (1000,), np.uint8, seed=1).sample()
        self.assertEqual(set(ints.tolist()), {0, 1, 2, 3}, "integer boxes include both bounds")

    def test_box_membership(self):
        box = S.Box(-1.0, 1.0, (2,), np.float32)
        self.assertTrue(box.contains(np.array([0.5, -1.0], dtype=np.float32)))
        self.assertTrue(box.contains([0.5, 1.0]), "lists are cast, as Gymnasium does")
        self.assertFalse(box.contains(np.array([0.5, 1.0], dtype=np.float64)), "float64 does not cast safely to float32")
        self.assertFalse(box.contains(np.array([0.5, 1.5], dtype=np.float32)))
        self.assertFalse(box.contains(np.array([0.5], dtype=np.float32)))
        self.assertEqual(why_not(box, np.array([0.5, np.nan], dtype=np.float32)), f"element 1 is NaN; {box} needs values in [-1.0, 1.0]")
        self.assertEqual(why_not(box, np.array([0.5, 2], dtype=np.float32)), f"element 1 is 2.0, outside [-1.0, 1.0] of {box}")

    def test_multi_spaces(self):
        md = S.MultiDiscrete([2, 3], seed=0)
        self.assertTrue(all(md.contains(md.sample()) for _ in range(50)))
        self.assertFalse(md.contains(np.array([2, 0])))
        mb = S.MultiBinary(5, seed=0)
        self.assertEqual(mb.sample().dtype, np.int8)
        self.assertFalse(mb.contains(np.array([0, 1, 2, 0, 0], dtype=np.int8)))

    def test_tuple_and_dict(self):
        t = S.Tuple([S.Discrete(3), S.Box(0, 1, (2,), np.float32)], seed=5)
        x = t.sample()
        self.assertIsInstance(x, tuple)
        self.assertTrue(t.contains(x))
        self.assertEqual(why_not(t, (5, x[1])), "item 0: expected an integer in [0, 2] for Discrete(3), got 5")
        d = S.Dict({"a": S.Discrete(2), "b": S.MultiBinary(2)}, seed=5)
        self.assertTrue(d.contains(d.sample()))
        self.assertEqual(why_not(d, {"a": 1}), f"missing key 'b' for {d}")
        self.assertEqual(why_not(d, {"a": 1, "b": np.zeros(2, np.int8), "c": 0}), f"unexpected keys c; {d} has a, b")
        t.seed(9)
        first = t.sample()
        t.seed(9)
        self.assertEqual(first[0], t.sample()[0], "seeding a Tuple seeds its items")

    def test_batch_space(self):
        self.assertEqual(S.batch_space(S.Discrete(4, start=1), 3), S.MultiDiscrete([4, 4, 4], start=[1, 1, 1]))
        b = S.batch_space(S.Box(-1, 1, (2,), np.float32), 3)
        self.assertEqual((b.shape, b.dtype), ((3, 2), np.float32))
        nested = S.batch_space(S.Tuple([S.Discrete(2), S.Dict({"x": S.MultiBinary(2)})]), 5)
        self.assertEqual(nested[1]["x"].shape, (5, 2))


class WireForms(unittest.TestCase):
    def roundtrip(self, space, x):
        return decode(space, decode_value(encode(space, x)))

    def test_natives_round_trip(self):
        space = S.Tuple([S.Discrete(3), S.Dict({"f": S.Box(-1, 1, (2, 2), np.float64), "m": S.MultiBinary(3)})])
        x = (2, {"f": np.array([[0.5, -0.25], [1.0, 0.0]]), "m": np.array([1, 0, 1], dtype=np.int8)})
        y = self.roundtrip(space, x)
        self.assertEqual(y[0], 2)
        self.assertIsInstance(y[0], int)
        np.testing.assert_array_equal(y[1]["f"], x[1]["f"])
        self.assertEqual(y[1]["f"].dtype, np.float64)
        self.assertFalse(y[1]["f"].flags.writeable, "decoded arrays view the received bytes")

    def test_tensor_bytes_are_little_endian(self):
        v = encode(S.Box(0, 70000, (2,), np.uint32), np.array([1, 65536], dtype=np.uint32))
        self.assertEqual(v.tensor.data, b"\x01\x00\x00\x00\x00\x00\x01\x00")
        self.assertEqual(list(v.tensor.shape), [2])

    def test_batches(self):
        space = S.Discrete(4)
        v = encode_batch(space, [1, 3, 0], 3)
        self.assertEqual(list(v.tensor.shape), [3])
        np.testing.assert_array_equal(decode_batch(space, decode_value(v), 3), [1, 3, 0])
        with self.assertRaisesRegex(ValueError, r"expected 3 integers for 3 copies of Discrete\(4\)"):
            encode_batch(space, [1, 2], 3)
        box = S.Box(0, 1, (2,), np.float32)
        with self.assertRaisesRegex(ValueError, r"expected shape \(3, 2\)"):
            encode_batch(box, np.zeros((2, 2), np.float32), 3)


if __name__ == "__main__":
    unittest.main()
