"""``num_envs`` copies of one environment in one session, with Gymnasium 1.x's VectorEnv API: batched arrays,
NEXT_STEP autoreset (a copy whose episode ended is reset by the next step, which returns its first observation
with reward 0 and ignores its action) and copy i seeded with seed + i. The server implements both semantics."""

from __future__ import annotations

from typing import Any, Optional

import grpc
import numpy as np

from . import spaces as S
from .codec import decode_batch, encode_batch
from .env import EnvSpec, SessionEnv, check_seed, decode_info, struct_of
from .errors import StadiumError
from .rpc import pb
from .tensors import decode_value

if S.HAVE_GYMNASIUM:  # pragma: no cover - depends on the machine
    import gymnasium.vector

    _VectorBase: Any = gymnasium.vector.VectorEnv
    try:
        from gymnasium.vector import AutoresetMode

        NEXT_STEP: Any = AutoresetMode.NEXT_STEP
    except ImportError:
        NEXT_STEP = "NextStep"
else:
    _VectorBase = object
    NEXT_STEP = "NextStep"


def merge_infos(infos: list, n: int) -> dict:
    """Per-copy infos as Gymnasium's vector info: for each key an array over copies and a ``_key`` mask of the copies
    that have it."""
    out: dict = {}
    for i, info in enumerate(infos):
        for k, v in info.items():
            if k not in out:
                sample = np.asarray(v)
                dtype = sample.dtype if sample.dtype != object else object
                out[k] = np.zeros((n, *sample.shape), dtype=dtype)
                out["_" + k] = np.zeros(n, dtype=bool)
            out[k][i] = v
            out["_" + k][i] = True
    return out


class RemoteVectorEnv(SessionEnv, _VectorBase):
    def __init__(self, transport: Any, made: pb.MakeResponse, spec: EnvSpec, render_mode: Optional[str], owned: Any = None) -> None:
        SessionEnv.__init__(self, transport, made, spec, render_mode, owned)
        self.num_envs = made.num_envs
        self.single_observation_space = spec.observation_space
        self.single_action_space = spec.action_space
        self.observation_space = S.batch_space(spec.observation_space, self.num_envs)
        self.action_space = S.batch_space(spec.action_space, self.num_envs)
        self.metadata = {"autoreset_mode": NEXT_STEP, "render_modes": ["rgb_array"], "render_fps": spec.render_fps}
        self.closed = False
        self._stepping = False

    def reset(self, *, seed: Any = None, options: Optional[dict] = None) -> tuple:
        """Resets every copy: ``(observations, infos)``. Copy i is seeded with ``seed + i``; a list of seeds is
        accepted when it is exactly that."""
        if isinstance(seed, (list, tuple)):
            if len(seed) != self.num_envs or any(s != seed[0] + i for i, s in enumerate(seed)):
                raise ValueError(f"the server seeds copy i with seed + i: give one seed, or the list [s, s+1, ..., s+{self.num_envs - 1}]")
            seed = seed[0]
        check_seed(seed)
        req = pb.ResetRequest(session_id=self.session_id, options=struct_of(options, "reset options"))
        if seed is not None:
            req.seed = int(seed)
        res = self._transport.request("reset", req)
        return self._observations(res.observation, self.num_envs), self._infos(res.infos, self.num_envs)

    def step(self, actions: Any) -> tuple:
        """``(observations, rewards, terminations, truncations, infos)``, each batched over the copies."""
        self.step_async(actions)
        return self.step_wait()

    def step_async(self, actions: Any) -> None:
        """Sends the step without waiting; ``step_wait`` takes its answer (other work can happen in between)."""
        try:
            value = encode_batch(self.single_action_space, actions, self.num_envs)
        except (ValueError, TypeError) as e:
            raise StadiumError(grpc.StatusCode.INVALID_ARGUMENT, f"bad actions for {self.spec.id}: {e}") from None
        self._transport.send("step", pb.StepRequest(session_id=self.session_id, action=value))
        self._stepping = True

    def step_wait(self, **kwargs: Any) -> tuple:
        if not self._stepping:
            raise RuntimeError("step_wait without step_async")
        self._stepping = False
        res = self._transport.receive()
        n = len(res.reward)
        return (
            self._observations(res.observation, n),
            np.asarray(res.reward, dtype=np.float64),
            _bools(res.terminated, n),
            _bools(res.truncated, n),
            self._infos(res.infos, n),
        )

    def render(self) -> Optional[tuple]:
        """Every copy's current frame, uint8 [height, width, 3] each (with render_mode='rgb_array')."""
        if self._render_mode_missing():
            return None
        for i in range(self.num_envs):
            self._transport.send("render", pb.RenderRequest(session_id=self.session_id, index=i))
        from .tensors import array_from_tensor

        return tuple(array_from_tensor(self._transport.receive().frame) for _ in range(self.num_envs))

    def close(self, **kwargs: Any) -> None:
        SessionEnv.close(self)
        self.closed = True

    def _observations(self, v: pb.Value, n: int) -> Any:
        try:
            return decode_batch(self.single_observation_space, decode_value(v), n)
        except ValueError as e:
            raise StadiumError(grpc.StatusCode.INTERNAL, f"{self.server} sent observations outside {self.spec.id}'s space: {e}") from None

    def _infos(self, msgs: Any, n: int) -> dict:
        return merge_infos([decode_info(m) for m in msgs], n) if msgs else {}

    def __repr__(self) -> str:
        return f"<RemoteVectorEnv {self.spec.id} x{self.num_envs} session {self.session_id} on {self.server}>"


def _bools(values: Any, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[: len(values)] = values
    return out
