l = list(range(10)); t = tuple(l); s = "héllo wörld"; b = b"bytes"
for c in (l, t, s, b):
    for a in (None, -20, -3, 0, 2, 5, 20):
        for z in (None, -20, -3, 0, 2, 7, 20):
            print(c[a:z], end=" ")
    print()
class L(list): pass
x = L([1,2,3]); print(type(x[1:]), x[1:])
print(l[2**70:], l[:2**70], l[-2**70:3], s[True:3])
try: l["a":2]
except TypeError as e: print(e)
d = {}
try: d[1:2]
except TypeError as e: print(e)
i = 0
while i < 3:
    print(l[i:i+2], s[i:], t[:i]); i += 1
