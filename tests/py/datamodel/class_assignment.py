# __class__ assignment rules, module objects, mappingproxy, dir() and vars().
class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a).__name__)
try: a.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = bool
except TypeError as e: print(e)
class S1:
    __slots__ = ('x',)
class S2:
    __slots__ = ('x',)
class S3:
    __slots__ = ('y', 'z')
s = S1()
s.__class__ = S2
print(type(s).__name__)
try: s.__class__ = S3
except TypeError as e: print(e)
try: s.__class__ = A
except TypeError as e: print(e)
class L1(list): pass
class L2(list): pass
l = L1([1])
l.__class__ = L2
print(type(l).__name__, l)
try: l.__class__ = list
except TypeError as e: print(e)
try: del a.__class__
except TypeError as e: print(e)
try: a.__class__ = 5
except TypeError as e: print(e)
import sys
m = type(sys)
class MyMod(m): 
    def hello(self): return "hi"
sys.modules[__name__].__class__ = MyMod
print(sys.modules[__name__].hello())
print(type(m).__name__, m.__name__, m('foo'), m('foo').__dict__, m('foo', 'doc').__doc__)
mod = m('bar')
mod.x = 1
print(mod.x, vars(mod)['x'], sorted(vars(mod)))
try: mod.nope
except AttributeError as e: print(e)
def mga(name): return "got " + name
mod.__getattr__ = mga
print(mod.nope)
print(repr(m('z'))[:13])
mod.__dir__ = lambda: ['a', 'b']
print(dir(mod))
try: m()
except TypeError as e: print(e)
print(type(A.__dict__).__name__, A.__dict__['__module__'], 'x' in A.__dict__, len(B.__dict__) > 0)
mp = int.__dict__
print(type(mp).__name__, mp['real'].__name__, mp.get('zzz'), 'real' in mp)
try: mp['q'] = 1
except TypeError as e: print(e)
try: del mp['real']
except TypeError as e: print(e)
print(type(mp.keys()).__name__, type(mp.copy()).__name__)
print(repr(A.__dict__)[:12])
class Ord:
    b = 1
    a = 2
    def c(self): pass
print(list(Ord.__dict__)[:5])
print(dir(Ord)[-3:], [x for x in dir(Ord()) if not x.startswith('_')])
o = Ord(); o.z = 1; o.y = 2
print(list(vars(o)), dir(o)[-5:])
print(dir(1)[:3], 'bit_length' in dir(int))
def f(): pass
f.attr = 1
print(vars(f), f.__dict__)
print(dir(A) == sorted(set(dir(A))))
try: dir(1, 2)
except TypeError as e: print(e)
class BadDir:
    def __dir__(self): return 5
try: dir(BadDir())
except TypeError as e: print(e)
class TupDir:
    def __dir__(self): return ('b', 'a')
print(dir(TupDir()))
