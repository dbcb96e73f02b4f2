# dict views: dynamic, set operations, comparisons
d = {1: "a", 2: "b", 3: "c"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 2 in k, "b" in v, (2, "b") in it, (2, "x") in it, 2 in it, [2, "b"] in it)
d[4] = "d"
print(k, v, it)
print(k & {2, 3, 9}, k | {9}, k - {1}, k ^ {1, 9}, {9} - k, [5] | k, {2, 3, 9} & k, (1, 2) & k)
print(it & {(1, "a")}, it - {(1, "a")}, it | {(0, 0)}, it ^ {(1, "a"), (7, 7)})
print(d.items() ^ {1: "a", 2: "x", 9: "z"}.items())
print(k == {1, 2, 3, 4}, k == {1, 2}, k < {1, 2, 3, 4, 5}, k <= {1, 2, 3, 4}, k > {1}, k >= {1, 2, 3, 4}, k == [1, 2, 3, 4])
print(k == {4: 0, 3: 0, 2: 0, 1: 0}.keys(), it == {1: "a", 2: "b", 3: "c", 4: "d"}.items(), v == v, v == d.values())
print(k.isdisjoint([9, 8]), k.isdisjoint([1]), it.isdisjoint({(1, "a")}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(k.mapping, type(k.mapping).__name__, k.mapping[1], it.mapping == d)
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(it)).__name__)
print(list(k), list(v), list(it), sorted(k, reverse=True))
try:
    hash(k)
except TypeError as e:
    print(type(e).__name__, e)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
r = {}
r[1] = r.keys()
print(r)
