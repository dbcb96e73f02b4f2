# krait: hand-edited — Krait's instruction set differs from CPython's (no PRECALL, own caches)
# dis.dis of functions: the layout is CPython 3.11's (line numbers, >> jump
# targets, byte offsets with inline caches hidden, opnames, arguments and their
# meaning, the exception table); the instructions are Krait's.
import dis

def arith(a, b):
    return a + b * 2 - a // b

def branches(x):
    if x > 0:
        return "pos"
    elif not x:
        return "zero"
    return "neg"

def loop(items):
    total = 0
    for item in items:
        if item is None:
            continue
        total += item
    return total

def calls(obj, f):
    f(1, key=2)
    obj.method(3)
    return len(obj), f(*obj, **obj)

def handler():
    try:
        risky()
    except (KeyError, IndexError) as e:
        return e
    finally:
        cleanup()

def build(x):
    return [x, 1], (x,), {x: 1}, {x}, f"{x!r:>5}", x[1:2]

def unpack(seq):
    a, *b, c = seq
    seq.attr += 1
    del seq[0]
    return a, b, c

for f in (arith, branches, loop, calls, handler, build, unpack):
    print("==", f.__name__)
    dis.dis(f)
