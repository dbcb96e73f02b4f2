# subclasses of list
class L(list):
    def push(self, x):
        self.append(x)
l = L([3, 1, 2])
l.push(0)
print(l, type(l).__name__, len(l), l[1:], type(l[1:]).__name__, l + [9], type(l + [9]).__name__)
l.sort(); print(l, sorted(l), isinstance(l, list))
class M(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = True
m = M(range(3))
print(m, m.extra, m == [0, 1, 2])
class N(list):
    def __len__(self):
        return 100
print(len(N([1])), list(N([1, 2])))
