"""The one error type of the client: a failed request with its gRPC status code and the server's explanation."""

from __future__ import annotations

import grpc

_BY_NUMBER = {code.value[0]: code for code in grpc.StatusCode}


class StadiumError(Exception):
    """A request that failed: ``code`` is the gRPC status (a ``grpc.StatusCode``), ``message`` says why."""

    def __init__(self, code: grpc.StatusCode | int, message: str) -> None:
        self.code = code if isinstance(code, grpc.StatusCode) else _BY_NUMBER.get(code, grpc.StatusCode.UNKNOWN)
        self.message = message
        super().__init__(f"{self.code.name}: {message}")


def from_rpc_error(e: grpc.RpcError, server: str) -> StadiumError:
    code = e.code() if hasattr(e, "code") else grpc.StatusCode.UNKNOWN
    details = (e.details() if hasattr(e, "details") else None) or str(e)
    if code == grpc.StatusCode.UNAVAILABLE:
        return StadiumError(code, f"server {server} is unavailable: {details}")
    return StadiumError(code, details)
