import unittest
from _ut import run

log = []


def setUpModule():
    log.append('setUpModule')


def tearDownModule():
    log.append('tearDownModule')


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'class cleanup')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup 1 ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup 2 ' + self._testMethodName)

    def tearDown(self):
        log.append('tearDown ' + self._testMethodName)

    def test_one(self):
        log.append('test_one')

    def test_two(self):
        log.append('test_two')
        self.fail('two fails')


class BadSetUp(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, 'cleanup after bad setUp')
        raise RuntimeError('setUp broke')

    def tearDown(self):
        log.append('never')

    def test_x(self):
        log.append('never')


class BadCleanup(unittest.TestCase):
    def test_y(self):
        self.addCleanup(lambda: 1 / 0)
        self.addCleanup(log.append, 'good cleanup runs first')


class BadTearDown(unittest.TestCase):
    def tearDown(self):
        raise ValueError('tearDown broke')

    def test_z(self):
        pass


class BadClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, 'BadClass cleanup')
        raise TypeError('class setup broke')

    def test_never(self):
        log.append('never')


class BadTearDownClass(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise KeyError('tdc')

    def test_w(self):
        pass


class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('whole class skipped')

    def test_v(self):
        pass


class Context(unittest.TestCase):
    def test_enter(self):
        class CM:
            def __enter__(self):
                log.append('enter')
                return 'value'

            def __exit__(self, *a):
                log.append('exit %r' % (a,))
        log.append(self.enterContext(CM()))
        try:
            self.enterContext(object())
        except TypeError as e:
            log.append(str(e))


r = run(Fixtures, BadSetUp, BadCleanup, BadTearDown, BadClass, BadTearDownClass,
        SkipInSetUpClass, Context, verbosity=2)
for line in log:
    print(line)
print(r.errors[0][0], '|', r.skipped)
print([str(t) for t, _ in r.errors])

log.clear()
t = Fixtures('test_one')
t.debug()
print(log)
try:
    Fixtures('test_two').debug()
except AssertionError as e:
    print('debug raised', e)
s = unittest.TestSuite([Fixtures('test_one')])
s.debug()
print(log[-3:])
tc = unittest.FunctionTestCase(lambda: log.append('function test'), setUp=lambda: log.append('fsetup'),
                               description='a function test')
run(tc, verbosity=2)
print(log[-2:], tc.shortDescription())


def plain():
    """Plain doc."""
    assert 1 == 2, 'nope'


ft = unittest.FunctionTestCase(plain)
run(ft, verbosity=2)
print(ft.id(), ft.shortDescription())
unittest.addModuleCleanup(print, 'module cleanup ran')
unittest.doModuleCleanups()
