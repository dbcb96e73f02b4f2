from typing import NamedTuple, Generic, TypeVar
import inspect, typing
class E(NamedTuple):
    a: int
    b: str = "x"
print(E(1), E._fields, E.__doc__, repr(E._make([2, "y"])), E(1)._asdict(), E.__new__.__doc__ is not None)
try: E(1, 2, 3)
except TypeError as e: print(e)
try: E(1)._replace(c=3)
except ValueError as e: print(e)
print(inspect.stack()[0][3], type(inspect.stack()[0]).__name__, inspect.getframeinfo(inspect.currentframe())[:3][1:])
T = TypeVar("T")
class G(NamedTuple, Generic[T]):
    v: T
print(G[int], G(3))
print(typing.OrderedDict[str, int], typing.DefaultDict.__origin__, typing.Deque[int], typing.Counter[str])
print(isinstance(collections_deque := __import__("collections").deque(), typing.Deque))
