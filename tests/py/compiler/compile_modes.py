# compile() in exec, eval and single modes; flags; the interactive
# displayhook; dont_inherit and optimize.
code = compile("a = 1\nb = a + 1\n", "<exec>", "exec")
ns = {}
exec(code, ns)
print(ns["a"], ns["b"])
print(eval(compile("2 * 21", "<eval>", "eval")))
print(eval("[x for x in range(3)]"))
exec(compile("print('single mode')", "<single>", "single"))
exec(compile("1 + 1", "<single>", "single"))
exec(compile("for i in range(2): i\n", "<single>", "single"))
exec(compile("None", "<single>", "single"))
print(compile("x", "<eval>", "eval").co_names)
c = compile("assert False, 'not run'", "<o>", "exec", optimize=1)
exec(c)
print("assert skipped with optimize=1")
c = compile("def f():\n    'doc'\n    return __debug__\n", "<o>", "exec", optimize=2)
ns = {}
exec(c, ns)
print(ns["f"].__doc__, ns["f"]())
c = compile("def f():\n    'doc'\n", "<o>", "exec", optimize=0)
ns = {}
exec(c, ns)
print(ns["f"].__doc__)
try:
    compile("x = (", "<bad>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile("1 +", "<bad>", "eval")
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
try:
    compile("x = 1", "<m>", "badmode")
except ValueError as e:
    print(type(e).__name__, e)
