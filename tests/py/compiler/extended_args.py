# Code that needs EXTENDED_ARG: many constants, names and locals, long jumps,
# calls and literals with hundreds of items.
ns = {}

# 300 distinct constants and locals in one function.
body = "".join("    v%d = %d\n" % (i, i * 7) for i in range(300))
body += "    return v0 + v299 + v150, len([%s])\n" % ", ".join("v%d" % i for i in range(300))
exec("def many_locals():\n" + body, ns)
print(ns["many_locals"]())

# Names (globals/attributes) beyond 256.
src = "".join("g%d = %d\n" % (i, i) for i in range(300))
src += "total = " + " + ".join("g%d" % i for i in range(0, 300, 7)) + "\n"
exec(src, ns)
print(ns["total"], ns["g299"])

# A loop body long enough that its jumps need two bytes of argument.
body = "".join("        acc += %d\n" % i for i in range(400))
exec("def long_loop(n):\n    acc = 0\n    for i in range(n):\n" + body +
     "        if acc > 10**9: break\n    else:\n        acc = -acc\n    return acc\n", ns)
print(ns["long_loop"](3))

# A long if/elif chain (forward jumps over thousands of instructions).
chain = "def classify(x):\n"
for i in range(300):
    chain += "    %s x == %d:\n        return 'v%d'\n" % ("if" if i == 0 else "elif", i, i)
chain += "    else:\n        return 'other'\n"
exec(chain, ns)
print(ns["classify"](0), ns["classify"](299), ns["classify"](1000))

# Calls with many positional and keyword arguments.
exec("def f(*a, **k):\n    return len(a), len(k), a[-1:], sorted(k)[-1:]\n", ns)
args = ", ".join(str(i) for i in range(300))
kwargs = ", ".join("k%03d=%d" % (i, i) for i in range(300))
print(eval("f(%s)" % args, ns)[:3])
print(eval("f(%s, %s)" % (args, kwargs), ns))
print(eval("f(*[1, 2], %s, **{'z': 1})" % kwargs, ns))

# Big literals: lists, tuples, sets and dicts of constants and of names.
print(len(eval("[%s]" % args)), sum(eval("(%s)" % args)), len(eval("{%s}" % args)))
d = eval("{%s}" % ", ".join("%d: %d" % (i, i * i) for i in range(300)))
print(len(d), d[299])
ns["x"] = 5
mixed = eval("[%s]" % ", ".join("x" if i % 2 else str(i) for i in range(301)), ns)
print(len(mixed), mixed[:4], mixed[-1])
dnames = eval("{%s}" % ", ".join("'k%d': x" % i for i in range(40)), ns)
print(len(dnames), dnames["k39"])
print(eval("{" + ", ".join("x + %d: x" % i for i in range(20)) + "}", ns)[24])

# String building with many pieces.
print(len(eval("f'" + "{x}-" * 300 + "'", ns)))
