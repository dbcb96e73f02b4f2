# property with getter/setter/deleter, chaining and errors; class/static methods.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        "temperature in C"
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def zero(cls):
        return cls()


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.unit(), t.unit(), type(Temp.zero()).__name__)
print(isinstance(Temp.__dict__["celsius"], property))
p = property()
try:
    p.__get__(t)
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.__dict__["unit"]).__name__, type(Temp.__dict__["zero"]).__name__)
print(Temp.__dict__["unit"].__func__ is Temp.unit)
