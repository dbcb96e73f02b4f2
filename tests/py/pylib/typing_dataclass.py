from dataclasses import dataclass, field, fields
from typing import ClassVar, List, Optional
import dataclasses

@dataclass
class Inv:
    name: str
    qty: int = 0
    registry: ClassVar[List[str]] = []
    also: "ClassVar[int]" = 5
    parent: Optional["Inv"] = None
print(Inv("a"), [f.name for f in fields(Inv)], Inv.registry, Inv.also)
print(Inv.__init__.__annotations__)
@dataclass
class WithInit:
    x: int
    y: "dataclasses.InitVar[int]" = 1
    def __post_init__(self, y): self.x += y
print(WithInit(1), WithInit(1, 10))
