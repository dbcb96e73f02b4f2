# list construction, repr, indexing
a = [1, 2, 3]
print(a, [], [[]], [a, [a]], list(), list("abc"), list(range(3)), list((1, 2)), list({1: 2, 3: 4}))
print(a[0], a[-1], a[-3], a[True])
for i in (3, -4, 10**20):
    try:
        a[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(len(a), 2 in a, 4 in a, 4 not in a, bool([]), bool([0]))
b = a
b.append(4)
print(a, a is b, list(a) is a, list(a) == a)
