import unittest
from _ut import run


class Mixed(unittest.TestCase):
    def test_a_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_b_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_c_error(self):
        {}['missing']

    @unittest.skip('not today')
    def test_d_skip(self):
        pass

    @unittest.expectedFailure
    def test_e_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_f_xpass(self):
        pass

    def test_g_doc(self):
        """First line of the docstring.

        More text that is not shown."""
        self.assertIsNone(None)

    def test_h_msg(self):
        self.assertEqual(3, 4, 'custom message')


for v in (0, 1, 2):
    print('--- verbosity', v)
    r = run(Mixed, verbosity=v)
    print(r, r.wasSuccessful(), r.testsRun, len(r.failures), len(r.errors),
          len(r.skipped), len(r.expectedFailures), len(r.unexpectedSuccesses))

print('--- descriptions off')
run(Mixed('test_g_doc'), verbosity=2, descriptions=False)


class AllGood(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        pass


print('--- all good')
r = run(AllGood)
print(r.wasSuccessful())
print('--- single test')
run(AllGood('test_one'))
print('--- empty')
run()
print('--- failfast')
run(Mixed, failfast=True, verbosity=2)


class Longer(unittest.TestCase):
    longMessage = False

    def test_short_msg(self):
        self.assertEqual(1, 2, 'only this')

    def test_no_msg(self):
        self.assertEqual(1, 2)


run(Longer)
print(repr(Mixed('test_a_ok')), str(Mixed('test_a_ok')), Mixed('test_a_ok').id())
print(Mixed('test_g_doc').shortDescription(), Mixed('test_a_ok').shortDescription())
print(Mixed('test_a_ok') == Mixed('test_a_ok'), Mixed('test_a_ok') != Mixed('test_b_fail'))
try:
    Mixed('nope')
except ValueError as e:
    print('ValueError', str(e).replace(__name__, 'MOD'))
