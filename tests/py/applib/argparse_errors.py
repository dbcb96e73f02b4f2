import argparse, sys
sys.stderr = sys.stdout

def run(p, argv):
    try:
        print(argv, '->', p.parse_args(argv))
    except SystemExit as e:
        print('SystemExit', e.code)
    except argparse.ArgumentError as e:
        print('ArgumentError', e, '|', e.argument_name, '|', e.message)

p = argparse.ArgumentParser(prog='err')
p.add_argument('--int', type=int)
p.add_argument('--choice', choices=['a', 'b'])
p.add_argument('--one')
p.add_argument('--two', nargs=2)
p.add_argument('--plus', nargs='+')
p.add_argument('--opt', nargs='?')
p.add_argument('-f', action='store_true')
p.add_argument('--flag', action='store_true')
p.add_argument('--fl', action='store_true')
def even(s):
    n = int(s)
    if n % 2:
        raise argparse.ArgumentTypeError('%d is odd' % n)
    return n
p.add_argument('--even', type=even)
p.add_argument('req')
for argv in [[], ['x', '--int', 'nope'], ['x', '--choice', 'c'], ['x', '--one'],
             ['x', '--two', '1'], ['x', '--plus'], ['x', '--even', '3'], ['x', '--even', 'q'],
             ['x', '-fz'], ['x', '--flag=1'], ['x', '--f'], ['x', 'y', 'z'], ['x', '--opt', '1', '2'],
             ['x', '--int', '5', '--int', '6']]:
    run(p, argv)

p = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
p.add_argument('--int', type=int)
p.add_argument('pos', nargs='?')
run(p, ['--int', 'x'])
run(p, ['a', 'b'])

for kwargs in [dict(action='store', nargs=0), dict(action='append', nargs=0),
               dict(const=1), dict(action='nope'), dict(type='int'),
               dict(type=argparse.FileType), dict(nargs=2, metavar=('a', 'b', 'c')),
               dict(nargs='x')]:
    try:
        argparse.ArgumentParser(prog='bad').add_argument('--z', **kwargs)
        print('ok', kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args, kwargs in [(('pos',), dict(required=True)), (('pos',), dict(dest='d')),
                     (('--',), {}), (('-x', 'y'), {})]:
    try:
        argparse.ArgumentParser(prog='bad').add_argument(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
p = argparse.ArgumentParser(prog='conf')
p.add_argument('-x', '--ex')
try:
    p.add_argument('-x')
except argparse.ArgumentError as e:
    print('ArgumentError', e)
try:
    p.add_argument('-x', '--ex')
except argparse.ArgumentError as e:
    print('ArgumentError', e)
try:
    argparse.ArgumentParser(conflict_handler='other')
except ValueError as e:
    print('ValueError', e)
p = argparse.ArgumentParser(prog='resolve', conflict_handler='resolve')
p.add_argument('-x', '--ex', help='old')
p.add_argument('-x', help='new')
p.add_argument('--ex', help='newer')
p.print_help()
g = p.add_mutually_exclusive_group()
try:
    g.add_argument('pos')
except ValueError as e:
    print('ValueError', e)

p = argparse.ArgumentParser(prog='amb')
p.add_argument('--alpha')
p.add_argument('--alps')
run(p, ['--al', '1'])
run(p, ['--alp=1'])
p = argparse.ArgumentParser(prog='mx')
g = p.add_mutually_exclusive_group(required=True)
g.add_argument('--a', action='store_true')
g.add_argument('--b', default=5)
g.add_argument('--hid', help=argparse.SUPPRESS)
run(p, [])
run(p, ['--b', '5'])
run(p, ['--a', '--b', '6'])
p = argparse.ArgumentParser(prog='ver')
p.add_argument('-V', action='version', version='ver 2.0\nsecond line')
run(p, ['-V'])
run(p, ['-h', '-V'])
e = argparse.ArgumentError(None, 'plain message')
print(str(e), e.argument_name)
print(argparse.FileType('r'), argparse.FileType('wb', 0), argparse.FileType('w', encoding='utf-8', errors='strict'))
try:
    argparse.FileType('r')('/nonexistent/dir/file')
except argparse.ArgumentTypeError as e:
    print('ArgumentTypeError', e)
print(argparse.FileType('r')('-') is sys.stdin, argparse.FileType('w')('-') is sys.stdout)
try:
    argparse.FileType('q')('-')
except ValueError as e:
    print('ValueError', e)
p = argparse.ArgumentParser(prog='ft')
p.add_argument('infile', type=argparse.FileType('r'))
run(p, ['/nonexistent/file'])
p.exit(0, 'exit message\n') if False else None
try:
    p.exit(3, 'bye\n')
except SystemExit as e:
    print('SystemExit', e.code)
try:
    p.error('custom error')
except SystemExit as e:
    print('SystemExit', e.code)
