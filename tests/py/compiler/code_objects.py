# Code objects: attributes, co_lines, co_positions, replace, equality.
def sample(a, b=1, *args, c, **kw):
    """doc"""
    x = a + b
    def inner():
        return x
    return inner

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_filename.endswith(".py"), co.co_firstlineno)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print(co.co_consts[0], type(co.co_code).__name__, len(co.co_code) % 2)
print(hex(co.co_flags), co.co_stacksize > 0)
inner = sample(1, c=0)
print(inner.__code__.co_freevars, inner.__code__.co_qualname, hex(inner.__code__.co_flags))
print(repr(co).startswith("<code object sample at 0x"), repr(co).endswith(', line %d>' % co.co_firstlineno))

def lines():
    a = 1
    b = 2
    return a + b
print(sorted({line for _, _, line in lines.__code__.co_lines() if line is not None}))
pos = [p for p in lines.__code__.co_positions() if p[0] is not None]
print(pos[0][0] == lines.__code__.co_firstlineno, all(len(p) == 4 for p in pos))

renamed = co.replace(co_name="renamed")
print(renamed.co_name, renamed.co_varnames == co.co_varnames, renamed == co, co == co.replace())
try:
    co.replace(co_nlocals=99)
except ValueError as e:
    print("ValueError", e)
try:
    co.replace(co_name=1)
except TypeError as e:
    print("TypeError", e)

c1 = compile("x = 1", "f.py", "exec")
c2 = compile("x = 1", "f.py", "exec")
print(c1 == c2, hash(c1) == hash(c2), c1 is c2)
print(compile("1 + 2", "e", "eval").co_consts, eval(compile("1 + 2", "e", "eval")))
print(type(co).__name__)
