"""How an env talks to its session. ``stream`` (the default) sends requests on one bidirectional Session stream,
answered in request order (a request may be sent before the previous answer arrives; the server frees the session
when the stream ends); ``unary`` makes one RPC per request, each with its own deadline.

Deadlines: every request has ``timeout`` seconds. On the stream a late answer holds up every later one, so a
request that misses its deadline cancels the stream and with it the session, as in the TypeScript client."""

from __future__ import annotations

import math
import queue
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import grpc

from .errors import StadiumError, from_rpc_error
from .rpc import method, pb

PemSource = Union[bytes, str, Path, None]


@dataclass(frozen=True)
class TLS:
    """TLS for a connection: PEM bytes or file paths. ``ca`` is the CA that signed the server's certificate (the
    system's roots when None); ``cert`` and ``key`` a client certificate for mutual TLS; ``server_name`` the name to
    check the server's certificate against when it is not the address dialled."""

    ca: PemSource = None
    cert: PemSource = None
    key: PemSource = None
    server_name: Optional[str] = None


def _pem(source: PemSource, what: str) -> Optional[bytes]:
    if source is None or isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as e:
        raise ValueError(f"cannot read the TLS {what} file {source}: {e.strerror}") from None


def open_channel(address: str, tls: Optional[TLS]) -> grpc.Channel:
    options = [("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1)]
    if tls is None:
        return grpc.insecure_channel(address, options=options)
    cert, key = _pem(tls.cert, "certificate"), _pem(tls.key, "key")
    if (cert is None) != (key is None):
        raise ValueError("a client certificate and its key go together: give both, or neither")
    if tls.server_name:
        options += [("grpc.ssl_target_name_override", tls.server_name), ("grpc.default_authority", tls.server_name)]
    creds = grpc.ssl_channel_credentials(root_certificates=_pem(tls.ca, "CA"), private_key=key, certificate_chain=cert)
    return grpc.secure_channel(address, creds, options=options)


class Connection:
    """A channel to a server with the caller's token and deadlines."""

    def __init__(self, address: str, *, tls: Optional[TLS] = None, token: Optional[str] = None, timeout: Optional[float] = 30.0, connect_timeout: float = 10.0) -> None:
        self.address = address
        self.timeout = timeout if timeout else None
        self.connect_timeout = connect_timeout
        self.metadata = (("authorization", f"Bearer {token}"),) if token is not None else ()
        self.channel = open_channel(address, tls)
        self._methods: dict = {}

    def ready(self) -> None:
        """Waits up to ``connect_timeout`` for the server, raising UNAVAILABLE naming it when it never answers. The
        wait is a health check (grpc.health.v1, which every Stadium server serves without a token) that waits for
        the channel: grpc's channel_ready_future leaves a poller behind that fails once the channel closes."""
        check = self.channel.unary_unary("/grpc.health.v1.Health/Check")
        try:
            check(b"", timeout=self.connect_timeout, wait_for_ready=True)
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
                ms = round(self.connect_timeout * 1000)
                raise StadiumError(grpc.StatusCode.UNAVAILABLE, f"server {self.address} is unavailable: could not connect within {ms} ms") from None
            if e.code() not in (grpc.StatusCode.UNIMPLEMENTED, grpc.StatusCode.NOT_FOUND):
                raise from_rpc_error(e, self.address) from None

    def _method(self, name: str) -> Any:
        call = self._methods.get(name)
        if call is None:
            path, req, res = method(name)
            call = self._methods[name] = self.channel.unary_unary(path, request_serializer=req.SerializeToString, response_deserializer=res.FromString)
        return call

    def unary(self, name: str, request: Any) -> Any:
        try:
            return self._method(name)(request, timeout=self.timeout, metadata=self.metadata)
        except grpc.RpcError as e:
            raise from_rpc_error(e, self.address) from None

    def unary_future(self, name: str, request: Any) -> grpc.Future:
        return self._method(name).future(request, timeout=self.timeout, metadata=self.metadata)

    def session_stream(self, requests) -> Any:
        path, req, res = method("Session")
        call = self.channel.stream_stream(path, request_serializer=req.SerializeToString, response_deserializer=res.FromString)
        return call(requests, metadata=self.metadata)

    def close(self) -> None:
        self.channel.close()


class UnaryTransport:
    """One RPC per request; ``send`` starts the call, ``receive`` waits for it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.server = conn.address
        self._pending: list = []

    def send(self, kind: str, request: Any) -> None:
        self._pending.append(self.conn.unary_future(_RPC[kind], request))

    def receive(self) -> Any:
        try:
            return self._pending.pop(0).result()
        except grpc.RpcError as e:
            raise from_rpc_error(e, self.server) from None

    def request(self, kind: str, request: Any) -> Any:
        try:
            return self.conn.unary(_RPC[kind], request)
        except StadiumError as e:
            if e.code == grpc.StatusCode.UNAVAILABLE:
                raise StadiumError(e.code, e.message.replace(self.conn.address, self.server, 1)) from None
            raise

    def identify(self, server: str) -> None:
        self.server = server

    def end(self) -> None:
        pass


_RPC = {"make": "Make", "reset": "Reset", "step": "Step", "render": "Render", "close": "Close", "report": "ReportMetrics"}
_END = object()


class StreamTransport:
    """Requests on one Session stream. ``send`` and ``receive`` split a request so that callers may pipeline.
    Answers are read in the caller's thread (no handoff on the hot path); a watchdog thread cancels the stream when
    the oldest request outlives its deadline, which makes the waiting read fail."""

    def __init__(self, conn: Connection) -> None:
        self.server = conn.address
        self.timeout = conn.timeout
        self._out: queue.Queue = queue.Queue()
        self._inflight: deque = deque()  # (kind, deadline) of each request sent and not yet answered, oldest first
        self._failure: Optional[StadiumError] = None
        self._expired: Optional[str] = None
        self._ended = threading.Event()
        self._call = conn.session_stream(iter(self._out.get, _END))
        if self.timeout is not None:
            threading.Thread(target=self._watch, name="stadium-session-deadline", daemon=True).start()

    def _watch(self) -> None:
        # Polls at a fraction of the deadline: at most 4 wake-ups a second, a late answer noticed within 1/8 of it.
        interval = min(max(self.timeout / 8, 0.0005), 0.25)  # type: ignore[operator]
        while not self._ended.wait(interval):
            try:
                kind, deadline = self._inflight[0]
            except IndexError:
                continue
            if time.monotonic() > deadline:
                self._expired = kind
                self._call.cancel()
                return

    def send(self, kind: str, request: Any) -> None:
        if self._failure is not None:
            raise self._failure
        self._inflight.append((kind, time.monotonic() + self.timeout if self.timeout is not None else math.inf))
        self._out.put(pb.SessionRequest(**{kind: request}))

    def receive(self) -> Any:
        if self._failure is not None:
            raise self._failure
        try:
            res = next(self._call)
        except StopIteration:
            raise self._fail(StadiumError(grpc.StatusCode.UNAVAILABLE, f"server {self.server} ended the session stream")) from None
        except grpc.RpcError as e:
            if self._expired is not None:
                raise self._fail(self._late(self._expired)) from None
            raise self._fail(from_rpc_error(e, self.server)) from None
        kind, deadline = self._inflight.popleft()
        # An answer that came after its deadline fails as if the watchdog had seen it first: which of the two wins
        # must not decide what the caller gets.
        if time.monotonic() > deadline:
            self._expired = kind
            self._call.cancel()
            raise self._fail(self._late(kind))
        which = res.WhichOneof("payload")
        if which == "error":
            raise StadiumError(res.error.code, res.error.message)
        return getattr(res, which)

    def request(self, kind: str, request: Any) -> Any:
        self.send(kind, request)
        return self.receive()

    def _late(self, kind: str) -> StadiumError:
        return StadiumError(grpc.StatusCode.DEADLINE_EXCEEDED, f"{kind} got no answer from {self.server} within {self.timeout * 1000:g} ms; the session stream was cancelled")  # type: ignore[operator]

    def _fail(self, e: StadiumError) -> StadiumError:
        if self._failure is None:
            self._failure = e
        self._ended.set()
        return self._failure

    def identify(self, server: str) -> None:
        self.server = server

    def end(self) -> None:
        """Ends the stream; the server then frees every session made on it."""
        if self._failure is None:
            self._failure = StadiumError(grpc.StatusCode.CANCELLED, "the env was closed")
        self._ended.set()
        self._out.put(_END)


def make_transport(conn: Connection, kind: str) -> Union[StreamTransport, UnaryTransport]:
    if kind == "stream":
        return StreamTransport(conn)
    if kind == "unary":
        return UnaryTransport(conn)
    raise ValueError(f"transport must be 'stream' or 'unary', got {kind!r}")
