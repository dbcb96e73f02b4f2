import fnmatch
pats = ['*.py', 'a?c', '[abc]x', '[!a-c]*', '[]]', '[!]]', '[a-', 'x[', '*a*b*', '**', '[z-a]', '[!z-a]', 'a.b+c(d)', '[a-c-e]', '[\\]', '[^x]', '[[]', '[a&&b]', 'é*', '[--/]', '***x', '[!-z]', '[!z-ab]', '[a-]', '[-a]', '[!]', '*', '', '?*?']
names = ['a.py', 'abc', 'ax', 'dx', ']', '!', 'x[', 'xab', '-', 'e', '\\', '^', '[', '&', 'é1', '.', '/', 'x', 'b', 'z', 'zz', 'a-', '', 'ab', 'ab.py', 'aXbXc', 'a.b+c(d)', 'b.py']
for p in pats:
    print(repr(p), fnmatch.translate(p), [n for n in names if fnmatch.fnmatchcase(n, p)])
print(fnmatch.filter(['x.py', 'y.c', 'Z.PY'], '*.py'), fnmatch.fnmatch('A.py', '*.py'), fnmatch.fnmatchcase(b'ab', b'a*'))
try: fnmatch.fnmatchcase('ab', b'a*')
except TypeError as e: print(e)
