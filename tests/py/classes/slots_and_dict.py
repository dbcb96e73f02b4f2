# __slots__, __dict__, attribute errors, vars() and dir() of instances.
class P:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


p = P()
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))


class Q:
    def __init__(self):
        self.a = 1
        self.b = 2


q = Q()
print(q.__dict__, vars(q))
q.__dict__["c"] = 3
print(q.c)
del q.a
print(q.__dict__)
try:
    q.a
except AttributeError as e:
    print("AttributeError:", e)
q.__dict__ = {"z": 26}
print(q.z, hasattr(q, "b"))
print([n for n in dir(q) if not n.startswith("__")])
setattr(q, "dyn" + "amic", 5)
print(getattr(q, "dynamic"), getattr(q, "nope", "default"))
delattr(q, "dynamic")
print(hasattr(q, "dynamic"))


class Many:
    pass


m = Many()
for i in range(100):
    setattr(m, "a%d" % i, i)
print(sum(getattr(m, "a%d" % i) for i in range(100)), len(vars(m)))
try:
    setattr(m, 5, 1)
except TypeError as e:
    print("TypeError:", e)
