import sys
print("clipkg.sub:", __name__, __spec__.name, repr(__package__), sys.argv[1:])
