# super() objects: descriptors through super, properties, class-level super, unbound super, errors.
class A:
    x = "A.x"
    @property
    def p(self): return "A.p"
    @p.setter
    def p(self, v): print("A.p setter", v)
    @staticmethod
    def s(v): return ("A.s", v)
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
    def __repr__(self): return "A-repr"
class B(A):
    x = "B.x"
    @property
    def p(self): return "B.p>" + super().p
    @p.setter
    def p(self, v):
        try: super().p = v
        except AttributeError as e: print("AttributeError", e)
        A.p.fset(self, v)
b = B()
print(b.p, super(B, b).x, super(B, b).s(1), super(B, b).c(), super(B, B).c(), super(B, B).s(2))
b.p = 5
print(super(B, b).__repr__(), repr(super(B, b))[:30])
try: super(B, b).nope
except AttributeError as e: print(e)
try: del super(B, b).x
except AttributeError as e: print(e)
print(super(B, b).__class__, super(B, b).__self__ is b, super(B, B).__self__, super(B, B).__self_class__)
print(super(A, b).__init__ == object.__init__.__get__(b), type(super(A, b).__init__).__name__)
class C(B):
    def who(self): return [super().x, super(B, self).x, super(C, self).p]
print(C().who())
s = super(B)
print(s.__get__(b).x, s.__get__(b, B).x, repr(s)[:30])
class D:
    sup = super(B)
try: print(D().sup)
except TypeError as e: print("TE", e)
try: super(B, A())
except TypeError as e: print(e)
try: super(A, 5)
except TypeError as e: print(e)
try: super(int, 5).__add__
except AttributeError as e: print(e)
print(super(bool, True).__add__(1), super(bool, True).__repr__())
class Meta(type):
    def __call__(cls, *a):
        inst = super().__call__(*a)
        return ("wrapped", type(inst).__name__)
class W(metaclass=Meta): pass
print(W())
class G:
    def gen(self):
        yield super().__repr__ is not None
        try:
            yield [super().__class__ for _ in range(1)]
        except TypeError as e:
            yield "TypeError: " + str(e)
print(list(G().gen()))
class H(list):
    def append(self, x):
        return super().append(x * 10)
h = H(); h.append(1); print(h)
class NS:
    def f(self):
        return super().__getattribute__('__class__')
print(NS().f())
class Q:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.made = True
class R(Q): pass
print(R.made)
class SlotsSuper:
    __slots__ = ('v',)
    def __init__(self): super().__init__(); self.v = 1
print(SlotsSuper().v)
