"""The exceptions the inventory raises for bad input."""


class InventoryError(Exception):
    """Base of the errors reported to the user (exit status 1)."""


class ParseError(InventoryError):
    def __init__(self, lineno, message):
        super().__init__(lineno, message)
        self.lineno = lineno
        self.message = message

    def __str__(self):
        return 'line %d: %s' % (self.lineno, self.message)


class StorageError(InventoryError):
    pass


class UnknownSku(InventoryError, KeyError):
    def __str__(self):
        return 'unknown SKU %r' % self.args[0]
