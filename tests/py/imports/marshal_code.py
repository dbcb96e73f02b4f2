# Code objects round-trip through marshal and still run.
import marshal
src = '''
def outer(a, b=2, *args, c, **kw):
    total = [i * 2 for i in a]
    def inner(x):
        return x + b
    return inner(sum(total)) + c
class K:
    attr = 10
    def m(self):
        return self.attr
async def coro():
    return 1
def gen():
    yield from range(3)
RESULT = (outer([1, 2, 3], c=4), K().m(), list(gen()), (lambda q: q * 3)(5))
'''
code = compile(src, "virtual_file.py", "exec")
data = marshal.dumps(code)
code2 = marshal.loads(data)
print(type(code2).__name__, code2 == code, code2.co_filename, code2.co_name)
ns = {}
exec(code2, ns)
print(ns["RESULT"])
f = ns["outer"].__code__
print(f.co_name, f.co_qualname, f.co_varnames, f.co_argcount, f.co_kwonlyargcount, f.co_flags & 0xc)
print(f.co_freevars, f.co_cellvars, f.co_firstlineno, [getattr(c, "co_name", c) for c in f.co_consts])
print([c.co_name for c in code2.co_consts if hasattr(c, "co_name")])
print(list(f.co_lines()) == list(marshal.loads(marshal.dumps(f)).co_lines()))
print(f.co_code == marshal.loads(marshal.dumps(f)).co_code)
# A code object that has already run (and may be specialised) dumps the same.
for i in range(50):
    ns["outer"]([1], c=1)
print(marshal.loads(marshal.dumps(ns["outer"].__code__)) == f)
try:
    marshal.loads(marshal.dumps(f)[:20])
except (EOFError, ValueError) as e:
    print(type(e).__name__)
