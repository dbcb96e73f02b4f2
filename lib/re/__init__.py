"""Support for regular expressions (RE).

Krait's re: the matching engine and the module-level functions are the C
module _sre (PCRE2 behind a translator from Python's pattern syntax); this
package adds the RegexFlag constants, Scanner and template().
"""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

compile = _sre.compile
match = _sre.match
fullmatch = _sre.fullmatch
search = _sre.search
sub = _sre.sub
subn = _sre.subn
split = _sre.split
findall = _sre.findall
finditer = _sre.finditer
purge = _sre.purge
escape = _sre.escape
error = _sre.error
Pattern = _sre.Pattern
Match = _sre.Match

_cache = _sre._cache
_MAXCACHE = 512


# ---------------------------------------------------------------------------
# Flags: an int subclass whose members print as re.NAME, combine with | & ^ ~
# and iterate like enum.IntFlag members (definition order, not bit order).

_FLAG_ORDER = [
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32), ("MULTILINE", 8),
    ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128),
]
_ALL_BITS = 511


class _FlagType(type):
    def __iter__(cls):
        return iter([cls._by_value[v] for _, v in _FLAG_ORDER])

    def __len__(cls):
        return len(_FLAG_ORDER)

    def __contains__(cls, member):
        return isinstance(member, cls)

    def __getitem__(cls, name):
        return cls._by_name[name]

    def __repr__(cls):
        return "<flag %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._by_name)


class RegexFlag(int, metaclass=_FlagType):
    _by_value = {}
    _by_name = {}

    def __new__(cls, value):
        try:
            return cls._by_value[value]
        except (KeyError, TypeError):
            pass
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if value < 0:
            value = max(_ALL_BITS + 1, 2 ** value.bit_length()) + value
            if value in cls._by_value:
                return cls._by_value[value]
        self = int.__new__(cls, value)
        return self

    @property
    def value(self):
        return int(self)

    @property
    def _value_(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        for n, bit in _FLAG_ORDER:
            if v == bit:
                return n
        if v == 0:
            return "NOFLAG"
        names = [n for n, bit in _FLAG_ORDER if v & bit]
        if not names:
            return None
        rest = v & ~_ALL_BITS
        if rest:
            names.append(hex(rest))
        return "|".join(names)

    _name_ = name

    def __repr__(self):
        name = self.name
        if name is None:
            return "re.RegexFlag(%r)" % int(self)
        return "|".join(n if n[0].isdigit() else "re." + n for n in name.split("|"))

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        v = int(self)
        mask = max(_ALL_BITS, (1 << v.bit_length()) - 1)
        return RegexFlag(~v & mask)

    def __contains__(self, other):
        if not isinstance(other, RegexFlag):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return int(other) & int(self) == int(other)

    def __iter__(self):
        v = int(self)
        return iter([RegexFlag._by_value[bit] for _, bit in _FLAG_ORDER if v & bit])

    def __len__(self):
        return bin(int(self) & _ALL_BITS).count("1")

    def __reduce__(self):
        return RegexFlag, (int(self),)


def _add_flag(name, value, *aliases):
    member = int.__new__(RegexFlag, value)
    RegexFlag._by_value[value] = member
    RegexFlag._by_name[name] = member
    setattr(RegexFlag, name, member)
    globals()[name] = member
    for alias in aliases:
        RegexFlag._by_name[alias] = member
        setattr(RegexFlag, alias, member)
        globals()[alias] = member


_add_flag("NOFLAG", 0)
_add_flag("ASCII", 256, "A")
_add_flag("IGNORECASE", 2, "I")
_add_flag("LOCALE", 4, "L")
_add_flag("UNICODE", 32, "U")
_add_flag("MULTILINE", 8, "M")
_add_flag("DOTALL", 16, "S")
_add_flag("VERBOSE", 64, "X")
_add_flag("TEMPLATE", 1, "T")
_add_flag("DEBUG", 128)
del _add_flag


def _compile(pattern, flags):
    return _sre.compile(pattern, flags)


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    return _sre.compile(pattern, flags | TEMPLATE)


# ---------------------------------------------------------------------------
# Scanner: a lexer built from (phrase, action) pairs.  Each phrase becomes a
# group of one alternation; the group that closed last names the phrase.

class Scanner:
    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        parts = []
        self._phrase_of_group = {}
        group = 1
        for index, (phrase, action) in enumerate(lexicon):
            inner = _sre.compile(phrase, flags).groups
            self._phrase_of_group[group] = index
            parts.append("(" + phrase + ")")
            group += 1 + inner
        self.scanner = _sre.compile("|".join(parts), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[self._phrase_of_group[m.lastindex]][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
