import sys
import unittest
from _ut import run


@unittest.skip('class skipped')
class Skipped(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass


class Conditional(unittest.TestCase):
    @unittest.skipIf(True, 'skipIf true')
    def test_if_true(self):
        pass

    @unittest.skipIf(False, 'skipIf false')
    def test_if_false(self):
        pass

    @unittest.skipUnless(sys.version_info >= (3,), 'py3 only')
    def test_unless_true(self):
        pass

    @unittest.skipUnless(False, 'never')
    def test_unless_false(self):
        pass

    @unittest.skip
    def test_bare_skip(self):
        pass

    def test_skiptest_call(self):
        self.skipTest('from inside')

    def test_raise_skiptest(self):
        raise unittest.SkipTest('raised directly')

    def setUp(self):
        if self._testMethodName == 'test_setup_skip':
            self.skipTest('skipped in setUp')

    def test_setup_skip(self):
        pass


r = run(Skipped, Conditional, verbosity=2)
print(sorted((t.id().split('.')[-1], reason) for t, reason in r.skipped))
run(Skipped, Conditional)
print(Conditional.test_if_true.__unittest_skip__, Conditional.test_if_true.__unittest_skip_why__)
print(Skipped.__unittest_skip__, Skipped.__name__)
print(unittest.skipIf(False, 'x')(len) is len)
