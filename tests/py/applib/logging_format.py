import logging, time, sys

def rec(msg='hello %s', args=('world',), level=logging.INFO, exc_info=None, **extra):
    r = logging.LogRecord('app.mod', level, '/path/to/source.py', 42, msg, args, exc_info, 'func')
    r.created = 1700000000.123456
    r.msecs = 123.0
    r.relativeCreated = 5.0
    r.__dict__.update(extra)
    return r

r = rec()
print(repr(r))
print(r.getMessage(), r.name, r.levelno, r.levelname, r.pathname, r.filename, r.module,
      r.lineno, r.funcName, r.exc_info, r.exc_text, r.stack_info, r.processName,
      r.threadName)
print(rec('%(a)s-%(b)d', ({'a': 'x', 'b': 2},)).getMessage())
print(rec('no args', ()).getMessage(), rec(42, ()).getMessage())
print(rec('%d', (0,)).getMessage())

fmts = [
    ('%(levelname)s:%(name)s:%(message)s', '%'),
    ('%(levelno)d %(pathname)s %(filename)s %(module)s %(funcName)s %(lineno)d', '%'),
    ('%(name)-10s|%(levelname)8s|%(message)s', '%'),
    ('{levelname}:{name}:{message}', '{'),
    ('{levelname:>8} {lineno:04d} {message!r}', '{'),
    ('${levelname}:$name:${message}', '$'),
    (None, '%'), (None, '{'), (None, '$'),
]
for f, style in fmts:
    fm = logging.Formatter(f, style=style)
    print(repr(fm._fmt), '=>', fm.format(rec()))

fm = logging.Formatter('%(asctime)s %(message)s')
fm.converter = time.gmtime
print(fm.usesTime(), fm.format(rec()))
fm = logging.Formatter('%(asctime)s %(message)s', datefmt='%d/%m/%Y %H.%M')
fm.converter = time.gmtime
print(fm.format(rec()))
fm = logging.Formatter('{asctime} {message}', style='{')
fm.converter = time.gmtime
fm.default_msec_format = '%s.%03d'
print(fm.format(rec()))
fm = logging.Formatter('$asctime $message', style='$')
fm.converter = time.gmtime
fm.default_msec_format = None
print(fm.usesTime(), fm.format(rec()))
print(logging.Formatter('%(message)s').usesTime())

fm = logging.Formatter('%(message)s %(custom)s', defaults={'custom': 'dflt'})
print(fm.format(rec()), fm.format(rec(custom='given')))

for f, style in [('no fields', '%'), ('%(x)', '%'), ('{bad', '{'), ('plain', '{'),
                 ('{a!x}', '{'), ('{a:zz}', '{'), ('{0a-}', '{'), ('$', '$'), ('none', '$'),
                 ('x', '?')]:
    try:
        logging.Formatter(f, style=style)
        print('ok', f)
    except ValueError as e:
        print('ValueError', e)
print(logging.Formatter('whatever', validate=False)._fmt)
try:
    logging.Formatter('%(missing)s').format(rec())
except ValueError as e:
    print('ValueError', e)

def raiser():
    raise KeyError('k')
try:
    raiser()
except KeyError:
    ei = sys.exc_info()
fm = logging.Formatter('%(levelname)s %(message)s')
r = rec(exc_info=ei)
print(fm.format(r))
print(repr(r.exc_text[-16:]))
r.exc_info = None
print(fm.format(r).splitlines()[-1])
r = rec(stack_info='Stack (most recent call last):\n  frame')
print(fm.format(r))
r = rec(msg='ends with newline\n', args=(), stack_info='STACK')
print(repr(fm.format(r)))

bf = logging.BufferingFormatter()
print(repr(bf.format([])), repr(bf.format([rec(), rec('second', ())])))
class HF(logging.BufferingFormatter):
    def formatHeader(self, records): return '[%d]' % len(records)
    def formatFooter(self, records): return '[end]'
print(HF(logging.Formatter('<%(message)s>')).format([rec(), rec()]))
d = logging.makeLogRecord({'msg': 'made %s', 'args': (1,), 'custom': 'c'})
print(d.getMessage(), d.custom, d.levelno, d.name)
