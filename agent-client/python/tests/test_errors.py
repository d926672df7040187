"""Bad input gets a StadiumError carrying the gRPC code and a message that says what was wrong and what is allowed
(the TypeScript client's messages), and never costs the session; the Session stream is the default transport."""

import os
import signal
import unittest

import grpc
import numpy as np

import stadium
from stadium.rpc import pb
from stadium.transport import Connection, StreamTransport, UnaryTransport
from support import env_or_skip, free_port, need_server

INVALID = grpc.StatusCode.INVALID_ARGUMENT


class Errors(unittest.TestCase):
    def setUp(self):
        self.server = need_server(self)
        self.client = stadium.Stadium(self.server)
        self.addCleanup(self.client.close)

    def assertCode(self, code, pattern, fn, *args, **kw):
        with self.assertRaises(stadium.StadiumError) as e:
            fn(*args, **kw)
        self.assertEqual(e.exception.code, code, e.exception.message)
        self.assertRegex(e.exception.message, pattern)
        return e.exception

    def test_server_not_there(self):
        address = f"127.0.0.1:{free_port()}"
        err = self.assertCode(grpc.StatusCode.UNAVAILABLE, rf"^server {address} is unavailable: could not connect within 300 ms$", stadium.make, "CartPole-v1", address, connect_timeout=0.3)
        self.assertIn("UNAVAILABLE", str(err))
        with stadium.Stadium(address, connect_timeout=0.3) as c:
            self.assertCode(grpc.StatusCode.UNAVAILABLE, "could not connect", c.list_envs)

    def test_unknown_env_id(self):
        self.assertCode(grpc.StatusCode.NOT_FOUND, r"CartPol-v1.*CartPole-v1", self.client.make, "CartPol-v1")

    def test_action_outside_the_space(self):
        env = self.client.make("CartPole-v1")
        self.addCleanup(env.close)
        env.reset(seed=0)
        self.assertCode(INVALID, r"^bad action for CartPole-v1: expected an integer in \[0, 1\] for Discrete\(2\), got 5$", env.step, 5)
        self.assertCode(INVALID, r"^bad action for CartPole-v1: expected an integer in Discrete\(2\), got 0.5$", env.step, 0.5)
        self.assertEqual(len(env.step(1)), 5, "the session goes on")
        platform = self.client.make("Platform-v0")
        self.addCleanup(platform.close)
        platform.reset(seed=0)
        good = (0, (np.float32([20]), np.float32([0]), np.float32([0])))
        bad = (1, (np.float32([0]), np.float32([800]), np.float32([0])))
        self.assertCode(INVALID, r"^bad action for Platform-v0: item 1: item 1: element 0 is 800.0, outside \[0.0, 720.0\]", platform.step, bad)
        self.assertCode(INVALID, r"expected float32 values .* got float64", platform.step, (0, (np.float64([1]), np.float32([0]), np.float32([0]))))
        self.assertEqual(len(platform.step(good)), 5)

    def test_server_checks_too(self):
        """An action the client did not check (sent raw) is refused by the server with INVALID_ARGUMENT."""
        conn = Connection(self.server)
        self.addCleanup(conn.close)
        t = StreamTransport(conn)
        self.addCleanup(t.end)
        made = t.request("make", pb.MakeRequest(env_id="CartPole-v1"))
        t.request("reset", pb.ResetRequest(session_id=made.session_id))
        action = pb.Value(tensor=pb.Tensor(dtype=pb.INT64, data=(7).to_bytes(8, "little")))
        with self.assertRaises(stadium.StadiumError) as e:
            t.request("step", pb.StepRequest(session_id=made.session_id, action=action))
        self.assertEqual(e.exception.code, INVALID)
        self.assertIn("Discrete(2)", e.exception.message)

    def test_step_before_reset_and_bad_seeds(self):
        env = self.client.make("CartPole-v1")
        self.addCleanup(env.close)
        self.assertCode(grpc.StatusCode.FAILED_PRECONDITION, r"reset", env.step, 0)
        with self.assertRaisesRegex(ValueError, r"seed must be an integer in \[0, 2\*\*64\)"):
            env.reset(seed=-1)
        with self.assertRaisesRegex(ValueError, r"reset options must be JSON-like"):
            env.reset(options={"low": object()})
        env.reset(seed=0)

    def test_bad_env_options(self):
        self.assertCode(INVALID, r"is_slippery", self.client.make, "FrozenLake-v1", is_slippery="yes")

    def test_closed_env(self):
        env = self.client.make("CartPole-v1")
        env.close()
        self.assertCode(grpc.StatusCode.CANCELLED, r"the env was closed", env.reset)

    def test_deadlines(self):
        with stadium.Stadium(self.server, timeout=1e-6) as fast:
            self.assertCode(grpc.StatusCode.DEADLINE_EXCEEDED, r"^make got no answer from .* within 0.001 ms; the session stream was cancelled$", fast.make, "CartPole-v1")


