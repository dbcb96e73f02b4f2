import sys
__path__.append(sys.path[0] + "/_extra/extpkg")
