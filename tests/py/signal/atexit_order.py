import atexit, sys
class Named:
    def __init__(self, name, exc):
        self.name, self.exc = name, exc
    def __call__(self):
        raise self.exc
    def __repr__(self):
        return '<callback %s>' % self.name
def f(x, y=0):
    print('f', x, y)
print(atexit.register(f, 1, y=2) is f)
atexit.register(Named('g', ZeroDivisionError('boom')))
atexit.register(Named('h', SystemExit(3)))
atexit.register(f, 'last')
atexit.register(print, 'unregistered')
atexit.unregister(print)
@atexit.register
def deco():
    print('decorated runs first')
    atexit.register(print, 'registered while exiting')
try: atexit.register(5)
except TypeError as e: print(e)
print('main done')
