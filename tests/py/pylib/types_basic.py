import types
print(types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.ModuleType, types.CodeType, types.FrameType, types.TracebackType, types.CellType)
print(types.GetSetDescriptorType, types.MemberDescriptorType, types.MappingProxyType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
print(types.NoneType, types.EllipsisType, types.NotImplementedType, types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType, types.ClassMethodDescriptorType)
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns == types.SimpleNamespace(a=1, b='x'), ns != types.SimpleNamespace(a=2))
ns.self = ns
print(ns)
class N(types.SimpleNamespace): pass
print(N(x=1), N(x=1) == types.SimpleNamespace(x=1))
try: types.SimpleNamespace(1)
except TypeError as e: print(str(e).replace("types.", ""))
try: hash(ns)
except TypeError as e: print(str(e).replace("types.", ""))
m = types.ModuleType('mod', 'docs'); print(m, m.__doc__)
mp = types.MappingProxyType({'a': 1}); print(mp, mp['a'])
try: mp['b'] = 2
except TypeError as e: print(str(e).replace("types.", ""))
C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=1))
print(C, C.x)
class Meta(type):
    @classmethod
    def __prepare__(m, n, b, **kw): return {'prep': kw}
print(types.prepare_class('X', (), {'metaclass': Meta, 'k': 1}))
class E:
    def __mro_entries__(self, bases): return (dict,)
print(types.resolve_bases((int, E())))
class A:
    @types.DynamicClassAttribute
    def name(self): return 'nm'
print(A().name)
try: A.name
except AttributeError as e: print('AE', e)
def meth(self): return self
mm = types.MethodType(meth, 5); print(mm(), mm.__self__)
try: types.new_class('Z', (int, type('M2', (type,), {})('Q', (), {})))
except TypeError as e: print(str(e).replace("types.", ""))
D = types.new_class('D', (E(),)); print(D.__bases__, type(D.__orig_bases__[0]).__name__)
@types.coroutine
def legacy():
    x = yield "legacy"
    return x
async def use():
    return await legacy()
c = use(); print(c.send(None))
try: c.send(5)
except StopIteration as e: print('stop', e.value)
print(types.coroutine(use) is use)
print(isinstance(types.SimpleNamespace, type), types.SimpleNamespace.__module__)
