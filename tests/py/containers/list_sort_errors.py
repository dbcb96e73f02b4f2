# list.sort errors and mutation during sort
a = [3, "x", 1]
try:
    a.sort()
except TypeError as e:
    print(type(e).__name__, e)
print(a)
b = [3, 1, 2]
def key(v):
    b.append(v)
    return v
try:
    b.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(b)
c = [3, 1, 2]
def key2(v):
    return len(c)
c.sort(key=key2)
print(c)
def badkey(v):
    if v == 2:
        raise KeyError("boom")
    return v
d = [3, 2, 1]
try:
    d.sort(key=badkey)
except KeyError as e:
    print(type(e).__name__, e)
print(d)
class Bad:
    def __lt__(self, other):
        raise RuntimeError("no order")
try:
    sorted([Bad(), Bad()])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(reverse=None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([2, 1], reverse=1), sorted([2, 1], key=None))
class Cnt:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Cnt.n += 1
        return self.v < o.v
xs = [Cnt(i) for i in range(100)]
xs.sort()
print(Cnt.n)
