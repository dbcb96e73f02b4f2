import sys
import unittest
from _ut import run


class Alpha(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        pass

    def test_c_long_name(self):
        pass

    def helper(self):
        pass

    test_not_callable = 5


class Beta(unittest.TestCase):
    def runTest(self):
        pass


class NotATest:
    def test_x(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Alpha))
s = loader.loadTestsFromTestCase(Alpha)
print(s.countTestCases(), [t.id() for t in s])
print(loader.loadTestsFromTestCase(Beta))
mod = sys.modules[__name__]
s = loader.loadTestsFromModule(mod)
print(s.countTestCases(), [[t.id() for t in sub] for sub in s])
print([t.id() for t in loader.loadTestsFromName('Alpha.test_a', mod)])
print([t.id() for t in loader.loadTestsFromName('Alpha', mod)])
print(loader.loadTestsFromNames(['Alpha.test_b', 'Beta'], mod).countTestCases())
bad = loader.loadTestsFromName('Alpha.nope', mod)
print(type(bad).__name__, [t.id() for t in bad], len(loader.errors))
print(loader.errors[-1].splitlines()[0])
r = run(bad)
try:
    loader.loadTestsFromTestCase(unittest.TestSuite)
except TypeError as e:
    print('TypeError', e)
loader.testMethodPrefix = 'test_c'
print(loader.getTestCaseNames(Alpha))
loader = unittest.TestLoader()
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Alpha))
loader.sortTestMethodsUsing = None
print(loader.getTestCaseNames(Alpha))
loader = unittest.TestLoader()
loader.testNamePatterns = ['*_a', '*long*']
print(loader.getTestCaseNames(Alpha))
suite = unittest.TestSuite()
suite.addTest(Alpha('test_a'))
suite.addTests([Alpha('test_b'), unittest.TestSuite([Beta()])])
print(suite.countTestCases(), repr(suite))
print(suite == unittest.TestSuite(list(suite)), suite != unittest.TestSuite())
for bad_arg in [Alpha, 5, 'tests']:
    try:
        if bad_arg == 'tests':
            suite.addTests(bad_arg)
        else:
            suite.addTest(bad_arg)
    except TypeError as e:
        print('TypeError', e)
r = unittest.TestResult()
suite.run(r)
print(r, suite.countTestCases(), list(suite))


def load_tests(loader, tests, pattern):
    print('load_tests called', tests.countTestCases(), pattern)
    return unittest.TestSuite([Alpha('test_a')])


print(unittest.TestLoader().loadTestsFromModule(mod).countTestCases())
print(unittest.defaultTestLoader.__class__.__name__)
