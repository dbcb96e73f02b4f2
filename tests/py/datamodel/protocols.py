# with-statement protocol, item access with slices, __instancecheck__/__subclasscheck__, object's methods.
class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self): print("enter"); return "val"
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return self.suppress
with CM(False) as x: print("body", x)
with CM(True): raise ValueError("boom")
print("after suppressed")
try:
    with CM(False): raise KeyError("k")
except KeyError as e: print("caught", e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter(): pass
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit(): pass
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
try:
    with object(): pass
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
class Sl:
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
s = Sl()
print(s[1], s[1:2], s[1:2:3], s[:], s[::2], s[1, 2], s[1:2, 3], s[...], s[:, None])
s[1:3] = [1]; del s[::2]; s[0] = 1; del s[0]
class NoSet:
    def __getitem__(self, k): return 1
try: NoSet()[0] = 1
except TypeError as e: print(e)
try: del NoSet()[0]
except TypeError as e: print(e)
try: object()[0]
except TypeError as e: print(e)
try: del (1,)[0]
except TypeError as e: print(e)
print(slice(1, 2, 3), slice(1, 2).indices(10), slice(None).start)
class OnlyDel:
    def __delitem__(self, k): print("del", k)
try: OnlyDel()[1] = 2
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
del OnlyDel()[1]
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instcheck", cls.__name__)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print("subcheck", cls.__name__, sub.__name__)
        return sub is int
class Any(metaclass=Meta): pass
print(isinstance(42, Any), isinstance(41, Any), issubclass(int, Any), issubclass(str, Any))
print(isinstance(Any(), Any))
print(isinstance(1, (str, Any)), issubclass(bool, (str, Any)))
class Proxy:
    __class__ = int
print(isinstance(Proxy(), int), type(Proxy()).__name__)
try: isinstance(1, 1)
except TypeError as e: print(e)
try: issubclass(1, int)
except TypeError as e: print(e)
try: issubclass(int, 1)
except TypeError as e: print(e)
class Ab:
    __bases__ = ()
print(issubclass(Ab(), Ab()) if False else "skip")
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), object().__ne__(None))
o = object()
print(o.__eq__(o), o.__ne__(o), o.__lt__(o), o.__hash__() == hash(o))
print(object.__repr__(5)[:14], object.__str__(5), object.__format__(5, ''))
try: object.__format__(5, 'x')
except TypeError as e: print(e)
print(object.__init_subclass__(), object.__subclasshook__(), object().__sizeof__(), (1).__sizeof__() > 0)
