import os, sys
r, w = os.pipe()
print(os.write(w, b'abc'), os.read(r, 10), os.get_inheritable(r))
w2 = os.dup(w)
os.write(w2, b'xy')
os.close(w2)
print(os.read(r, 1), os.read(r, 10))
os.dup2(w, 100)
os.write(100, b'!')
os.close(100)
print(os.read(r, 5))
os.close(w)
print(os.read(r, 5))
os.close(r)
print(os.isatty(r) if False else 'skip', os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.devnull)
print(type(os.getpid()).__name__, os.getppid() > 0, len(os.urandom(16)), type(os.cpu_count()).__name__)
u = os.uname()
print(type(u).__name__, len(u), u.sysname)
print(len(os.times()), type(os.times().user).__name__)
old = os.umask(0o22); print(os.umask(old) == 0o22)
os.environ['KRAIT_TEST_VAR'] = 'value'
print(os.environ['KRAIT_TEST_VAR'], os.getenv('KRAIT_TEST_VAR'), os.environb[b'KRAIT_TEST_VAR'], 'KRAIT_TEST_VAR' in os.environ)
print(os.system('test "$KRAIT_TEST_VAR" = value'))
os.environ.update(KRAIT_T2='2')
print(os.environ.pop('KRAIT_T2'), os.environ.get('KRAIT_T2'), os.getenv('KRAIT_T2', 'dflt'))
del os.environ['KRAIT_TEST_VAR']
print(os.system('test -z "$KRAIT_TEST_VAR"'), 'KRAIT_TEST_VAR' in os.environ)
try: os.environ['KRAIT_X'] = 5
except TypeError as e: print(e)
try: os.environ['KRAIT_MISSING']
except KeyError as e: print('KeyError', e)
print(os.fsencode('a\udcff'), os.fsdecode(b'a\xff') == 'a\udcff', os.fsencode(b'x'))
class P:
    def __fspath__(self): return 'p'
class Q(os.PathLike):
    def __fspath__(self): return 'q'
print(isinstance(P(), os.PathLike), isinstance('s', os.PathLike), issubclass(Q, os.PathLike), os.fspath(Q()), os.fspath(b'b'))
print(os.get_exec_path({'PATH': '/a:/b'}), os.waitstatus_to_exitcode(os.system('exit 3')))
print(os.path is sys.modules['os.path'], os.path.__name__, os.error is OSError)
