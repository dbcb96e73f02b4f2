"""Command-line option parsing in the style of C's getopt().

getopt(args, shortopts, longopts=[]) stops at the first non-option
argument; gnu_getopt() lets options and operands mix.  Both return
(list of (option, value) pairs, list of remaining arguments) and raise
GetoptError for an unknown option or a missing or unexpected value.
"""

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]

import os


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """Parse `args` (without the program name) against `shortopts` (letters,
    a ':' after one that takes a value) and `longopts` (names, a '=' after one
    that takes a value).  Parsing stops at the first operand or at '--'."""
    args = list(args)
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    opts = []
    while args and args[0].startswith('-') and args[0] != '-':
        arg = args.pop(0)
        if arg == '--':
            break
        if arg.startswith('--'):
            args = _long(opts, arg[2:], longopts, args)
        else:
            args = _short(opts, arg[1:], shortopts, args)
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt(), but operands may come between options, unless
    `shortopts` starts with '+' or POSIXLY_CORRECT is set in the
    environment."""
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    opts = []
    operands = []
    posix_mode = False
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        posix_mode = True
    elif os.environ.get("POSIXLY_CORRECT"):
        posix_mode = True
    args = list(args)
    while args:
        arg = args[0]
        if arg == '--':
            operands.extend(args[1:])
            break
        if arg.startswith('--'):
            args = _long(opts, arg[2:], longopts, args[1:])
        elif arg.startswith('-') and arg != '-':
            args = _short(opts, arg[1:], shortopts, args[1:])
        elif posix_mode:
            operands.extend(args)
            break
        else:
            operands.append(arg)
            args = args[1:]
    return opts, operands


def _long(opts, text, longopts, rest):
    eq = text.find('=')
    if eq < 0:
        name, value = text, None
    else:
        name, value = text[:eq], text[eq + 1:]
    takes_value, name = _match_long(name, longopts)
    if takes_value:
        if value is None:
            if not rest:
                raise GetoptError('option --%s requires argument' % name, name)
            value = rest[0]
            rest = rest[1:]
    elif value is not None:
        raise GetoptError('option --%s must not have an argument' % name, name)
    opts.append(('--' + name, value or ''))
    return rest


def _match_long(name, longopts):
    # An exact name wins; otherwise the prefix must pick a single option.
    candidates = [o for o in longopts if o.startswith(name)]
    if not candidates:
        raise GetoptError('option --%s not recognized' % name, name)
    if name in candidates:
        return False, name
    if name + '=' in candidates:
        return True, name
    if len(candidates) > 1:
        raise GetoptError('option --%s not a unique prefix' % name, name)
    full = candidates[0]
    if full.endswith('='):
        return True, full[:-1]
    return False, full


def _short(opts, letters, shortopts, rest):
    while letters:
        letter, letters = letters[0], letters[1:]
        if _short_takes_value(letter, shortopts):
            if letters == '':
                if not rest:
                    raise GetoptError('option -%s requires argument' % letter, letter)
                letters, rest = rest[0], rest[1:]
            value, letters = letters, ''
        else:
            value = ''
        opts.append(('-' + letter, value))
    return rest


def _short_takes_value(letter, shortopts):
    for i, c in enumerate(shortopts):
        if c == letter and c != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError('option -%s not recognized' % letter, letter)


if __name__ == '__main__':
    import sys
    print(getopt(sys.argv[1:], "a:b", ["alpha=", "beta"]))
