"""Helpers of string.Formatter: the parsers behind str.format, exposed.

formatter_parser(s) splits a format string into (literal_text, field_name,
format_spec, conversion) tuples; formatter_field_name_split(name) splits a
field name into its first part and (is_attribute, key) pairs.  Errors are
those str.format raises.
"""


def _parse_field(s, i, n):
    # Parses the field starting at s[i] (just after '{').  Returns
    # (field_name, format_spec, conversion, next index).
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    else:
        c = ''
    field_name = s[start:i - 1] if c else s[start:i]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return field_name, '', conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        # The format spec runs to the matching '}' (it may hold nested fields).
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    return field_name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return field_name, '', conversion, i


def formatter_parser(s):
    """Iterate over (literal_text, field_name, format_spec, conversion)
    tuples of format string s; the last three are None after the trailing
    literal text."""
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' requires a 'str' object but received a %r" % type(s).__name__)
    return _formatter_parser(s)


def _formatter_parser(s):
    i, n = 0, len(s)
    while i < n:
        start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            c = ''
        at_end = i >= n
        if c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        markup = bool(c)
        if not at_end and c:
            if s[i] == c:
                # '{{' or '}}': one brace of literal text.
                i += 1
                markup = False
                literal = s[start:i - 1]
            else:
                literal = s[start:i - 1]
        else:
            literal = s[start:i]
        if not markup:
            yield (literal, None, None, None)
            continue
        field_name, spec, conversion, i = _parse_field(s, i, n)
        yield (literal, field_name, spec, conversion)


def _as_index(text):
    # The int value of an all-digits key, else None.
    if text and text.isdecimal():
        return int(text)
    return None


def formatter_field_name_split(name):
    """Split a field name into (first, rest): rest iterates over
    (is_attribute, key) pairs for the '.attr' and '[key]' parts."""
    if not isinstance(name, str):
        raise TypeError("descriptor 'formatter_field_name_split' requires a 'str' object but received a %r" % type(name).__name__)
    i, n = 0, len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    index = _as_index(first)
    return (first if index is None else index), _field_name_rest(name, i, n)


def _field_name_rest(name, i, n):
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] not in '.[':
                i += 1
            key = name[start:i]
            is_attr = True
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            i += 1
            is_attr = False
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        if not key:
            raise ValueError("Empty attribute in format string")
        if not is_attr:
            index = _as_index(key)
            if index is not None:
                key = index
        yield (is_attr, key)
