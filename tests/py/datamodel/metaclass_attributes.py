# Attribute access on classes: metaclass descriptors, __getattr__/__getattribute__/__setattr__ on metaclasses, special methods of classes.
class Meta(type):
    @property
    def prop(cls): return "meta prop"
    def meth(cls): return "meta meth " + cls.__name__
    attr = "meta attr"
    def __getattr__(cls, name): return "meta getattr " + name
class C(metaclass=Meta):
    prop = "class prop"
    meth = lambda self: "class meth"
print(C.prop, C.meth(C()), C.attr, C.missing)
print(C().__class__.__name__)
try: C().prop2
except AttributeError as e: print(e)
print(C().prop)
class D(C): pass
print(D.prop, D.attr, D.missing)
class Meta2(type):
    def __getattribute__(cls, name):
        if name == "special": return "intercepted"
        return super().__getattribute__(name)
    def __setattr__(cls, name, value):
        print("meta setattr", name)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print("meta delattr", name)
        super().__delattr__(name)
class E(metaclass=Meta2):
    x = 1
print(E.special, E.x)
E.y = 2
del E.y
print(hasattr(E, 'y'))
class Meta3(type):
    def __dir__(cls): return ["custom", "dir"]
class F(metaclass=Meta3): pass
print(dir(F))
class Meta4(type):
    def __len__(cls): return 3
    def __iter__(cls): return iter("abc")
    def __getitem__(cls, k): return ("meta getitem", k)
    def __contains__(cls, x): return x == 1
    def __call__(cls, *a): return "called"
    def __bool__(cls): return False
    def __eq__(cls, o): return "meta eq"
    def __hash__(cls): return 7
    def __add__(cls, o): return "meta add"
class G(metaclass=Meta4): pass
print(len(G), list(G), G[5], 1 in G, G(), bool(G), G == 1, hash(G), G + 1, 1 + G if False else "")
class H(G): pass
print(len(H), H[1], H + 2)
print(type(C).__mro__, isinstance(C, Meta), isinstance(C, type), issubclass(Meta, type))
class Desc:
    def __get__(self, obj, cls): return ("Desc", obj, cls.__name__ if cls else None)
class Meta5(type):
    d = Desc()
class J(metaclass=Meta5): pass
print(J.d)
class Meta6(type):
    @classmethod
    def cm(mcls): return mcls.__name__
    @staticmethod
    def sm(): return "sm"
class K(metaclass=Meta6): pass
print(K.cm(), K.sm())
print(type.__dict__['__dict__'].__get__(K)['__module__'], type(K.__dict__))
