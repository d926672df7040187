"""Runs the suite (``python tests/run.py [RESULTS.json]``) and writes one record per test, with its outcome and,
for failures, the traceback, for test/python/client.test.ts to turn into assertions. Exits 1 when a test failed."""

import json
import sys
import unittest
from pathlib import Path


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.records.append({"test": test.id(), "outcome": "ok"})

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.records.append({"test": test.id(), "outcome": "fail", "detail": self._exc_info_to_string(err, test)})

    def addError(self, test, err):
        super().addError(test, err)
        self.records.append({"test": test.id(), "outcome": "error", "detail": self._exc_info_to_string(err, test)})

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.records.append({"test": subtest.id(), "outcome": "fail", "detail": self._exc_info_to_string(err, test)})

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.records.append({"test": test.id(), "outcome": "skip", "reason": reason})


def main() -> int:
    here = Path(__file__).resolve().parent
    suite = unittest.defaultTestLoader.discover(str(here), top_level_dir=str(here))
    result = unittest.TextTestRunner(resultclass=Recorder, verbosity=2).run(suite)
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(result.records))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
