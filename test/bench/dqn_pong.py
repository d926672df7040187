"""The PyTorch side of the Pong throughput rows of `npm run bench:learn -- pong-throughput`: the dqn-pong-fast
recipe (double, dueling, 3-step returns, Huber loss, Adam 1e-4, a gradient step every 4 env steps, batch 32, target
sync every 1000 env steps, replay 100k) written plainly in PyTorch, CleanRL style.

Usage: python3 -P dqn_pong.py THREADS NUM_ENVS LEARNING_STARTS ACTIONS (-P keeps this file's folder off sys.path).
The bench steps the env server and streams each step here on stdin: per copy a uint8 [4, 84, 84] stack, then float64
rewards, then uint8 flags (terminated, truncated, reset: the row is an autoreset's first observation). The first
message has only the stacks. Each message is answered with int32 actions on stdout.
"""
import collections
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS, N, LEARNING_STARTS, ACTIONS = (int(a) for a in sys.argv[1:5])
GAMMA, N_STEP, BATCH, BUFFER, TRAIN_FREQ, TARGET_EVERY = 0.99, 3, 32, 100_000, 4, 1000
START_E, END_E, EXPLORATION = 1.0, 0.02, 100_000
torch.set_num_threads(THREADS)
torch.manual_seed(1)
rng = np.random.default_rng(1)


class QNetwork(nn.Module):
    def __init__(self, actions):
        super().__init__()
        self.torso = nn.Sequential(
            nn.Conv2d(4, 32, 8, stride=4), nn.ReLU(), nn.Conv2d(32, 64, 4, stride=2), nn.ReLU(),
            nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3136, 512), nn.ReLU())
        self.value = nn.Sequential(nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 1))
        self.advantage = nn.Sequential(nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, actions))

    def forward(self, x):
        h = self.torso(x.float() / 255)
        a = self.advantage(h)
        return self.value(h) + a - a.mean(1, keepdim=True)


q_net, target_net = QNetwork(ACTIONS), QNetwork(ACTIONS)
target_net.load_state_dict(q_net.state_dict())
optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-4)

# Replay: whole stacks for obs and next obs (numpy zero pages cost nothing until written).
obs_buf = np.zeros((BUFFER, 4, 84, 84), np.uint8)
next_buf = np.zeros((BUFFER, 4, 84, 84), np.uint8)
act_buf = np.zeros(BUFFER, np.int64)
ret_buf = np.zeros(BUFFER, np.float32)
disc_buf = np.zeros(BUFFER, np.float32)
size, pos = 0, 0
pending = [collections.deque() for _ in range(N)]


def add(o, a, r, o2, discount):
    global size, pos
    obs_buf[pos], act_buf[pos], ret_buf[pos], next_buf[pos], disc_buf[pos] = o, a, r, o2, discount
    pos = (pos + 1) % BUFFER
    size = min(size + 1, BUFFER)


def push(i, o, a, r, o2, terminated, truncated):
    """n-step returns per copy: emit the oldest once n rewards are known, all of them at an episode's end."""
    pending[i].append((o, a, r))
    ended = terminated or truncated
    while pending[i] and (ended or len(pending[i]) == N_STEP):
        ret, g = 0.0, 1.0
        for (_, _, rr) in pending[i]:
            ret += g * rr
            g *= GAMMA
        first = pending[i].popleft()
        add(first[0], first[1], ret, o2, 0.0 if terminated else g)
        if not ended:
            break


def learn():
    idx = rng.integers(0, size, BATCH)
    o, o2 = torch.from_numpy(obs_buf[idx]), torch.from_numpy(next_buf[idx])
    with torch.no_grad():
        best = q_net(o2).argmax(1, keepdim=True)
        target = torch.from_numpy(ret_buf[idx]) + torch.from_numpy(disc_buf[idx]) * target_net(o2).gather(1, best).squeeze(1)
    q = q_net(o).gather(1, torch.from_numpy(act_buf[idx]).unsqueeze(1)).squeeze(1)
    loss = F.smooth_l1_loss(q, target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
frame = 4 * 84 * 84


def read(n):
    data = stdin.read(n)
    if len(data) < n:
        sys.exit(0)
    return data


obs = np.frombuffer(bytearray(read(N * frame)), np.uint8).reshape(N, 4, 84, 84)
steps, actions = 0, np.zeros(N, np.int32)
while True:
    epsilon = START_E + (END_E - START_E) * min(1.0, steps / EXPLORATION)
    with torch.no_grad():
        greedy = q_net(torch.from_numpy(obs)).argmax(1).numpy()
    explore = rng.random(N) < epsilon
    actions = np.where(explore, rng.integers(0, ACTIONS, N), greedy).astype(np.int32)
    stdout.write(actions.tobytes())
    stdout.flush()
    next_obs = np.frombuffer(bytearray(read(N * frame)), np.uint8).reshape(N, 4, 84, 84)
    rewards = np.frombuffer(read(8 * N), np.float64)
    flags = np.frombuffer(read(3 * N), np.uint8).reshape(3, N)
    for i in range(N):
        if flags[2, i]:
            pending[i].clear()
            continue
        push(i, obs[i], actions[i], rewards[i], next_obs[i], bool(flags[0, i]), bool(flags[1, i]))
        steps += 1
        if steps > LEARNING_STARTS and steps % TRAIN_FREQ == 0:
            learn()
        if steps > LEARNING_STARTS and steps % TARGET_EVERY == 0:
            target_net.load_state_dict(q_net.state_dict())
    obs = next_obs
