from typing import Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable, Sized, Hashable, Collection, Generator, AbstractSet, get_origin, get_args
import typing
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance({}, Mapping), isinstance([], Mapping), issubclass(list, Sequence), isinstance(len, Callable), isinstance("", Sized), isinstance([], Hashable))
print(get_origin(Iterable[int]), get_origin(Callable[[int], str]), get_args(Callable[[int], str]), get_args(Callable[..., int]), get_origin(AbstractSet[int]))
print(Iterable.__origin__, Mapping[str, int].__origin__, Generator[int, None, None])
class MyIter(Iterator[int]):
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(MyIter()), MyIter.__mro__[1:3], isinstance(MyIter(), Iterator))
class Reg(Sequence[str]):
    def __getitem__(self, i): return "abc"[i]
    def __len__(self): return 3
r = Reg()
print(list(r), "b" in r, r.index("c"), list(reversed(r)), r.count("a"))
try: Sequence[int]()
except TypeError as e: print("TypeError", e)
