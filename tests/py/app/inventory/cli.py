"""The command line: inventory [-v|-q] COMMAND ..."""

import argparse
import logging
import sys

from . import __version__, log as logsetup
from .errors import InventoryError
from .money import format_money
from .report import summary_lines, group_table, restock_lines, as_json
from .storage import load, save
from .text import parse_lines, format_line
from .model import Inventory

log = logging.getLogger('inventory.cli')


def positive_int(text):
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError('%r is not a number' % text)
    if n <= 0:
        raise argparse.ArgumentTypeError('must be positive, not %d' % n)
    return n


def build_parser():
    parser = argparse.ArgumentParser(
        prog='inventory',
        description='Keep track of stock in a JSON file.',
        epilog='Amounts are shown in dollars; quantities in units.')
    parser.add_argument('--version', action='version', version='%(prog)s ' + __version__)
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument('-v', '--verbose', action='count', default=0,
                       help='log more (repeat for debug output)')
    noise.add_argument('-q', '--quiet', action='store_true', help='log errors only')
    sub = parser.add_subparsers(dest='command', required=True, metavar='COMMAND')

    p = sub.add_parser('import', help='read items from a text file into a database')
    p.add_argument('source', help='text file, one item a line')
    p.add_argument('-o', '--output', required=True, metavar='DB', help='JSON file to write')
    p.add_argument('--strict', action='store_true', help='stop at the first bad line')
    p.set_defaults(func=cmd_import)

    p = sub.add_parser('report', help='summarise a database')
    p.add_argument('db')
    p.add_argument('--by', choices=['tag', 'location', 'prefix'], help='group the items')
    p.add_argument('--top', type=positive_int, default=3, metavar='N',
                   help='how many of the most valuable items to list (default: %(default)s)')
    p.add_argument('--format', choices=['text', 'json'], default='text')
    p.set_defaults(func=cmd_report)

    p = sub.add_parser('search', aliases=['find'], help='find items by regular expression')
    p.add_argument('db')
    p.add_argument('pattern')
    p.add_argument('--field', choices=['name', 'sku', 'tags', 'location'], default='name')
    p.add_argument('-i', '--ignore-case', action='store_true')
    p.set_defaults(func=cmd_search)

    p = sub.add_parser('restock', help='list items running low')
    p.add_argument('db')
    p.add_argument('-t', '--threshold', type=positive_int, default=10)
    p.add_argument('--check', action='store_true',
                   help='exit with status 3 when something needs restocking')
    p.set_defaults(func=cmd_restock)

    p = sub.add_parser('adjust', help='change quantities: SKU=+N or SKU=-N ...')
    p.add_argument('db')
    p.add_argument('changes', nargs='+', metavar='SKU=DELTA')
    p.add_argument('-n', '--dry-run', action='store_true')
    p.set_defaults(func=cmd_adjust)

    p = sub.add_parser('export', help='write the database back as text')
    p.add_argument('db')
    p.set_defaults(func=cmd_export)
    return parser


def cmd_import(args, out):
    with open(args.source, encoding='utf-8') as f:
        items, errors = parse_lines(f, strict=args.strict)
    inventory = Inventory(items)
    save(inventory, args.output)
    print('imported %d items (%d lines skipped)' % (len(inventory), len(errors)), file=out)
    return 0


def cmd_report(args, out):
    inventory = load(args.db)
    if args.format == 'json':
        print(as_json(inventory, args.by), file=out)
        return 0
    for line in summary_lines(inventory, args.top):
        print(line, file=out)
    if args.by:
        print(file=out)
        for line in group_table(inventory, args.by):
            print(line, file=out)
    return 0


def cmd_search(args, out):
    inventory = load(args.db)
    found = inventory.search(args.pattern, args.field, args.ignore_case)
    for item in found:
        print(item.describe(), file=out)
    log.info('%d match(es) for %r in %s', len(found), args.pattern, args.field)
    return 0 if found else 1


def cmd_restock(args, out):
    inventory = load(args.db)
    low = inventory.low_stock(args.threshold)
    for line in restock_lines(low, args.threshold):
        print(line, file=out)
    return 3 if (args.check and low) else 0


def _parse_change(text):
    sku, sep, delta = text.partition('=')
    if not sep or not delta or delta[0] not in '+-':
        raise InventoryError('bad change %r: expected SKU=+N or SKU=-N' % text)
    try:
        return sku, int(delta)
    except ValueError:
        raise InventoryError('bad change %r: %r is not a number' % (text, delta)) from None


def cmd_adjust(args, out):
    inventory = load(args.db)
    changes = [_parse_change(c) for c in args.changes]
    for sku, delta in changes:
        item = inventory.adjust(sku, delta)
        print('%s now %d (%s)' % (sku, item.quantity, format_money(item.value)), file=out)
    if args.dry_run:
        log.warning('dry run: %s not changed', args.db)
    else:
        save(inventory, args.db)
    return 0


def cmd_export(args, out):
    for item in load(args.db):
        print(format_line(item), file=out)
    return 0


def main(argv=None, out=None):
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logsetup.setup(-1 if args.quiet else args.verbose)
    out = out if out is not None else sys.stdout
    try:
        return args.func(args, out)
    except InventoryError as e:
        log.error('%s', e)
        return 1
    except OSError as e:
        log.error('%s: %s', e.filename, e.strerror)
        return 1
