from .square import Square
from . import circle
VERSION = "1.0"
