r"""Command-line tool to validate and pretty-print JSON

Usage::

    $ echo '{"json":"obj"}' | python -m json.tool
    {
        "json": "obj"
    }
    $ echo '{ 1.2:3.4}' | python -m json.tool
    Expecting property name enclosed in double quotes: line 1 column 3 (char 2)

The options are those of CPython's json.tool; they are parsed here by hand.
"""
import json
import sys

PROG = 'python -m json.tool'
USAGE = """\
usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
"""
HELP = USAGE + """
A simple command line interface for json module to validate and pretty-print
JSON objects.

positional arguments:
  infile             a JSON file to be validated or pretty-printed
  outfile            write the output of infile to outfile

options:
  -h, --help         show this help message and exit
  --sort-keys        sort the output of dictionaries alphabetically by key
  --no-ensure-ascii  disable escaping of non-ASCII characters
  --json-lines       parse input using the JSON Lines format. Use with --no-
                     indent or --compact to produce valid JSON Lines output.
  --indent INDENT    separate items with newlines and use this number of
                     spaces for indentation
  --tab              separate items with newlines and use tabs for indentation
  --no-indent        separate items with spaces rather than newlines
  --compact          suppress all whitespace separation (most compact)
"""


def _usage_error(message):
    sys.stderr.write(USAGE)
    sys.stderr.write('%s: error: %s\n' % (PROG, message))
    raise SystemExit(2)


def _parse_args(argv):
    opts = {'sort_keys': False, 'ensure_ascii': True, 'json_lines': False, 'indent': 4,
            'compact': False, 'infile': None, 'outfile': None}
    layout = None
    positional = []
    extra = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg in ('-h', '--help'):
            sys.stdout.write(HELP)
            raise SystemExit(0)
        if arg == '--sort-keys':
            opts['sort_keys'] = True
        elif arg == '--no-ensure-ascii':
            opts['ensure_ascii'] = False
        elif arg == '--json-lines':
            opts['json_lines'] = True
        elif arg in ('--indent', '--tab', '--no-indent', '--compact') or arg.startswith('--indent='):
            name = arg.split('=', 1)[0]
            if layout is not None and layout != name:
                _usage_error('argument %s: not allowed with argument %s' % (name, layout))
            layout = name
            if name == '--indent':
                if '=' in arg:
                    value = arg.split('=', 1)[1]
                elif i < len(argv):
                    value = argv[i]
                    i += 1
                else:
                    _usage_error('argument --indent: expected one argument')
                try:
                    opts['indent'] = int(value)
                except ValueError:
                    _usage_error("argument --indent: invalid int value: %r" % value)
            elif name == '--tab':
                opts['indent'] = '\t'
            elif name == '--no-indent':
                opts['indent'] = None
            else:
                opts['compact'] = True
        elif arg == '--':
            positional.extend(argv[i:])
            break
        elif arg.startswith('-') and arg != '-':
            extra.append(arg)
        else:
            positional.append(arg)
    if len(positional) > 2:
        extra.extend(positional[2:])
        positional = positional[:2]
    if extra:
        _usage_error('unrecognized arguments: %s' % ' '.join(extra))
    if positional:
        opts['infile'] = positional[0]
    if len(positional) > 1:
        opts['outfile'] = positional[1]
    return opts


def main():
    opts = _parse_args(sys.argv[1:])
    dump_args = {
        'sort_keys': opts['sort_keys'],
        'indent': opts['indent'],
        'ensure_ascii': opts['ensure_ascii'],
    }
    if opts['compact']:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'
    try:
        if opts['infile'] in (None, '-'):
            infile = sys.stdin
        else:
            infile = open(opts['infile'], encoding='utf-8')
        try:
            if opts['json_lines']:
                objs = (json.loads(line) for line in infile)
            else:
                objs = (json.load(infile),)
            if opts['outfile'] is None:
                out = sys.stdout
            else:
                out = open(opts['outfile'], 'w', encoding='utf-8')
            try:
                for obj in objs:
                    json.dump(obj, out, **dump_args)
                    out.write('\n')
            finally:
                if out is not sys.stdout:
                    out.close()
        finally:
            if infile is not sys.stdin:
                infile.close()
    except ValueError as e:
        raise SystemExit(e)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
