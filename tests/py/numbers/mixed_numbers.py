def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b, lambda a, b: a ** b]
vals = [2, True, 2.5, 1 + 1j, 2**70]
for a in vals:
    for b in vals:
        for op in ops:
            if op is ops[4] and b == 2**70:
                continue
            t(lambda: op(a, b))
for a in vals:
    for b in vals:
        t(lambda: a // b)
        t(lambda: a % b)
print(sum([1, 2.5, 1j]), sum([0.1] * 10), 3 * 0.1 == 0.3)
print(int("12") + float("1.5") + complex("1j"))
print(isinstance(1, (int, float)), isinstance(True, int), isinstance(1.0, int), issubclass(bool, int))
print(divmod(7, 2.0), divmod(7.5, 2), divmod(-7, 2.5))
print(max([1, 2.5, 2]), min(3, 2.0), abs(-3), abs(-3.5), abs(-3 + 4j))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(7, -1))
print(pow(2, 10), pow(2.0, 10), pow(2, -2), pow(-2, 0.5))
print(1 + 2 * 3 - 4 / 2 ** 2 % 3 // 1)
