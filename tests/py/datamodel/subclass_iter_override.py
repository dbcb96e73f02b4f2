# A subclass's __iter__ is used by every consumer (no fast path for subclasses of list/tuple/dict/str/set).
class IL(list):
    def __iter__(self): return iter(["o1", "o2"])
class IT(tuple):
    def __iter__(self): return iter(["t1"])
class ID(dict):
    def __iter__(self): return iter(["k"])
    def keys(self): return ["k"]
    def __getitem__(self, k): return "v"
class IS(str):
    def __iter__(self): return iter("XY")
class ISet(set):
    def __iter__(self): return iter([9])
for o in (IL([1, 2]), IT((1, 2)), ID(a=1), IS("ab"), ISet([1])):
    r = []
    r.append(list(o)); r.append(tuple(o)); r.append(sorted(o)); r.append(set(o) if not isinstance(o, IL) or True else 0)
    r.append([*o]); r.append((*o,)); r.append({*o}); 
    a, *b = o if len(o) > 1 or True else [0, 0]
    r.append((a, b))
    r.append(list(map(str, o))); r.append(list(zip(o, o))); r.append(list(enumerate(o))); r.append(" ".join(map(str, o)))
    r.append(min(o)); r.append(list(reversed(list(o)))); r.append(any(o)); r.append(dict.fromkeys(o))
    l = []; l.extend(o); r.append(l); l2 = []; l2 += o; r.append(l2)
    r.append(frozenset(o)); r.append(list(iter(o)))
    print(type(o).__name__, r)
def f(*a, **k): return a, k
print(f(*IL([1])), f(*IT((1,))), f(**ID(a=1)))
print(dict(ID(a=1)), {**ID(a=1)}, dict(IL([(1, 2)])) if False else "")
print(str.join(",", IS("ab")), ",".join(IL(["a"])))
print(set().union(IL([1])), [1].__eq__(IL([1])), IL([1]) == [1], list.__init__.__name__)
x = [0, 0]; x[0:2] = IL([5, 6]); print(x)
print(tuple(IL([1])) + (), len(IL([1,2,3])))
