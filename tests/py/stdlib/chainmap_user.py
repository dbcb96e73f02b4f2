from collections import ChainMap, UserDict, UserList, UserString

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

base = {'a': 1, 'b': 2}; over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], len(cm), list(cm), sorted(cm.items()), cm.get('zz', 'd'), 'a' in cm, bool(cm), bool(ChainMap()))
cm['d'] = 4; print(over, cm.maps is cm.maps)
del cm['d']
show(lambda: cm.__delitem__('a'))
show(lambda: cm['nope'])
show(lambda: ChainMap().popitem())
show(lambda: ChainMap({}).pop('x'))
print(cm.pop('c'), cm.pop('c', 'dflt'), cm.new_child(), cm.new_child({'x': 1}, y=2), cm.parents, ChainMap())
print(ChainMap.fromkeys('ab', 0), cm.copy(), cm | {'q': 1}, {'q': 1} | cm)
cm2 = ChainMap({'x': 1}); cm2 |= {'y': 2}; print(cm2); cm2.clear(); print(cm2)
r = ChainMap(); r.maps[0]['self'] = r; print(r)
ud = UserDict({'a': 1}, b=2); ud['c'] = 3; del ud['a']
print(ud, len(ud), list(ud), 'b' in ud, ud.get('b'), ud.get('z', 0), ud.data, ud == {'b': 2, 'c': 3})
print(ud | {'z': 9}, {'y': 8} | ud, ud.copy(), type(ud.copy()).__name__, UserDict.fromkeys('ab', 1))
show(lambda: ud['missing'])
class Miss(UserDict):
    def __missing__(self, key): return key * 2
print(Miss()['ab'], 'ab' in Miss(), Miss(x=1).copy())
ud |= {'w': 0}; print(ud, ud.pop('w'), ud.setdefault('n', 5), ud.popitem(), ud)
ul = UserList([3, 1, 2]); ul.append(0); ul.extend([9]); ul.insert(0, 7)
print(ul, ul[0], ul[1:3], type(ul[1:3]).__name__, len(ul), 3 in ul, ul.index(1), ul.count(3), ul.pop(), ul.pop(0))
ul.sort(); print(ul); ul.sort(reverse=True); print(ul); ul.reverse(); print(ul); ul.remove(2); print(ul)
print(ul + [5], [5] + ul, ul * 2, 2 * ul, ul == [0, 1, 3], ul < [9], ul.copy(), UserList(ul), UserList('ab'))
ul += (4,); ul *= 2; print(ul); ul[0] = 'x'; del ul[1]; print(ul); ul.clear(); print(ul, UserList())
us = UserString('Hello World')
print(us, repr(us), len(us), us[0], us[-5:], us.lower(), us.upper(), us.swapcase(), us.title(), us.capitalize())
print(us.split(), us.split('o', 1), us.rsplit(None, 1), us.partition(' '), us.rpartition('o'), us.find('o'), us.rfind('o'), us.count('l'))
print(us.replace('l', 'L'), us.replace(UserString('World'), 'There'), us.startswith('He'), us.endswith('ld'), us.index('W'), us.rindex('l'))
print(us.center(15, '*'), us.ljust(13, '.'), us.rjust(13), us.zfill(14), us.strip('Hd'), us.lstrip('H'), us.rstrip('d'), us.expandtabs())
print(us.isalpha(), us.isdigit(), us.islower(), us.istitle(), us.isspace(), us.isascii(), us.isidentifier(), us.isprintable())
print(us + '!', '>' + us, us * 2, UserString('%s-%d') % ('a', 1), 'o' in us, UserString('W') in us, us == 'Hello World', us < 'Z')
print(us.encode(), us.join(['1', '2']), us.casefold(), us.removeprefix('Hello '), us.removesuffix(' World'), us.format())
print(int(UserString('42')), float(UserString('1.5')), sorted([UserString('b'), UserString('a')]), us.splitlines(), us.translate({72: 'J'}))
