import logging, io, sys

log = logging.getLogger('h')
log.propagate = False
print(repr(logging.lastResort), logging.lastResort.level)
log.warning('last resort %d', 1)
log.info('dropped by last resort level')
sys.stderr.flush()
old = logging.lastResort
logging.lastResort = None
log.warning('no handlers message')
log.warning('only once')
logging.lastResort = old

n = logging.NullHandler()
log.addHandler(n)
log.warning('swallowed by null handler')
print(repr(n), n.lock)
log.removeHandler(n)

s = io.StringIO()
sh = logging.StreamHandler(s)
print(repr(sh)[:16], sh.terminator == '\n', sh.formatter)
sh.terminator = '!\n'
log.addHandler(sh)
log.error('custom terminator')
class Named(io.StringIO):
    name = 'named-stream'
other = Named()
print(sh.setStream(s), sh.setStream(other) is s, repr(sh))
class IntName(io.StringIO):
    name = 7
sh.setStream(IntName())
print(repr(sh))
sh.setStream(s)
print(s.getvalue(), end='')
print(repr(logging.StreamHandler(sys.stdout)), repr(logging.StreamHandler()))

sh.set_name('first')
print(sh.name, sh.get_name(), logging._handlers.get('first') is sh)
sh.name = 'second'
print('first' in logging._handlers, logging._handlers['second'] is sh)
sh.close()
print('second' in logging._handlers)

class Upper(logging.Handler):
    def emit(self, record):
        print('Upper.emit:', self.format(record).upper())
u = Upper(logging.INFO)
log.addHandler(u)
log.info('through custom handler')
log.debug('below logger level')
log.setLevel(logging.DEBUG)
log.debug('below handler level')
print(u.handle(logging.makeLogRecord({'msg': 'direct'})))
u.addFilter(lambda r: False)
print(u.handle(logging.makeLogRecord({'msg': 'filtered'})))
try:
    logging.Handler().emit(None)
except NotImplementedError as e:
    print('NotImplementedError', e)
