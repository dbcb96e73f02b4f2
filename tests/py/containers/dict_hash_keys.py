# keys of many types, equal numbers collapse
d = {}
d[1] = "a"; d[1.0] = "b"; d[True] = "c"; d[0] = "z"; d[False] = "y"; d[0.0] = "x"
print(d)
d = {2**100: 1, -2**100: 2, 2**61 - 1: 3, 0: 4, -1: 5, -2: 6}
print(d, d[2**100], d[2**61 - 1], d[-1])
d = {(1, (2, 3)): "t", frozenset([1, 2]): "f", None: "n", ...: "e", "s": "s", b"b": "b", 3.5: "f"}
print(d[(1, (2, 3))], d[frozenset({2, 1})], d[None], d[...], d["s"], d[b"b"], d[3.5])
nan = float("nan")
d = {nan: 1}
print(d[nan], float("nan") in d)
