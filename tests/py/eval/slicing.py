# Subscripts and slices through BINARY_SUBSCR / STORE_SUBSCR / BUILD_SLICE.
a = list(range(10))
print(a[2], a[-1], a[2:5], a[::3], a[-3:], a[:-7:-1])
a[1] = "x"
a[2:4] = ["y"]
del a[0]
print(a)
t = (1, 2, 3)
print(t[0], t[-1], t[1:])
try:
    t[3]
except IndexError as e:
    print(e)
try:
    a[100]
except IndexError as e:
    print(e)
try:
    a[100] = 1
except IndexError as e:
    print(e)
d = {"k": 1}
d["j"] = 2
print(d["k"], d)
try:
    d["missing"]
except KeyError as e:
    print(repr(e))
s = "hello"
print(s[1], s[1:3], s[::-1])
five = 5
try:
    five[0]
except TypeError as e:
    print(e)


class Sub(dict):
    def __missing__(self, key):
        return "default for " + key


print(Sub()["z"])
print(a[True], [1, 2][-2])
