# list slicing: get, set, delete, extended slices
a = list(range(10))
print(a[2:8:2], a[::-1], a[-3:], a[8:2:-3], a[:100], a[-100:3], a[5:2], a[::3], a[1::-1])
print(a[10**30:], a[-10**30:2], a[::10**30])
b = a[:]
b[2:5] = [100]; print(b)
b[1:1] = [7, 7, 7]; print(b)
b[:0] = "ab"; print(b)
b[len(b):] = (1, 2); print(b)
b[::2] = range(len(b[::2])); print(b)
b[-2::-3] = [0] * len(b[-2::-3]); print(b)
del b[::3]; print(b)
del b[::-2]; print(b)
del b[1:3]; print(b)
del b[5:100]; print(b)
b[:] = b; print(b)
b[1:3] = b; print(b)
b[::-1] = b; print(b)
c = [1, 2, 3]
c[0] = c; print(c)
del c[0]; print(c)
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def s1(): c[::2] = [1, 2, 3]
def s2(): c[::-1] = 5
def s3(): c[0:1] = 5
def s4(): c[::0] = []
def s5(): del c[::0]
def s6(): c[5] = 0
def s7(): del c[5]
def s8(): c["a"] = 1
err(s1); err(s2); err(s3); err(s4); err(s5); err(s6); err(s7); err(s8)
print(c)
d = list(range(6))
d[4:1] = ["x"]; print(d)
d[4:1:1] = ["y"]; print(d)
d[1:5:-1] = []; print(d)
