"""strptime for time.strptime (and datetime): parsing a time string by a
format, in the C locale.

Each directive stands for a small set of alternatives (the ones CPython's
regular expressions list, in the same order); matching tries them in order
with backtracking, so the first way the whole format matches wins, as with
a regular expression, without needing the re module.  Matching ignores
case, and whitespace in the format matches one or more whitespace
characters.
"""

import time

__all__ = []

_DIGIT = '0123456789'


def _alts(*patterns):
    # Compiles tiny patterns: 'd' is a digit, '[a-b]' a range/set, others literal.
    out = []
    for p in patterns:
        seq = []
        i = 0
        while i < len(p):
            c = p[i]
            if c == 'd':
                seq.append(_DIGIT)
                i += 1
            elif c == '[':
                j = p.index(']', i)
                body = p[i + 1:j]
                chars = ''
                k = 0
                while k < len(body):
                    if k + 2 < len(body) and body[k + 1] == '-':
                        chars += ''.join(chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1))
                        k += 3
                    else:
                        chars += body[k]
                        k += 1
                seq.append(chars)
                i = j + 1
            else:
                seq.append(c)
                i += 1
        out.append(seq)
    return out


_NUMERIC = {
    'd': _alts('3[01]', '[12]d', '0[1-9]', '[1-9]', ' [1-9]'),
    'H': _alts('2[0-3]', '[0-1]d', 'd'),
    'I': _alts('1[0-2]', '0[1-9]', '[1-9]'),
    'G': _alts('dddd'),
    'j': _alts('36[0-6]', '3[0-5]d', '[12]dd', '0[1-9]d', '00[1-9]', '[1-9]d', '0[1-9]', '[1-9]'),
    'm': _alts('1[0-2]', '0[1-9]', '[1-9]'),
    'M': _alts('[0-5]d', 'd'),
    'S': _alts('6[0-1]', '[0-5]d', 'd'),
    'U': _alts('5[0-3]', '[0-4]d', 'd'),
    'W': _alts('5[0-3]', '[0-4]d', 'd'),
    'w': _alts('[0-6]'),
    'u': _alts('[1-7]'),
    'V': _alts('5[0-3]', '0[1-9]', '[1-4]d', 'd'),
    'y': _alts('dd'),
    'Y': _alts('dddd'),
}

_A_WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
_F_WEEKDAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_A_MONTH = ['', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
_F_MONTH = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
            'october', 'november', 'december']
_AM_PM = ['am', 'pm']

# The composite directives of the C locale.
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S', 'D': '%m/%d/%y', 'T': '%H:%M:%S',
              'R': '%H:%M', 'r': '%I:%M:%S %p'}


def _names_by_length(names):
    return sorted((n for n in names if n), key=len, reverse=True)


def _tz_names():
    names = {'utc', 'gmt'}
    for n in time.tzname:
        names.add(n.lower())
    return _names_by_length(names)


# ---------------------------------------------------------------------------
# Format compilation

_WS = object()


def _expand(fmt):
    # Replaces the composite directives by their parts.
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%' and i + 1 < len(fmt) and fmt[i + 1] in _COMPOSITE:
            out.append(_COMPOSITE[fmt[i + 1]])
            i += 2
        elif c == '%' and i + 1 < len(fmt):
            out.append(fmt[i:i + 2])
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def _compile(fmt):
    """A list of items: ('lit', char), ('ws',), ('num', letter),
    ('names', letter, names), ('f',), ('z',)."""
    original = fmt
    fmt = _expand(fmt)
    items = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            items.append(('ws',))
            continue
        if c != '%':
            items.append(('lit', c.lower()))
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray %% in format '%s'" % original)
        d = fmt[i + 1]
        i += 2
        if d in _NUMERIC:
            items.append(('num', d))
        elif d == 'f':
            items.append(('f',))
        elif d == 'z':
            items.append(('z',))
        elif d == 'a':
            items.append(('names', d, _names_by_length(_A_WEEKDAY)))
        elif d == 'A':
            items.append(('names', d, _names_by_length(_F_WEEKDAY)))
        elif d == 'b' or d == 'h':
            items.append(('names', 'b', _names_by_length(_A_MONTH)))
        elif d == 'B':
            items.append(('names', d, _names_by_length(_F_MONTH)))
        elif d == 'p':
            items.append(('names', d, _AM_PM))
        elif d == 'Z':
            items.append(('names', d, _tz_names()))
        elif d == '%':
            items.append(('lit', '%'))
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (d, original))
    return items


# ---------------------------------------------------------------------------
# Matching (backtracking over each item's alternatives)

def _candidates(item, s, pos):
    """The possible end positions of `item` matched at s[pos:], in the
    order a regular expression would try them."""
    kind = item[0]
    n = len(s)
    if kind == 'lit':
        if pos < n and s[pos].lower() == item[1]:
            yield pos + 1
    elif kind == 'ws':
        end = pos
        while end < n and s[end].isspace():
            end += 1
        # \s+ is greedy: longest first.
        for e in range(end, pos, -1):
            yield e
    elif kind == 'num':
        for seq in _NUMERIC[item[1]]:
            if pos + len(seq) <= n and all(s[pos + k] in seq[k] for k in range(len(seq))):
                yield pos + len(seq)
    elif kind == 'f':
        end = pos
        while end < n and end - pos < 6 and s[end] in _DIGIT:
            end += 1
        for e in range(end, pos, -1):
            yield e
    elif kind == 'names':
        low = s[pos:].lower()
        for name in item[2]:
            if low.startswith(name):
                yield pos + len(name)
    elif kind == 'z':
        yield from _z_candidates(s, pos)


