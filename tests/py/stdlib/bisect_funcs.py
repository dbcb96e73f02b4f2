import bisect

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)])
print([bisect.bisect_right(a, x) for x in range(10)])
print([bisect.bisect(a, x, 2, 5) for x in range(10)], bisect.bisect_left(a, 2, lo=2), bisect.bisect_right(a, 2, hi=3))
print(bisect.bisect_left(a, 4, 0, None), bisect.bisect_left([], 1), bisect.bisect_right('acegi', 'd'))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5); bisect.insort_right(b, 0, lo=0); print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1]); print(recs)
class Seq:
    def __init__(self): self.d = [10, 20, 30]
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
    def insert(self, i, x): self.d.insert(i, x)
s = Seq(); bisect.insort(s, 25); print(s.d, bisect.bisect(s, 25))
show(lambda: bisect.bisect_left(a, 1, -1))
show(lambda: bisect.bisect_left(a))
show(lambda: bisect.bisect_left(a, 1, 'x'))
show(lambda: bisect.bisect_left(a, 1, 0, 'x'))
show(lambda: bisect.bisect_left(1, 1))
show(lambda: bisect.bisect_left([1, 'a'], 2))
show(lambda: bisect.bisect_left(a, 1, 0, 100))
show(lambda: bisect.insort(a, 1, foo=2))
show(lambda: bisect.bisect_right(a, 1, 0, 3, None))
print(sorted(n for n in dir(bisect) if not n.startswith("_")))
