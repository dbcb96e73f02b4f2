"""Filename matching with shell patterns.

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case into account.

The patterns are Unix shell style:

*       matches everything
?       matches any single character
[seq]   matches any character in seq
[!seq]  matches any char not in seq

Patterns are compiled into a small token list and matched directly (no
regular expressions); translate() still gives the regular expression
CPython's fnmatch would build, for code that combines patterns itself.
"""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_STAR, _ANY, _LIT, _SET, _NONE = range(5)
_cache = {}
_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-normalized for the OS)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    tokens = _compile(pat)
    if os.path is posixpath:
        return [name for name in names if _match(tokens, name)]
    return [name for name in names if _match(tokens, os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    return _match(_compile(pat), name)


def _compile(pat):
    key = (type(pat), pat)
    tokens = _cache.get(key)
    if tokens is None:
        if isinstance(pat, bytes):
            text = str(pat, 'ISO-8859-1')
            tokens = [(k, v) for k, v in _parse(text)]
            tokens = (tokens, True)
        else:
            tokens = (_parse(pat), False)
        if len(_cache) >= 32768:
            _cache.clear()
        _cache[key] = tokens
    return tokens


def _set_chunks(body, negated):
    # Splits a bracket body at its range hyphens, as CPython does, and drops
    # empty ranges (a-b with a > b).  Returns the list of chunks: ranges run
    # from the last character of one chunk to the first of the next.
    start = 1 if negated else 0
    chunks = []
    i = 0
    k = start + 1 if start < len(body) else len(body)
    while True:
        k = body.find('-', k)
        if k < 0:
            break
        chunks.append(body[i:k])
        i = k + 1
        k = k + 3
    rest = body[i:]
    if rest:
        chunks.append(rest)
    else:
        chunks[-1] += '-'
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks


def _bracket(pat, i):
    """Parse the bracket expression whose '[' is at pat[i - 1].  Returns
    (token, regex_text, next_index), or None when there is no closing ']'."""
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    if j >= n:
        return None
    body = pat[i:j]
    negated = body.startswith('!')
    if '-' not in body:
        chunks = [body]
        text = body.replace('\\', '\\\\')
    else:
        chunks = _set_chunks(body, negated)
        text = '-'.join(c.replace('\\', '\\\\').replace('-', '\\-') for c in chunks)
    for op in '&~|':
        text = text.replace(op, '\\' + op)
    # The membership data: literal characters and (lo, hi) ranges; a
    # leading '!' is the negation, not a member.
    chars = set()
    ranges = []
    last = len(chunks) - 1
    for k, chunk in enumerate(chunks):
        lo = 1 if k > 0 or negated else 0
        hi = len(chunk) - 1 if k < last else len(chunk)
        chars.update(chunk[lo:hi])
        if k > 0:
            ranges.append((chunks[k - 1][-1], chunk[0]))
    if not text:
        return (_NONE, None), '(?!)', j + 1
    if text == '!':
        return (_ANY, None), '.', j + 1
    if text[0] == '!':
        text = '^' + text[1:]
    elif text[0] in '^[':
        text = '\\' + text
    return (_SET, (negated, frozenset(chars), tuple(ranges))), '[%s]' % text, j + 1


def _parse(pat):
    tokens = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1][0] != _STAR:
                tokens.append((_STAR, None))
        elif c == '?':
            tokens.append((_ANY, None))
        elif c == '[':
            b = _bracket(pat, i)
            if b is None:
                tokens.append((_LIT, '['))
            else:
                tokens.append(b[0])
                i = b[2]
        else:
            tokens.append((_LIT, c))
    return tokens


def _member(data, c):
    negated, chars, ranges = data
    found = c in chars
    if not found:
        for lo, hi in ranges:
            if lo <= c <= hi:
                found = True
                break
    return found != negated


def _match_one(tok, c):
    kind, data = tok
    if kind == _LIT:
        return c == data
    if kind == _ANY:
        return True
    if kind == _SET:
        return _member(data, c)
    return False


def _match(compiled, name):
    tokens, is_bytes = compiled
    if is_bytes:
        if not isinstance(name, bytes):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        name = str(name, 'ISO-8859-1')
    elif isinstance(name, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    # Greedy matching with backtracking to the most recent star: each star
    # only ever has to try longer prefixes, so this is O(len(name) * len(tokens)).
    ti = ni = 0
    star_ti = -1
    star_ni = 0
    nt = len(tokens)
    nn = len(name)
    while True:
        if ti < nt and tokens[ti][0] == _STAR:
            star_ti = ti
            star_ni = ni
            ti += 1
            continue
        if ti < nt and ni < nn and _match_one(tokens[ti], name[ni]):
            ti += 1
            ni += 1
            continue
        if ti == nt and ni == nn:
            return True
        if star_ti < 0 or star_ni >= nn:
            return False
        star_ni += 1
        ti = star_ti + 1
        ni = star_ni


def _escape(c):
    return '\\' + c if c in _SPECIAL else c


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    pieces = []      # fixed text between stars, as regex text
    current = []
    stars = 0
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            pieces.append(''.join(current))
            current = []
            # Runs of stars are one star.
            while i < n and pat[i] == '*':
                i += 1
            stars += 1
        elif c == '?':
            current.append('.')
        elif c == '[':
            b = _bracket(pat, i)
            if b is None:
                current.append('\\[')
            else:
                current.append(b[1])
                i = b[2]
        else:
            current.append(_escape(c))
    pieces.append(''.join(current))
    if stars == 0:
        body = pieces[0]
    else:
        # pieces[0] is before the first star; each later piece follows one.
        out = [pieces[0]]
        for piece in pieces[1:-1]:
            out.append('(?>.*?%s)' % piece)
        out.append('.*' + pieces[-1])
        body = ''.join(out)
    return '(?s:%s)\\Z' % body
