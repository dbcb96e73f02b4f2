import io
import os
import sys
import tempfile
import unittest

from .. import cli
from ..storage import load

DATA = """\
# sample stock
HW-1001 | Hex bolt M6 | qty=120 | price=0.15 | tags=hardware,metal | loc=A1
HW-1002 | Washer      | qty=4   | price=0.02 | tags=hardware       | loc=A1
PT-2001 | Paint white | qty=9   | price=18.99 | tags=paint         | loc=B3
oops
"""


class CliTests(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        old = os.getcwd()
        os.chdir(tmp.name)
        self.addCleanup(os.chdir, old)
        with open('stock.txt', 'w') as f:
            f.write(DATA)
        self.stderr = io.StringIO()
        real = sys.stderr
        sys.stderr = self.stderr
        self.addCleanup(setattr, sys, 'stderr', real)

    def run_cli(self, *argv):
        out = io.StringIO()
        code = cli.main(list(argv), out=out)
        return code, out.getvalue()

    def test_import_and_report(self):
        self.assertEqual(self.run_cli('import', 'stock.txt', '-o', 'db.json'),
                         (0, 'imported 3 items (1 lines skipped)\n'))
        self.assertIn('skipping line 5', self.stderr.getvalue())
        code, out = self.run_cli('report', 'db.json', '--top', '1')
        self.assertEqual(code, 0)
        self.assertEqual(out.splitlines()[:3], [
            '3 items, 133 units, total value $188.99',
            'Most valuable:',
            '  1. PT-2001    Paint white                 $170.91'])

    def test_adjust(self):
        self.run_cli('-q', 'import', 'stock.txt', '-o', 'db.json')
        self.assertEqual(self.run_cli('-q', 'adjust', 'db.json', 'HW-1002=+6'),
                         (0, 'HW-1002 now 10 ($0.20)\n'))
        self.assertEqual(load('db.json')['HW-1002'].quantity, 10)
        code, out = self.run_cli('-q', 'adjust', 'db.json', 'HW-1002=-20')
        self.assertEqual(code, 1)
        self.assertEqual(self.stderr.getvalue(),
                         'ERROR [inventory.cli] negative quantity for HW-1002: -10\n')

    def test_usage_error(self):
        with self.assertRaises(SystemExit) as cm:
            self.run_cli('report')
        self.assertEqual(cm.exception.code, 2)
        self.assertTrue(self.stderr.getvalue().startswith('usage: inventory report'))

    def test_missing_db(self):
        self.assertEqual(self.run_cli('restock', 'none.json'), (1, ''))
        self.assertEqual(self.stderr.getvalue(),
                         'ERROR [inventory.cli] no such inventory: none.json\n')
