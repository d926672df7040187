"""The Python side of `npm run bench:python`: steps CartPole through the Python client as test/bench/python.ts does
through the TypeScript one. Usage: python_client.py ADDRESS; then reads lines "CASE SECONDS" on stdin and answers
each with the JSON {"steps": n, "seconds": s} of that round, so the caller can interleave rounds of both clients."""

import json
import sys
import time

import numpy as np

import stadium


def main() -> None:
    client = stadium.Stadium(sys.argv[1])
    single = client.make("CartPole-v1")
    single.reset(seed=0)
    vec = client.make_vec("CartPole-v1", 64)
    vec.reset(seed=0)
    actions = np.zeros(64, dtype=np.int64)
    t = 0

    def step_single() -> int:
        nonlocal t
        t += 1
        _, _, terminated, truncated, _ = single.step(t & 1)
        if terminated or truncated:
            single.reset()
        return 1

    def step_vector() -> int:
        vec.step(actions)
        return 64

    cases = {"single": step_single, "vector64": step_vector}
    for line in sys.stdin:
        name, seconds = line.split()
        fn, steps = cases[name], 0
        start = time.perf_counter()
        end = start + float(seconds)
        while time.perf_counter() < end:
            steps += fn()
        print(json.dumps({"steps": steps, "seconds": time.perf_counter() - start}), flush=True)
    single.close()
    vec.close()
    client.close()


if __name__ == "__main__":
    main()
