import os
os.environ['COLUMNS'] = '80'
import argparse, sys
sys.stderr = sys.stdout

def run(p, argv):
    try:
        print(argv, '->', p.parse_args(argv))
    except SystemExit as e:
        print('SystemExit', e.code)

p = argparse.ArgumentParser(prog='tool', description='Top level.')
p.add_argument('--verbose', '-v', action='store_true')
subs = p.add_subparsers(title='commands', description='Available commands.', dest='command', metavar='COMMAND')
add = subs.add_parser('add', help='add things', description='Add items.')
add.add_argument('items', nargs='+')
add.add_argument('--force', action='store_true')
add.set_defaults(func='add-func')
rm = subs.add_parser('remove', aliases=['rm'], help='remove things')
rm.add_argument('name')
subs.add_parser('quiet')
p.print_help()
add.print_help()
rm.print_usage()
run(p, ['add', 'a', 'b', '--force'])
run(p, ['-v', 'rm', 'x'])
run(p, ['quiet'])
run(p, [])
run(p, ['nope'])
run(p, ['add'])
run(p, ['rm', 'x', 'extra'])
print(p.parse_known_args(['rm', 'x', '--unknown']))
try:
    subs.add_parser('add')
except argparse.ArgumentError as e:
    print('ArgumentError', e)
try:
    subs.add_parser('new', aliases=['rm'])
except argparse.ArgumentError as e:
    print('ArgumentError', e)
run(p, ['add', '-h'])

p = argparse.ArgumentParser(prog='req')
p.add_argument('pos')
s = p.add_subparsers(required=True)
s.add_parser('one')
s.add_parser('two')
p.print_help()
run(p, ['x'])
run(p, ['x', 'one'])
try:
    p.add_subparsers()
except SystemExit as e:
    print('SystemExit', e.code)

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--shared', default='s')
pg = parent.add_argument_group('parent group')
pg.add_argument('--pg')
child = argparse.ArgumentParser(prog='child', parents=[parent])
child.add_argument('own')
child.print_help()
print(child.parse_args(['o', '--shared', 'x']))

class MyParser(argparse.ArgumentParser):
    def error(self, message):
        raise ValueError('MyParser: ' + message)
mp = MyParser(prog='mp')
ms = mp.add_subparsers(dest='c')
sub = ms.add_parser('sub')
sub.add_argument('--n', type=int)
print(type(sub).__name__)
try:
    mp.parse_args(['sub', '--n', 'x'])
except ValueError as e:
    print(e)
