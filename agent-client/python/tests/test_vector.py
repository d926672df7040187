"""Vector envs: Gymnasium 1.x's VectorEnv shapes, copy i seeded with seed + i, NEXT_STEP autoreset, pipelined
steps (step_async / step_wait) and the batched spaces."""

import unittest

import numpy as np

import stadium
from stadium import spaces as S
from support import need_server


class Vector(unittest.TestCase):
    def setUp(self):
        self.server = need_server(self)
        self.client = stadium.Stadium(self.server)
        self.addCleanup(self.client.close)

    def make_vec(self, env_id, n, **kw):
        env = self.client.make_vec(env_id, n, **kw)
        self.addCleanup(env.close)
        return env

    def test_shapes_and_spaces(self):
        env = self.make_vec("CartPole-v1", 3)
        self.assertEqual(env.num_envs, 3)
        self.assertEqual(env.single_observation_space.shape, (4,))
        self.assertEqual(env.observation_space.shape, (3, 4))
        self.assertIsInstance(env.action_space, S.MULTI_DISCRETE)
        self.assertEqual(env.metadata["autoreset_mode"], stadium.vector.NEXT_STEP)
        obs, infos = env.reset(seed=5)
        self.assertEqual((obs.shape, obs.dtype), ((3, 4), np.float32))
        self.assertTrue(env.observation_space.contains(obs))
        env.action_space.seed(1)
        obs, rewards, term, trunc, infos = env.step(env.action_space.sample())
        self.assertEqual((rewards.dtype, rewards.shape, term.dtype, trunc.shape), (np.float64, (3,), np.bool_, (3,)))
        self.assertIsInstance(infos, dict)

    def test_copy_i_is_seeded_with_seed_plus_i(self):
        n, seed = 4, 100
        batch, _ = self.make_vec("CartPole-v1", n).reset(seed=seed)
        for i in range(n):
            with self.client.make("CartPole-v1") as single:
                np.testing.assert_array_equal(batch[i], single.reset(seed=seed + i)[0], f"copy {i}")
        again, _ = self.make_vec("CartPole-v1", n).reset(seed=[seed + i for i in range(n)])
        np.testing.assert_array_equal(again, batch, "the list [s, s+1, ...] means the same")
        with self.assertRaisesRegex(ValueError, r"seed \+ i"):
            self.make_vec("CartPole-v1", 2).reset(seed=[1, 5])

    def test_next_step_autoreset(self):
        n = 4
        env = self.make_vec("CartPole-v1", n)
        twins = [self.client.make("CartPole-v1") for _ in range(n)]
        for t in twins:
            self.addCleanup(t.close)
        obs, _ = env.reset(seed=0)
        for i, t in enumerate(twins):
            t.reset(seed=i)
        push = np.ones(n, dtype=np.int64)  # pushing one way ends episodes in ~10 steps
        done_seen = False
        pending = np.zeros(n, dtype=bool)
        for _ in range(40):
            obs, rewards, term, trunc, _ = env.step(push)
            for i, t in enumerate(twins):
                if pending[i]:
                    self.assertEqual((rewards[i], term[i], trunc[i]), (0.0, False, False), "the autoreset step only resets")
                    first, _ = t.reset()  # the copy's generator goes on from its seed, as the twin's does
                    np.testing.assert_array_equal(obs[i], first, f"copy {i} starts its next episode")
                else:
                    o, r, te, tr, _ = t.step(1)
                    np.testing.assert_array_equal(obs[i], o)
                    self.assertEqual((rewards[i], term[i], trunc[i]), (r, te, tr))
            done_seen |= bool(term.any())
            pending = term | trunc
        self.assertTrue(done_seen, "episodes ended and were reset on the next step")

    def test_time_limit_truncates_in_vector_sessions(self):
        env = self.make_vec("FrozenLake-v1", 2, max_episode_steps=5, is_slippery=False)
        env.reset(seed=0)
        for t in range(1, 6):
            _, _, term, trunc, _ = env.step(np.array([0, 3]))  # LEFT and UP at the start stay put
        self.assertEqual((term.tolist(), trunc.tolist()), ([False, False], [True, True]))

    def test_pipelined_steps(self):
        env = self.make_vec("CartPole-v1", 2)
        env.reset(seed=3)
        env.step_async(np.array([0, 1]))
        obs, *_ = env.step_wait()
        ref = self.make_vec("CartPole-v1", 2)
        ref.reset(seed=3)
        np.testing.assert_array_equal(obs, ref.step(np.array([0, 1]))[0])

    def test_infos_are_batched_with_masks(self):
        env = self.make_vec("FrozenLake-v1", 3, is_slippery=False)
        _, infos = env.reset(seed=0)
        np.testing.assert_array_equal(infos["prob"], [1.0, 1.0, 1.0])
        np.testing.assert_array_equal(infos["_prob"], [True, True, True])

    def test_nested_spaces_are_batched_per_item(self):
        env = self.make_vec("Platform-v0", 2)
        obs, _ = env.reset(seed=0)
        state, substeps = obs
        self.assertEqual((state.shape, state.dtype, substeps.shape, substeps.dtype), ((2, 9), np.float64, (2,), np.int64))
        self.assertTrue(env.observation_space.contains(obs))
        actions = (np.array([0, 2]), (np.float32([[20], [0]]), np.float32([[0], [0]]), np.float32([[0], [300]])))
        obs, rewards, *_ = env.step(actions)
        self.assertEqual(obs[0].shape, (2, 9))
        self.assertGreater(rewards[0], 0, "running right makes progress")

    def test_render_every_copy(self):
        env = self.make_vec("CartPole-v1", 2, render_mode="rgb_array")
        env.reset(seed=0)
        frames = env.render()
        self.assertEqual(len(frames), 2)
        self.assertEqual([(f.shape, f.dtype) for f in frames], [((400, 600, 3), np.uint8)] * 2)

    def test_bad_actions(self):
        env = self.make_vec("CartPole-v1", 3)
        env.reset(seed=0)
        with self.assertRaises(stadium.StadiumError) as e:
            env.step(np.array([0, 1]))
        self.assertEqual(e.exception.code.name, "INVALID_ARGUMENT")
        self.assertIn("bad actions for CartPole-v1: expected 3 integers for 3 copies of Discrete(2)", e.exception.message)
        with self.assertRaises(stadium.StadiumError) as e:
            env.step(np.array([0, 1, 7]))
        self.assertEqual(e.exception.code.name, "INVALID_ARGUMENT", "the server refuses an action outside the space")
        env.step(np.array([0, 1, 1]))  # and the session goes on


if __name__ == "__main__":
    unittest.main()
