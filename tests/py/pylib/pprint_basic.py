import pprint, types
data = {"name": "Krait", "versions": list(range(30)), "nested": {"a": [1, 2, {"b": (3, 4, 5)}], "z": None, "c": {1, 2, 3}},
        "text": "lorem ipsum dolor sit amet " * 6, "tuple1": (1,), "bytes": b"0123456789" * 12, "ba": bytearray(b"xyz" * 30),
        "empty": [], "fs": frozenset({3, 1, 2}), 10: 1.5, "emptyset": set()}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(data, sort_dicts=False, width=60)
print(pprint.pformat(list(range(40)), width=30, compact=True))
print(pprint.pformat((1, [2, (3, {4: 5})]), depth=1), pprint.pformat((1, [2, (3, {4: 5})]), depth=2))
rec = [1, 2]; rec.append(rec)
print(pprint.saferepr(rec).split(" with id=")[0], pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, "a"]))
d = {"k": 1}; d["self"] = d
print(pprint.pformat(d).split(" with id=")[0])
pprint.pp({"b": 1, "a": [1] * 40})
print(pprint.pformat(12345678901234567890, underscore_numbers=True), pprint.pformat([10**6], underscore_numbers=True))
print(pprint.pformat(types.SimpleNamespace(alpha=list(range(25)), beta="x" * 50, gamma={"q": 1})))
print(pprint.pformat(types.MappingProxyType({"key%d" % i: i for i in range(12)})))
print(pprint.pformat("a very long single string that will need to be broken into several pieces\nwith a newline too", width=30))
print(pprint.pformat(["a very long single string that will need to be broken into several pieces"], width=30))
print(pprint.pformat({1: "x", "a": 2, (1, 2): None, None: 3}))
print(pprint.pformat(b"\x00\x01abc" * 10, width=25))
class P(list):
    def __repr__(self): return "P!" * 50
print(pprint.pformat([P()], width=20))
for bad in [lambda: pprint.PrettyPrinter(indent=-1), lambda: pprint.PrettyPrinter(depth=0), lambda: pprint.PrettyPrinter(width=0)]:
    try: bad()
    except ValueError as e: print("ValueError", e)
class S:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
s = S(); pprint.PrettyPrinter(stream=s, width=10).pprint([1, 2, 3, 4, 5])
print(s.parts)
print(pprint.pformat([[1, 2, [3, [4, [5, [6]]]]]] * 3, width=15))
