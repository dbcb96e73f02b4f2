# deep nesting: building and freeing must not crash
a = []
for i in range(200000):
    a = [a]
del a
t = ()
for i in range(200000):
    t = (t,)
del t
d = {}
for i in range(100000):
    d = {"k": d}
del d
print("ok")
x = []
for i in range(100):
    x = [x]
try:
    repr([x] * 1) if False else None
except RecursionError:
    pass
print("done")
