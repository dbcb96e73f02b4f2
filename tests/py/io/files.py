import io, os
d = '/tmp/krait_io_%d' % os.getpid()
os.makedirs(d, exist_ok=True)
p = d + '/a.txt'
with open(p, 'w') as f:
    print(f.mode, f.encoding, f.name == p, f.closed, f.line_buffering)
    print(f.write('héllo\nworld\r\nx\ry\n'))
    f.writelines(['a\n', 'b\n'])
print(f.closed)
with open(p, 'rb') as f:
    data = f.read(); print(data, f.tell())
with open(p) as f:
    print(f.readlines(), f.newlines)
with open(p, newline='') as f:
    print(list(f))
with open(p) as f:
    print(repr(f.read(3)), f.tell(), repr(f.readline()), f.tell(), repr(f.read()))
    f.seek(0); print(repr(f.readline()))
with open(p, 'r+') as f:
    f.seek(0, 2); f.write('end\n')
print(open(p).read().count('\n'))
with open(p, 'a') as f: f.write('app\n')
with open(p, 'rb') as f:
    print(f.readline(), f.peek(2)[:2], f.read1(3), f.seek(-4, 2), f.read())
f = open(p, "rb", buffering=0); print(type(f).__name__, f.mode, f.read(2)); f.close()
try: open(p, 'rz')
except ValueError as e: print(e)
try: open('/tmp/krio/nonexist')
except OSError as e: print(type(e).__name__, e.errno)
try: open(d)
except OSError as e: print(type(e).__name__, e.errno)
b = io.BytesIO(b'ab\ncd'); print(b.readline(), b.read(), b.tell(), b.getvalue(), list(io.BytesIO(b'x\ny')))
s = io.StringIO('a\nb'); print(s.readline(), repr(s.read()), s.getvalue(), s.tell())
s = io.StringIO(); s.write('héé'); s.seek(1); s.write('X'); print(s.getvalue(), s.tell())
f = open(p, 'w', encoding='latin-1'); f.write('é\n'); f.close(); print(open(p, 'rb').read(), open(p, encoding='latin-1').read())
f = open(p, 'w', encoding='utf-16'); f.write('hi'); f.close(); print(open(p, 'rb').read(), open(p, encoding='utf-16').read())
try: open(p, encoding='nope')
except LookupError as e: print(e)
open(p,'w').write('unclosed')
print(open(p).read())
with open(p, 'w', newline='\r\n') as f: f.write('a\nb\n')
print(open(p, 'rb').read())
class R(io.RawIOBase):
    def __init__(self): self.d = b'l1\nl2\n'
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), len(self.d)); b[:n] = self.d[:n]; self.d = self.d[n:]; return n
print(io.BufferedReader(R()).read(), list(io.TextIOWrapper(io.BufferedReader(R()))))
t = io.TextIOWrapper(io.BytesIO(b'x\ny\n')); print(t.readlines(), t.encoding)
w = io.BytesIO(); t = io.TextIOWrapper(w, encoding='utf-8'); t.write('zz'); t.flush(); print(w.getvalue())
print([c.__name__ for c in io.UnsupportedOperation.__mro__], issubclass(io.FileIO, io.RawIOBase), isinstance(t, io.TextIOBase), open is io.open)
os.remove(p); os.rmdir(d)
