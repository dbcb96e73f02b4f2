# range construction, repr, len, indexing, slicing
print(range(5), range(1, 5), range(1, 5, 2), range(5, 1, -1), range(0), range(-3))
print(list(range(5)), list(range(1, 10, 3)), list(range(10, 1, -3)), list(range(0)), list(range(5, 5)))
print(len(range(10)), len(range(1, 10, 3)), len(range(10, 1, -3)), len(range(5, 1)), len(range(-5, 100, 7)))
r = range(10, 0, -3)
print(r[0], r[-1], r[3], r[::-1], r[1:], r[::2], r[10:], r[:-10], list(r[::-1]))
print(range(0, 100, 3)[5:-5:4], range(0, 100, 3)[50:-500], range(0, 100, 3)[::-7], range(10)[::10**20])
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)))
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: r[4])
err(lambda: r[-5])
err(lambda: r["a"])
err(lambda: range(1, 2, 0))
err(lambda: range(1.5))
err(lambda: range())
err(lambda: range(1, 2, 3, 4))
err(lambda: range(stop=3))
err(lambda: r[::0])
err(lambda: setattr(r, "start", 1))
class I:
    def __index__(self):
        return 4
print(range(I()), range(I(), 10)[I()], list(range(True, 3)))
