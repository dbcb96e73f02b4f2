"""The collection of items, indexed by SKU."""

import logging
import re
from collections import Counter, defaultdict, namedtuple

from ..errors import InventoryError, UnknownSku
from .item import Item

log = logging.getLogger(__name__)

Totals = namedtuple('Totals', 'items units value')


class Inventory:
    def __init__(self, items=()):
        self._items = {}
        for item in items:
            self.add(item)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values()))

    def __contains__(self, sku):
        return sku in self._items

    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise UnknownSku(sku) from None

    def add(self, item):
        if item.sku in self._items:
            raise InventoryError('duplicate SKU %s' % item.sku)
        self._items[item.sku] = item
        log.debug('added %s', item.sku)

    def adjust(self, sku, delta):
        item = self[sku]
        try:
            new = item.adjusted(delta)
        except ValueError as e:
            raise InventoryError(str(e)) from e
        self._items[sku] = new
        log.info('%s: %d -> %d', sku, item.quantity, new.quantity)
        return new

    def totals(self):
        return Totals(len(self._items), sum(i.quantity for i in self._items.values()),
                      sum(i.value for i in self._items.values()))

    def group_by(self, key):
        """{group: [items]} by 'tag' (an item is in each of its tags'
        groups), 'location', or the first letter of the SKU prefix."""
        groups = defaultdict(list)
        for item in self:
            if key == 'tag':
                for tag in item.tags or ('(untagged)',):
                    groups[tag].append(item)
            elif key == 'location':
                groups[item.location or '(nowhere)'].append(item)
            elif key == 'prefix':
                groups[item.sku.split('-')[0]].append(item)
            else:
                raise ValueError('cannot group by %r' % key)
        return dict(sorted(groups.items()))

    def tag_counts(self):
        return Counter(tag for item in self._items.values() for tag in item.tags)

    def low_stock(self, threshold):
        return [item for item in self if item.quantity < threshold]

    def search(self, pattern, field='name', ignore_case=False):
        flags = re.IGNORECASE if ignore_case else 0
        try:
            rx = re.compile(pattern, flags)
        except re.error as e:
            raise InventoryError('bad pattern %r: %s' % (pattern, e)) from None
        found = []
        for item in self:
            if field == 'tags':
                texts = item.tags
            else:
                texts = (getattr(item, field),)
            if any(rx.search(t) for t in texts):
                found.append(item)
        return found
