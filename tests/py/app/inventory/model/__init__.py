from .item import Item
from .inventory import Inventory

__all__ = ['Item', 'Inventory']
