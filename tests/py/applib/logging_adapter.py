import logging, io

s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter('%(name)s %(levelname)s [%(user)s] %(message)s'))
log = logging.getLogger('svc')
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.propagate = False

ad = logging.LoggerAdapter(log, {'user': 'alice'})
ad.debug('d %s', 1)
ad.info('i')
ad.warning('w')
ad.error('e')
ad.critical('c')
ad.log(logging.INFO, 'log %s %s', 'a', 'b')
try:
    raise ValueError('bad')
except ValueError:
    ad.exception('exc')
print(repr(ad), ad.name, ad.manager is logging.Logger.manager, ad.getEffectiveLevel(),
      ad.isEnabledFor(logging.DEBUG), ad.hasHandlers())
ad.setLevel(logging.WARNING)
ad.info('hidden')
print(log.level)

class Prefix(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs.setdefault('extra', {})['user'] = self.extra['user'].upper()
        return '[%s] %s' % (self.extra['tag'], msg), kwargs
Prefix(log, {'user': 'bob', 'tag': 'T'}).error('processed')

log.warning('extra direct', extra={'user': 'carol'})
try:
    log.warning('clash', extra={'message': 1})
except KeyError as e:
    print('KeyError', e)
try:
    log.warning('clash', extra={'name': 1})
except KeyError as e:
    print('KeyError', e)

class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2
f = OnlyOdd()
log.addFilter(f)
log.addFilter(f)
print(len(log.filters))
for i in range(4):
    log.error('n=%d', i, extra={'user': 'f'})
log.removeFilter(f)
log.removeFilter(f)
print(s.getvalue(), end='')

for name in ['', 'a.b', 'a.b.c', 'a.bc', 'b.a.b', 'a']:
    r = logging.makeLogRecord({'name': name})
    print(repr(name), [bool(logging.Filter(n).filter(r)) for n in ['', 'a.b', 'a']])
def lam(record):
    record.msg = 'changed'
    return True
fl = logging.Filterer()
fl.addFilter(lam)
r = logging.makeLogRecord({'msg': 'orig'})
print(fl.filter(r), r.msg)
