import io
import sys
import unittest
from _ut import neutral


class Tests(unittest.TestCase):
    def test_pass(self):
        print('output from test_pass')

    def test_fail(self):
        print('output from test_fail')
        self.assertEqual('spam', 'eggs')

    def test_other(self):
        pass


def main(argv, **kwargs):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=kwargs.pop('verbosity', 1),
                                     buffer=kwargs.pop('buffer', False),
                                     failfast=kwargs.pop('failfast', False))
    try:
        prog = unittest.main(module=__name__, argv=['prog'] + argv, testRunner=runner,
                             **kwargs)
        print('result:', prog.result, prog.result.wasSuccessful())
    except SystemExit as e:
        print('SystemExit', e.code)
    print(neutral(stream.getvalue()), end='')


main([], exit=False)
main(['-k', 'pass'], exit=False)
main(['-k', 'o*r'], exit=False)
main(['Tests.test_other'], exit=False)
main(['Tests.test_other', 'Tests.test_pass'], exit=True)
main([])
main(['Tests.test_fail'], buffer=True)
main(['Tests'], failfast=True, exit=False)
main(['-v', 'Tests.test_pass'], exit=False)
main(['Nope'], exit=False)


class Runner(unittest.TextTestRunner):
    def __init__(self, **kwargs):
        print('Runner kwargs', sorted(kwargs))
        super().__init__(stream=io.StringIO(), **kwargs)


p = unittest.main(module=__name__, argv=['prog', '-v', '-q', '-f', '-b', 'Tests.test_other'],
                  testRunner=Runner, exit=False)
print(p.verbosity, p.failfast, p.buffer, p.catchbreak, p.testNames, p.result.testsRun)
p = unittest.main(module=__name__, argv=['prog', 'Tests.test_other'], testRunner=Runner,
                  exit=False, verbosity=2, defaultTest='ignored')
print(p.verbosity, p.testNames)
p = unittest.main(module=__name__, argv=['prog'], testRunner=Runner, exit=False,
                  defaultTest=['Tests.test_pass', 'Tests.test_other'])
print(p.testNames, p.result.testsRun)
sys.stderr = sys.stdout
try:
    unittest.main(module=__name__, argv=['prog', '--bogus'], exit=False)
except SystemExit as e:
    print('SystemExit', e.code)
try:
    unittest.main(module=__name__, argv=['prog', '-h'], exit=False)
except SystemExit as e:
    print('SystemExit', e.code)
