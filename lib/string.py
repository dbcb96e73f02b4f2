"""Common ASCII character classes as strings (ascii_letters, digits,
punctuation, whitespace...), capwords(), and two string templating tools:
Template ($-substitution) and Formatter (str.format, customisable).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import _string

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Capitalize each word of s: split it with s.split(sep), capitalize the
    words and join them with sep (a single space when sep is None, in which
    case runs of whitespace collapse and outer whitespace disappears).
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
# Template: $-substitutions.

_sentinel_dict = {}

# The placeholder syntax of the default configuration: identifiers made of
# ASCII letters, digits and underscores, not starting with a digit.
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class _Match:
    """What a placeholder match tells substitute(): the groups escaped,
    named, braced and invalid, as the regular expression would report them."""
    __slots__ = ('_groups', '_start', '_end', '_text', '_invalid_start')

    def __init__(self, text, start, end, groups, invalid_start=-1):
        self._text = text
        self._start = start
        self._end = end
        self._groups = groups
        self._invalid_start = invalid_start

    def group(self, name=0):
        if name == 0:
            return self._text[self._start:self._end]
        return self._groups.get(name)

    def start(self, name=0):
        if name == 'invalid':
            return self._invalid_start
        return self._start


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # ASCII identifiers only, whatever the flags: the (?a:) group.
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = 2   # re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        # A class that changes only the delimiter is matched by the scanner
        # below; other customisations need the regular expression.
        custom = ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern is not None or cls.flags != 2)
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            delim = _re_escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
        cls._uses_regex = custom
        try:
            import re
        except ImportError:
            if custom:
                raise NotImplementedError(
                    "Template subclasses with their own idpattern, braceidpattern, "
                    "flags or pattern need the re module") from None
            cls.pattern = pattern
            return
        if isinstance(pattern, str):
            pattern = re.compile(pattern, cls.flags | re.VERBOSE)
        cls.pattern = pattern

    def __init__(self, template):
        self.template = template

    def _matches(self):
        # The placeholder matches of the template, in order.
        if self._uses_regex:
            return self.pattern.finditer(self.template)
        return self._scan()

    def _scan(self):
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(text)
        i = text.find(delim) if dlen else -1
        while i >= 0:
            j = i + dlen
            if text.startswith(delim, j):
                m = _Match(text, i, j + dlen, {'escaped': delim})
            elif j < n and text[j] in _ID_START:
                k = j + 1
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                m = _Match(text, i, k, {'named': text[j:k]})
            elif j < n and text[j] == '{' and j + 1 < n and text[j + 1] in _ID_START:
                k = j + 2
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                if k < n and text[k] == '}':
                    m = _Match(text, i, k + 1, {'braced': text[j + 1:k]})
                else:
                    m = _Match(text, i, j, {'invalid': ''}, j)
            else:
                m = _Match(text, i, j, {'invalid': ''}, j)
            yield m
            i = text.find(delim, m._end)

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _replace(self, convert):
        # Rebuilds the template with each match replaced by convert(match).
        text = self.template
        pieces = []
        last = 0
        for mo in self._matches():
            pieces.append(text[last:mo.start()])
            pieces.append(convert(mo))
            last = mo.start() + len(mo.group())
        pieces.append(text[last:])
        return ''.join(pieces)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._replace(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._replace(convert)

    def is_valid(self):
        for mo in self._matches():
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None
                    and mo.group('braced') is None
                    and mo.group('escaped') is None):
                # If all the groups are None, there must be
                # another group we're not expecting
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._matches():
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                # add a named group only the first time it appears
                ids.append(named)
            elif (named is None
                    and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                # If all the groups are None, there must be
                # another group we're not expecting
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return ids


def _re_escape(s):
    # re.escape for the delimiter, without needing re.
    return ''.join('\\' + c if not (c.isalnum() or c == '_') and c.isascii() else c for c in s)


class _ChainMap:
    # The lookup half of collections.ChainMap, enough for substitute().
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


# Compute the pattern of Template itself.
Template.__init_subclass__()


########################################################################
# Formatter: str.format as a class whose steps can be overridden.

_SWITCH_NUMBERING = ('cannot switch from manual field specification to '
                     'automatic field numbering')


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        # auto_arg_index: the next automatic field number, or False once a
        # field was numbered explicitly.  Nested specs ("{0:{1}}") are
        # formatted recursively, two levels at most.
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError(_SWITCH_NUMBERING)
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError(_SWITCH_NUMBERING)
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        """The argument for `key`: args[key] for an int, else kwargs[key]."""
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        """Hook to reject unused arguments; accepts everything."""
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        """Apply a !s, !r or !a conversion (None: no conversion)."""
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Iterate over (literal_text, field_name, format_spec, conversion)
        tuples; field_name is None when only literal text remains."""
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object a field name like "0.name" or "point[3]" refers to,
        and the key of the argument it starts from."""
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
