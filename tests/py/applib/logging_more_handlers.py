import logging, logging.handlers, io, os, tempfile

def fmt_handler(h, f='%(message)s'):
    h.setFormatter(logging.Formatter(f))
    return h

log = logging.getLogger('more')
log.propagate = False
log.setLevel(logging.DEBUG)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    rh = fmt_handler(logging.handlers.RotatingFileHandler(path, maxBytes=30, backupCount=2))
    log.addHandler(rh)
    for i in range(8):
        log.info('line number %d', i)
    rh.close()
    log.removeHandler(rh)
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            print(name, repr(f.read()))
    fh = fmt_handler(logging.FileHandler(os.path.join(d, 'delayed.log'), delay=True))
    print(fh.stream, os.path.exists(os.path.join(d, 'delayed.log')))
    log.addHandler(fh)
    log.info('now created')
    print(os.path.exists(os.path.join(d, 'delayed.log')))
    fh.close()
    log.removeHandler(fh)
    print(fh.stream, repr(fh).replace(d, 'DIR'))
    rh2 = logging.handlers.RotatingFileHandler(os.path.join(d, 'named.log'), maxBytes=10, backupCount=1)
    rh2.namer = lambda n: n + '.bak'
    fmt_handler(rh2)
    log.addHandler(rh2)
    log.info('0123456789')
    log.info('abcdefghij')
    rh2.close()
    log.removeHandler(rh2)
    print(sorted(n for n in os.listdir(d) if n.startswith('named')))

s = io.StringIO()
target = fmt_handler(logging.StreamHandler(s), '%(levelname)s %(message)s')
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
log.addHandler(mh)
log.info('a')
log.info('b')
print(repr(s.getvalue()), len(mh.buffer))
log.info('c')
print(repr(s.getvalue()), len(mh.buffer))
log.info('d')
log.error('e')
print(repr(s.getvalue()))
log.info('pending')
mh.close()
print(repr(s.getvalue()), mh.target)
log.removeHandler(mh)
mh2 = logging.handlers.MemoryHandler(10, flushOnClose=False)
log.addHandler(mh2)
log.critical('no target')
print(len(mh2.buffer))
mh2.close()
log.removeHandler(mh2)
bh = logging.handlers.BufferingHandler(2)
log.addHandler(bh)
log.info('1'); print(len(bh.buffer)); log.info('2'); print(len(bh.buffer))
log.removeHandler(bh)

class ListQueue:
    def __init__(self): self.items = []
    def put_nowait(self, x): self.items.append(x)
q = ListQueue()
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
log.warning('queued %s', 'msg')
try:
    1 / 0
except ZeroDivisionError:
    log.exception('with exc')
r = q.items[0]
print(r.msg, r.args, r.message, r.exc_info, r.levelname)
print(q.items[1].msg.splitlines()[0], q.items[1].msg.splitlines()[-1], q.items[1].exc_info)
ql = logging.handlers.QueueListener(q, target)
for item in q.items:
    ql.handle(item)
print(s.getvalue().splitlines()[-4:])
