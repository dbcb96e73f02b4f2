import shlex, io

def toks(s, **kw):
    attrs = kw.pop('attrs', {})
    lx = shlex.shlex(s, **kw)
    for k, v in attrs.items():
        setattr(lx, k, v)
    out = []
    while True:
        t = lx.get_token()
        if t == lx.eof:
            break
        out.append(t)
    return out

print(toks('a = b + c; d'))
print(toks('a = b + c; d', posix=True))
print(toks('foo "bar baz" \'q\''))
print(toks('foo "bar baz" \'q\'', posix=True))
print(toks('a && b || c > out.txt 2>&1', punctuation_chars=True))
print(toks('a && b || c > out.txt', punctuation_chars='&|'))
print(toks('ls -l /tmp/*.py;echo hi', punctuation_chars=True))
print(toks('x.y-z w', attrs={'whitespace_split': True}))
print(toks('line1 # c\nline2', posix=True))
lx = shlex.shlex('one two\nthree')
print(lx.get_token(), lx.lineno)
lx.push_token('pushed')
print(lx.get_token(), lx.get_token(), lx.get_token(), lx.lineno, repr(lx.get_token()))
print(lx.error_leader('f.txt', 3), lx.error_leader())
lx = shlex.shlex('a b c', posix=True)
print(list(lx), lx.eof)
lx = shlex.shlex(io.StringIO('p q'), infile='in.txt')
print(list(lx), lx.infile, repr(lx.punctuation_chars))
lx = shlex.shlex('a src more b')
lx.source = 'src'
lx.sourcehook = lambda name: ('inner', io.StringIO('x y'))
print(list(lx))
lx = shlex.shlex('a b', posix=True)
lx.push_source('c d')
print(list(lx))
lx = shlex.shlex('a "b\\"c" \'d\\e\'', posix=True)
print(list(lx))
lx = shlex.shlex('"a\\z"', posix=True)
print(list(lx))
