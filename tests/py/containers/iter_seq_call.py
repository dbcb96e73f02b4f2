# iter() over __getitem__ and iter(callable, sentinel)
class G:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i
it = iter(G())
print(type(it).__name__, next(it), list(it), list(it))
class S:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return i
print(list(S()))
n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(type(ci).__name__, list(ci), list(ci))
def stopper():
    raise StopIteration
print(list(iter(stopper, None)))
class L:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i
sit = iter(L())
print(sit.__length_hint__(), next(sit), sit.__length_hint__())
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
