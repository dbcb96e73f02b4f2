import sys
from . import sub
print("clipkg/__main__:", __name__, __spec__.name, repr(__package__), sys.argv[1:])
print("argv[0] ends with:", sys.argv[0].split("/")[-2:])
print("sub:", sub.__name__, "| parent bound:", sys.modules["clipkg"].sub is sub)
