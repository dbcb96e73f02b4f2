# floor division, modulo and divmod with every sign combination
vals = [0, 1, -1, 3, -3, 7, -7, 2**62, -2**62, 2**62 - 1, 10**20 + 7, -(10**20 + 7), 2**100, -2**100]
for a in vals:
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a // b, a % b, q, r)
print((-4611686018427387904) // -1, divmod(-4611686018427387904, -1))
for f in (lambda: 7 // 0, lambda: 7 % 0, lambda: divmod(7, 0), lambda: 10**30 // 0,
          lambda: 10**30 % 0, lambda: divmod(10**30, 0), lambda: 0 // 0, lambda: True // False):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(True // True, True % True, divmod(True, True))
