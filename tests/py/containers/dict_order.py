# insertion order is kept through deletes, re-inserts and resizes
d = {}
for i in range(100):
    d[i * 7 % 101] = i
for i in range(0, 100, 3):
    del d[i]
print(list(d)[:20], len(d))
d[0] = "back"
print(list(d)[-3:])
for i in range(1000):
    d[("k", i)] = i
    if i % 2:
        del d[("k", i - 1)]
print(len(d), list(d)[-5:])
e = {}
for i in range(50000):
    e[i] = i
    if i % 3 == 0:
        del e[i // 2]
print(len(e), list(e)[:10], list(e)[-10:])
while len(e) > 10:
    e.popitem()
print(e)
