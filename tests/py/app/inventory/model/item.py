"""One stock-keeping unit."""

from dataclasses import dataclass, field, asdict, replace

from ..money import format_money


@dataclass(order=True, frozen=True)
class Item:
    sku: str
    name: str = field(compare=False)
    quantity: int = field(default=0, compare=False)
    price: int = field(default=0, compare=False)   # cents
    tags: tuple = field(default=(), compare=False)
    location: str = field(default='', compare=False)

    def __post_init__(self):
        if self.quantity < 0:
            raise ValueError('negative quantity for %s: %d' % (self.sku, self.quantity))
        # Tags are kept sorted and unique, whatever order they came in.
        object.__setattr__(self, 'tags', tuple(sorted(set(self.tags))))

    @property
    def value(self):
        return self.quantity * self.price

    def adjusted(self, delta):
        return replace(self, quantity=self.quantity + delta)

    def describe(self):
        return '%s %s x%d @ %s' % (self.sku, self.name, self.quantity, format_money(self.price))

    def to_dict(self):
        d = asdict(self)
        d['tags'] = list(self.tags)
        return d

    @classmethod
    def from_dict(cls, d):
        return cls(d['sku'], d['name'], d.get('quantity', 0), d.get('price', 0),
                   tuple(d.get('tags', ())), d.get('location', ''))
