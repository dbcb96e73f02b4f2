import argparse

def run(p, argv):
    try:
        print(argv, '->', p.parse_args(argv))
    except SystemExit as e:
        print(argv, '-> SystemExit', e.code)

p = argparse.ArgumentParser(prog='p')
p.add_argument('-a', action='store_const', const=42)
p.add_argument('-t', action='store_true')
p.add_argument('-f', action='store_false')
p.add_argument('--app', action='append')
p.add_argument('--appc', action='append_const', const='C')
p.add_argument('-c', '--count', action='count')
p.add_argument('--ext', action='extend', nargs='+', type=int)
p.add_argument('-x', type=int, default='7')
p.add_argument('--flt', type=float)
p.add_argument('pos', nargs='*')
run(p, [])
run(p, ['-a', '-t', '-f', '--app', '1', '--app=2', '--appc', '--appc', '-ccc', '--count'])
run(p, ['--ext', '1', '2', '--ext', '3', '-x', '-5', 'p1', 'p2'])
run(p, ['-tcx3', 'z'])
run(p, ['-x=4', '--flt', '1e3', '--', '-a', '--x'])
run(p, ['--co', '--ap', 'v'])
run(p, ['-t', 'a', '-c', 'b'])

p = argparse.ArgumentParser(prog='n')
p.add_argument('first')
p.add_argument('opt', nargs='?', default='D')
p.add_argument('two', nargs=2)
p.add_argument('-v', nargs='?', const='C', default='DEF')
run(p, ['a', 'b', 'c'])
run(p, ['a', 'b', 'c', 'd'])
run(p, ['a', '-v', 'b', 'c'])
run(p, ['a', 'b', 'c', '-v'])
run(p, ['a', 'b', 'c', '-v', 'V'])

p = argparse.ArgumentParser(prog='neg')
p.add_argument('-1', dest='one', action='store_true')
p.add_argument('n', nargs='?')
run(p, ['-1'])
p = argparse.ArgumentParser(prog='neg2')
p.add_argument('-x')
p.add_argument('n', nargs='*')
run(p, ['-x', '-2', '-3', '-.5'])

p = argparse.ArgumentParser(prog='rem')
p.add_argument('cmd')
p.add_argument('args', nargs=argparse.REMAINDER)
run(p, ['run', '-x', '--y', 'z'])
ns, rest = p.parse_known_args(['run'])
print(ns, rest)

p = argparse.ArgumentParser(prog='known')
p.add_argument('--keep')
print(p.parse_known_args(['--keep', 'k', '--drop', 'd', 'pos', '-z']))

p = argparse.ArgumentParser(prog='noabbrev', allow_abbrev=False)
p.add_argument('--verbose', action='store_true')
print(p.parse_known_args(['--verb']))

p = argparse.ArgumentParser(prog='inter')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=int)
print(p.parse_intermixed_args('doit 1 --foo bar 2 3'.split()))
print(p.parse_known_args('doit 1 --foo bar 2 3'.split()))

p = argparse.ArgumentParser(prog='defaults', argument_default=argparse.SUPPRESS)
p.add_argument('--x')
p.add_argument('--y', default=1)
print(p.parse_args([]), p.parse_args(['--x', '1']))
p = argparse.ArgumentParser(prog='setdef')
p.add_argument('--x', default=1)
p.set_defaults(x=5, other='o')
print(p.parse_args([]), p.get_default('x'), p.get_default('other'), p.get_default('nothing'))

ns = argparse.Namespace(a=1, b='two')
print(ns, 'a' in ns, 'z' in ns, ns == argparse.Namespace(a=1, b='two'), ns != argparse.Namespace(a=1))
print(argparse.Namespace(**{'not id': 1, 'ok': 2}))
existing = argparse.Namespace(x='preset')
p = argparse.ArgumentParser(prog='ns')
p.add_argument('--x', default='d')
p.add_argument('--y', default='d')
print(p.parse_args([], namespace=existing) is existing, existing)

import os, tempfile
here = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    path = 'args.txt'
    with open(path, 'w') as f:
        f.write('--name\nfrom file\n-v\n')
    p = argparse.ArgumentParser(prog='ff', fromfile_prefix_chars='@')
    p.add_argument('--name')
    p.add_argument('-v', action='store_true')
    p.add_argument('rest', nargs='*')
    print(p.parse_args(['@' + path, 'x', 'y']))
    run(p, ['x', '@' + path, 'y'])
    class Splitter(argparse.ArgumentParser):
        def convert_arg_line_to_args(self, line):
            return line.split()
    p2 = Splitter(prog='ff2', fromfile_prefix_chars='@')
    p2.add_argument('words', nargs='*')
    with open('words.txt', 'w') as f:
        f.write('several words here\n@args.txt\n')
    print(p2.parse_known_args(['@words.txt']))
    run(p2, ['@missing.txt'])
    os.chdir(here)

class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper() + (option_string or ''))
p = argparse.ArgumentParser(prog='custom')
p.add_argument('--name', action=Upper)
p.add_argument('word', action=Upper)
print(p.parse_args(['--name', 'abc', 'def']))
a = p._actions[1]
print(repr(a))
print(p.parse_args(['--name=', 'x']))
