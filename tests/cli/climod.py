"""A module run with -m by the command-line tests."""
import sys
print("climod:", __name__, __spec__.name if __spec__ else None, repr(__package__))
print("file:", __file__, "| cached is a .pyc:", __cached__.endswith(".pyc"))
print("loader:", type(__loader__).__name__, "| argv:", sys.argv)
print("path[0]:", sys.path[0])
if __name__ == "__main__":
    print("main module is", sys.modules["__main__"].__name__, "| climod in sys.modules:", "climod" in sys.modules)
