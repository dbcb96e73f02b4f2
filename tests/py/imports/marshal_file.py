# marshal.dump / marshal.load with file objects.
import marshal

class BytesFile:
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
    def write(self, b):
        self.data += b
        return len(b)
    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        chunk = bytes(self.data[self.pos:self.pos + n])
        self.pos += len(chunk)
        return chunk
    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)

f = BytesFile()
for v in (1, "two", [3.0, {4: (5,)}], None):
    print(type(marshal.dump(v, f)).__name__)
f.pos = 0
print([marshal.load(f) for i in range(4)])
try:
    marshal.load(f)
except EOFError as e:
    print(type(e).__name__, e)
for bad in (3, "str"):
    try:
        marshal.dump(1, bad)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    marshal.load(5)
except AttributeError as e:
    print(type(e).__name__, e)
class TextFile(BytesFile):
    def read(self, n=-1):
        return "text"
try:
    marshal.load(TextFile())
except TypeError as e:
    print(type(e).__name__, e)
half = BytesFile(marshal.dumps("a long enough string")[:-3])
try:
    marshal.load(half)
except EOFError as e:
    print(type(e).__name__, e)
