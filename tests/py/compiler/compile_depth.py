# Compile-time recursion limit: three compiler levels per Python frame, so the
# limit follows sys.setrecursionlimit() and the current call depth.
import sys


def try_compile(src):
    try:
        compile(src, "<deep>", "eval")
        return "ok"
    except RecursionError as e:
        return "RecursionError: " + str(e)


shapes = {
    "binop": lambda n: "1+" * n + "1",
    "attribute": lambda n: "a" + ".b" * n,
    "subscript": lambda n: "x" + "[0]" * n,
    "call": lambda n: "f()" + "()" * n,
    "string concat": lambda n: "'a'+" * n + "'b'",
}
for name, make in shapes.items():
    print(name, try_compile(make(2500)), try_compile(make(3100)))

# Statements count too: a long module is fine, deep expressions are not.
print(len(compile("x = 1\n" * 20000, "<long>", "exec").co_code) > 0)

sys.setrecursionlimit(2500)
print("limit 2500:", try_compile("1+" * 7000 + "1"), try_compile("1+" * 7600 + "1"))
sys.setrecursionlimit(1000)


def nested(depth):
    # Python frames already in use lower the compile-time budget.
    if depth:
        return nested(depth - 1)
    return try_compile("1+" * 2000 + "1")


print("at depth 10:", nested(10))
print("at depth 500:", nested(500))
