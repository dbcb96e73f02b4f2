import os, os.path
print(os.name, os.sep, os.path.join('a','b','/c','d'), os.path.split('/a/b/'), os.path.splitext('x/.bashrc'), os.path.splitext('a.tar.gz'))
print(os.path.normpath('//a/./b/../c//'), os.path.normpath('///a'), os.path.normpath('../..//x'), os.path.normpath(''))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.commonpath(['/a/b/c', '/a/b/d']), os.path.commonprefix(['abc','abd']))
print(os.path.basename('/a/b'), os.path.dirname('/a/b'), os.path.isabs('/x'), os.path.exists('/tmp'), os.path.isdir('/tmp'), os.path.isfile('/tmp'))
os.environ['KRAIT_T'] = 'v1'
print(os.getenv('KRAIT_T'), os.environ.get('NOPE'), 'KRAIT_T' in os.environ)
del os.environ['KRAIT_T']
print(os.getenv('KRAIT_T'))
try: os.path.join('a', 1)
except TypeError as e: print(e)
try: os.path.join('a', b'b')
except TypeError as e: print(e)
class P:
    def __fspath__(self): return '/p'
print(isinstance(P(), os.PathLike), isinstance('x', os.PathLike), os.fspath(P()), os.path.join(P(), 'q'))
print(os.path.realpath('/tmp/../tmp/./'), os.path.abspath('a/../b') == os.getcwd() + '/b')
print(os.fsencode('a\udcff'), os.fsdecode(b'a\xff'))
print(os.path.expanduser('x/~'), os.path.splitext('.hidden'), os.path.splitext('a/b.c/d'), os.path.splitext(b'x.py'))
print(os.path.split(''), os.path.split('/'), os.path.split('a'), os.path.dirname('///a'), os.path.basename('a/'))
print(os.path.normpath('a/b/../../..'), os.path.normpath('/..'), os.path.normpath(b'a//b/./c'))
print(os.path.join(b'a', b'b'), os.path.join('', 'x'), os.path.join('a', ''), os.path.isabs(b'/'))
print(os.path.commonprefix([]), os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonpath(['a/b', 'a/c']))
for bad in (['/a', 'b'], []):
    try: os.path.commonpath(bad)
    except ValueError as e: print(e)
try: os.path.relpath('')
except ValueError as e: print(e)
print(os.path.relpath('a/b', 'a/c/d'), os.path.relpath('/x', '/'), os.path.relpath('.', '.'))
print(os.path.exists('/nonexistent/zz'), os.path.lexists('/'), os.path.islink('/nonexistent'), os.path.ismount('/'))
print(os.path.expandvars('no vars'), os.path.expandvars(b'$NOPE_KRAIT'), os.path.sep, os.path.curdir, os.path.pardir, os.path.extsep, os.path.altsep, os.path.pathsep, os.path.devnull)
