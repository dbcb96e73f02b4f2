"""Amounts of money are whole cents."""

import re

_AMOUNT = re.compile(r'^\$?(?P<units>\d{1,3}(?:,\d{3})*|\d+)(?:\.(?P<cents>\d{1,2}))?$')


def parse_money(text):
    """Cents in '12', '12.5', '$1,234.56'; ValueError otherwise."""
    m = _AMOUNT.match(text.strip())
    if m is None:
        raise ValueError('not an amount: %r' % text)
    units = int(m.group('units').replace(',', ''))
    cents = (m.group('cents') or '0').ljust(2, '0')
    return units * 100 + int(cents)


def format_money(cents):
    sign = '-' if cents < 0 else ''
    units, rest = divmod(abs(cents), 100)
    return '%s$%s.%02d' % (sign, format(units, ','), rest)
