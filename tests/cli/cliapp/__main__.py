import sys
import helper
print("cliapp:", __name__, __spec__.name, repr(__package__), sys.argv)
print("path[0]:", sys.path[0], "| helper from:", helper.__file__)
