# set iteration and mutation detection
s = set(range(5))
it = iter(s)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
s.add(10)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
s = set(range(5))
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = set(range(5))
for x in s:
    s.discard(x)
    s.add(x + 100)
    break
print(sorted(s))
print(sorted(set([3, 1, 2])), list(set([3, 1, 2])), [x for x in frozenset([8, 4])])
