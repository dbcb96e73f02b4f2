# tuple hashes equal CPython's exactly
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1, -2)))
print(hash(((), ())), hash((1, (2, (3, 4)))), hash((0,) * 10), hash((2**70, -2**65)))
print(hash((1.5, 2.25)), hash((True, False)), hash(("",)) == hash(("",)))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
d = {(1, 2): "a", (1, 2.0): "b"}
print(d)
print(len({(i, j) for i in range(10) for j in range(10)}))
