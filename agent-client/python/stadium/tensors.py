"""Typed tensors on the wire (raw little-endian bytes with a dtype and a shape) as numpy arrays, and the nested
Value messages (tensor, tuple, dict) as plain Python structures of arrays."""

from __future__ import annotations

from typing import Any, Union

import numpy as np

from .rpc import pb

# Wire dtype -> numpy dtype (little-endian, as the protocol says).
NUMPY_OF = {
    pb.UINT8: np.dtype("u1"),
    pb.INT8: np.dtype("i1"),
    pb.UINT16: np.dtype("<u2"),
    pb.INT16: np.dtype("<i2"),
    pb.UINT32: np.dtype("<u4"),
    pb.INT32: np.dtype("<i4"),
    pb.INT64: np.dtype("<i8"),
    pb.FLOAT32: np.dtype("<f4"),
    pb.FLOAT64: np.dtype("<f8"),
    pb.BOOL: np.dtype("?"),
}
WIRE_OF = {d.newbyteorder("="): w for w, d in NUMPY_OF.items()}
WIRE_OF.update({d: w for w, d in NUMPY_OF.items()})

# A decoded Value: an array, or a tuple / dict of decoded values.
Decoded = Union[np.ndarray, tuple, dict]


def wire_dtype(dtype: Any) -> int:
    d = np.dtype(dtype)
    try:
        return WIRE_OF[d]
    except KeyError:
        allowed = ", ".join(str(x) for x in NUMPY_OF.values())
        raise TypeError(f"dtype {d} has no wire form; allowed: {allowed}") from None


def array_from_tensor(t: pb.Tensor) -> np.ndarray:
    """A read-only array that views the received bytes (numpy needs no copy for any wire dtype)."""
    dtype = NUMPY_OF.get(t.dtype)
    if dtype is None:
        raise ValueError(f"the server sent a tensor of unknown dtype {t.dtype}")
    shape = tuple(t.shape)
    arr = np.frombuffer(t.data, dtype=dtype)
    if arr.size != int(np.prod(shape, dtype=np.int64)):
        raise ValueError(f"the server sent {arr.size} elements for a tensor of shape {list(shape)}")
    return arr.reshape(shape)


def tensor_from_array(x: Any, dtype: Any) -> pb.Tensor:
    arr = np.asarray(x, dtype=np.dtype(dtype).newbyteorder("<"))
    return pb.Tensor(dtype=wire_dtype(dtype), shape=arr.shape, data=arr.tobytes())


def decode_value(v: pb.Value) -> Decoded:
    kind = v.WhichOneof("kind")
    if kind == "tensor":
        return array_from_tensor(v.tensor)
    if kind == "tuple":
        return tuple(decode_value(i) for i in v.tuple.items)
    if kind == "dict":
        return decode_map(v.dict)
    raise ValueError("the server sent an empty value")


def decode_map(m: pb.ValueMap) -> dict:
    return {k: decode_value(v) for k, v in zip(m.keys, m.values)}
