import logging, io, os, sys, tempfile

root = logging.getLogger()
s = io.StringIO()
logging.basicConfig(stream=s, level=logging.INFO)
logging.info('info %d', 1)
logging.debug('hidden')
logging.getLogger('child').warning('warn')
print(s.getvalue(), end='')
print(len(root.handlers), type(root.handlers[0]).__name__, root.level)
logging.basicConfig(stream=io.StringIO(), level=logging.ERROR)
print(len(root.handlers), root.level)

s2 = io.StringIO()
logging.basicConfig(stream=s2, force=True, format='{levelname}|{message}', style='{', level='DEBUG')
logging.debug('dbg')
print(s2.getvalue(), end='', flush=True)
print(s.getvalue().count('\n'))

s3 = io.StringIO()
h = logging.StreamHandler(s3)
h.setFormatter(logging.Formatter('custom:%(message)s'))
h2 = logging.StreamHandler(s3)
logging.basicConfig(handlers=[h, h2], force=True, format='$levelname $message', style='$')
logging.warning('two handlers')
print(s3.getvalue(), end='')

for kw in [dict(stream=s, filename='x'), dict(handlers=[h], stream=s),
           dict(handlers=[h], filename='f'), dict(style='!'), dict(bogus=1, other=2)]:
    try:
        logging.basicConfig(force=True, **kw)
    except ValueError as e:
        print('ValueError', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'out.log')
    logging.basicConfig(filename=path, filemode='w', force=True,
                        format='%(levelname)s:%(message)s', level=logging.DEBUG)
    fh = root.handlers[0]
    print(type(fh).__name__, fh.mode, fh.baseFilename == path, fh.stream.closed)
    logging.debug('to file')
    logging.error('also %s', 'file')
    logging.basicConfig(filename=path, filemode='a', force=True)
    print(fh.stream)
    logging.warning('appended')
    logging.shutdown()
    with open(path) as f:
        print(f.read(), end='')
    root.handlers[0].close()
    root.handlers.clear()

# Without any configuration module functions configure stderr.
logging.root.setLevel(logging.WARNING)
logging.warning('to stderr %s', 'auto')
print(len(root.handlers), root.handlers[0].stream is sys.stderr, repr(root.handlers[0]))
