# dict subclasses, __missing__
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=1)
print(c["a"], c["zz"], c, "zz" in c, c.get("zz"))
class Default(dict):
    def __missing__(self, key):
        self[key] = v = [key]
        return v
d = Default()
d["x"].append(1)
print(d)
class NoMissing(dict):
    pass
try:
    NoMissing()["q"]
except KeyError as e:
    print(type(e).__name__, e)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["a"] = 1
u.update(b=2)
print(u, type(u).__name__, type(u.copy()).__name__, isinstance(u, dict), u == {"A": 1, "b": 2})
print(dict(Upper(x=1)), Upper.fromkeys("ab"), type(Upper.fromkeys("ab")).__name__)
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k * 2
print(dict(M()), {**M()})
