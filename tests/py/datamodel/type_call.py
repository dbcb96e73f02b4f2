# Calling type and its subclasses: argument errors, names, __slots__ names that the class statement inserts.
class M(type): pass
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {e}"
print(t(lambda: M(5)), t(lambda: M('a', (), {}, x=1)), t(lambda: type(5, x=1)), t(lambda: type('a', (), {}, 1)))
print(t(lambda: type.__new__(type, 5)), t(lambda: type.__new__(M, 'A', (), {}).__class__), t(lambda: type.__call__(int, '5')))
print(t(lambda: type.__init__(int)), t(lambda: type.__init__(int, 1, 2, 3)), t(lambda: type.__init__(int, 1, x=2)))
print(t(lambda: type('A', (), {'__slots__': ('__qualname__',)})))
try:
    class S:
        __slots__ = ('__qualname__',)
except ValueError as e: print(e)
try:
    class S2:
        __slots__ = ('__module__',)
except ValueError as e: print(e)
print(t(lambda: type('A', (), {'__qualname__': 5})), t(lambda: type('A\0', (), {})), t(lambda: type('é', (), {}).__name__))
print(t(lambda: type('A', (int, int), {})), t(lambda: type('A', (object, int), {}).__mro__))
A = type('A', (), {'__doc__': 'hi', 'x': 1, '__module__': 'm'})
print(A.__doc__, A.__module__, A.x, A, A.__qualname__)
print(t(lambda: type.__dict__['__name__'].__set__(A, 'B')), A.__name__, A)
print(t(lambda: setattr(A, '__name__', 'C')), A, t(lambda: setattr(int, '__qualname__', 'x')))
class Q: pass
Q.__qualname__ = 'Outer.Q'
print(Q, repr(Q()).split(' object')[0])
print(t(lambda: type.__subclasses__(1)), t(lambda: type.mro(1)), t(lambda: type.__prepare__(1, 2, 3, x=4)))
print(t(lambda: object.__subclasshook__(1)), t(lambda: type.__instancecheck__(int, 1)), t(lambda: type.__subclasscheck__(int, bool)))
print(t(lambda: int.__subclasscheck__(5)))
