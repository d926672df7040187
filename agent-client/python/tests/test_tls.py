"""TLS and tokens against servers the harness started: one serving TLS that wants a token, one wanting client
certificates (mutual TLS); certificates made with openssl by the harness (test/net/certs.ts)."""

import os
import unittest

import grpc

import stadium
from stadium import TLS
from support import env_or_skip


class TokensOverTLS(unittest.TestCase):
    def setUp(self):
        self.server = env_or_skip(self, "STADIUM_TEST_TLS_SERVER")
        self.ca = os.environ["STADIUM_TEST_CA"]
        self.token = os.environ["STADIUM_TEST_TOKEN"]

    def failing(self, code, pattern, **kw):
        with self.assertRaises(stadium.StadiumError) as e:
            stadium.make("CartPole-v1", self.server, connect_timeout=1.0, **kw)
        self.assertEqual(e.exception.code, code, e.exception.message)
        self.assertRegex(e.exception.message, pattern)

    def test_the_right_token_over_tls(self):
        for transport in ["stream", "unary"]:
            with stadium.make("CartPole-v1", self.server, tls=TLS(ca=self.ca), token=self.token, transport=transport) as env:
                env.reset(seed=0)
                self.assertEqual(env.step(0)[1], 1.0, transport)
        with open(self.ca, "rb") as f:
            ca_bytes = f.read()
        with stadium.Stadium(self.server, tls=TLS(ca=ca_bytes), token=self.token) as client:
            self.assertIn("CartPole-v1", [s.id for s in client.list_envs()], "the CA can be given as bytes")

    def test_wrong_missing_token(self):
        for transport in ["stream", "unary"]:
            self.failing(grpc.StatusCode.UNAUTHENTICATED, r"not one this server accepts", tls=TLS(ca=self.ca), token=self.token + "x", transport=transport)
            self.failing(grpc.StatusCode.UNAUTHENTICATED, r"needs a token.*authorization: Bearer", tls=TLS(ca=self.ca), transport=transport)

    def test_plaintext_or_untrusted(self):
        self.failing(grpc.StatusCode.UNAVAILABLE, r"could not connect within 1000 ms", token=self.token)
        self.failing(grpc.StatusCode.UNAVAILABLE, r"could not connect", tls=TLS(), token=self.token)

    def test_client_tls_arguments(self):
        with self.assertRaisesRegex(ValueError, "a client certificate and its key go together"):
            stadium.Stadium(self.server, tls=TLS(ca=self.ca, cert=os.environ["STADIUM_TEST_CLIENT_CERT"]))
        with self.assertRaisesRegex(ValueError, "cannot read the TLS CA file /nonexistent/ca.pem"):
            stadium.Stadium(self.server, tls=TLS(ca="/nonexistent/ca.pem"))


class MutualTLS(unittest.TestCase):
    def setUp(self):
        self.server = env_or_skip(self, "STADIUM_TEST_MTLS_SERVER")
        self.ca = os.environ["STADIUM_TEST_CA"]
        self.cert = os.environ["STADIUM_TEST_CLIENT_CERT"]
        self.key = os.environ["STADIUM_TEST_CLIENT_KEY"]

    def test_a_client_certificate_from_the_ca(self):
        with stadium.make_vec("CartPole-v1", 2, self.server, tls=TLS(ca=self.ca, cert=self.cert, key=self.key)) as env:
            obs, _ = env.reset(seed=0)
            self.assertEqual(obs.shape, (2, 4))

    def test_without_or_with_a_strange_certificate(self):
        stranger = TLS(ca=self.ca, cert=os.environ["STADIUM_TEST_STRANGER_CERT"], key=os.environ["STADIUM_TEST_STRANGER_KEY"])
        for tls in [TLS(ca=self.ca), stranger]:
            with self.assertRaises(stadium.StadiumError) as e:
                stadium.make("CartPole-v1", self.server, tls=tls, connect_timeout=1.0)
            self.assertEqual(e.exception.code, grpc.StatusCode.UNAVAILABLE)
            self.assertIn(f"server {self.server} is unavailable", e.exception.message)

    def test_server_name_override(self):
        """The certificate names stadium.test and 127.0.0.1; dialling by IP while checking the name works."""
        tls = TLS(ca=self.ca, cert=self.cert, key=self.key, server_name="stadium.test")
        with stadium.make("CartPole-v1", self.server, tls=tls) as env:
            env.reset(seed=0)
        with self.assertRaises(stadium.StadiumError):
            stadium.make("CartPole-v1", self.server, tls=TLS(ca=self.ca, cert=self.cert, key=self.key, server_name="other.test"), connect_timeout=1.0)


if __name__ == "__main__":
    unittest.main()
