# repr recursion guard for sets of self-referential objects
class Holder:
    def __init__(self):
        self.s = None
    def __repr__(self):
        return "Holder(%r)" % (self.s,)
    def __hash__(self):
        return 1
h = Holder()
s = set([h])
h.s = s
print(s)
