"""inventory: keeps a stock list in a JSON file, imports it from a text
format, and reports on it.  Run it with `python -m inventory`."""

__version__ = '1.4.0'

from .errors import InventoryError, ParseError, StorageError, UnknownSku
from .model import Item, Inventory

__all__ = ['Item', 'Inventory', 'InventoryError', 'ParseError', 'StorageError',
           'UnknownSku', '__version__']
