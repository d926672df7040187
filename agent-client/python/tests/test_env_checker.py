"""Gymnasium's environment-checker rules (gymnasium.utils.env_checker / passive_env_checker), written as our own
tests over every classic id and an Atari one; where gymnasium is installed its own check_env runs too."""

import unittest
import warnings

import numpy as np

import stadium
from stadium import spaces as S
from support import ATARI_SKIP, need_server

IDS = ["CartPole-v1", "FrozenLake-v1", "FrozenLake8x8-v1", "Platform-v0", "StochasticDecisionProcess-v0"]
ATARI = "ALE/Pong-v5"


def ids():
    return IDS + ([] if ATARI_SKIP else [ATARI])


SPACE_KINDS = S.DISCRETE + S.ARRAY + S.TUPLE + S.DICT


def equal(a, b):
    """Gymnasium's data_equivalence: same types, dtypes, shapes and values (NaN equal to NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
    return a == b


class EnvChecker(unittest.TestCase):
    def setUp(self):
        self.server = need_server(self)
        self.client = stadium.Stadium(self.server)
        self.addCleanup(self.client.close)

    def make(self, env_id, **kw):
        env = self.client.make(env_id, **kw)
        self.addCleanup(env.close)
        return env

    def test_spaces_are_spaces(self):
        for env_id in ids():
            with self.subTest(env_id):
                env = self.make(env_id)
                self.assertIsInstance(env.observation_space, SPACE_KINDS)
                self.assertIsInstance(env.action_space, SPACE_KINDS)
                if isinstance(env.observation_space, S.BOX):
                    self.assertTrue(np.all(env.observation_space.low <= env.observation_space.high))
                self.assertIs(env.unwrapped, env)
                self.assertEqual(env.spec.id, env_id)

    def test_reset_returns_an_observation_of_the_space_and_an_info_dict(self):
        for env_id in ids():
            with self.subTest(env_id):
                env = self.make(env_id)
                result = env.reset(seed=123)
                self.assertIsInstance(result, tuple)
                self.assertEqual(len(result), 2)
                obs, info = result
                self.assertIsInstance(info, dict)
                self.check_obs(env, obs)

    def test_reset_seed_determinism(self):
        for env_id in ids():
            with self.subTest(env_id):
                env = self.make(env_id)
                obs1, _ = env.reset(seed=123)
                self.assertIsNotNone(env.np_random, "a seeded reset seeds the env's generator")
                rng1 = env.np_random.random()
                obs2, _ = env.reset(seed=123)
                self.assertTrue(equal(obs1, obs2), "the same seed gives the same first observation")
                self.assertEqual(rng1, env.np_random.random())
                other = self.make(env_id)
                self.assertTrue(equal(obs1, other.reset(seed=123)[0]), "and so does another env")
                obs3, _ = env.reset()
                self.assertTrue(env.observation_space.contains(obs3), "an unseeded reset goes on from the seeded generator")

    def test_reset_accepts_options(self):
        for env_id in ids():
            with self.subTest(env_id):
                env = self.make(env_id)
                obs, info = env.reset(seed=1, options={})
                self.assertTrue(env.observation_space.contains(obs))

    def test_step_returns_five_items_of_the_right_types(self):
        for env_id in ids():
            with self.subTest(env_id):
                env = self.make(env_id)
                env.reset(seed=0)
                env.action_space.seed(0)
                result = env.step(env.action_space.sample())
                self.assertEqual(len(result), 5)
                obs, reward, terminated, truncated, info = result
                self.check_obs(env, obs)
                self.assertIsInstance(reward, (int, float, np.integer, np.floating))
                self.assertTrue(np.isfinite(reward))
                self.assertIsInstance(terminated, (bool, np.bool_))
                self.assertIsInstance(truncated, (bool, np.bool_))
                self.assertIsInstance(info, dict)

    def test_step_determinism(self):
        for env_id in ids():
            with self.subTest(env_id):
                a, b = self.make(env_id), self.make(env_id)
                a.reset(seed=7)
                b.reset(seed=7)
                a.action_space.seed(7)
                for _ in range(20):
                    action = a.action_space.sample()
                    sa, sb = a.step(action), b.step(action)
                    self.assertTrue(equal(sa[0], sb[0]) and sa[1:4] == sb[1:4] and equal(sa[4], sb[4]), f"step after the same seed and actions: {sa[1:4]} vs {sb[1:4]}")
                    if sa[2] or sa[3]:
                        break

    def test_render(self):
        for env_id in ["CartPole-v1", "FrozenLake-v1"] + ([] if ATARI_SKIP else [ATARI]):
            with self.subTest(env_id):
                env = self.make(env_id, render_mode="rgb_array")
                self.assertEqual(env.render_mode, "rgb_array")
                self.assertIn(env.render_mode, env.metadata["render_modes"])
                self.assertIsInstance(env.metadata["render_fps"], float)
                self.assertGreater(env.metadata["render_fps"], 0)
                env.reset(seed=0)
                frame = env.render()
                self.assertIsInstance(frame, np.ndarray)
                self.assertEqual(frame.dtype, np.uint8)
                self.assertEqual(frame.ndim, 3)
                self.assertEqual(frame.shape[2], 3)
        plain = self.make("CartPole-v1")
        self.assertIsNone(plain.render_mode)
        plain.reset(seed=0)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.assertIsNone(plain.render(), "render without a render mode returns None, as in Gymnasium")
        self.assertTrue(any("render_mode='rgb_array'" in str(w.message) for w in caught))

    def test_close_twice_and_spec_make(self):
        env = self.make("CartPole-v1")
        again = env.spec.make()
        again.close()
        again.close()
        with env.spec.make(render_mode="rgb_array") as drawn:
            self.assertEqual(drawn.render_mode, "rgb_array", "spec.make(**kwargs) overrides make's arguments")
        env.close()
        env.close()
        with stadium.make("CartPole-v1", self.server) as env:
            env.reset(seed=0)
        self.assertTrue(env._closed, "the context manager closes the env")

    def test_gymnasium_check_env(self):
        if not S.HAVE_GYMNASIUM:
            self.skipTest("gymnasium is not installed (our rules above stand in for its check_env)")
        from gymnasium.utils.env_checker import check_env

        for env_id in ids():
            with self.subTest(env_id):
                check_env(self.make(env_id, render_mode="rgb_array"))

    def check_obs(self, env, obs):
        space = env.observation_space
        self.assertTrue(space.contains(obs), f"{obs!r} is not in {space}")
        if isinstance(space, S.ARRAY):
            self.assertIsInstance(obs, np.ndarray)
            self.assertEqual(obs.dtype, space.dtype)
            self.assertEqual(obs.shape, space.shape)
        if isinstance(space, S.DISCRETE):
            self.assertIsInstance(obs, int)


if __name__ == "__main__":
    unittest.main()
