from __future__ import annotations
# Under PEP 563 annotations are stored as strings, unparsed from the AST.
def f(a: int, b: list[str] = [], *c: tuple[int, ...], d: dict[str, int] | None = None,
      **e: lambda x, y=1: x) -> a if b else c:
    pass
for k, v in f.__annotations__.items():
    print(k, repr(v))

class C:
    x: List[int]
    y: "quoted"
    z: (1, 2) = (1, 2)
    w: -1 + 2 * 3 ** -4
    v: not a and b or c
    u: f"fmt {x!r:>{y}} {{}}"
    t: [i for i in range(3) if i]
    s: {**d, 1: 2}
    r: a[1:2, ::3]
    q: await_ if x else y
    o: 1e400
print(C.__annotations__)
x: "module-level" = 1
print(__annotations__)
print(f.__code__.co_flags & 0x1000000 != 0)
