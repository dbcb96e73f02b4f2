# exec, eval, compile, globals, locals.
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("a", {}, {"a": "local"}))
ns = {}
exec("def f(n):\n    return n * 2\nz = f(21)", ns)
print(ns["z"], "f" in ns, "__builtins__" in ns)
code = compile("1 + 2", "<calc>", "eval")
print(eval(code), code.co_filename)
exec(compile("print('compiled exec')", "<ex>", "exec"))


def scope():
    local_var = 5
    return sorted(locals()), "x" in globals()


print(scope())
g = {"__builtins__": {"len": len}}
print(eval("len('abc')", g))
try:
    eval("print(1)", g)
except NameError as e:
    print("NameError:", e)
for bad in ["eval('1 +')", "compile('x', 'f', 'bogus')", "exec(5)", "eval('x = 1')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
