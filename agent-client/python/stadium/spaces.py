"""Gymnasium's spaces. With gymnasium installed, envs hand out real ``gymnasium.spaces`` objects; without it, these
classes, which follow Gymnasium 1.x: ``sample()`` (Gymnasium's rules for unbounded Box dimensions), ``contains()``,
``seed()``, ``shape``, ``dtype``, ``np_random``, and ``batch_space`` for vector envs."""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np

try:  # pragma: no cover - depends on the machine
    import gymnasium as _gym
    from gymnasium import spaces as _gspaces
    from gymnasium.vector.utils import batch_space as _gym_batch_space
except ImportError:
    _gym = None
    _gspaces = None
    _gym_batch_space = None

HAVE_GYMNASIUM = _gym is not None


class Space:
    """Base of the fallback spaces: a seedable generator, ``shape`` and ``dtype``."""

    def __init__(self, shape: Optional[Sequence[int]] = None, dtype: Any = None, seed: Optional[int] = None) -> None:
        self._shape = None if shape is None else tuple(int(d) for d in shape)
        self.dtype = None if dtype is None else np.dtype(dtype)
        self._np_random: Optional[np.random.Generator] = None
        if seed is not None:
            self.seed(seed)

    @property
    def shape(self):
        return self._shape

    @property
    def np_random(self) -> np.random.Generator:
        if self._np_random is None:
            self.seed()
        return self._np_random  # type: ignore[return-value]

    def seed(self, seed: Optional[int] = None) -> list:
        """Seeds the space's generator as Gymnasium does (PCG64 from a SeedSequence); returns the seeds used."""
        seq = np.random.SeedSequence(seed)
        self._np_random = np.random.Generator(np.random.PCG64(seq))
        return [seq.entropy]

    def sample(self, mask: Any = None) -> Any:
        raise NotImplementedError

    def contains(self, x: Any) -> bool:
        from .checks import why_not

        return why_not(self, x) is None

    def __contains__(self, x: Any) -> bool:
        return self.contains(x)


class Discrete(Space):
    def __init__(self, n: int, seed: Optional[int] = None, start: int = 0) -> None:
        if int(n) <= 0:
            raise ValueError(f"Discrete n must be positive, got {n}")
        self.n = np.int64(n)
        self.start = np.int64(start)
        super().__init__((), np.int64, seed)

    def sample(self, mask: Any = None) -> np.int64:
        if mask is not None:
            allowed = np.flatnonzero(np.asarray(mask, dtype=np.int8))
            return self.start + (np.int64(self.np_random.choice(allowed)) if allowed.size else np.int64(0))
        return self.start + np.int64(self.np_random.integers(self.n))

    def __repr__(self) -> str:
        return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Discrete) and self.n == other.n and self.start == other.start


def _bound(v: Any, shape: tuple, dtype: np.dtype) -> np.ndarray:
    arr = np.asarray(v, dtype=np.float64)
    arr = np.broadcast_to(arr, shape) if arr.size == 1 else arr.reshape(shape)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        arr = np.clip(arr, info.min, info.max)
    return arr.astype(dtype)


class Box(Space):
    def __init__(self, low: Any, high: Any, shape: Optional[Sequence[int]] = None, dtype: Any = np.float32, seed: Optional[int] = None) -> None:
        dtype = np.dtype(dtype)
        if shape is None:
            shape = np.shape(low) if np.ndim(low) else np.shape(high)
        shape = tuple(int(d) for d in shape)
        super().__init__(shape, dtype, seed)
        self.low = _bound(low, shape, dtype)
        self.high = _bound(high, shape, dtype)
        if np.any(self.low > self.high):
            raise ValueError(f"Box low exceeds high: {self.low} > {self.high}")

    def is_bounded(self, manner: str = "both") -> bool:
        below = bool(np.all(np.isfinite(self.low)))
        above = bool(np.all(np.isfinite(self.high)))
        return {"both": below and above, "below": below, "above": above}[manner]

    def sample(self, mask: Any = None) -> np.ndarray:
        rng = self.np_random
        low = self.low.astype(np.float64)
        high = self.high.astype(np.float64)
        if np.issubdtype(self.dtype, np.integer):
            return np.floor(rng.uniform(low, high + 1.0, size=self.shape)).astype(self.dtype)
        out = np.empty(self.shape, dtype=np.float64)
        lo_ok, hi_ok = np.isfinite(low), np.isfinite(high)
        both, only_lo, only_hi, neither = lo_ok & hi_ok, lo_ok & ~hi_ok, ~lo_ok & hi_ok, ~lo_ok & ~hi_ok
        out[both] = rng.uniform(low[both], high[both])
        out[only_lo] = low[only_lo] + rng.exponential(size=int(only_lo.sum()))
        out[only_hi] = high[only_hi] - rng.exponential(size=int(only_hi.sum()))
        out[neither] = rng.normal(size=int(neither.sum()))
        return np.clip(out, low, high).astype(self.dtype)

    def __repr__(self) -> str:
        def b(a: np.ndarray) -> str:
            return str(a.flat[0]) if a.size and np.all(a == a.flat[0]) else str(a)

        return f"Box({b(self.low)}, {b(self.high)}, {self.shape}, {self.dtype})"

    def __eq__(self, other: Any) -> bool:
        return (
            isinstance(other, Box)
            and self.shape == other.shape
            and self.dtype == other.dtype
            and np.array_equal(self.low, other.low)
            and np.array_equal(self.high, other.high)
        )


