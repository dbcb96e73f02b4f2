import typing
import sys
from typing import *
T = TypeVar('T'); K = TypeVar('K', bound=int); V = TypeVar('V', covariant=True); S = TypeVar('S', str, bytes)
print(T, K, V, S, T.__name__, K.__bound__, S.__constraints__, T.__module__)
print(List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str], Union[int], Tuple[int, ...], Tuple[()], Tuple[int, str])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None], Iterable[int], Mapping[str, Any], Sequence[T], Type[int], Set[int], FrozenSet[str])
print(Literal[1, 'a', True], Final[int], ClassVar[List[int]], Annotated[int, 'meta', 3], Any, NoReturn, Never, Self, LiteralString, TypeAlias)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_origin(int | str), get_origin(Annotated[int, 1]), get_args(Annotated[int, 1]), get_origin(int), get_args(int))
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], List[int] == List[int], Literal[1, 2] == Literal[2, 1])
class Box(Generic[T]):
    def __init__(self, item: T): self.item = item
print(Box[int], Box.__parameters__, Box[int](3).item, Box[int](3).__orig_class__, Box.__orig_bases__)
class Pair(Generic[K, V]): pass
print(Pair[int, str], Pair[int, V].__parameters__)
for bad in [lambda: Box[int, str], lambda: Generic[int], lambda: Generic[T, T], lambda: Union[()], lambda: Union[1], lambda: Optional[int, str],
            lambda: List[int][str], lambda: isinstance(1, List[int]), lambda: isinstance(1, Any), lambda: Any(), lambda: Literal[1]()]:
    try: print(bad())
    except TypeError as e: print("TypeError", e)
class P(Protocol):
    def meth(self) -> int: ...
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable))
try: isinstance(F(), P)
except TypeError as e: print("TypeError", e)
try: P()
except TypeError as e: print("TypeError", e)
class Emp(NamedTuple):
    name: str
    id: int = 3
    def describe(self): return f"{self.name}#{self.id}"
e = Emp('x')
print(e, e.describe(), Emp._fields, Emp.__annotations__, e._replace(id=5), e._asdict(), Emp._field_defaults, isinstance(e, tuple))
Emp2 = NamedTuple('Emp2', [('a', int), ('b', str)])
print(Emp2(1, 'x'), Emp2.__annotations__)
class Movie(TypedDict):
    name: str
    year: int
class Movie2(Movie, total=False):
    rating: float
m = Movie(name='B', year=1982)
print(m, type(m), Movie.__required_keys__ == {'name', 'year'}, Movie2.__optional_keys__, Movie2.__total__, sorted(Movie2.__annotations__))
try: isinstance(m, Movie)
except TypeError as e: print("TypeError", e)
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__)
print(cast(int, 'x'), TYPE_CHECKING)
def f(a: 'int', b: List['str'] = None) -> 'Optional[int]': pass
print(get_type_hints(f))
class A:
    x: int
    y: 'List[int]'
    z: Annotated[int, 'm']
class B(A):
    w: ClassVar[str] = 'q'
print(get_type_hints(B), get_type_hints(A, include_extras=True))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), len(get_overloads(g)))
try: assert_never(5)
except AssertionError as e: print("AssertionError", e)
@final
class Fin: pass
print(Fin.__final__)
@dataclass_transform()
def deco(cls): return cls
print(deco.__dataclass_transform__)
print(repr(ForwardRef('X')), AnyStr, Text, Hashable, Sized)
print(Union[int, List[int]], Optional[List[T]][int], Dict[K, V][int, str], Callable[[T], T][int])
print(isinstance([], List), issubclass(list, List), isinstance({}, Dict), List.__origin__, Dict.__name__ if hasattr(Dict, '__name__') else '')
print(int | None, Optional[int] | str, List[int] | None)
P2 = ParamSpec('P2')
print(P2, P2.args, P2.kwargs, Callable[P2, int], Concatenate[int, P2])
print(Unpack[Tuple[int]], TypeVarTuple('Ts'))
print(isinstance(3, SupportsInt), isinstance('x', SupportsInt), isinstance(3, SupportsIndex))
