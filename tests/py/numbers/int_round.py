def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

for n in [0, 5, 15, 25, 1234, 1250, 1350, -1250, -1350, 1249, 1251, 10**20 + 5 * 10**9, -(10**30) - 5]:
    print(n, [round(n, d) for d in (-1, -2, -3, -10, -25, 0, 1, 5)])
t(lambda: round(5))
t(lambda: round(5, None))
t(lambda: round(5, 2**100))
t(lambda: round(5, -10**4))
t(lambda: round(5 * 10**100, -10**4))
t(lambda: round(5, 1.0))
t(lambda: round(5, "1"))
t(lambda: round(True, -1))
t(lambda: round(True))
t(lambda: round(150, -2))
t(lambda: round(250, -2))
t(lambda: round(-250, -2))
t(lambda: round(2**70, -20))
class I(int):
    pass
t(lambda: round(I(7)))
t(lambda: round(I(17), -1))
