# slice objects
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), slice("a", [1], None), s.start, s.stop, s.step)
print(s.indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(10), slice(-3, None, -2).indices(7))
print(slice(10**30, -10**30, -1).indices(5), slice(None).indices(0), slice(5, 1).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1) != slice(1), s == s)
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: hash(s))
err(lambda: slice())
err(lambda: slice(1, 2, 3, 4))
err(lambda: slice(1, step=2))
err(lambda: slice(1, 2, 0).indices(5))
err(lambda: slice(1.5).indices(5))
err(lambda: s.indices(-1))
err(lambda: s.indices("a"))
err(lambda: [1, 2][1.5:])
err(lambda: setattr(s, "start", 3))
print([0, 1, 2, 3, 4][s], "abcdef"[slice(None, None, 2)], (0, 1, 2)[slice(-1, None, -1)])
class I:
    def __index__(self):
        return 2
print([0, 1, 2, 3][I():], slice(I(), I()).indices(5), s.__reduce__())
