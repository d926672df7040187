"""Connecting to a server and making envs: ``stadium.make`` / ``stadium.make_vec`` for one-liners, ``Stadium`` to
make many envs over one connection."""

from __future__ import annotations

from typing import Any, Optional

from .env import RemoteEnv, spec_from_proto, struct_of
from .rpc import pb
from .transport import TLS, Connection, make_transport
from .vector import RemoteVectorEnv

DEFAULT_SERVER = "127.0.0.1:50051"


class Stadium:
    """A connection to a Stadium server.

    ``tls``: a :class:`TLS` (CA, client certificate and key, server name) for a server that serves TLS.
    ``token``: sent as ``authorization: Bearer <token>`` with every request.
    ``timeout``: seconds each request may take (None: no deadline). ``connect_timeout``: seconds ``make`` and
    ``list_envs`` wait for the server before failing with UNAVAILABLE."""

    def __init__(self, server: str = DEFAULT_SERVER, *, tls: Optional[TLS] = None, token: Optional[str] = None, timeout: Optional[float] = 30.0, connect_timeout: float = 10.0) -> None:
        self._conn = Connection(server, tls=tls, token=token, timeout=timeout, connect_timeout=connect_timeout)
        self._args = dict(server=server, tls=tls, token=token, timeout=timeout, connect_timeout=connect_timeout)
        self.address = server

    def list_envs(self) -> list:
        """Every env id the server has, with its spaces and options."""
        self._conn.ready()
        return [spec_from_proto(s) for s in self._conn.unary("ListEnvs", pb.ListEnvsRequest()).envs]

    def make(self, env_id: str, *, max_episode_steps: Optional[int] = None, render_mode: Optional[str] = None, transport: str = "stream", **kwargs: Any) -> RemoteEnv:
        """One environment (Gymnasium's ``gym.make``); ``kwargs`` are the id's options (see its spec's ``options``)."""
        return self._make(RemoteEnv, env_id, 1, max_episode_steps, render_mode, transport, kwargs)

    def make_vec(self, env_id: str, num_envs: int, *, max_episode_steps: Optional[int] = None, render_mode: Optional[str] = None, transport: str = "stream", **kwargs: Any) -> RemoteVectorEnv:
        """``num_envs`` copies stepped together in one session (Gymnasium's ``gym.make_vec``)."""
        _check_num_envs(num_envs)
        return self._make(RemoteVectorEnv, env_id, num_envs, max_episode_steps, render_mode, transport, kwargs)

    def close(self) -> None:
        """Closes the connection; the server frees sessions still open on its streams."""
        self._conn.close()

    def __enter__(self) -> "Stadium":
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def _make(self, cls: Any, env_id: str, num_envs: int, max_episode_steps: Optional[int], render_mode: Optional[str], transport: str, kwargs: dict, owned: bool = False) -> Any:
        """``owned``: the env owns this connection (closes it when it closes)."""
        try:
            self._conn.ready()
        except BaseException:
            if owned:
                self.close()
            raise
        t = make_transport(self._conn, transport)
        req = pb.MakeRequest(env_id=env_id, kwargs=struct_of(kwargs, "env options"), num_envs=num_envs, max_episode_steps=max_episode_steps or 0, render_mode=render_mode or "")
        try:
            made = t.request("make", req)
        except BaseException:
            t.end()
            if owned:
                self.close()
            raise

        def remake(**overrides: Any) -> Any:
            client = Stadium(**self._args) if owned else self
            o = {"max_episode_steps": max_episode_steps, "render_mode": render_mode, "transport": transport, **kwargs, **overrides}
            return client._make(cls, env_id, num_envs, o.pop("max_episode_steps"), o.pop("render_mode"), o.pop("transport"), o, owned)

        spec = spec_from_proto(made.spec, kwargs, remake)
        return cls(t, made, spec, render_mode, self if owned else None)


def make(env_id: str, server: str = DEFAULT_SERVER, *, tls: Optional[TLS] = None, token: Optional[str] = None, timeout: Optional[float] = 30.0, connect_timeout: float = 10.0, max_episode_steps: Optional[int] = None, render_mode: Optional[str] = None, transport: str = "stream", **kwargs: Any) -> RemoteEnv:
    """Makes one environment on ``server`` over a connection of its own, closed with the env (Gymnasium's
    ``gym.make``); ``kwargs`` are the id's options. See :class:`Stadium` for the connection's arguments."""
    client = Stadium(server, tls=tls, token=token, timeout=timeout, connect_timeout=connect_timeout)
    return client._make(RemoteEnv, env_id, 1, max_episode_steps, render_mode, transport, kwargs, owned=True)


def make_vec(env_id: str, num_envs: int, server: str = DEFAULT_SERVER, *, tls: Optional[TLS] = None, token: Optional[str] = None, timeout: Optional[float] = 30.0, connect_timeout: float = 10.0, max_episode_steps: Optional[int] = None, render_mode: Optional[str] = None, transport: str = "stream", **kwargs: Any) -> RemoteVectorEnv:
    """Makes ``num_envs`` copies on ``server`` over a connection of their own; see :func:`make`."""
    _check_num_envs(num_envs)
    client = Stadium(server, tls=tls, token=token, timeout=timeout, connect_timeout=connect_timeout)
    return client._make(RemoteVectorEnv, env_id, num_envs, max_episode_steps, render_mode, transport, kwargs, owned=True)


def _check_num_envs(num_envs: Any) -> None:
    if isinstance(num_envs, bool) or not isinstance(num_envs, int) or num_envs < 1:
        raise ValueError(f"num_envs must be a positive integer, got {num_envs!r}")
