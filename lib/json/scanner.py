"""JSON token scanner: make_scanner is _json's; py_make_scanner builds one
in Python from a decoder's parse_* attributes."""
import re

from _json import make_scanner as c_make_scanner

__all__ = ['make_scanner']

NUMBER_RE = re.compile(
    r'(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?',
    (re.VERBOSE | re.MULTILINE | re.DOTALL))


def py_make_scanner(context):
    parse_object = context.parse_object
    parse_array = context.parse_array
    parse_string = context.parse_string
    match_number = NUMBER_RE.match
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo
    words = {'null': None, 'true': True, 'false': False}
    constants = ('NaN', 'Infinity', '-Infinity')

    def _scan_once(string, idx):
        if idx >= len(string):
            raise StopIteration(idx)
        c = string[idx]
        if c == '"':
            return parse_string(string, idx + 1, strict)
        if c == '{':
            return parse_object((string, idx + 1), strict, _scan_once, object_hook,
                                object_pairs_hook, memo)
        if c == '[':
            return parse_array((string, idx + 1), _scan_once)
        for word, value in words.items():
            if string.startswith(word, idx):
                return value, idx + len(word)
        m = match_number(string, idx)
        if m is not None:
            integer, frac, exp = m.groups()
            if frac or exp:
                res = parse_float(integer + (frac or '') + (exp or ''))
            else:
                res = parse_int(integer)
            return res, m.end()
        for name in constants:
            if string.startswith(name, idx):
                return parse_constant(name), idx + len(name)
        raise StopIteration(idx)

    def scan_once(string, idx):
        try:
            return _scan_once(string, idx)
        finally:
            memo.clear()

    return scan_once


make_scanner = c_make_scanner
