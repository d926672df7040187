"""Atari over the wire: observation shapes and dtypes of the rgb, grayscale, ram and preprocessed forms, single and
batched, with the minimal action set (ROMs from ../shared/roms, which the test's server was given)."""

import unittest

import numpy as np

import stadium
from stadium import spaces as S
from support import need_atari


class Atari(unittest.TestCase):
    def setUp(self):
        self.server = need_atari(self)
        self.client = stadium.Stadium(self.server)
        self.addCleanup(self.client.close)

    def check(self, env_id, shape, dtype, n_actions=6, **kw):
        with self.client.make(env_id, **kw) as env:
            space = env.observation_space
            self.assertIsInstance(space, S.BOX)
            self.assertEqual((space.shape, space.dtype), (shape, np.dtype(dtype)), env_id)
            self.assertEqual(env.action_space.n, n_actions)
            obs, info = env.reset(seed=0)
            self.assertEqual((obs.shape, obs.dtype), (shape, np.dtype(dtype)))
            self.assertEqual(set(info), {"lives", "episode_frame_number", "frame_number"})
            total = 0.0
            for _ in range(30):
                obs, reward, term, trunc, info = env.step(env.action_space.sample())
                total += reward
            self.assertTrue(space.contains(obs))
            self.assertGreater(info["frame_number"], 0)
            return obs

    def test_rgb(self):
        obs = self.check("ALE/Pong-v5", (210, 160, 3), np.uint8)
        self.assertGreater(len(np.unique(obs)), 2, "a real frame, not a blank one")

    def test_grayscale_and_ram(self):
        self.check("ALE/Pong-v5", (210, 160), np.uint8, obs_type="grayscale")
        self.check("Pong-ramNoFrameskip-v4", (128,), np.uint8)

    def test_preprocessed_stack(self):
        self.check("PongNoFrameskip-v4", (4, 84, 84), np.uint8, preprocess=True)
        self.check("PongNoFrameskip-v4", (4, 84, 84), np.float32, preprocess=True, scale_obs=True)

    def test_batched(self):
        with self.client.make_vec("ALE/Breakout-v5", 3) as env:
            self.assertEqual(env.single_action_space.n, 4)
            obs, infos = env.reset(seed=1)
            self.assertEqual((obs.shape, obs.dtype), ((3, 210, 160, 3), np.uint8))
            np.testing.assert_array_equal(infos["_lives"], [True, True, True])
            obs, rewards, term, trunc, infos = env.step(np.array([1, 2, 3]))
            self.assertEqual(obs.shape, (3, 210, 160, 3))
            self.assertEqual(rewards.shape, (3,))


if __name__ == "__main__":
    unittest.main()