class Transports(unittest.TestCase):
    def setUp(self):
        self.server = need_server(self)
        self.client = stadium.Stadium(self.server)
        self.addCleanup(self.client.close)

    def test_stream_is_the_default_and_its_sessions_end_with_it(self):
        env = self.client.make("CartPole-v1")
        self.assertIsInstance(env._transport, StreamTransport)
        env.reset(seed=0)
        session = env.session_id
        env._transport.end()  # the stream ends without a Close: the server frees the session (documented)
        conn = Connection(self.server)
        self.addCleanup(conn.close)
        for _ in range(50):
            try:
                conn.unary("Reset", pb.ResetRequest(session_id=session))
            except stadium.StadiumError as e:
                self.assertEqual(e.code, grpc.StatusCode.NOT_FOUND)
                break
            import time

            time.sleep(0.05)
        else:
            self.fail("the session outlived its stream")

    def test_a_program_that_never_closes_its_envs_exits(self):
        import subprocess
        import sys

        script = "import stadium\nenv = stadium.make('CartPole-v1', %r)\nenv.reset(seed=0)\nvec = stadium.make_vec('CartPole-v1', 2, %r)\n" % (self.server, self.server)
        done = subprocess.run([sys.executable, "-c", script], timeout=60, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])

    def test_unary_transport(self):
        with self.client.make("CartPole-v1", transport="unary") as env:
            self.assertIsInstance(env._transport, UnaryTransport)
            a, _ = env.reset(seed=4)
            with self.client.make("CartPole-v1") as streamed:
                np.testing.assert_array_equal(a, streamed.reset(seed=4)[0])
                np.testing.assert_array_equal(env.step(1)[0], streamed.step(1)[0])
        with self.assertRaisesRegex(ValueError, r"transport must be 'stream' or 'unary'"):
            self.client.make("CartPole-v1", transport="carrier-pigeon")

    def test_report_metrics(self):
        with self.client.make("CartPole-v1") as env:
            env.reset(seed=0)
            env.report({"loss": 0.5, "epsilon": 1})
            env.report({"loss": float("nan")}, step=10)
            with self.assertRaises(stadium.StadiumError) as e:
                env.report({"loss": "low"})
            self.assertEqual(e.exception.code, INVALID)
            self.assertIn("metric 'loss' must be a number", e.exception.message)


if __name__ == "__main__":
    unittest.main()


class LostServer(unittest.TestCase):
    def test_a_server_that_dies_mid_session(self):
        server = env_or_skip(self, "STADIUM_TEST_DOOMED_SERVER")
        pid = int(env_or_skip(self, "STADIUM_TEST_DOOMED_PID"))
        envs = [stadium.make("CartPole-v1", server, transport=t, connect_timeout=1.0) for t in ("stream", "unary")]
        for env in envs:
            env.reset(seed=0)
        os.kill(pid, signal.SIGKILL)
        for env in envs:
            with self.subTest(type(env._transport).__name__):
                with self.assertRaises(stadium.StadiumError) as e:
                    env.step(0)
                self.assertEqual(e.exception.code, grpc.StatusCode.UNAVAILABLE, e.exception.message)
                self.assertIn(f"server doomed ({server}) is unavailable", e.exception.message, "it names the server that held the session")
                env.close()  # nothing is left to close, and that is no error
