# Comparison, hashing, truth, conversions, rounding, format, containment, iteration and call protocols.
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("E.eq", self.v, getattr(o, 'v', o))
        return isinstance(o, E) and self.v == o.v
print(E(1) == E(1), E(1) != E(2), E(1) == 1, 1 == E(1))
try: hash(E(1))
except TypeError as e: print(e)
print(E.__hash__)
class EH(E):
    __hash__ = object.__hash__
print(type(hash(EH(1))).__name__)
class OnlyNe:
    def __ne__(self, o): return "custom ne"
print(OnlyNe() != 1, OnlyNe() == OnlyNe())
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Lt({self.v})"
print(sorted([Lt(3), Lt(1), Lt(2)]), Lt(1) > Lt(0), max(Lt(1), Lt(5)))
try: Lt(1) <= Lt(2)
except TypeError as e: print(e)
try: 1 < "a"
except TypeError as e: print(e)
try: object() < object()
except TypeError as e: print(e)
try: [1] < (1,)
except TypeError as e: print(e)
class Hs:
    def __hash__(self): return 10**30
print(hash(Hs()))
class Hs2:
    def __hash__(self): return -1
print(hash(Hs2()))
class Hs3:
    def __hash__(self): return "x"
try: hash(Hs3())
except TypeError as e: print(e)
class Hs4:
    __hash__ = None
try: hash(Hs4())
except TypeError as e: print(e)
try: {Hs4(): 1}
except TypeError as e: print(e)
class HI(int): pass
print(hash(HI(5)))
class B1:
    def __bool__(self): return False
class B2:
    def __len__(self): return 0
class B3:
    def __len__(self): return 3
class B4:
    def __bool__(self): return 1
class B5:
    def __len__(self): return -1
class B6:
    def __len__(self): return 2**70
class B7:
    def __len__(self): return "x"
print(bool(B1()), bool(B2()), bool(B3()), not B1(), bool(object()))
for cls in (B4, B5, B6, B7):
    try: print(bool(cls()))
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
for cls in (B5, B6, B7):
    try: print(len(cls()))
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
class L8:
    def __len__(self): return True
print(len(L8()))
class II:
    def __index__(self): return 7
    def __int__(self): return 8
    def __float__(self): return 9.5
    def __complex__(self): return 1j
print(int(II()), float(II()), complex(II()), [0]*10 and list(range(10))[II()], operator_index := None)
class OnlyInt:
    def __int__(self): return 3
print(int(OnlyInt()))
try: [1][OnlyInt()]
except TypeError as e: print(e)
try: float(OnlyInt())
except TypeError as e: print(e)
class OnlyIndex:
    def __index__(self): return 4
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))
class BadInt:
    def __int__(self): return "x"
try: int(BadInt())
except TypeError as e: print(e)
class BadIndex:
    def __index__(self): return 1.5
try: [1][BadIndex()]
except TypeError as e: print(e)
class BadFloat:
    def __float__(self): return 1
try: float(BadFloat())
except TypeError as e: print(e)
class SubIntRet:
    def __int__(self): return True
class Trunc:
    def __trunc__(self): return 11
class R:
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
print(round(R()), round(R(), 2), R().__trunc__())
try: round(object())
except TypeError as e: print(e)
print(round(2.5), round(3.5), round(7, -1), round(1.25, 1))
class Fm:
    def __format__(self, spec): return f"<{spec}>"
print(format(Fm(), "abc"), f"{Fm():xyz}", "{:q}".format(Fm()), f"{Fm()}")
try: format(object(), "x")
except TypeError as e: print(e)
class BadFm:
    def __format__(self, s): return 1
try: format(BadFm())
except TypeError as e: print(e)
print(format(object(), "")[:8], str(object()).startswith("<object"))
class Cn:
    def __contains__(self, x): return x == 3
print(3 in Cn(), 4 in Cn(), 4 not in Cn())
class GI:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(GI()), 20 in GI(), 5 in GI(), [x for x in GI()])
it = iter(GI()); print(next(it), next(it))
try: iter(object())
except TypeError as e: print(e)
try: 1 in object()
except TypeError as e: print(e)
class NoIter:
    __iter__ = None
try: iter(NoIter())
except TypeError as e: print(e)
class NoContains:
    __contains__ = None
    def __iter__(self): return iter([1])
try: 1 in NoContains()
except TypeError as e: print(e)
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
class RevSeq:
    def __len__(self): return 3
    def __getitem__(self, i): return i
print(list(reversed(RevSeq())))
try: reversed(object())
except TypeError as e: print(e)
class RevNone:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return 1
try: reversed(RevNone())
except TypeError as e: print(e)
class LH:
    def __iter__(self): return iter([1,2])
    def __length_hint__(self): return 10
print(list(LH()))
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, x=2), callable(Call()), callable(object()))
try: object()()
except TypeError as e: print(e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), sum(It()), *It())
class BadIter:
    def __iter__(self): return 5
try: iter(BadIter())
except TypeError as e: print(e)
try: next(object())
except TypeError as e: print(e)
