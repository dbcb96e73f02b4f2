import reprlib
r = reprlib.repr
print(r(list(range(100))), r(tuple(range(10))), r((1,)), r(()), r([]))
print(r(set(range(20))), r(frozenset(range(3))), r(set()), r(frozenset()))
print(r({i: str(i) for i in range(10)}), r({}), r({'b': 1, 'a': 2}), r({1: 'a', 'x': 2}))
print(r("x" * 100), r("short"), r(2 ** 200), r(12345))
print(r([[[[[[[[1]]]]]]]]), r({'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}}))
class Big:
    def __repr__(self): return "B" * 50
class Bad:
    def __repr__(self): raise ValueError
print(r(Big()), r(Bad()).startswith("<Bad instance at 0x"))
a = reprlib.Repr(); a.maxlist = 2; a.maxstring = 10; a.fillvalue = "~~"
print(a.repr([1, 2, 3, 4]), a.repr("abcdefghijklmnop"), a.repr([]))
class Node:
    def __init__(self): self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children
print(repr(Node()), Node.__repr__.__name__)
class Other:
    @reprlib.recursive_repr("<loop>")
    def __repr__(self): return "O[%r]" % self.me
o = Other(); o.me = o
print(repr(o))
print(r(1.5), r(None), r(b"bytes" * 10))
