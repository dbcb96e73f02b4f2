public = 1
_private = 2
__dunder__ = 3
