from __future__ import annotations
import dataclasses, typing
from typing import ClassVar, Optional
from dataclasses import dataclass, field, InitVar, KW_ONLY

@dataclass
class Node:
    value: int
    children: list[Node] = field(default_factory=list)
    parent: Optional[Node] = field(default=None, repr=False)
    count: ClassVar[int] = 0
    scale: InitVar[float] = 1.0
    _: KW_ONLY
    label: str = ""
    def __post_init__(self, scale):
        self.value = int(self.value * scale)
n = Node(3, scale=2.0, label="root")
print(n, [f.name for f in dataclasses.fields(Node)], Node.__init__.__annotations__)
print({k: v for k, v in typing.get_type_hints(Node).items() if k != "_"})
print(Node.__doc__, Node.__match_args__)
@dataclass(frozen=True, slots=True)
class P:
    x: int
    y: int = 0
p = P(1)
print(p, hash(p) == hash((1, 0)), P.__slots__)
try:
    p.x = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
import copy
print(copy.copy(p), copy.deepcopy(n).children is not n.children, dataclasses.astuple(p))
@dataclass(eq=False)
class Ident:
    v: int
a = Ident(1)
print(a == Ident(1), a == a, hash(a) == id(a) >> 4 or True)
