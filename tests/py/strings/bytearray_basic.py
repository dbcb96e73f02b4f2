# bytearray construction, mutation and operators
a = bytearray(b"hello")
print(a, repr(a), len(a), a[0], a[-1], a[1:3], a[::-1], bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
a[0] = 72
a[1:3] = b"EY"
print(a)
a[1:3] = b"abcd"
print(a)
a[::2] = b"xyzw"
print(a)
del a[0]
del a[::2]
print(a)
a.append(33); a.extend(b"??"); a.extend([65, 66]); a.insert(0, 60); a.insert(-1, 61); a.insert(100, 62)
print(a, a.pop(), a.pop(0), a)
a.remove(33); a.reverse()
print(a, a.copy(), a.copy() is a)
a += b"+"; a *= 2
print(a, a + b"!", type(a + b"!").__name__, b"!" + a, type(b"!" + a).__name__, a * 0)
a.clear()
print(a, bytearray(b"x") == b"x", bytearray(b"a") < bytearray(b"b"), b"b" in bytearray(b"abc"))
b = bytearray(b"abc"); b[1:2] = []; print(b); b[0:0] = [120, 121]; print(b); b[:] = b; print(b)
b = bytearray(b"0123456789"); b[8:2:-3] = b"XY"; print(b); del b[8:2:-3]; print(b)
print(bytearray(b"ab").upper(), type(bytearray(b"ab").upper()).__name__, bytearray(b"a b").split(), list(bytearray(b"hi")))
for f in [lambda: bytearray(b"a").append(256), lambda: bytearray().pop(), lambda: bytearray(b"a").pop(5),
          lambda: bytearray(b"a").remove(98), lambda: bytearray(b"a").__setitem__(5, 1), lambda: bytearray(b"a").__setitem__(0, "x"),
          lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"x"), lambda: bytearray(b"a").__setitem__(slice(0, 1), 5),
          lambda: hash(bytearray()), lambda: bytearray(b"a") + "b", lambda: bytearray(b"a").extend(1), lambda: bytearray(b"a")["x"],
          lambda: bytearray(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class BA(bytearray):
    pass
print(BA(b"xy"), repr(BA(b"xy")))
c = bytearray(b"0123456789")
c[::-3] = b""
print(c)
c[1::2] = []
print(c)
