import unittest, warnings

tc = unittest.TestCase()


def attempt(f):
    try:
        f()
        print('passed')
    except AssertionError as e:
        print('FAILED:', e)
    except Exception as e:
        print('other', type(e).__name__, e)


def raiser(exc):
    def f(*args, **kwargs):
        raise exc
    return f


def ctx_ok():
    with tc.assertRaises(ZeroDivisionError) as cm:
        1 / 0
    print(type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)


attempt(ctx_ok)


def ctx_none():
    with tc.assertRaises(ValueError):
        pass


attempt(ctx_none)


def ctx_msg():
    with tc.assertRaises(ValueError, msg='extra'):
        pass


attempt(ctx_msg)


def ctx_other():
    with tc.assertRaises(ValueError):
        raise KeyError('k')


attempt(ctx_other)
attempt(lambda: tc.assertRaises(KeyError, raiser(KeyError('x'))))
attempt(lambda: tc.assertRaises(KeyError, lambda: None))
attempt(lambda: tc.assertRaises((KeyError, ValueError), int, 'z'))
attempt(lambda: tc.assertRaises(ValueError, int, '12'))
attempt(lambda: tc.assertRaises('notatype', int))
attempt(lambda: tc.assertRaises(ValueError, bogus=1))
attempt(lambda: tc.assertRaisesRegex(ValueError, r'invalid literal', int, 'q'))
attempt(lambda: tc.assertRaisesRegex(ValueError, r'^nothing', int, 'q'))


def regex_ctx():
    with tc.assertRaisesRegex(KeyError, 'miss'):
        {}['missing']


attempt(regex_ctx)


def warns_ok():
    with tc.assertWarns(DeprecationWarning) as cm:
        warnings.warn('old stuff', DeprecationWarning)
    print(cm.warning, cm.lineno > 0, cm.filename == __file__)


attempt(warns_ok)


def warns_none():
    with tc.assertWarns(UserWarning):
        pass


attempt(warns_none)
attempt(lambda: tc.assertWarns(UserWarning, lambda: None))
attempt(lambda: tc.assertWarns(UserWarning, warnings.warn, 'called'))
attempt(lambda: tc.assertWarnsRegex(UserWarning, 'abc', warnings.warn, 'xyz'))
attempt(lambda: tc.assertWarnsRegex(UserWarning, 'y', warnings.warn, 'xyz'))
attempt(lambda: tc.assertWarns(ValueError, lambda: None))


def warns_other_category():
    with warnings.catch_warnings(record=True) as outer:
        warnings.simplefilter('always')
        with tc.assertWarns(UserWarning):
            warnings.warn('rt', RuntimeWarning)
            warnings.warn('uw', UserWarning)
    print([str(w.message) for w in outer])


attempt(warns_other_category)

import logging


def logs_ok():
    with tc.assertLogs('app', level='INFO') as cm:
        logging.getLogger('app').info('first')
        logging.getLogger('app.sub').warning('second %d', 2)
        logging.getLogger('app').debug('hidden')
    print(cm.output, [r.getMessage() for r in cm.records])


attempt(logs_ok)


def logs_none():
    with tc.assertLogs('quiet'):
        pass


attempt(logs_none)


def logs_level():
    with tc.assertLogs(level=logging.ERROR):
        logging.getLogger('x').warning('not enough')


attempt(logs_level)


def nologs_ok():
    with tc.assertNoLogs('silent'):
        pass
    print('no logs ok')


attempt(nologs_ok)


def nologs_fail():
    with tc.assertNoLogs('noisy', 'WARNING'):
        logging.getLogger('noisy').error('oops')


attempt(nologs_fail)
lg = logging.getLogger('restore')
lg.setLevel(logging.ERROR)
with tc.assertLogs(lg, 'DEBUG'):
    lg.debug('captured')
print(lg.level, lg.handlers, lg.propagate)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    tc.assertEquals(1, 1)
    tc.failUnless(True)
print([str(x.message) for x in w])
