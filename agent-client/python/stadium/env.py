"""One remote environment with Gymnasium 1.x's Env API, and what an env id is (its spec)."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import grpc
import numpy as np

from . import spaces as S
from .checks import why_not
from .codec import decode, encode, space_from_proto
from .errors import StadiumError
from .rpc import pb
from .tensors import array_from_tensor, decode_map

if S.HAVE_GYMNASIUM:  # pragma: no cover - depends on the machine
    import gymnasium

    _EnvBase: Any = gymnasium.Env
else:
    _EnvBase = object


@dataclass(frozen=True)
class EnvSpec:
    """What an env id is, as the server describes it. ``make()`` makes another env like the one it came from."""

    id: str
    observation_space: Any
    action_space: Any
    max_episode_steps: Optional[int]
    reward_threshold: Optional[float]
    render_fps: float
    options: tuple = ()
    kwargs: dict = field(default_factory=dict)
    nondeterministic: bool = False
    _remake: Optional[Callable[..., Any]] = field(default=None, repr=False, compare=False)

    def make(self, **kwargs: Any) -> Any:
        """Another env like this one, on the same server; ``kwargs`` override its make() arguments (as Gymnasium's
        ``EnvSpec.make`` does)."""
        if self._remake is None:
            raise RuntimeError(f"this spec of {self.id} came from list_envs; make an env with stadium.make('{self.id}')")
        return self._remake(**kwargs)


@dataclass(frozen=True)
class EnvOption:
    name: str
    description: str
    default: Any


def spec_from_proto(m: pb.EnvSpec, kwargs: Optional[dict] = None, remake: Optional[Callable[..., Any]] = None) -> EnvSpec:
    from google.protobuf.json_format import MessageToDict

    options = tuple(EnvOption(o.name, o.description, MessageToDict(o.default) if o.HasField("default") else None) for o in m.options)
    return EnvSpec(
        id=m.id,
        observation_space=space_from_proto(m.observation_space),
        action_space=space_from_proto(m.action_space),
        max_episode_steps=m.max_episode_steps or None,
        reward_threshold=None if math.isnan(m.reward_threshold) else m.reward_threshold,
        render_fps=m.render_fps,
        options=options,
        kwargs=dict(kwargs or {}),
        _remake=remake,
    )


def decode_info(m: Optional[pb.ValueMap]) -> dict:
    """An info map: scalars as Python numbers and bools, arrays as arrays."""
    if m is None:
        return {}
    return {k: (v.item() if isinstance(v, np.ndarray) and v.shape == () else v) for k, v in decode_map(m).items()}


def check_seed(seed: Any) -> None:
    if seed is None:
        return
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) < 2**64:
        raise ValueError(f"seed must be an integer in [0, 2**64) or None, got {seed!r}")


def struct_of(options: Optional[dict], what: str) -> Any:
    from google.protobuf import struct_pb2

    s = struct_pb2.Struct()
    if options:
        try:
            s.update({k: (v.item() if isinstance(v, np.generic) else v) for k, v in options.items()})
        except (TypeError, ValueError) as e:
            raise ValueError(f"{what} must be JSON-like values (numbers, strings, bools, lists, dicts): {e}") from None
    return s


class SessionEnv:
    """What single and vector envs share: the session, its transport, render, report and close."""

    def __init__(self, transport: Any, made: pb.MakeResponse, spec: EnvSpec, render_mode: Optional[str], owned: Any = None) -> None:
        self._transport = transport
        self._owned = owned
        self._closed = False
        self.session_id = made.session_id
        self.server = f"{made.server_id} ({transport.server})" if made.server_id else transport.server
        transport.identify(self.server)
        self.spec = spec
        self.render_mode = render_mode
        self._np_random: Optional[np.random.Generator] = None

    @property
    def unwrapped(self) -> Any:
        return self

    @property
    def np_random(self) -> np.random.Generator:
        """The env's own generator, for agents' use (the environment itself draws on the server)."""
        if self._np_random is None:
            self._np_random = np.random.Generator(np.random.PCG64(np.random.SeedSequence()))
        return self._np_random

    @np_random.setter
    def np_random(self, value: np.random.Generator) -> None:
        self._np_random = value

    def _frame(self, index: int) -> np.ndarray:
        res = self._transport.request("render", pb.RenderRequest(session_id=self.session_id, index=index))
        return array_from_tensor(res.frame)

    def _render_mode_missing(self) -> bool:
        if self.render_mode is None:
            warnings.warn(f"render() of {self.spec.id} needs render_mode='rgb_array' at make; returning None", stacklevel=3)
            return True
        return False

    def report(self, metrics: dict, step: Optional[int] = None) -> None:
        """Reports training metrics (loss, epsilon...) for the live viewer's curves, at ``step`` (default: the
        session's environment step count)."""
        for name, v in metrics.items():
            if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
                raise StadiumError(grpc.StatusCode.INVALID_ARGUMENT, f"metric '{name}' must be a number, got {type(v).__name__}")
        if step is not None and (isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not 0 <= step < 2**53):
            raise StadiumError(grpc.StatusCode.INVALID_ARGUMENT, f"report step must be an integer in [0, 2^53), got {step!r}")
        req = pb.ReportRequest(session_id=self.session_id, metrics={k: float(v) for k, v in metrics.items()})
        if step is not None:
            req.step = int(step)
        self._transport.request("report", req)

    def close(self, **kwargs: Any) -> None:
        """Closes the session on the server; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            self._transport.request("close", pb.CloseRequest(session_id=self.session_id))
        except StadiumError as e:
            # A session whose stream already broke is gone on the server: nothing is left to close.
            if e.code not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise
        finally:
            self._transport.end()
            if self._owned is not None:
                self._owned.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def __del__(self) -> None:
        # A dropped env ends its stream, and the server then frees the session. Its channel is left to grpc: closing
        # a channel from a finaliser can block for good when the interpreter is exiting.
        try:
            if not self._closed:
                self._transport.end()
        except Exception:
            pass


class RemoteEnv(SessionEnv, _EnvBase):
    """An environment on a Stadium server, with Gymnasium 1.x's Env API."""

    def __init__(self, transport: Any, made: pb.MakeResponse, spec: EnvSpec, render_mode: Optional[str], owned: Any = None) -> None:
        SessionEnv.__init__(self, transport, made, spec, render_mode, owned)
        self.observation_space = spec.observation_space
        self.action_space = spec.action_space
        self.metadata = {"render_modes": ["rgb_array"], "render_fps": spec.render_fps}

    def reset(self, *, seed: Optional[int] = None, options: Optional[dict] = None) -> tuple:
        """Starts an episode: ``(observation, info)``. A seed makes the episode (and the ones after it) repeatable."""
        check_seed(seed)
        if seed is not None:
            self._np_random = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))
        req = pb.ResetRequest(session_id=self.session_id, options=struct_of(options, "reset options"))
        if seed is not None:
            req.seed = int(seed)
        res = self._transport.request("reset", req)
        return self._observation(res.observation), decode_info(res.infos[0] if res.infos else None)

    def step(self, action: Any) -> tuple:
        """``(observation, reward, terminated, truncated, info)``; an action outside the action space is refused
        with INVALID_ARGUMENT before it is sent."""
        err = why_not(self.action_space, action)
        if err:
            raise StadiumError(grpc.StatusCode.INVALID_ARGUMENT, f"bad action for {self.spec.id}: {err}")
        res = self._transport.request("step", pb.StepRequest(session_id=self.session_id, action=encode(self.action_space, action)))
        return (
            self._observation(res.observation),
            float(res.reward[0]),
            bool(res.terminated[0]) if res.terminated else False,
            bool(res.truncated[0]) if res.truncated else False,
            decode_info(res.infos[0] if res.infos else None),
        )

    def render(self) -> Optional[np.ndarray]:
        """The current frame, uint8 [height, width, 3] (with render_mode='rgb_array')."""
        return None if self._render_mode_missing() else self._frame(0)

    def _observation(self, v: pb.Value) -> Any:
        from .tensors import decode_value

        try:
            return decode(self.observation_space, decode_value(v))
        except ValueError as e:
            raise StadiumError(grpc.StatusCode.INTERNAL, f"{self.server} sent an observation outside {self.spec.id}'s space: {e}") from None

    def __repr__(self) -> str:
        return f"<RemoteEnv {self.spec.id} session {self.session_id} on {self.server}>"
