import unittest

tc = unittest.TestCase()


def check(name, *args, **kwargs):
    try:
        getattr(tc, name)(*args, **kwargs)
        print(name, 'passed')
    except AssertionError as e:
        print(name, 'FAILED:')
        print(e)


check('assertEqual', 1, 1)
check('assertEqual', 1, 2)
check('assertEqual', 'abc', 'abd')
check('assertEqual', 'x' * 100, 'x' * 99 + 'y')
check('assertEqual', 'a' * 50 + 'b' * 50, 'a' * 50 + 'c' * 50)
check('assertEqual', 'line1\nline2\nline3\n', 'line1\nlineX\nline3\n')
check('assertEqual', 'one line', 'one lime')
check('assertEqual', [1, 2, 3], [1, 2, 3, 4])
check('assertEqual', [1, 2, 3, 4], [1, 2])
check('assertEqual', (1, 'a'), (1, 'b'))
check('assertEqual', {'a': 1, 'b': [1, 2]}, {'a': 1, 'b': [1, 3], 'c': 0})
check('assertEqual', {1, 2, 3}, {2, 3, 4})
check('assertEqual', frozenset([1]), frozenset())
check('assertEqual', [1, 2], (1, 2))
check('assertEqual', list(range(100)), list(range(1, 101)))
check('assertEqual', {i: i for i in range(60)}, {i: i + (i == 30) for i in range(60)})
check('assertNotEqual', 1, 1)
check('assertNotEqual', 1, 2)
check('assertTrue', 0)
check('assertTrue', [], 'with msg')
check('assertFalse', 'x')
check('assertIs', None, False)
check('assertIsNot', None, None)
check('assertIsNone', 5)
check('assertIsNotNone', None)
check('assertIn', 4, [1, 2, 3])
check('assertNotIn', 2, [1, 2, 3])
check('assertIsInstance', 1, str)
check('assertNotIsInstance', 1, int)
check('assertAlmostEqual', 1.0, 1.00000001)
check('assertAlmostEqual', 1.0, 1.1)
check('assertAlmostEqual', 1.0, 1.1, places=1)
check('assertAlmostEqual', 1.0, 1.5, delta=0.25)
check('assertNotAlmostEqual', 1.0, 1.00000001)
check('assertNotAlmostEqual', 1.0, 1.5, delta=1)
try:
    tc.assertAlmostEqual(1, 2, places=1, delta=1)
except TypeError as e:
    print('TypeError', e)
check('assertGreater', 1, 2)
check('assertGreaterEqual', 1, 2)
check('assertLess', 2, 1)
check('assertLessEqual', 2, 1)
check('assertRegex', 'hello world', r'wor.d')
check('assertRegex', 'hello world', r'^world')
check('assertNotRegex', 'hello world', r'o w')
check('assertCountEqual', [1, 2, 2, 3], [3, 2, 1, 2])
check('assertCountEqual', [1, 2, 2, 3], [3, 3, 1])
check('assertCountEqual', [[1], [2]], [[2], [1], [1]])
check('assertSequenceEqual', [1, 2], [1, 3])
check('assertSequenceEqual', 'abc', 'abd')
check('assertListEqual', [1], (1,))
check('assertTupleEqual', (1,), [1])
check('assertSetEqual', {1}, [1])
check('assertDictEqual', {}, [])
check('assertMultiLineEqual', 'a', b'a')
check('assertSequenceEqual', 5, [1])
check('assertSetEqual', set(), 5)
check('fail')
check('fail', 'explicit failure')
tc.maxDiff = None
check('assertEqual', list(range(30)), list(range(1, 31)))
tc.maxDiff = 20
check('assertEqual', [1, 2, 3], [1, 2, 4])
tc.longMessage = False
check('assertEqual', 1, 2, 'short')
check('assertIn', 1, [], 'only mine')


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        raise RuntimeError('no repr')


try:
    tc.assertIsNone(Point(1))
except AssertionError as e:
    print(str(e).startswith('<__main__.Point object at 0x'), str(e).endswith('> is not None'))