def _z_candidates(s, pos):
    # [+-]HH[:]MM[[:]SS[.ffffff]] or Z, longest forms first.
    n = len(s)
    if pos < n and s[pos] == 'Z':
        yield pos + 1
        return
    if pos >= n or s[pos] not in '+-':
        return
    p = pos + 1

    def digits(at, count):
        return at + count <= n and all(c in _DIGIT for c in s[at:at + count])

    if not digits(p, 2):
        return
    p += 2
    if p < n and s[p] == ':':
        p += 1
    if not (digits(p, 2) and s[p] in '012345'):
        return
    p += 2
    base = p
    q = p
    if q < n and s[q] == ':':
        q += 1
    if digits(q, 2) and s[q] in '012345':
        q += 2
        r = q
        if r < n and s[r] == '.':
            e = r + 1
            while e < n and e - r - 1 < 6 and s[e] in _DIGIT:
                e += 1
            for end in range(e, r + 1, -1):
                yield end
        yield q
    yield base


def _match(items, s):
    """Returns (end, spans) for the first full match of items at s[0:],
    spans being one (start, end) per item; None when there is none."""
    if not items:
        return 0, []
    spans = [None] * len(items)
    stack = [_candidates(items[0], s, 0)]
    while stack:
        idx = len(stack) - 1
        try:
            end = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        spans[idx] = (spans[idx - 1][1] if idx > 0 else 0, end)
        if idx + 1 == len(items):
            return end, spans
        stack.append(_candidates(items[idx + 1], s, end))
    return None


# ---------------------------------------------------------------------------
# Calendar arithmetic (proleptic Gregorian, as datetime.date)

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _ordinal(year, month, day):
    # Day 1 is 0001-01-01.
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        days += _days_in_month(year, m)
    return days + day


def _from_ordinal(n):
    year = 1
    # Jump close, then walk.
    year = max(1, (n * 400) // 146097 - 1)
    while _ordinal(year + 1, 1, 1) <= n:
        year += 1
    while _ordinal(year, 1, 1) > n:
        year -= 1
    rem = n - _ordinal(year, 1, 1) + 1
    month = 1
    while rem > _days_in_month(year, month):
        rem -= _days_in_month(year, month)
        month += 1
    return year, month, rem


def _check_date(year, month, day):
    if not 1 <= year <= 9999:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _weekday(year, month, day):
    return (_ordinal(year, month, day) + 6) % 7


def _julian_from_u_or_w(year, week_of_year, day_of_week, week_starts_mon):
    first_weekday = _weekday(year, 1, 1)
    if not week_starts_mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    days_to_week = week_0_length + (7 * (week_of_year - 1))
    return 1 + days_to_week + day_of_week


def _julian_from_iso(iso_year, iso_week, iso_weekday):
    # The ordinal of the Monday of ISO week 1, then the offset.
    jan4 = _ordinal(iso_year, 1, 4)
    week1_monday = jan4 - (jan4 + 6) % 7
    ordinal = week1_monday + (iso_week - 1) * 7 + (iso_weekday - 1)
    y, m, d = _from_ordinal(ordinal)
    return y, ordinal - _ordinal(y, 1, 1) + 1


# ---------------------------------------------------------------------------
# Entry points

def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a 2-tuple consisting of a time struct and an int containing
    the number of microseconds based on the input string and the
    format string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))
    items = _compile(format)
    found = _match(items, data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    end, spans = found
    if len(data_string) != end:
        raise ValueError("unconverted data remains: %s" % data_string[end:])
    values = {}
    for item, (a, b) in zip(items, spans):
        key = item[1] if item[0] in ('num', 'names') else item[0]
        if item[0] in ('lit', 'ws'):
            continue
        values[key] = data_string[a:b]
    return _build(values, format)


def _build(found, format):
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    for key, value in found.items():
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = _F_MONTH.index(value.lower())
        elif key == 'b':
            month = _A_MONTH.index(value.lower())
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            ampm = found.get('p', '').lower()
            if ampm in ('', _AM_PM[0]):
                if hour == 12:
                    hour = 0
            elif ampm == _AM_PM[1]:
                if hour != 12:
                    hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = _F_WEEKDAY.index(value.lower())
        elif key == 'a':
            weekday = _A_WEEKDAY.index(value.lower())
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week_of_year = int(value)
            week_of_year_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            if value == 'Z':
                gmtoff = 0
            else:
                if value[3:4] == ':':
                    if len(value) > 6 and value[6] != ':':
                        raise ValueError("Inconsistent use of : in %s" % value)
                    value = value[:3] + value[4:]
                    if len(value) > 5 and value[5] == ':':
                        value = value[:5] + value[6:]
                elif len(value) > 5 and value[5] == ':':
                    raise ValueError("Inconsistent use of : in %s" % value)
                hours = int(value[1:3])
                minutes = int(value[3:5])
                seconds = int(value[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = value[8:]
                gmtoff_fraction = int(gmtoff_remainder + '0' * (6 - len(gmtoff_remainder))) if gmtoff_remainder \
                    else 0
                if value.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == 'Z':
            found_zone = value.lower()
            if found_zone in ('utc', 'gmt'):
                tz = 0
            elif time.daylight and time.tzname[0] == time.tzname[1]:
                pass
            else:
                for index, name in enumerate(n.lower() for n in time.tzname):
                    if found_zone == name:
                        tz = index
                        break
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year "
                         "'%G' instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            week_starts_mon = week_of_year_start == 0
            julian = _julian_from_u_or_w(year, week_of_year, weekday, week_starts_mon)
        elif iso_year is not None and iso_week is not None:
            year, julian = _julian_from_iso(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        _check_date(year, month, day)
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        year, month, day = _from_ordinal(julian - 1 + _ordinal(year, 1, 1))
    if weekday is None:
        weekday = _weekday(year, month, day)
    tzname = found.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff), fraction,
            gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the format string."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt)
