# A small program using several library modules together.
from __future__ import annotations
import enum, dataclasses, typing, pprint, textwrap, statistics, contextlib, traceback, warnings, sys, reprlib
from datetime import date, timedelta
from fractions import Fraction
from typing import Optional, List, Dict, NamedTuple, Protocol, runtime_checkable

class Category(enum.Enum):
    TOOL = enum.auto()
    FOOD = enum.auto()
    TOY = enum.auto()

class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2

@dataclasses.dataclass(order=True)
class Item:
    name: str
    price: Fraction
    category: Category = dataclasses.field(compare=False)
    added: date = dataclasses.field(default=date(2024, 1, 1), compare=False)
    tags: List[str] = dataclasses.field(default_factory=list, compare=False, repr=False)

    @property
    def age(self) -> timedelta:
        return date(2024, 6, 1) - self.added

class Summary(NamedTuple):
    count: int
    total: Fraction
    mean: float

@runtime_checkable
class Priced(Protocol):
    price: Fraction

@dataclasses.dataclass
class Inventory:
    items: Dict[str, Item] = dataclasses.field(default_factory=dict)

    def add(self, item: Item) -> None:
        if item.name in self.items:
            warnings.warn(f"replacing {item.name!r}", RuntimeWarning, stacklevel=2)
        self.items[item.name] = item

    def summary(self, category: Optional[Category] = None) -> Summary:
        prices = [i.price for i in self.items.values() if category is None or i.category is category]
        return Summary(len(prices), sum(prices, Fraction(0)), statistics.fmean(prices) if prices else 0.0)

inv = Inventory()
inv.add(Item("hammer", Fraction(25, 2), Category.TOOL, date(2024, 3, 1), ["steel"]))
inv.add(Item("apple", Fraction(1, 3), Category.FOOD, date(2024, 5, 30)))
inv.add(Item("kite", Fraction(15), Category.TOY))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    inv.add(Item("apple", Fraction(1, 2), Category.FOOD, date(2024, 5, 31)))
print([str(w.message) for w in caught], caught[0].category.__name__)
pprint.pprint(inv, width=60)
print(inv.summary(), inv.summary(Category.FOOD))
print(sorted(inv.items.values())[0].name, max(inv.items.values()).name, [i.age.days for i in inv.items.values()])
print(isinstance(inv.items["kite"], Priced), typing.get_type_hints(Item)["tags"], Item.__annotations__["price"])
print(textwrap.fill("Inventory report: " + ", ".join(f"{i.name} ({i.category.name.lower()}) at {float(i.price):.2f}" for i in inv.items.values()), 40))
print(statistics.median([float(i.price) for i in inv.items.values()]), statistics.mode([i.category for i in inv.items.values()]))
print(reprlib.repr(list(inv.items)), Priority.HIGH > Priority.LOW, f"{Priority.HIGH}", Category["TOY"], Category(2))
with contextlib.suppress(KeyError):
    inv.items["missing"]
try:
    inv.summary("bogus").mean.upper()
except AttributeError:
    lines = traceback.format_exc().splitlines()
    print(lines[0], lines[-1])
print(dataclasses.asdict(inv.items["apple"]))
print(dataclasses.replace(inv.items["kite"], price=Fraction(7)))
