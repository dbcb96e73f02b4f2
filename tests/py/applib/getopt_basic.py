import getopt

def show(f, *a):
    try:
        print(f(*a))
    except getopt.GetoptError as e:
        print('GetoptError', e, repr(e.opt), e.args)

show(getopt.getopt, ['-a', '-bval', '-c', 'x', 'file'], 'ab:c:')
show(getopt.getopt, ['-abc', 'x'], 'ab:c')
show(getopt.getopt, ['--alpha', '--beta=1', '--gam', '3', 'rest', '-a'], 'a', ['alpha', 'beta=', 'gamma='])
show(getopt.getopt, ['-a', '--', '-b'], 'ab')
show(getopt.getopt, ['-', '-a'], 'a')
show(getopt.getopt, ['-x'], 'a')
show(getopt.getopt, ['-b'], 'ab:')
show(getopt.getopt, ['--nope'], '', ['alpha'])
show(getopt.getopt, ['--alpha=3'], '', ['alpha'])
show(getopt.getopt, ['--beta'], '', ['beta='])
show(getopt.getopt, ['--al'], '', ['alpha', 'alps'])
show(getopt.getopt, ['--al'], '', ['al', 'alps'])
show(getopt.getopt, ['--al'], '', ['al=', 'alps'])
show(getopt.getopt, ['--v'], '', 'verbose')
show(getopt.gnu_getopt, ['a', '-x', 'b', '--long', 'c', '--', '-y'], 'xy', ['long'])
show(getopt.gnu_getopt, ['a', '-x', 'b'], '+x')
show(getopt.gnu_getopt, ['-o', 'out', 'in1', '--level=3', 'in2'], 'o:', ['level='])
show(getopt.gnu_getopt, ['-'], 'x')
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
e = getopt.GetoptError('msg')
print(repr(str(e)), repr(e.opt), e.msg)
