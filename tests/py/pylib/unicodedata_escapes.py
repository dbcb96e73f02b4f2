# \N{...} escapes use the unicodedata name table.
print(ascii("\N{LATIN SMALL LETTER A}\N{snowman}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}\N{GRINNING FACE}\N{LINE FEED}\N{EM DASH}\N{greek capital letter omega}"))
print(ascii(f"{1}\N{BULLET}{2}"), ascii(rb"\N{BULLET}"))
try:
    eval('"\\N{NO SUCH CHARACTER NAME}"')
except SyntaxError as e:
    print("SyntaxError", e.msg)
