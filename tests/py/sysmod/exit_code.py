# sys.exit with an int code: status 3, nothing on stderr.
import sys
print("before")
sys.exit(3)
print("never")
