# Helpers for the unittest tests: run tests on a captured stream and print
# the report with the timing neutralised.
import io
import re
import unittest


def neutral(text):
    return re.sub(r'(Ran \d+ tests?) in \d+\.\d{3}s', r'\1 in 0.000s', text)


def run(*tests, verbosity=1, **kwargs):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kwargs)
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for t in tests:
        if isinstance(t, type):
            suite.addTests(loader.loadTestsFromTestCase(t))
        else:
            suite.addTest(t)
    result = runner.run(suite)
    print(neutral(stream.getvalue()), end='')
    return result
