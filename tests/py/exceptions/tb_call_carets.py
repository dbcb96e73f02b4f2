# Carets under calls and attribute access that fail, and a whole-line
# statement that gets none.
class Obj:
    def method(self, x):
        return x.missing_attribute


def run():
    o = Obj()
    result = o.method(42)
    return result


run()
