import argparse
parser = argparse.ArgumentParser(description='Prints help and exits 0.')
parser.add_argument('--count', type=int, help='how many')
parser.parse_args()
print('not reached')
