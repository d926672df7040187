# Builds the `stadium` package. The protocol's message classes are generated from proto/stadium/v1/stadium.proto
# by protoc at build time (Debian: protobuf-compiler), so the proto stays the one description of the messages.
# Offline: pip install --no-build-isolation ./agent-client/python (setuptools comes from python3-setuptools).

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PROTO_ROOT = HERE.parent.parent / "proto"
PROTO = "stadium/v1/stadium.proto"


def generate(out: Path) -> None:
    protoc = shutil.which("protoc")
    if protoc is None:
        raise SystemExit("building stadium needs protoc to compile the protocol (Debian: apt-get install protobuf-compiler)")
    if not (PROTO_ROOT / PROTO).is_file():
        raise SystemExit(f"building stadium needs the protocol at {PROTO_ROOT / PROTO}: build from the Stadium repository")
    subprocess.run([protoc, f"-I{PROTO_ROOT}", f"--python_out={out}", PROTO], check=True)
    (out / "stadium" / "v1" / "__init__.py").touch()


class BuildPyWithProto(build_py):
    def run(self) -> None:
        # pip builds in the source tree: start from an empty build/lib/stadium so a module that was removed from
        # the source does not live on in the wheel.
        shutil.rmtree(Path(self.build_lib) / "stadium", ignore_errors=True)
        super().run()
        generate(Path(self.build_lib))


setup(cmdclass={"build_py": BuildPyWithProto})
