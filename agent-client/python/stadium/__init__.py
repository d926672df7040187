"""Stadium from Python: environments on a Stadium server (gRPC, protocol stadium.v1) with Gymnasium 1.x's API.

    import stadium
    env = stadium.make("CartPole-v1", server="127.0.0.1:50051")
    obs, info = env.reset(seed=42)
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
"""

from .client import DEFAULT_SERVER, Stadium, make, make_vec
from .env import EnvOption, EnvSpec, RemoteEnv
from .errors import StadiumError
from .spaces import HAVE_GYMNASIUM
from .transport import TLS
from .vector import RemoteVectorEnv

__all__ = ["DEFAULT_SERVER", "EnvOption", "EnvSpec", "HAVE_GYMNASIUM", "RemoteEnv", "RemoteVectorEnv", "Stadium", "StadiumError", "TLS", "make", "make_vec"]
