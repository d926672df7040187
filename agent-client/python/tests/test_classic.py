"""CartPole and FrozenLake over the wire against ../shared/reference/classic (Gymnasium's recordings): CartPole's
dynamics written from the fixture's formulas are first checked on its 322 transitions, then every step of whole
episodes the server plays must match them bit for bit; FrozenLake's recorded trajectories replay exactly, and the
slippery lake's statistics under the greedy policy match the fixture's exact dynamic programming."""

import math
import unittest

import numpy as np

import stadium
from support import need_server, reference


def cartpole_step(c, state, action):
    """One Euler step with the fixture's constants and its order of operations; returns (state, terminated)."""
    x, x_dot, theta, theta_dot = state
    force = c["force_mag"] if action == 1 else -c["force_mag"]
    cos, sin = math.cos(theta), math.sin(theta)
    pml, tm = c["polemass_length"], c["total_mass"]
    temp = (force + pml * (theta_dot * theta_dot) * sin) / tm
    thetaacc = (c["gravity"] * sin - cos * temp) / (c["length"] * (4.0 / 3.0 - c["masspole"] * (cos * cos) / tm))
    xacc = temp - pml * thetaacc * cos / tm
    tau = c["tau"]
    nxt = (x + tau * x_dot, x_dot + tau * xacc, theta + tau * theta_dot, theta_dot + tau * thetaacc)
    thr, xthr = c["theta_threshold_radians"], c["x_threshold"]
    terminated = nxt[0] < -xthr or nxt[0] > xthr or nxt[2] < -thr or nxt[2] > thr
    return nxt, terminated


class CartPole(unittest.TestCase):
    def setUp(self):
        self.ref = reference(self, "cartpole.json")
        self.c = self.ref["constants"]

    def test_the_model_reproduces_every_fixture_transition(self):
        for tr in self.ref["transitions"]:
            nxt, terminated = cartpole_step(self.c, tuple(tr["state"]), tr["action"])
            self.assertEqual(list(nxt), tr["next_state"], f"transition {tr['id']} ({tr['category']})")
            self.assertEqual(terminated, tr["terminated"], f"transition {tr['id']}")
            self.assertEqual(np.float32(nxt).tolist(), tr["obs"])

    def test_spec_matches_the_registration(self):
        server = need_server(self)
        with stadium.make("CartPole-v1", server) as env:
            reg = self.ref["registration"]
            self.assertEqual(env.spec.max_episode_steps, reg["max_episode_steps"])
            self.assertEqual(env.spec.reward_threshold, reg["reward_threshold"])
            space = self.ref["observation_space"]
            self.assertEqual(env.observation_space.shape, tuple(space["shape"]))
            self.assertEqual(env.observation_space.dtype, np.dtype(space["dtype"]))
            np.testing.assert_array_equal(env.observation_space.high, np.array([float(v) for v in space["high"]], dtype=np.float32))
            np.testing.assert_array_equal(env.observation_space.low, np.array([float(v) for v in space["low"]], dtype=np.float32))
            self.assertEqual(env.action_space.n, 2)

    def test_whole_episodes_match_the_model_bit_for_bit(self):
        server = need_server(self)
        limit = self.ref["registration"]["max_episode_steps"]
        with stadium.make("CartPole-v1", server) as env:
            for start, policy in [(0.0, "balance"), (0.01, "balance"), (0.03, "alternate"), (-0.02, "push")]:
                obs, _ = env.reset(seed=0, options={"low": start, "high": start})
                state = (start,) * 4
                self.assertEqual(obs.tolist(), np.float32(state).tolist(), "reset(options={low, high}) sets every component")
                for t in range(1, limit + 1):
                    x, x_dot, theta, theta_dot = state
                    action = {"balance": int(theta + 0.5 * theta_dot + 0.01 * x + 0.05 * x_dot > 0), "alternate": t % 2, "push": 1}[policy]
                    state, terminated = cartpole_step(self.c, state, action)
                    obs, reward, term, trunc, _ = env.step(action)
                    where = f"start {start}, {policy}, step {t}"
                    self.assertEqual(obs.tolist(), np.float32(state).tolist(), where)
                    self.assertEqual((reward, term, trunc), (1.0, terminated, t == limit and not terminated), where)
                    if term or trunc:
                        break


class FrozenLake(unittest.TestCase):
    def setUp(self):
        self.ref = reference(self, "frozenlake.json")
        self.server = need_server(self)

    def test_recorded_trajectories_replay_exactly(self):
        client = stadium.Stadium(self.server)
        self.addCleanup(client.close)
        for traj in self.ref["nonslippery_trajectories"]:
            with client.make(traj["env_id"], is_slippery=False, map_name=traj["map"]) as env:
                obs, info = env.reset(seed=0)
                self.assertEqual((obs, info), (traj["reset_obs"], {"prob": 1.0}), traj["name"])
                got = []
                for a, *_ in traj["steps"]:
                    o, r, term, trunc, info = env.step(a)
                    got.append([a, o, r, term, trunc, info["prob"]])
                self.assertEqual(got, traj["steps"], f"{traj['env_id']} {traj['map']} {traj['name']}")

    def test_registration(self):
        for env_id, reg in self.ref["registration"].items():
            with stadium.make(env_id, self.server) as env:
                self.assertEqual((env.spec.max_episode_steps, env.spec.reward_threshold), (reg["max_episode_steps"], reg["reward_threshold"]), env_id)

    def test_slippery_greedy_policy_statistics(self):
        stats = self.ref["slippery_statistics"]["4x4"]
        policy = np.array(stats["policies"]["greedy_gamma_0.99"])
        expected = stats["results"]["greedy_gamma_0.99"]
        n, episodes_wanted = 64, 3000
        returns, lengths, truncated = [], [], []
        with stadium.make_vec("FrozenLake-v1", n, self.server) as env:
            obs, _ = env.reset(seed=2024)
            length = np.zeros(n, dtype=int)
            autoreset = np.zeros(n, dtype=bool)
            while len(returns) < episodes_wanted:
                obs, reward, term, trunc, _ = env.step(policy[obs])
                for i in range(n):
                    if autoreset[i]:  # this step only reset copy i (NEXT_STEP)
                        self.assertEqual((reward[i], term[i], trunc[i], obs[i]), (0.0, False, False, 0))
                        length[i] = 0
                        continue
                    length[i] += 1
                    if term[i] or trunc[i]:
                        returns.append(reward[i])
                        lengths.append(length[i])
                        truncated.append(bool(trunc[i]))
                autoreset = term | trunc
        N = len(returns)
        for name, got in [("p_goal", np.mean(returns)), ("p_truncated", np.mean(truncated))]:
            p = expected[name]
            self.assertLessEqual(abs(got - p), 4 * math.sqrt(p * (1 - p) / N), f"{name}: {got:.4f} over {N} episodes, exact {p:.4f}")
        self.assertLessEqual(abs(np.mean(lengths) - expected["expected_length"]), 4 * np.std(lengths) / math.sqrt(N))
        self.assertEqual(max(lengths), 100, "episodes are cut at the 100-step limit")


if __name__ == "__main__":
    unittest.main()
