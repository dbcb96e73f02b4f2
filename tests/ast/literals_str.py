"a"
'b'
"""triple
quoted"""
r"\n\t"
b"bytes\x00\xff"
u"unicode"
"a" "b" 'c'
B"x" rb"\d" Rb'y'
"\x41\u00e9\U0001F600\N{BULLET}\101\n\t\\\'\""
"\ud800"
"é ü 中文"
"it's"
'say "hi"'
"both ' and \""
"\q"
"line\
continued"

