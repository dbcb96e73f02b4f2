import shlex

cases = [
    'a b c',
    '  leading and trailing  ',
    'one "two three" four',
    "its 'single quoted' \"double \\\"esc\\\" q\"",
    'back\\ slash a\\\\b',
    '"a\\b" \'a\\b\'',
    'foo#bar # comment here',
    'x=1 y="2 3" z',
    '',
    'ab"cd"ef',
    'ünïcödé wörds',
]
for c in cases:
    print(repr(c), '->', shlex.split(c))
print(shlex.split('foo # comment', comments=True))
print(shlex.split('foo "bar baz"', posix=False))
for bad in ['"unterminated', "'x", 'end\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print('ValueError', e)

for s in ['', 'simple', 'has space', "it's", 'a$b', 'x@y%z+=:,./-_', 'tab\there', 'é']:
    print(repr(s), '->', shlex.quote(s))
print(shlex.join(['echo', 'hello world', "it's", '']))
print(shlex.split(shlex.join(['a b', "c'd", '$x'])))
