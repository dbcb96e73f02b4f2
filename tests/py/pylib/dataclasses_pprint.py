import pprint
from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    values: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False)
@dataclass
class Box:
    items: list
    label: str = "box"
b = Box([Item("alpha", list(range(20))), Item("beta" * 10, [1, 2])], label="x" * 30)
pprint.pprint(b)
pprint.pprint(b, width=120)
pprint.pprint([b], depth=2)
