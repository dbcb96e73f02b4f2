import logging, io

mgr = logging.Logger.manager
c = logging.getLogger('x.y.z')
print(c.parent is logging.root, type(mgr.loggerDict['x.y']).__name__, type(mgr.loggerDict['x']).__name__)
a = logging.getLogger('x')
print(c.parent is a, a.parent is logging.root)
b = logging.getLogger('x.y')
print(c.parent is b, b.parent is a)
print(logging.getLogger('x.y') is b, logging.getLogger() is logging.root, logging.getLogger('root') is logging.root)
print(a.getChild('y.z') is c, logging.root.getChild('x') is a)
print(repr(a), repr(logging.root), logging.root.name)
d = logging.getLogger('x.y.z.w.v')
print(d.parent is c, sorted(k for k in mgr.loggerDict if k.startswith('x')))
try:
    logging.getLogger(5)
except TypeError as e:
    print('TypeError', e)

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(message)s'))
a.addHandler(h)
a.addHandler(h)
print(len(a.handlers))
c.warning('from c')
c.propagate = False
c.warning('not seen')
c.propagate = True
h2 = logging.StreamHandler(stream)
h2.setLevel(logging.ERROR)
h2.setFormatter(logging.Formatter('h2:%(message)s'))
b.addHandler(h2)
c.warning('warn twice?')
c.error('error twice')
b.removeHandler(h2)
b.removeHandler(h2)
c.error('after remove')
print(stream.getvalue(), end='')
print(c.hasHandlers(), logging.getLogger('other').hasHandlers())
a.propagate = False
a.removeHandler(h)
print(c.hasHandlers())
print([k for k in ('x', 'x.y') if k in mgr.loggerDict])

class MyLogger(logging.Logger):
    pass
logging.setLoggerClass(MyLogger)
print(type(logging.getLogger('mine')).__name__, logging.getLoggerClass().__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print('TypeError', e)
