vals = [0, 1, -1, 2**53, 2**53 + 1, -(2**53 + 1), 2**62, 2**63 - 1, 10**30, -10**30]
fl = [0.0, -0.0, 1.0, -1.0, 0.5, 9007199254740992.0, 9007199254740994.0, 1e30, -1e30, 1e300,
      float('inf'), float('-inf'), float('nan')]
for a in vals:
    print([a < b for b in vals], [a == b for b in vals])
for a in vals:
    for b in fl:
        print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a, b > a)
print(2**53 + 1 == 9007199254740992.0, 2**53 + 1 > 9007199254740992.0, 2**1024 > 1e308, 2**1024 < float('inf'))
print(10**400 > 1e308, -10**400 < -1e308, 10**400 == float('inf'), 10**400 < float('nan'))
print(1 == 1.0, True == 1, True == 1.0, False == 0.0, hash(1) == hash(1.0) == hash(True))
print(3 < 4 < 5, 3 < 4 > 5, 1 == True, (1 < 2) == True)
for f in (lambda: 1 < "a", lambda: 1 >= None, lambda: 2**100 < [], lambda: True > ()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(1 == "1", 1 != "1", 1 == None, (1).__eq__("x"), (1).__lt__(2.0), (1).__lt__(2))
print(sorted([3, 1.5, 2**70, -2**70, True, 0.0, -1]))
print(max(1, 2.0, 2), min(0, -0.0, False))
