"""The protocol's messages and methods, from the code protoc generated out of proto/stadium/v1/stadium.proto when
the package was built. Methods are read from the service descriptor, so nothing here repeats the proto."""

from __future__ import annotations

try:
    from .v1 import stadium_pb2 as pb
except ImportError as e:  # pragma: no cover - only in a source tree that was never built
    raise ImportError(
        "stadium's generated protocol module is missing: install the package (pip install --no-build-isolation "
        "./agent-client/python), which compiles proto/stadium/v1/stadium.proto with protoc"
    ) from e

SERVICE = pb.DESCRIPTOR.services_by_name["Environments"]


def method(name: str):
    """(path, request class, response class) of an RPC of the Environments service."""
    m = SERVICE.methods_by_name[name]
    return f"/{SERVICE.full_name}/{m.name}", getattr(pb, m.input_type.name), getattr(pb, m.output_type.name)
