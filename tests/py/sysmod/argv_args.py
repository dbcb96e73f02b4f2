# Arguments after the script name reach sys.argv.
import sys
print(sys.argv[1:])
