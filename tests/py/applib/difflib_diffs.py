import difflib, sys

one = 'one\ntwo\nthree\n'.splitlines(keepends=True)
two = 'ore\ntree\nemu\n'.splitlines(keepends=True)
print(''.join(difflib.ndiff(one, two)), end='')
diff = list(difflib.ndiff(one, two))
print(''.join(difflib.restore(diff, 1)), end='')
print(''.join(difflib.restore(diff, 2)), end='')
try:
    list(difflib.restore(diff, 3))
except ValueError as e:
    print('ValueError', e)

text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
sys.stdout.writelines(difflib.Differ().compare(text1, text2))
print('----')
sys.stdout.writelines(difflib.ndiff(['\tabc\n', 'same\n'], ['\tabd\n', 'same\n', 'added\n']))
print('----')
sys.stdout.writelines(difflib.ndiff(['a\n', 'b\n', 'c\n'], ['x\n', 'y\n']))
sys.stdout.writelines(difflib.ndiff(['a\n', 'same\n', 'c\n'], ['x\n', 'same\n', 'y\n', 'z\n']))

s1 = ['bacon\n', 'eggs\n', 'ham\n', 'guido\n']
s2 = ['python\n', 'eggy\n', 'hamster\n', 'guido\n']
sys.stdout.writelines(difflib.context_diff(s1, s2, fromfile='before.py', tofile='after.py'))
sys.stdout.writelines(difflib.unified_diff(s1, s2, fromfile='before.py', tofile='after.py'))
for line in difflib.unified_diff('one two three four'.split(), 'zero one tree four'.split(),
                                 'Original', 'Current', '2005-01-26 23:30:50', '2010-04-02 10:20:52',
                                 lineterm=''):
    print(line)
a = ['line %d\n' % i for i in range(30)]
b = list(a)
b[3] = 'changed 3\n'
del b[15]
b.insert(25, 'inserted\n')
sys.stdout.writelines(difflib.unified_diff(a, b, n=2))
sys.stdout.writelines(difflib.context_diff(a, b, n=1))
sys.stdout.writelines(difflib.unified_diff([], ['new\n']))
sys.stdout.writelines(difflib.unified_diff(['old\n'], []))
sys.stdout.writelines(difflib.context_diff([], ['new\n']))
print(list(difflib.unified_diff(a, a)))
for bad in [([b'x'], ['y']), (['x'], [1])]:
    try:
        list(difflib.unified_diff(*bad))
    except TypeError as e:
        print('TypeError', e)
try:
    list(difflib.unified_diff(['a'], ['b'], fromfile=b'x'))
except TypeError as e:
    print('TypeError', e)
for line in difflib.diff_bytes(difflib.unified_diff, [b'caf\xe9\n'], [b'cafe\n'], b'a', b'b'):
    print(line)
try:
    list(difflib.diff_bytes(difflib.unified_diff, ['a'], [b'b']))
except TypeError as e:
    print('TypeError', e)
