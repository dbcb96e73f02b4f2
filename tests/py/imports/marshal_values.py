# marshal round trips of every supported value type (Krait's own format:
# only the values, not the bytes, are compared with CPython).
import marshal
values = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 2**31, 2**62 - 1, 2**62, -2**62, -2**62 - 1,
          2**63, -2**64, 10**100, -10**100, 1.5, -0.0, float("inf"), -float("inf"), 1e300, 5e-324,
          1 + 2j, -0j, complex(float("inf"), -1.5), "", "abc", "é", "\udc80x", "𝄞 and ✓", "a" * 1000,
          b"", b"\x00\xff" * 3, (), (1,), (1, "a", (2.0, (None,))), [], [1, [2, [3]]], {},
          {"a": 1, (1, 2): [3], 2.5: {"n": None}}, set(), {1, 2, 3}, frozenset(), frozenset({"x", 1}),
          {frozenset({1}): (frozenset(),)}]
for v in values:
    r = marshal.loads(marshal.dumps(v))
    same = r == v or (v != v and r != r)
    print(repr(r)[:60], type(r).__name__, same, type(r) is type(v))
nan = marshal.loads(marshal.dumps(float("nan")))
print(nan != nan, str(marshal.loads(marshal.dumps(-0.0))))
print(marshal.loads(marshal.dumps(True)) is True, marshal.loads(marshal.dumps(None)) is None)
print(marshal.loads(marshal.dumps(bytearray(b"ab"))))
# Shared and self-referencing containers survive.
l = []; l.append(l)
r = marshal.loads(marshal.dumps(l)); print(r, r[0] is r)
d = {}; d["self"] = d
r = marshal.loads(marshal.dumps(d)); print(r, r["self"] is r)
t = ([],); t[0].append(t)
r = marshal.loads(marshal.dumps(t)); print(r[0][0] is r)
inner = [1, 2]
r = marshal.loads(marshal.dumps([inner, inner, (inner,)])); print(r, r[0] is r[1], r[2][0] is r[0])
s = "shared string"
r = marshal.loads(marshal.dumps((s, s))); print(r[0] is r[1])
print(marshal.loads(marshal.dumps(1) + b"trailing data ignored"))
print(marshal.version, marshal.dumps(5, 0) is not None, marshal.loads(marshal.dumps("x", 2)))
print(marshal.loads(bytearray(marshal.dumps([1]))))
