import inspect
from inspect import Parameter, Signature, signature
def f(a, b: int = 1, *args, c, d: str = "x", **kw) -> bool: pass
def g(x, y, /, z=3): pass
def h(*, k): pass
sig = signature(f)
print(sig, repr(sig), sig.return_annotation, list(sig.parameters), signature(g), signature(h), signature(lambda: 0))
for p in sig.parameters.values():
    print(repr(p), p.kind, p.kind.description, int(p.kind), p.default is p.empty, p.annotation)
print(repr(Parameter.POSITIONAL_ONLY), Parameter.KEYWORD_ONLY < Parameter.VAR_KEYWORD)
class C:
    def m(self, a, b=2): pass
    @classmethod
    def cm(cls, x): pass
    @staticmethod
    def sm(y): pass
    def __call__(self, q): pass
class D:
    def __init__(self, u, v=0): pass
class E(D): pass
class N:
    def __new__(cls, w): return object.__new__(cls)
class Plain: pass
print(signature(C().m), signature(C.m), signature(C.cm), signature(C.sm), signature(C()), signature(D), signature(E), signature(N), signature(Plain))
ba = sig.bind(1, 2, 3, 4, c=5, e=6)
print(ba, ba.args, ba.kwargs, ba.arguments)
ba = sig.bind(1, c=2); ba.apply_defaults(); print(ba)
print(sig.bind_partial(c=1), signature(g).bind(1, 2))
for bad in [lambda: sig.bind(), lambda: sig.bind(1), lambda: signature(g).bind(1, 2, 3, 4), lambda: signature(g).bind(1, y=2),
            lambda: signature(h).bind(k=1, z=2), lambda: signature(D).bind(1, u=1), lambda: signature(5),
            lambda: Parameter("a", 7), lambda: Parameter("1x", Parameter.POSITIONAL_ONLY), lambda: Parameter("a", Parameter.VAR_POSITIONAL, default=1),
            lambda: Signature([Parameter("a", Parameter.KEYWORD_ONLY), Parameter("b", Parameter.POSITIONAL_ONLY)]),
            lambda: Signature([Parameter("a", Parameter.POSITIONAL_ONLY, default=1), Parameter("b", Parameter.POSITIONAL_ONLY)]),
            lambda: Signature([Parameter("a", Parameter.POSITIONAL_ONLY), Parameter("a", Parameter.KEYWORD_ONLY)])]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
p = Parameter("x", Parameter.KEYWORD_ONLY, default=None, annotation=list)
print(p, p.replace(name="y", default=2), p == Parameter("x", Parameter.KEYWORD_ONLY, default=None, annotation=list))
s2 = Signature([Parameter("a", Parameter.POSITIONAL_ONLY), p], return_annotation=int)
print(s2, s2.replace(return_annotation=Signature.empty), s2 == signature(lambda a, /, *, x: None))
def deco(fn):
    def wrapper(*a, **k): return fn(*a, **k)
    wrapper.__wrapped__ = fn
    return wrapper
@deco
def wrapped(p, q=1): pass
print(signature(wrapped), signature(wrapped, follow_wrapped=False), inspect.unwrap(wrapped).__name__)
def ann(a: "List[int]", b: list[int], c: "int | None" = None) -> "str": pass
print(signature(ann), inspect.get_annotations(ann), inspect.get_annotations(ann, eval_str=True) if False else "")
spec = inspect.getfullargspec(f)
print(spec)
print(inspect.getfullargspec(g).args, inspect.getfullargspec(C.m))
class WithSig:
    __signature__ = Signature([Parameter("z", Parameter.POSITIONAL_OR_KEYWORD)])
    def __call__(self, *a): pass
print(signature(WithSig()))
