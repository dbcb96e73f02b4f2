import os, io
d = '/tmp/krait_io_ra_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.bin')
with open(p, 'w+b') as f:
    print(type(f).__name__, f.mode, f.write(b'0123456789'), f.tell())
    f.seek(2); print(f.read(3), f.tell())
    f.write(b'XY'); print(f.tell()); f.seek(0); print(f.read())
    f.seek(-3, 2); print(f.read(1), f.tell(), f.seek(0, 1))
    f.seek(1); print(f.peek(1)[:1], f.read1(2)); f.write(b'!'); f.seek(0); print(f.read())
    print(f.truncate(4), f.tell()); f.seek(0); print(f.read())
with open(p, 'r+') as f:
    print(f.read(2), f.tell()); f.seek(0, 2); f.write('tail\n'); f.seek(0); print(repr(f.read()))
try:
    open(p, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
with open(os.path.join(d, 'new'), 'x') as f:
    f.write('created')
with open(os.path.join(d, 'new'), 'a+') as f:
    print(f.tell()); f.write('+more'); f.seek(0); print(f.read())
with open(p, 'rb') as f:
    ba = bytearray(3); print(f.readinto(ba), ba, f.fileno() > 2, f.isatty(), f.seekable(), f.readable(), f.writable())
    print(f.raw.read(2), f.raw.readall(), f.raw.tell())
fio = io.FileIO(p, 'r'); print(fio.name == p, fio.mode, fio.closefd, fio.read(2), fio.readable(), fio.writable()); fio.close(); print(fio.closed, repr(fio))
fd = os.open(p, os.O_RDONLY)
with open(fd, 'rb', closefd=False) as f:
    print(f.read(3), f.name == fd)
print(os.read(fd, 2)); os.close(fd)
f = open(p, 'rb'); f.close()
for op in (lambda: f.read(), lambda: f.readline(), lambda: f.peek(), lambda: f.seek(0), lambda: f.tell(), lambda: f.fileno()):
    try: op()
    except ValueError as e: print('ValueError', e)
f = open(p, 'w'); f.close()
for op in (lambda: f.write('x'), lambda: f.flush(), lambda: f.read(), lambda: f.tell(), lambda: iter(f)):
    try: op()
    except ValueError as e: print('ValueError', e)
with open(p, 'rb') as f:
    try: f.write(b'x')
    except io.UnsupportedOperation as e: print('UnsupportedOperation', e)
with open(p, 'r') as f:
    try: f.write('x')
    except io.UnsupportedOperation as e: print('UnsupportedOperation', e)
    try: f.seek(1, 1)
    except io.UnsupportedOperation as e: print('UnsupportedOperation', e)
    try: f.seek(-1)
    except ValueError as e: print('ValueError', e)
with open(p, 'w') as f:
    try: f.read()
    except io.UnsupportedOperation as e: print('UnsupportedOperation', e)
for args, kw in [((p, 'rw'), {}), ((p, 'rb'), {'encoding': 'utf-8'}), ((p, 'r'), {'buffering': 0}), ((p, 'rb'), {'newline': ''}),
                 ((p, 'r'), {'newline': 'x'}), ((1.5,), {}), ((p, 'rt', 0), {}), ((p, 'bt'), {}), ((p, 'rr'), {}), ((p, 5), {}),
                 ((p, 'r'), {'encoding': 5}), ((p, 'rb'), {'buffering': -2})]:
    try: open(*args, **kw)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
for name in os.listdir(d): os.remove(os.path.join(d, name))
os.rmdir(d)
