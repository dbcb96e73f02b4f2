# Runs the inventory package's own unittest suite, verbosely, with the
# timing line made constant.
import io
import re
import sys
import unittest

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
program = unittest.main(module='inventory.tests', argv=['run_tests'], testRunner=runner,
                        exit=False)
report = re.sub(r'(Ran \d+ tests?) in \d+\.\d{3}s', r'\1 in 0.000s', stream.getvalue())
print(report, end='')
result = program.result
print('run=%d failures=%d errors=%d skipped=%d expected=%d unexpected=%d' % (
    result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
    len(result.expectedFailures), len(result.unexpectedSuccesses)))

# The same suite through the quiet runner, and a selection by pattern.
stream = io.StringIO()
program = unittest.main(module='inventory.tests', argv=['run_tests', '-k', 'Parse'],
                        testRunner=unittest.TextTestRunner(stream=stream), exit=False)
print(re.sub(r'in \d+\.\d{3}s', 'in 0.000s', stream.getvalue()), end='')
sys.exit(not result.wasSuccessful())
