# unittest.main() exits with status 1 when a test fails.
import io
import sys
import unittest
from _ut import neutral


class Failing(unittest.TestCase):
    def test_ok(self):
        pass

    def test_bad(self):
        self.assertGreater(1, 2)


class Report(io.StringIO):
    def close(self):
        pass


stream = Report()
try:
    unittest.main(testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
finally:
    sys.stderr.write(neutral(stream.getvalue()))
