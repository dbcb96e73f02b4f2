# Constant expressions are folded at compile time, with CPython's limits and
# without hiding run-time errors.
def consts(f):
    return [c for c in f.__code__.co_consts if c is not None]

def arith():
    return 2 ** 10, -1, 3 * 4 + 1, 7 // 2, 1 / 4, 2 << 3, ~0, 0xff & 0x0f
print(arith(), consts(arith))

def strings():
    return "ab" + "cd", "x" * 3, "abc"[1], b"a" + b"b", ("a", "b")[0]
print(strings(), consts(strings))

def tuples():
    return (1, 2, (3, 4)), (1,) * 3, ()
print(tuples(), consts(tuples))

def not_folded():
    return 2 ** 1000 > 0, "x" * 5000 == "x" * 5000, 1 << 200 > 0
print(not_folded(), len(consts(not_folded)) > 3)

def runtime_error():
    return 1 / 0
try:
    runtime_error()
except ZeroDivisionError as e:
    print("raised at run time:", e)

def membership(x):
    return x in [1, 2, 3], x in {4, 5}, x not in [6]
print(membership(2), [type(c).__name__ for c in consts(membership)])

def for_list():
    out = []
    for v in [1, 2, 3]:
        out.append(v)
    return out
print(for_list(), consts(for_list))

def debug():
    return __debug__
print(debug(), consts(debug))

def percent(x, y):
    return "%s-%r" % (x, y)
print(percent(1, "a"), consts(percent))

def unary_not(x):
    return not x is None, not x in [1]
print(unary_not(None), unary_not(1))
print(-0.0, 0.0 == -0.0, 1e300 * 1e300, (1, 2) == (1, 2))
