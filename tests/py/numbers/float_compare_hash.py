inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1.0, 1.5, -1.5, 1e300, -1e300, inf, -inf, nan, 0, 1, -2, 2**53 + 1, 10**400]
for a in vals:
    print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals])
for v in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -1.5, 0.1, 1e300, -1e300, 5e-324, 1e-300, 2.0**61, 2.0**62, 2.0**100,
          -2.0**61, 1.7976931348623157e308, 123.456, -0.001, inf, -inf]:
    print(repr(v), hash(v), hash(v) == hash(int(v)) if v == v and abs(v) != inf and v == int(v) else '-')
n1, n2 = float('nan'), float('nan')
print(hash(n1) == hash(n1), n1 == n1, n1 is n1, [n1] == [n1], n1 in [n1], {n1: 1}[n1])
print(len({n1, n2, n1}), hash(nan) != -1)
print((1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__eq__("a"), (1.5).__ge__(None))
for f in (lambda: 1.5 < "a", lambda: 1.0 > None, lambda: nan <= []):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([3.5, -1, 2, 0.5, True, -0.0, 0]))
print({0.0: 'a', -0.0: 'b', 0: 'c', False: 'd'})
