# Annotations: module, class and function __annotations__ (evaluated), and
# strings under `from __future__ import annotations` (see annotations_future.py).
x: int = 1
y: "forward"
print(__annotations__)

class C:
    a: int
    b: "list[int]" = []
    (c): str = "not simple"
    e: int = 5
print(C.__annotations__)

def f(p: int, /, q: str = "", *r: float, s: bool, **t: dict) -> None:
    v: int = 3
    w: undefined_name
    return v
print(f.__annotations__)
print(f(1, s=True))

def g(): pass
print(g.__annotations__)

lam = lambda: 0
print(lam.__annotations__)

class Empty:
    pass
print("__annotations__" in Empty.__dict__)
