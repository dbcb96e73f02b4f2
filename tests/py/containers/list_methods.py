# list methods
a = [1, 2, 3]
a.append(4); print(a)
a.extend([5, 6]); print(a)
a.extend(range(7, 9)); print(a)
a.extend(x for x in (9, 10)); print(a)
a.extend(a[:2]); print(a)
a.insert(0, 0); a.insert(-1, -1); a.insert(100, 100); a.insert(-100, -100); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(5); print(a)
print(a.index(7), a.index(1, 2), a.index(2, -3), a.count(1), a.count(42))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
print(a.__len__(), a.__contains__(3), a.__getitem__(0))
c = []
c += [1]; c += (2, 3); c += range(2); c *= 2; print(c)
c *= 0; print(c)
d = [1, 2]; e = d; d *= 3; print(d is e, e)
