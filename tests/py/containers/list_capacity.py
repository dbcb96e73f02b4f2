# list over-allocation (sys.getsizeof) for each way a list is built or grown
import sys
g = sys.getsizeof
def slots(l):
    return (g(l) - g([])) // 8
def gen(n):
    yield from range(n)
class Hint:
    def __init__(self, h):
        self.h = h
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return self.h
print([slots([1, 2, 3]), slots([1, 2, 3, 4, 5]), slots([*range(3)]), slots([*(1, 2, 3)]), slots([*[1, 2, 3]])])
print([slots(list(range(n))) for n in range(12)])
print([slots(list(tuple(range(n)))) for n in range(12)])
print([slots(list(gen(n))) for n in range(12)])
print(slots(list("abc")), slots(list({1: 2, 3: 4})), slots(list({1, 2, 3})), slots(sorted((3, 2, 1))))
print(slots(list(map(int, "123"))), slots(list(zip("ab", "cd"))), slots(list(reversed([1, 2, 3]))))
x = [1]; x.extend((1, 2, 3)); print(slots(x))
x = []; x.extend((1, 2, 3)); print(slots(x))
x = []; x.extend(range(5)); print(slots(x))
x = []; x.extend(gen(5)); print(slots(x))
x = []; x += (1, 2, 3); print(slots(x))
a = [1, 2]; b = [3]; print(slots(a + b), slots(a * 3), slots(a[:]), slots(a[1:]))
a = [1, 2, 3]; a.extend(a); print(slots(a))
x = 0; print(slots([i for i in range(5)]), slots([1, 2, 3, x]), slots([x, 1, 2]))
x = []; x[:] = (1, 2, 3); print(slots(x))
x = list(range(10)); del x[2:]; print(slots(x))
x = list(range(100)); del x[60:]; print(slots(x)); del x[20:]; print(slots(x))
for h in [0, 1, 5, 2**62, 2**63 - 1]:
    for start in ([], [0]):
        try:
            l = list(start); l.extend(Hint(h)); print(h, l, slots(l))
        except MemoryError:
            print(h, "MemoryError")
