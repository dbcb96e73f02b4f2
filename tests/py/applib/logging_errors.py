import io
import logging
import sys

log = logging.getLogger('errs')
log.propagate = False
log.addHandler(logging.StreamHandler(sys.stdout))


def emit_and_show(*args, **kwargs):
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        log.warning(*args, **kwargs)
    finally:
        sys.stderr = old
    text = err.getvalue()
    lines = text.splitlines()
    # The frames inside the logging package differ between implementations:
    # show the first line, the exception, and from the call stack on.
    print(lines[0])
    start = lines.index('Call stack:')
    print(lines[start - 1])
    print('\n'.join(lines[start:]))


def caller():
    emit_and_show('bad %d', 'x')


caller()
emit_and_show('two %s %s', 1)
emit_and_show('%(key)s', {'other': 1})
logging.raiseExceptions = False
err = io.StringIO()
old, sys.stderr = sys.stderr, err
log.warning('silent %d', 'x')
sys.stderr = old
print(repr(err.getvalue()))
logging.raiseExceptions = True


class Unprintable:
    def __repr__(self):
        raise RuntimeError('no repr')

    def __str__(self):
        raise RuntimeError('no str')


emit_and_show(Unprintable())
try:
    raise KeyError('k')
except KeyError:
    log.exception('caught %s', 'it')
log.exception('outside any handler')
log.error('explicit exc_info', exc_info=ValueError('not raised'))
log.error('tuple exc_info', exc_info=(TypeError, TypeError('t'), None))