class MultiDiscrete(Space):
    def __init__(self, nvec: Any, dtype: Any = np.int64, seed: Optional[int] = None, start: Any = None) -> None:
        self.nvec = np.asarray(nvec, dtype=dtype)
        self.start = np.zeros_like(self.nvec) if start is None else np.asarray(start, dtype=dtype).reshape(self.nvec.shape)
        super().__init__(self.nvec.shape, dtype, seed)

    def sample(self, mask: Any = None) -> np.ndarray:
        return (self.start + np.floor(self.np_random.random(self.shape) * self.nvec)).astype(self.dtype)

    def __repr__(self) -> str:
        return f"MultiDiscrete({self.nvec})" if not np.any(self.start) else f"MultiDiscrete({self.nvec}, start={self.start})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, MultiDiscrete) and self.dtype == other.dtype and np.array_equal(self.nvec, other.nvec) and np.array_equal(self.start, other.start)


class MultiBinary(Space):
    def __init__(self, n: Any, seed: Optional[int] = None) -> None:
        self.n = n
        super().__init__((int(n),) if np.ndim(n) == 0 else tuple(n), np.int8, seed)

    def sample(self, mask: Any = None) -> np.ndarray:
        return self.np_random.integers(0, 2, size=self.shape, dtype=np.int8)

    def __repr__(self) -> str:
        return f"MultiBinary({self.n})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, MultiBinary) and self.shape == other.shape


class Tuple(Space):
    def __init__(self, spaces: Sequence[Any], seed: Optional[int] = None) -> None:
        self.spaces = tuple(spaces)
        super().__init__(None, None, seed)

    def seed(self, seed: Optional[int] = None) -> list:
        seeds = super().seed(seed)
        for s in self.spaces:
            seeds += s.seed(int(self._np_random.integers(2**31)))  # type: ignore[union-attr]
        return seeds

    def sample(self, mask: Any = None) -> tuple:
        return tuple(s.sample() for s in self.spaces)

    def __getitem__(self, i: int) -> Any:
        return self.spaces[i]

    def __len__(self) -> int:
        return len(self.spaces)

    def __repr__(self) -> str:
        return f"Tuple({', '.join(repr(s) for s in self.spaces)})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Tuple) and self.spaces == other.spaces


class Dict(Space):
    def __init__(self, spaces: Any, seed: Optional[int] = None) -> None:
        self.spaces = dict(spaces)
        super().__init__(None, None, seed)

    def seed(self, seed: Optional[int] = None) -> list:
        seeds = super().seed(seed)
        for s in self.spaces.values():
            seeds += s.seed(int(self._np_random.integers(2**31)))  # type: ignore[union-attr]
        return seeds

    def sample(self, mask: Any = None) -> dict:
        return {k: s.sample() for k, s in self.spaces.items()}

    def __getitem__(self, key: str) -> Any:
        return self.spaces[key]

    def keys(self):
        return self.spaces.keys()

    def __repr__(self) -> str:
        return "Dict(" + ", ".join(f"{k!r}: {s!r}" for k, s in self.spaces.items()) + ")"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Dict) and list(self.spaces.items()) == list(other.spaces.items())


def _kinds(name: str) -> tuple:
    ours = globals()[name]
    return (ours, getattr(_gspaces, name)) if _gspaces is not None else (ours,)


DISCRETE = _kinds("Discrete")
BOX = _kinds("Box")
MULTI_DISCRETE = _kinds("MultiDiscrete")
MULTI_BINARY = _kinds("MultiBinary")
TUPLE = _kinds("Tuple")
DICT = _kinds("Dict")
ARRAY = BOX + MULTI_DISCRETE + MULTI_BINARY

# What envs hand out: gymnasium's classes when installed, else ours.
make_discrete = _gspaces.Discrete if _gspaces is not None else Discrete
make_box = _gspaces.Box if _gspaces is not None else Box
make_multi_discrete = _gspaces.MultiDiscrete if _gspaces is not None else MultiDiscrete
make_multi_binary = _gspaces.MultiBinary if _gspaces is not None else MultiBinary
make_tuple = _gspaces.Tuple if _gspaces is not None else Tuple
make_dict = _gspaces.Dict if _gspaces is not None else Dict


def batch_space(space: Any, n: int) -> Any:
    """The space of ``n`` stacked values of ``space``, as Gymnasium's ``batch_space`` makes it."""
    if _gym_batch_space is not None and isinstance(space, _gspaces.Space):
        return _gym_batch_space(space, n)
    if isinstance(space, Discrete):
        return MultiDiscrete(np.full((n,), space.n, dtype=np.int64), start=np.full((n,), space.start, dtype=np.int64))
    if isinstance(space, Box):
        return Box(np.stack([space.low] * n), np.stack([space.high] * n), (n, *space.shape), space.dtype)
    if isinstance(space, MultiDiscrete):
        return MultiDiscrete(np.stack([space.nvec] * n), space.dtype, start=np.stack([space.start] * n))
    if isinstance(space, MultiBinary):
        return MultiBinary((n, *space.shape))
    if isinstance(space, Tuple):
        return Tuple([batch_space(s, n) for s in space.spaces])
    if isinstance(space, Dict):
        return Dict({k: batch_space(s, n) for k, s in space.spaces.items()})
    raise TypeError(f"cannot batch {space!r}")
