"""The inventory's own tests: python -m unittest inventory.tests"""

from . import test_money, test_model, test_parse, test_storage, test_cli

_MODULES = (test_money, test_model, test_parse, test_storage, test_cli)


def load_tests(loader, tests, pattern):
    for module in _MODULES:
        tests.addTests(loader.loadTestsFromModule(module))
    return tests
