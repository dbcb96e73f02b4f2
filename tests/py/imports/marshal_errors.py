# marshal's errors follow CPython's.
import marshal

def show(f, *args):
    try:
        r = f(*args)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

class Sub(int): pass
class S(str): pass
class L(list): pass
for v in (object(), [1, object()], {1: object()}, {object()}, Sub(3), S("x"), L(), len, type, 1 .bit_length):
    show(marshal.dumps, v)
nested = []
for i in range(3000):
    nested = [nested]
show(marshal.dumps, nested)
show(marshal.loads, b"")
show(marshal.loads, "text")
show(marshal.loads, 3)
show(marshal.loads, None)
show(marshal.dumps)
show(marshal.dumps, 1, 2, 3)
show(marshal.dumps, 1, "x")
show(marshal.dumps, 1, 2.0)
# Truncated and damaged data raise EOFError or ValueError, never crash.
data = marshal.dumps([1, "two", (3.0, b"four"), {5: None}, 10**40])
kinds = set()
for i in range(len(data)):
    try:
        marshal.loads(data[:i])
        kinds.add("ok")
    except (EOFError, ValueError) as e:
        kinds.add(type(e).__name__)
print(sorted(kinds))
seed = 7
errors = set()
for n in range(300):
    b = bytearray(data)
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    b[seed % len(b)] = (seed >> 8) & 0xff
    try:
        marshal.loads(bytes(b))
    except (EOFError, ValueError, TypeError, OverflowError):
        pass
print("survived")
