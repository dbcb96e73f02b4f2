import string

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable), sorted(string.__all__))
print(string.capwords(' hello   world  '), string.capwords('a-b-c', '-'), string.capwords('ALL caps'), string.capwords(''))
T = string.Template
t = T('$who likes $what; ${who}s like $$; cost: $$5')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}, what='c'), t.template)
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
show(lambda: T('$who $missing').substitute(who=1))
show(lambda: T('line1\nab $ x').substitute())
show(lambda: T('$').substitute())
show(lambda: T('${1bad}').substitute())
show(lambda: T('$1').substitute())
show(lambda: T('${a').substitute(a=1))
print(T('$ok ${no').safe_substitute(ok=1), T('bad $1 and $$ and ${x}').safe_substitute(), T('$1').is_valid(), T('$a$b$a').get_identifiers())
print(T('$_x $x_ ${_} $ä').safe_substitute(_x=1, x_=2, _=3), T('$Name$NAME').substitute(Name='n', NAME='N'))
class Pct(string.Template):
    delimiter = '%'
print(Pct('%x %% %{y}z').substitute(x=1, y=2), Pct('%1').safe_substitute(), Pct('50%').is_valid())
class Long(string.Template):
    delimiter = '<<'
print(Long('<<a and <<<<b <<{c}').safe_substitute(a=1, c=3))
f = string.Formatter()
print(f.format('{0} {1!r} {x:>5} {y[0]} {z.real}', 'a', 'b', x=3, y=[9], z=2j), f.format('{} {}', 1, 2), f.format('{:{}}', 'ab', 5))
print(f.format('{0:{1}.{2}f}', 3.14159, 8, 2), f.vformat('{a}-{b}', (), {'a': 1, 'b': 2}), list(f.parse('x{0}y{{')))
show(lambda: f.format('{} {0}', 1))
show(lambda: f.format('{0} {}', 1))
show(lambda: f.format('{0!z}', 1))
show(lambda: f.format('{:{:{:{}}}}', 1, 2, 3, 4))
show(lambda: f.format('{x}'))
show(lambda: f.format('{0}'))
show(lambda: f.format('}'))
class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError('unused: ' + ','.join(sorted(extra)))
    def get_value(self, key, args, kwargs):
        try:
            return super().get_value(key, args, kwargs)
        except KeyError:
            return '<' + key + '>'
print(Strict().format('{a} {b}', a=1, b=2))
show(lambda: Strict().format('{a}', a=1, c=2))
print(Strict().format('{q}'), Strict().convert_field(5, 'a'), Strict().format_field(3.5, '.3f'))
