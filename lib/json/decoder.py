"""Implementation of JSONDecoder: the options live here, the scanning is
done by _json's scanner."""
import re

from _json import scanstring as c_scanstring, JSONDecodeError
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

FLAGS = re.VERBOSE | re.MULTILINE | re.DOTALL

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

WHITESPACE = re.compile(r'[ \t\n\r]*', FLAGS)
WHITESPACE_STR = ' \t\n\r'

# ---------------------------------------------------------------------------
# The pure-Python decoding functions.  JSONDecoder uses the C scanner; these
# are for code that builds its own scanner (json.scanner.py_make_scanner).

STRINGCHUNK = re.compile(r'(.*?)(["\\\x00-\x1f])', FLAGS)
BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}


def _decode_uXXXX(s, pos):
    digits = s[pos + 1:pos + 5]
    if len(digits) == 4 and digits[1] not in 'xX':
        try:
            return int(digits, 16)
        except ValueError:
            pass
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def py_scanstring(s, end, strict=True, _b=BACKSLASH, _m=STRINGCHUNK.match):
    """Scan the string s for a JSON string.  End is the index of the
    character in s after the quote that started the JSON string.
    Returns a tuple of the decoded string and the index of the
    character in s after the end quote."""
    parts = []
    begin = end - 1
    while True:
        chunk = _m(s, end)
        if chunk is None:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        end = chunk.end()
        text, stop = chunk.groups()
        if text:
            parts.append(text)
        if stop == '"':
            return ''.join(parts), end
        if stop != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character {0!r} at".format(stop), s, end)
            parts.append(stop)
            continue
        if end >= len(s):
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            if esc not in _b:
                raise JSONDecodeError("Invalid \\escape: {0!r}".format(esc), s, end)
            parts.append(_b[esc])
            end += 1
            continue
        code = _decode_uXXXX(s, end)
        end += 5
        if 0xd800 <= code <= 0xdbff and s[end:end + 2] == '\\u':
            low = _decode_uXXXX(s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        parts.append(chr(code))


scanstring = c_scanstring


def _skip(s, end, _w=WHITESPACE.match, _ws=WHITESPACE_STR):
    if s[end:end + 1] in _ws:
        end = _w(s, end).end()
    return end


def _value(s, end, scan_once):
    try:
        return scan_once(s, end)
    except StopIteration as err:
        raise JSONDecodeError("Expecting value", s, err.value) from None


def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
               memo=None, _w=WHITESPACE.match, _ws=WHITESPACE_STR):
    """Decode the members of an object; `end` is just after the '{'."""
    s, end = s_and_end
    pairs = []
    if memo is None:
        memo = {}
    end = _skip(s, end)
    if s[end:end + 1] == '}':
        end += 1
    else:
        while True:
            if s[end:end + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
            key, end = scanstring(s, end + 1, strict)
            key = memo.setdefault(key, key)
            end = _skip(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            value, end = _value(s, end, scan_once)
            pairs.append((key, value))
            end = _skip(s, end)
            sep = s[end:end + 1]
            end += 1
            if sep == '}':
                break
            if sep != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs), end
    result = dict(pairs)
    if object_hook is not None:
        result = object_hook(result)
    return result, end


def JSONArray(s_and_end, scan_once, _w=WHITESPACE.match, _ws=WHITESPACE_STR):
    """Decode the items of an array; `end` is just after the '['."""
    s, end = s_and_end
    values = []
    end = _skip(s, end)
    if s[end:end + 1] == ']':
        return values, end + 1
    while True:
        value, end = _value(s, end, scan_once)
        values.append(value)
        end = _skip(s, end)
        sep = s[end:end + 1]
        end += 1
        if sep == ']':
            return values, end
        if sep != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        end = _skip(s, end)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder

    Performs the following translations in decoding by default:

    +---------------+-------------------+
    | JSON          | Python            |
    +===============+===================+
    | object        | dict              |
    +---------------+-------------------+
    | array         | list              |
    +---------------+-------------------+
    | string        | str               |
    +---------------+-------------------+
    | number (int)  | int               |
    +---------------+-------------------+
    | number (real) | float             |
    +---------------+-------------------+
    | true          | True              |
    +---------------+-------------------+
    | false         | False             |
    +---------------+-------------------+
    | null          | None              |
    +---------------+-------------------+

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as
    their corresponding ``float`` values, which is outside the JSON spec.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
            parse_int=None, parse_constant=None, strict=True,
            object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=WHITESPACE.match):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).
        """
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.
        """
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
