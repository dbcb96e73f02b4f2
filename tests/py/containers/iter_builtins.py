# enumerate, zip, map, filter, reversed
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
print(list(enumerate("ab", 2**64)), type(enumerate([])).__name__)
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), [4, 5, 6], (7, 8, 9))), list(zip("a")))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(lambda v: v % 2, range(10))), list(filter(bool, [0, 3])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), list(iter(Seq())), 20 in Seq())
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__())
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: reversed(set()))
err(lambda: reversed({1: 2}.items()) and reversed(5))
err(lambda: reversed())
err(lambda: reversed([], []))
err(lambda: map(len))
err(lambda: map())
err(lambda: filter(None))
err(lambda: filter(None, 1))
err(lambda: zip(1))
err(lambda: zip([], foo=1))
err(lambda: enumerate())
err(lambda: enumerate([], "a"))
err(lambda: enumerate(5))
err(lambda: list(map(lambda x: 1 / x, [1, 0])))
class NR:
    __reversed__ = None
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
err(lambda: reversed(NR()))
class RR:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(RR())))
