# offsets are in code points for non-ASCII strings
import re

s = 'héllo wörld — ça va? 日本語テキスト 😀 end'
for m in re.finditer(r'\w+', s):
    print(m.span(), m.group(), s[m.start():m.end()] == m.group())
print(re.search('😀', s).span(), re.search('end', s).span(), re.search('日本', s).start())
p = re.compile(r'\w+')
print(p.search(s, 20), p.search(s, 21, 24), p.match(s, 7), p.findall(s, 5, 25))
m = re.search(r'(?<=ç)(\w)', s)
print(m, m.span(1), m.start(), m.regs)
print(re.sub(r'[éö]', lambda m: '[%d]' % m.start(), s))
print(re.split(r'\s+', s))
print(re.findall('.', 'aé😀b'))
print([m.span() for m in re.finditer('', 'é😀')])
print(re.sub('', '-', 'é😀ß'))
print(re.search('$', 'ñ\n'), re.search(r'\Z', 'ñ\n'))
print(re.fullmatch('é+', 'ééé').span())
# the scanner keeps its position in code points
sc = re.compile(r'\S+').scanner('日本 ab ça')
print(sc.search(), sc.search(), sc.search(), sc.search())
