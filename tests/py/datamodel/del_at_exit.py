# Objects still referenced from module globals are finalized at interpreter
# exit: their __del__ runs after the last line of the program.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


a = Tracked("a")
b = Tracked("b")
del b
print("end of program")
