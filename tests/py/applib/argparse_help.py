import os
os.environ['COLUMNS'] = '80'
import argparse

def show(p):
    print(p.format_usage(), end='')
    print('-----')
    print(p.format_help(), end='')
    print('=====')

p = argparse.ArgumentParser(prog='prog', description='''The description
    is   re-wrapped   by the default formatter, which collapses whitespace.''',
    epilog='An epilog mentioning %(prog)s.')
p.add_argument('src', help='the source')
p.add_argument('dst', nargs='?', default='out', help='destination (default: %(default)s)')
p.add_argument('extra', nargs='*', help=argparse.SUPPRESS)
p.add_argument('-n', '--number', type=int, default=3, help='a number of type %(type)s')
p.add_argument('-q', action='store_true', help='')
p.add_argument('--choice', choices=range(3), type=int, help='one of %(choices)s')
p.add_argument('--long-option-name-that-is-really-long', help='pushes help to next line')
p.add_argument('--hidden', help=argparse.SUPPRESS)
grp = p.add_argument_group('custom group', 'Group description text.')
grp.add_argument('--in-group', metavar='X', help='in a group')
empty = p.add_argument_group('empty group')
show(p)

text = '''Line one
    indented line two

Paragraph two'''
for cls in [argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter, argparse.MetavarTypeHelpFormatter]:
    p = argparse.ArgumentParser(prog='fmt', formatter_class=cls, description=text)
    p.add_argument('--size', type=int, default=10, help='size\n  of things')
    p.add_argument('count', type=float, help='how many')
    p.add_argument('maybe', type=str, nargs='?', default='m', help='optional positional')
    p.add_argument('--nodefault', type=str, help='no default here')
    p.add_argument('--sup', type=str, default=argparse.SUPPRESS, help='suppressed default')
    print(cls.__name__)
    show(p)

# A long usage is wrapped at the group boundaries.
p = argparse.ArgumentParser(prog='wrapper')
for i in range(12):
    p.add_argument('--option-%d' % i, metavar='VALUE%d' % i)
p.add_argument('positional_one')
p.add_argument('positional_two', nargs='+')
show(p)
p = argparse.ArgumentParser(prog='a-very-long-program-name-that-takes-up-most-of-the-width-of-the-line')
p.add_argument('--alpha', help='a')
p.add_argument('--beta', help='b')
p.add_argument('pos')
show(p)
p = argparse.ArgumentParser(prog='onlypos', add_help=False)
for i in range(8):
    p.add_argument('positional_argument_%d' % i)
show(p)

# Narrow and custom widths.
def narrow(prog):
    return argparse.HelpFormatter(prog, width=40, max_help_position=10)
p = argparse.ArgumentParser(prog='narrow', formatter_class=narrow, description='Narrow formatter with a long description that wraps.')
p.add_argument('--xx', help='some help text that is long enough to wrap at forty')
p.add_argument('yy', help='positional')
show(p)

p = argparse.ArgumentParser(prog='usage', usage='%(prog)s [options] files...', add_help=False)
p.add_argument('--a')
show(p)
p = argparse.ArgumentParser(prog='nousage', usage=argparse.SUPPRESS)
show(p)
p = argparse.ArgumentParser(prog='bare', add_help=False)
show(p)

p = argparse.ArgumentParser(prog='mutex')
g = p.add_mutually_exclusive_group(required=True)
g.add_argument('--one', action='store_true')
g.add_argument('--two', metavar='N')
g.add_argument('pos', nargs='?', help='positional in group')
g2 = p.add_mutually_exclusive_group()
g2.add_argument('-a', action='store_true')
g2.add_argument('-b', action='store_true', help=argparse.SUPPRESS)
g2.add_argument('-c', action='store_true')
show(p)

p = argparse.ArgumentParser(prog='nargs', prefix_chars='-+')
p.add_argument('--one', nargs=1)
p.add_argument('--three', nargs=3)
p.add_argument('+p', '++plus', action='store_true')
p.add_argument('--tup', nargs='*', metavar=('A', 'B'))
p.add_argument('--plus', nargs='+', metavar=('X', 'Y'))
p.add_argument('rest', nargs=argparse.REMAINDER)
show(p)
print(repr(argparse.ArgumentParser(prog='r')))
