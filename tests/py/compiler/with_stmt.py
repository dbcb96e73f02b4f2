# The with statement: __enter__/__exit__ order, suppression, unwinding.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress

with CM("a") as v:
    print("body", v)

with CM("a") as x, CM("b") as y:
    print("two", x, y)

with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")

try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)

def ret():
    with CM("r"):
        return "returned"
print(ret())

for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")

with CM("t") as (p):
    print(p)

class Target:
    pass
t = Target()
with CM("attr") as t.value:
    pass
print(t.value)
