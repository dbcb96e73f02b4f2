# set mutation methods
s = set()
s.add(1); s.add(2); s.add(1); print(s)
s.discard(1); s.discard(9); print(s)
s.remove(2); print(s)
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: s.remove(2))
err(lambda: s.remove((1, 2)))
err(lambda: s.pop())
err(lambda: s.add([]))
err(lambda: s.discard({}))
t = set(range(10))
print(t.pop(), t.pop(), t)
t.clear(); print(t)
u = set([1, 2])
u2 = u.copy(); u2.add(3); print(u, u2)
v = set([frozenset([1, 2]), 3])
print(set([1, 2]) in v, frozenset([1, 2]) in v, set() in v)
v.remove(set([1, 2])); print(v)
v.discard(set([3])); print(v)
print(v.__contains__(3), s.__len__())
big = set()
for i in range(200):
    big.add(i * 7919 % 1009)
for i in range(0, 200, 2):
    big.discard(i * 7919 % 1009)
print(len(big), list(big)[:15])
while len(big) > 5:
    big.pop()
print(big)
