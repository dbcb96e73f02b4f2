# list iterators
a = [1, 2, 3]
it = iter(a)
print(type(it).__name__, it.__length_hint__(), next(it))
a.append(4)
print(list(it), list(it))
a.append(5)
print(list(it))
r = reversed(a)
print(type(r).__name__, r.__length_hint__(), next(r), list(r), list(r))
b = [1, 2, 3, 4]
for x in b:
    if x == 2:
        b.remove(x)
print(b)
c = [1, 2, 3]
r = reversed(c)
next(r)
c.clear()
print(list(r))
print(list(reversed([])), [x for x in reversed(range(3))])
