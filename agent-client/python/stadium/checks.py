"""Why a value is not a member of a space (None when it is), with Gymnasium's membership rules, for our spaces and
gymnasium's alike; the client refuses an action with this message before sending it, as the TypeScript client does."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from .spaces import ARRAY, BOX, DICT, DISCRETE, MULTI_BINARY, MULTI_DISCRETE, TUPLE


def describe(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return f"an array of {x.dtype} with shape {x.shape}"
    if isinstance(x, (tuple, list)):
        return f"a {type(x).__name__} of {len(x)}"
    if isinstance(x, dict):
        return "a dict"
    text = repr(x)
    return text if len(text) <= 40 else text[:40] + "..."


def why_not(space: Any, x: Any) -> Optional[str]:
    if isinstance(space, DISCRETE):
        return _discrete(space, x)
    if isinstance(space, ARRAY):
        return _array(space, x)
    if isinstance(space, TUPLE):
        items = space.spaces
        if not isinstance(x, (tuple, list)):
            return f"expected a tuple of {len(items)} items for {space}, got {describe(x)}"
        if len(x) != len(items):
            return f"expected {len(items)} items for {space}, got {len(x)}"
        for i, (s, v) in enumerate(zip(items, x)):
            err = why_not(s, v)
            if err:
                return f"item {i}: {err}"
        return None
    if isinstance(space, DICT):
        keys = list(space.spaces.keys())
        if not isinstance(x, dict):
            return f"expected a dict with keys {', '.join(keys)} for {space}, got {describe(x)}"
        for k in keys:
            if k not in x:
                return f"missing key '{k}' for {space}"
            err = why_not(space.spaces[k], x[k])
            if err:
                return f"key '{k}': {err}"
        extra = [str(k) for k in x if k not in space.spaces]
        if extra:
            return f"unexpected keys {', '.join(extra)[:200]}; {space} has {', '.join(keys)}"
        return None
    return f"unsupported space {space!r}"


def _discrete(space: Any, x: Any) -> Optional[str]:
    if isinstance(x, np.ndarray) and x.shape == () and np.issubdtype(x.dtype, np.integer):
        x = x.item()
    if isinstance(x, bool) or not isinstance(x, (int, np.integer)):
        return f"expected an integer in {space}, got {describe(x)}"
    lo, hi = int(space.start), int(space.start) + int(space.n) - 1
    if not lo <= int(x) <= hi:
        return f"expected an integer in [{lo}, {hi}] for {space}, got {int(x)}"
    return None


def _array(space: Any, x: Any) -> Optional[str]:
    if isinstance(x, np.ndarray):
        if not np.can_cast(x.dtype, space.dtype):
            return f"expected {space.dtype} values for {space}, got {x.dtype}"
    else:
        try:
            x = np.asarray(x, dtype=space.dtype)
        except (TypeError, ValueError):
            return f"expected an array of {space.dtype} with shape {space.shape} for {space}, got {describe(x)}"
    if x.shape != space.shape:
        return f"expected shape {space.shape} for {space}, got {x.shape}"
    if isinstance(space, BOX):
        low, high = space.low, space.high
        bad = np.flatnonzero(~((x >= low) & (x <= high)))
        if bad.size:
            i = int(bad[0])
            v, lo, hi = x.flat[i], low.flat[i], high.flat[i]
            if np.isnan(v):
                return f"element {i} is NaN; {space} needs values in [{lo}, {hi}]"
            return f"element {i} is {v}, outside [{lo}, {hi}] of {space}"
    elif isinstance(space, MULTI_DISCRETE):
        bad = np.flatnonzero((x < space.start) | (x >= space.start + space.nvec))
        if bad.size:
            i = int(bad[0])
            lo = space.start.flat[i]
            return f"element {i} is {x.flat[i]}, outside [{lo}, {lo + space.nvec.flat[i] - 1}] of {space}"
    elif isinstance(space, MULTI_BINARY):
        bad = np.flatnonzero((x != 0) & (x != 1))
        if bad.size:
            i = int(bad[0])
            return f"element {i} is {x.flat[i]}; {space} allows only 0 and 1"
    return None
