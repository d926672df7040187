"""The PyTorch side of `npm run bench:torch`: the same networks and steps as test/bench/torch.ts.

Usage: python3 -P torch.py THREADS (-P keeps this file from shadowing the torch package). It then reads lines
"CASE SECONDS" on stdin and answers each with [wall, CPU] milliseconds per call, so the caller can interleave its own
measurements with these on a shared machine.
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def nature_dqn():
    return nn.Sequential(
        nn.Conv2d(4, 32, 8, stride=4), nn.ReLU(),
        nn.Conv2d(32, 64, 4, stride=2), nn.ReLU(),
        nn.Conv2d(64, 64, 3, stride=1), nn.ReLU(),
        nn.Flatten(), nn.Linear(3136, 512), nn.ReLU(), nn.Linear(512, 6))


def mlp():
    return nn.Sequential(nn.Linear(4, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2))


def per_call_ms(fn, seconds):
    """Wall-clock and CPU milliseconds per call, averaged over at least `seconds` and 5 calls."""
    for _ in range(3):
        fn()
    n, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and n >= 5:
            return [elapsed / n * 1000, (time.process_time() - cpu_start) / n * 1000]


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    torch.manual_seed(0)

    net = nature_dqn()
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    frames = torch.randint(0, 256, (32, 4, 84, 84), dtype=torch.uint8)
    actions = torch.randint(0, 6, (32, 1))
    targets = torch.randn(32, 1)
    frame = frames[:1].clone()

    def dqn_step():
        q = net(frames.float().div(255)).gather(1, actions)
        loss = F.smooth_l1_loss(q, targets)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    def dqn_act():
        with torch.no_grad():
            return net(frame.float().div(255)).argmax(1).item()

    small = mlp()
    small_opt = torch.optim.Adam(small.parameters(), lr=1e-3)
    x = torch.randn(32, 4)
    y = torch.randn(32, 2)

    def mlp_step():
        loss = F.smooth_l1_loss(small(x), y)
        small_opt.zero_grad(set_to_none=True)
        loss.backward()
        small_opt.step()

    cases = {'dqnStep': dqn_step, 'dqnAct': dqn_act, 'mlpStep': mlp_step}
    print(json.dumps({'threads': torch.get_num_threads(), 'version': torch.__version__}), flush=True)
    for line in sys.stdin:
        name, seconds = line.split()
        print(json.dumps(per_call_ms(cases[name], float(seconds))), flush=True)


main()
