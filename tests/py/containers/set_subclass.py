# subclasses of set and frozenset
class S(set):
    pass
s = S([1, 2, 3])
print(s, type(s).__name__, repr(S()), type(s | {4}).__name__, type(s.copy()).__name__, type(s - {1}).__name__)
class F(frozenset):
    pass
f = F([1, 2])
print(f, type(f).__name__, repr(F()), type(f | {3}).__name__, type(f.copy()).__name__, f == frozenset([1, 2]), hash(f) == hash(frozenset([1, 2])))
class R(set):
    def __repr__(self):
        return "R!"
print(R([1]), [R([1])])
s2 = S([1])
s2.add(s2.__class__.__name__)
print(len(s2))
