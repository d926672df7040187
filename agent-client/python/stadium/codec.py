"""Spaces and values between the wire and Python. Natives, as Gymnasium has them: Discrete -> int (batched: int64
array), Box / MultiDiscrete / MultiBinary -> array of the space's dtype (batched: a leading dimension), Tuple ->
tuple, Dict -> dict in the space's key order."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import spaces as S
from .rpc import pb
from .spaces import _bound
from .tensors import NUMPY_OF, Decoded, tensor_from_array


def space_from_proto(m: pb.Space) -> Any:
    kind = m.WhichOneof("kind")
    if kind == "discrete":
        return S.make_discrete(int(m.discrete.n), start=int(m.discrete.start))
    if kind == "box":
        shape = tuple(m.box.shape)
        dtype = NUMPY_OF[m.box.dtype].newbyteorder("=")
        return S.make_box(_bound(list(m.box.low), shape, dtype), _bound(list(m.box.high), shape, dtype), shape, dtype)
    if kind == "multi_discrete":
        dtype = NUMPY_OF[m.multi_discrete.dtype].newbyteorder("=")
        shape = tuple(m.multi_discrete.shape)
        nvec = np.asarray(m.multi_discrete.nvec, dtype=dtype).reshape(shape)
        start = np.asarray(m.multi_discrete.start or [0] * nvec.size, dtype=dtype).reshape(shape)
        return S.make_multi_discrete(nvec, dtype=dtype, start=start)
    if kind == "multi_binary":
        shape = list(m.multi_binary.shape)
        return S.make_multi_binary(shape[0] if len(shape) == 1 else shape)
    if kind == "tuple":
        return S.make_tuple([space_from_proto(s) for s in m.tuple.spaces])
    if kind == "dict":
        return S.make_dict({k: space_from_proto(s) for k, s in zip(m.dict.keys, m.dict.spaces)})
    raise ValueError("the server sent a space of no kind")


def _tensor_value(arr: Any, dtype: Any) -> pb.Value:
    return pb.Value(tensor=tensor_from_array(arr, dtype))


def encode(space: Any, x: Any) -> pb.Value:
    """A member of ``space`` (already checked) as a wire value."""
    if isinstance(space, S.DISCRETE):
        return _tensor_value(int(x), np.int64)
    if isinstance(space, S.ARRAY):
        return _tensor_value(x, space.dtype)
    if isinstance(space, S.TUPLE):
        return pb.Value(tuple=pb.ValueList(items=[encode(s, v) for s, v in zip(space.spaces, x)]))
    if isinstance(space, S.DICT):
        keys = list(space.spaces.keys())
        return pb.Value(dict=pb.ValueMap(keys=keys, values=[encode(space.spaces[k], x[k]) for k in keys]))
    raise TypeError(f"cannot encode a value of {space!r}")


def encode_batch(space: Any, x: Any, n: int) -> pb.Value:
    """``n`` stacked actions of ``space`` as one wire value; raises ValueError saying what was expected."""
    if isinstance(space, S.DISCRETE):
        arr = np.asarray(x)
        if arr.shape != (n,) or not (np.issubdtype(arr.dtype, np.integer) or arr.dtype == object):
            raise ValueError(f"expected {n} integers for {n} copies of {space}, got {_shape_of(arr)}")
        return _tensor_value(arr, np.int64)
    if isinstance(space, S.ARRAY):
        arr = np.asarray(x)
        if arr.shape != (n, *space.shape):
            raise ValueError(f"expected shape {(n, *space.shape)} ({n} copies of {space}), got {arr.shape}")
        return _tensor_value(arr, space.dtype)
    if isinstance(space, S.TUPLE):
        if not isinstance(x, (tuple, list)) or len(x) != len(space.spaces):
            raise ValueError(f"expected a tuple of {len(space.spaces)} batched items for {space}")
        return pb.Value(tuple=pb.ValueList(items=[encode_batch(s, v, n) for s, v in zip(space.spaces, x)]))
    if isinstance(space, S.DICT):
        keys = list(space.spaces.keys())
        missing = [k for k in keys if not isinstance(x, dict) or k not in x]
        if missing:
            raise ValueError(f"expected a dict of batched values with keys {', '.join(keys)} for {space}, missing {', '.join(missing)}")
        return pb.Value(dict=pb.ValueMap(keys=keys, values=[encode_batch(space.spaces[k], x[k], n) for k in keys]))
    raise TypeError(f"cannot encode a value of {space!r}")


def _shape_of(arr: np.ndarray) -> str:
    return f"an array of {arr.dtype} with shape {arr.shape}"


def decode(space: Any, v: Decoded) -> Any:
    """A received value as a member of ``space``; raises ValueError when the server sent another form."""
    if isinstance(space, S.DISCRETE):
        arr = _expect_array(space, v)
        if arr.shape != () or not np.issubdtype(arr.dtype, np.integer):
            raise ValueError(f"expected an integer scalar for {space}, got {_shape_of(arr)}")
        return int(arr)
    if isinstance(space, S.ARRAY):
        arr = _expect_array(space, v)
        if arr.dtype != space.dtype or arr.shape != space.shape:
            raise ValueError(f"expected {space.dtype} with shape {space.shape} for {space}, got {_shape_of(arr)}")
        return arr
    if isinstance(space, S.TUPLE):
        if not isinstance(v, tuple) or len(v) != len(space.spaces):
            raise ValueError(f"expected a tuple of {len(space.spaces)} items for {space}")
        return tuple(decode(s, x) for s, x in zip(space.spaces, v))
    if isinstance(space, S.DICT):
        return {k: decode(s, _item(space, v, k)) for k, s in space.spaces.items()}
    raise TypeError(f"cannot decode a value of {space!r}")


def decode_batch(space: Any, v: Decoded, n: int) -> Any:
    """A received batched value: Discrete as an int64 array, array spaces with a leading dimension of ``n``."""
    if isinstance(space, S.DISCRETE):
        arr = _expect_array(space, v)
        if arr.shape != (n,) or not np.issubdtype(arr.dtype, np.integer):
            raise ValueError(f"expected {n} integers for {n} copies of {space}, got {_shape_of(arr)}")
        return arr.astype(np.int64, copy=False)
    if isinstance(space, S.ARRAY):
        arr = _expect_array(space, v)
        if arr.dtype != space.dtype or arr.shape != (n, *space.shape):
            raise ValueError(f"expected {space.dtype} with shape {(n, *space.shape)} for {n} copies of {space}, got {_shape_of(arr)}")
        return arr
    if isinstance(space, S.TUPLE):
        if not isinstance(v, tuple) or len(v) != len(space.spaces):
            raise ValueError(f"expected a tuple of {len(space.spaces)} batched items for {space}")
        return tuple(decode_batch(s, x, n) for s, x in zip(space.spaces, v))
    if isinstance(space, S.DICT):
        return {k: decode_batch(s, _item(space, v, k), n) for k, s in space.spaces.items()}
    raise TypeError(f"cannot decode a value of {space!r}")


def _expect_array(space: Any, v: Decoded) -> np.ndarray:
    if not isinstance(v, np.ndarray):
        raise ValueError(f"expected a tensor for {space}, got a {type(v).__name__}")
    return v


def _item(space: Any, v: Decoded, key: str) -> Decoded:
    if not isinstance(v, dict) or key not in v:
        raise ValueError(f"expected a dict with key '{key}' for {space}")
    return v[key]
