import argparse
parser = argparse.ArgumentParser(description='Exits with status 2 on bad arguments.')
parser.add_argument('--count', type=int, required=True)
parser.add_argument('names', nargs='*')
args = parser.parse_args()
print(args)
