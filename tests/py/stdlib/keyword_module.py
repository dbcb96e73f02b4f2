import keyword
print(keyword.kwlist)
print(keyword.softkwlist, sorted(keyword.__all__))
print([w for w in ['if', 'If', 'match', 'case', 'async', 'print', 'None', '_', 'type'] if keyword.iskeyword(w)])
print([w for w in ['if', 'match', 'case', '_', 'type', 'async'] if keyword.issoftkeyword(w)])
print(len(keyword.kwlist), keyword.iskeyword(''), keyword.iskeyword(1))
