# Module objects: creation, attributes, __getattr__/__dir__ hooks, subclasses, __class__ assignment, errors.
import sys
M = type(sys)
m = M("mymod", "the doc")
print(m, m.__name__, m.__doc__, sorted(vars(m)))
m.__file__ = "/x/mymod.py"
print(m)
del m.__file__
try: m.__dict__ = {}
except (AttributeError, TypeError) as e: print(type(e).__name__, e)
print(type(m.__dict__).__name__)
try: M(1)
except TypeError as e: print(e)
try: M("a", "b", "c")
except TypeError as e: print(e)
m2 = M.__new__(M)
print(repr(m2), m2.__dict__)
try: print(m2.__name__)
except AttributeError as e: print(e)
m3 = M("n")
del m3.__name__
print(repr(m3))
try: m3.foo
except AttributeError as e: print(e)
class Sub(M):
    def __repr__(self): return "<sub module>"
s = Sub("s")
print(s, s.__name__, isinstance(s, M))
s.x = 1
print(s.x, s.__dict__["x"])
m4 = M("withgetattr")
m4.__getattr__ = lambda name: f"lazy {name}"
print(m4.abc, getattr(m4, "zzz"), hasattr(m4, "q"))
print(dir(M("d"))[:3])
m5 = M("d5"); m5.__dir__ = lambda: ["z", "a"]
print(dir(m5))
mm = sys.modules[__name__]
print(mm.__name__, type(mm).__name__)
class MyMod(M):
    @property
    def computed(self): return "computed!"
mm.__class__ = MyMod
print(mm.computed, type(mm).__name__)
mm.__class__ = M
try: mm.computed
except AttributeError as e: print(e)
try: m.__class__ = int
except TypeError as e: print(e)
print(M.__dict__['__dict__'] if '__dict__' in M.__dict__ else 'no __dict__ descr')
print(sorted(k for k in M.__dict__))
m6 = M("spec")
class Spec:
    name = "spec"
    origin = "/o.py"
    loader = None
    _initializing = False
    submodule_search_locations = None
m6.__spec__ = Spec()
try: m6.missing
except AttributeError as e: print(e)
m6.__spec__._initializing = True
try: m6.missing
except AttributeError as e: print(e)
