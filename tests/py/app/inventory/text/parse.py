"""The text format: one item a line,

    SKU-1001 | Hex bolt M6 | qty=120 | price=0.15 | tags=hardware,metal | loc=A1

with the SKU and name first and key=value fields in any order after them.
Blank lines and lines starting with '#' are ignored."""

import logging
import re

from ..errors import ParseError
from ..model import Item
from ..money import parse_money, format_money

log = logging.getLogger(__name__)

_SKU = re.compile(r'^[A-Z]{2,5}-\d{3,6}$')
_FIELD = re.compile(r'^(?P<key>[a-z]+)\s*=\s*(?P<value>.*)$')
_SEPARATOR = re.compile(r'\s*\|\s*')
_KNOWN = {'qty', 'price', 'tags', 'loc'}


def parse_line(line, lineno=1):
    parts = _SEPARATOR.split(line.strip())
    if len(parts) < 2:
        raise ParseError(lineno, 'expected at least "SKU | name"')
    sku, name = parts[0], parts[1]
    if not _SKU.match(sku):
        raise ParseError(lineno, 'bad SKU %r' % sku)
    if not name:
        raise ParseError(lineno, 'empty name')
    fields = {}
    for part in parts[2:]:
        m = _FIELD.match(part)
        if m is None:
            raise ParseError(lineno, 'bad field %r' % part)
        key, value = m.group('key'), m.group('value')
        if key not in _KNOWN:
            raise ParseError(lineno, 'unknown field %r' % key)
        if key in fields:
            raise ParseError(lineno, 'repeated field %r' % key)
        fields[key] = value
    try:
        quantity = int(fields.get('qty', '0'))
        price = parse_money(fields.get('price', '0'))
        tags = [t.strip().lower() for t in fields.get('tags', '').split(',') if t.strip()]
        return Item(sku, name, quantity, price, tuple(tags), fields.get('loc', ''))
    except ValueError as e:
        raise ParseError(lineno, str(e)) from None


def parse_lines(lines, strict=False):
    """(items, errors) from an iterable of lines; with `strict` the first
    error is raised."""
    items, errors = [], []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        try:
            items.append(parse_line(line, lineno))
        except ParseError as e:
            if strict:
                raise
            log.warning('skipping %s', e)
            errors.append(e)
    log.info('parsed %d items, %d errors', len(items), len(errors))
    return items, errors


def format_line(item):
    fields = ['qty=%d' % item.quantity, 'price=%s' % format_money(item.price)[1:]]
    if item.tags:
        fields.append('tags=' + ','.join(item.tags))
    if item.location:
        fields.append('loc=' + item.location)
    return ' | '.join([item.sku, item.name] + fields)
