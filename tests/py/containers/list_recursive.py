# recursive structures in repr
a = [1]
a.append(a)
print(a, str(a), repr(a))
b = [a, [a]]
print(b)
d = {"k": a}
a.append(d)
print(a)
t = (a,)
print(t)
c = []
c.append((c,))
print(c)
print(a == a)
