import io
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
r = Raw(b'hello\nworld\n')
print(r.read(3), r.read(), r.read())
r = Raw(b'hello\nworld\n'); print(r.readall(), Raw(b'a\nb').readline(), Raw(b'a\nb').readlines())
br = io.BufferedReader(Raw(b'x' * 10000 + b'\nend\n'), buffer_size=16)
print(len(br.readline()), br.readline(), br.read())
print(list(io.TextIOWrapper(io.BufferedReader(Raw('é\nz'.encode())), encoding='utf-8')))
class Sink(io.RawIOBase):
    def __init__(self): self.chunks = []
    def writable(self): return True
    def write(self, b):
        self.chunks.append(bytes(b)); return len(b)
s = Sink()
w = io.BufferedWriter(s, buffer_size=4)
w.write(b'ab'); print(s.chunks); w.write(b'cdef'); print(s.chunks); w.flush(); print(s.chunks)
w.close(); print(w.closed, s.closed)
class Log(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
l = Log(); print('hi', file=l); print(repr(l.getvalue()))
class MyIO(io.IOBase):
    pass
m = MyIO(); print(m.readable(), m.writable(), m.seekable(), m.closed); m.close(); print(m.closed)
try: m.fileno()
except io.UnsupportedOperation as e: print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    with m: pass
except ValueError as e: print(e)
f = io.StringIO(); f.foo = 1; print(f.foo)
