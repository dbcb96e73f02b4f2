# dict construction, access, repr
d = {"a": 1, "b": 2}
print(d, {}, dict(), dict(a=1, b=2), dict([(1, 2), [3, 4]]), dict({1: 2}, x=3), dict(d) == d, dict(d) is d)
print(d["a"], d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" in d, "z" not in d, len(d), bool({}))
try:
    d["z"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d[[1]]
except TypeError as e:
    print(type(e).__name__, e)
d["c"] = 3
d["a"] = 10
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
try:
    del d["b"]
except KeyError as e:
    print(type(e).__name__, e)
e = {1: "int", 1.0: "float", True: "bool"}
print(e)
print({i: i * i for i in range(6)}, {(i, -i): None for i in range(3)})
print({1: 1} == {1: 1}, {1: 1} == {1: 2}, {1: 1} != {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == [])
