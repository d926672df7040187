"""DQN on CartPole-v1 against a Stadium server, in plain PyTorch, as a single CleanRL-style file.

    python3 examples/python/dqn_cartpole.py --server 127.0.0.1:50051

Double DQN with 3-step returns, a Polyak-averaged target and Huber loss, with the settings Stadium's TypeScript DQN
uses on CartPole (agent-client/agents/presets.ts). Every `check_every` steps, at an episode's end, a quick greedy
check of 10 episodes; when it reaches the target, 100 greedy episodes decide, and training stops once their mean
return is at least 475 (CartPole-v1's reward threshold). The last line printed is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import deque
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import stadium


@dataclass
class Config:
    server: str = "127.0.0.1:50051"
    env_id: str = "CartPole-v1"
    seed: int = 1
    total_timesteps: int = 100_000
    learning_rate: float = 1e-3
    adam_eps: float = 1e-8
    buffer_size: int = 50_000
    gamma: float = 0.99
    n_step: int = 3
    tau: float = 0.01
    batch_size: int = 64
    start_e: float = 1.0
    end_e: float = 0.05
    exploration_steps: int = 10_000
    learning_starts: int = 1000
    train_frequency: int = 4
    hidden: int = 64
    target: float = 475.0
    check_every: int = 2500
    quick_episodes: int = 10
    eval_episodes: int = 100
    threads: int = 1


class QNetwork(nn.Module):
    def __init__(self, obs_size: int, n_actions: int, hidden: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_size, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, n_actions))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class Replay:
    """n-step transitions: (obs, action, discounted n-step return, next obs, terminated, gamma^steps)."""

    def __init__(self, size: int, obs_size: int):
        self.obs = np.zeros((size, obs_size), np.float32)
        self.next_obs = np.zeros((size, obs_size), np.float32)
        self.actions = np.zeros(size, np.int64)
        self.returns = np.zeros(size, np.float32)
        self.terminated = np.zeros(size, np.float32)
        self.discounts = np.zeros(size, np.float32)
        self.size, self.pos, self.full = size, 0, False

    def add(self, obs, action, ret, next_obs, terminated, discount):
        i = self.pos
        self.obs[i], self.actions[i], self.returns[i], self.next_obs[i] = obs, action, ret, next_obs
        self.terminated[i], self.discounts[i] = terminated, discount
        self.pos = (i + 1) % self.size
        self.full = self.full or self.pos == 0

    def sample(self, n: int, rng: np.random.Generator):
        idx = rng.integers(0, self.size if self.full else self.pos, n)
        return [torch.as_tensor(a[idx]) for a in (self.obs, self.actions, self.returns, self.next_obs, self.terminated, self.discounts)]


def epsilon(c: Config, step: int) -> float:
    return max(c.end_e, c.start_e + (c.end_e - c.start_e) * step / c.exploration_steps)


def evaluate(env, q: QNetwork, episodes: int, seed: int) -> float:
    returns = []
    for ep in range(episodes):
        obs, _ = env.reset(seed=seed + ep)
        total, done = 0.0, False
        while not done:
            with torch.no_grad():
                action = int(q(torch.as_tensor(obs).unsqueeze(0)).argmax())
            obs, reward, terminated, truncated, _ = env.step(action)
            total += reward
            done = terminated or truncated
        returns.append(total)
    return float(np.mean(returns))


def main(c: Config) -> dict:
    random.seed(c.seed)
    np.random.seed(c.seed)
    torch.manual_seed(c.seed)
    torch.set_num_threads(c.threads)
    rng = np.random.default_rng(c.seed)

    client = stadium.Stadium(c.server)
    env = client.make(c.env_id)
    eval_env = client.make(c.env_id)
    obs_size, n_actions = env.observation_space.shape[0], int(env.action_space.n)
    q = QNetwork(obs_size, n_actions, c.hidden)
    target_q = QNetwork(obs_size, n_actions, c.hidden)
    target_q.load_state_dict(q.state_dict())
    optimizer = torch.optim.Adam(q.parameters(), lr=c.learning_rate, eps=c.adam_eps)
    replay = Replay(c.buffer_size, obs_size)
    window: deque = deque()  # the last n (obs, action, reward) of the episode, for n-step returns

    def emit(next_obs, terminated: bool) -> None:
        ret = sum(r * c.gamma**k for k, (_, _, r) in enumerate(window))
        o, a, _ = window.popleft()
        replay.add(o, a, ret, next_obs, terminated, c.gamma ** (len(window) + 1))

    started = time.perf_counter()
    eval_seconds = 0.0
    reached_at, final, next_check = None, None, c.check_every
    episode_return, episodes = 0.0, 0
    obs, _ = env.reset(seed=c.seed)
    step = 0
    for step in range(1, c.total_timesteps + 1):
        if rng.random() < epsilon(c, step):
            action = int(rng.integers(n_actions))
        else:
            with torch.no_grad():
                action = int(q(torch.as_tensor(obs).unsqueeze(0)).argmax())
        next_obs, reward, terminated, truncated, _ = env.step(action)
        episode_return += reward
        window.append((obs, action, reward))
        if len(window) == c.n_step:
            emit(next_obs, terminated)
        obs = next_obs

        if step > c.learning_starts and step % c.train_frequency == 0:
            b_obs, b_act, b_ret, b_next, b_term, b_disc = replay.sample(c.batch_size, rng)
            with torch.no_grad():
                best = q(b_next).argmax(1, keepdim=True)  # double DQN: the online net picks, the target net values
                y = b_ret + b_disc * (1.0 - b_term) * target_q(b_next).gather(1, best).squeeze(1)
            loss = F.smooth_l1_loss(q(b_obs).gather(1, b_act.unsqueeze(1)).squeeze(1), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                for p, tp in zip(q.parameters(), target_q.parameters()):
                    tp.mul_(1.0 - c.tau).add_(p, alpha=c.tau)

        if terminated or truncated:
            while window:  # the episode's last transitions, with shorter returns; truncation still bootstraps
                emit(obs, terminated)
            episodes += 1
            if episodes % 20 == 0:
                print(f"step {step}: episode {episodes} return {episode_return:.0f} epsilon {epsilon(c, step):.3f}", flush=True)
            episode_return = 0.0
            obs, _ = env.reset()
            if step >= next_check:
                next_check += c.check_every
                t = time.perf_counter()
                quick = evaluate(eval_env, q, c.quick_episodes, c.seed + step)
                print(f"step {step}: quick greedy check {quick:.1f} over {c.quick_episodes} episodes", flush=True)
                if quick >= c.target:
                    full = evaluate(eval_env, q, c.eval_episodes, c.seed + 1_000_000)
                    print(f"step {step}: greedy {full:.1f} over {c.eval_episodes} episodes", flush=True)
                    if full >= c.target:
                        reached_at, final = step, full
                eval_seconds += time.perf_counter() - t
                if reached_at is not None:
                    break

    train_seconds = time.perf_counter() - started - eval_seconds
    if final is None:
        final = evaluate(eval_env, q, c.eval_episodes, c.seed + 1_000_000)
    env.close()
    eval_env.close()
    client.close()
    return {"reached_at": reached_at, "final": final, "eval_episodes": c.eval_episodes, "trained_steps": step, "train_seconds": train_seconds, "steps_per_second": step / train_seconds}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, default in asdict(Config()).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    summary = main(Config(**vars(parser.parse_args())))
    print(json.dumps(summary), flush=True)
