import unittest
from _ut import run


class Sub(unittest.TestCase):
    def test_even(self):
        for i in range(6):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_nested(self):
        with self.subTest('outer', a=1):
            with self.subTest(b=2):
                self.assertTrue(False)
            with self.subTest('msg only'):
                raise ValueError('in subtest')
        with self.subTest():
            self.fail('anonymous')

    def test_all_pass(self):
        for c in 'abc':
            with self.subTest(c=c):
                self.assertIn(c, 'abc')

    @unittest.expectedFailure
    def test_expected(self):
        with self.subTest(x=1):
            self.fail('expected')
        print('not reached')

    def test_skip_in_sub(self):
        with self.subTest(s=1):
            self.skipTest('skipped sub')
        print('continues after skipped subtest')


run(Sub, verbosity=2)
run(Sub, verbosity=1)
r = run(Sub('test_even'), failfast=True, verbosity=2)
print(len(r.failures))
t = Sub('test_even')
r = unittest.TestResult()
t.run(r)
print(r, [str(f[0]) for f in r.failures])
print([f[0].id() for f in r.failures])
print(r.failures[0][0].params, r.failures[0][0].test_case is t)
