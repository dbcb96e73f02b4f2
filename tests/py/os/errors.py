import os
d = '/tmp/krait_os_err_%d' % os.getpid()
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r)
    except Exception as e:
        fn = e.filename if isinstance(e, OSError) else None
        print(type(e).__name__, getattr(e, 'errno', None), fn == (a[0] if a else None), str(e).replace(d, 'D'))
os.mkdir(d)
t(os.mkdir, d)
t(os.stat, d + '/missing')
t(os.listdir, d + '/missing')
t(os.rmdir, d + '/missing')
t(os.remove, d)
t(os.chdir, d + '/missing')
t(os.open, d + '/missing', os.O_RDONLY)
t(os.rename, d + '/missing', d + '/other')
t(os.readlink, d)
t(os.stat, 1.5)
t(os.listdir, 1.5)
t(os.mkdir, None)
t(os.stat, 'a\0b')
t(os.fspath, 1)
t(os.close, 9999)
t(os.read, 9999, 1)
t(os.strerror, 2)
t(os.rename, 'a', b'b')
t(os.putenv, 'A=B', 'x')
t(open, d + '/missing')
t(open, d)
t(os.makedirs, d)
t(os.makedirs, d, exist_ok=True)
class P:
    def __fspath__(self): return 5
t(os.fspath, P())
t(os.stat, P())
os.rmdir(d)
