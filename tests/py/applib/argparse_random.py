# Random command lines (from a fixed generator) through a few parsers.
import argparse
import io
import sys

state = 2024


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n


def make_parsers():
    p1 = argparse.ArgumentParser(prog='p1')
    p1.add_argument('-a', action='store_true')
    p1.add_argument('-b', type=int)
    p1.add_argument('--cc', nargs='?', const='C')
    p1.add_argument('--dd', nargs='*')
    p1.add_argument('x')
    p1.add_argument('y', nargs='?')
    p1.add_argument('z', nargs='*')

    p2 = argparse.ArgumentParser(prog='p2', allow_abbrev=False)
    p2.add_argument('--list', action='append', nargs=2)
    p2.add_argument('-v', action='count', default=0)
    p2.add_argument('first', nargs=2)
    p2.add_argument('rest', nargs='+')

    p3 = argparse.ArgumentParser(prog='p3', prefix_chars='-+')
    g = p3.add_mutually_exclusive_group()
    g.add_argument('+on', action='store_true')
    g.add_argument('-off', action='store_true')
    p3.add_argument('--num', type=float, default=1.5)
    p3.add_argument('items', nargs='*', type=int)
    sub = p3.add_subparsers(dest='cmd')
    s = sub.add_parser('go')
    s.add_argument('-q')
    return [p1, p2, p3]


TOKENS = {
    'p1': ['-a', '-b', '3', '-b', 'x', '--cc', '--dd', 'v1', 'v2', '--', '-a', '--c', '-ab', '-b4', '--cc=q', 'w'],
    'p2': ['--list', 'k', 'v', '-v', '-vv', 'a', 'b', 'c', '--li', '--', 'd', '-x'],
    'p3': ['+on', '-off', '--num', '2', '--num=x', '1', '22', '-3', 'go', '-q', 'Q', '+o'],
}

for p in make_parsers():
    tokens = TOKENS[p.prog]
    for case in range(25):
        argv = [tokens[rnd(len(tokens))] for _ in range(rnd(6))]
        err = io.StringIO()
        old = sys.stderr
        sys.stderr = err
        try:
            ns, extra = p.parse_known_args(argv)
            out = '%s %s' % (ns, extra)
        except SystemExit as e:
            out = 'exit %s: %s' % (e.code, err.getvalue().splitlines()[-1])
        finally:
            sys.stderr = old
        print(p.prog, argv, '->', out)
