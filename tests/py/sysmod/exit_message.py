# sys.exit with a message: printed to stderr, status 1.
import sys
sys.exit("fatal: giving up")
