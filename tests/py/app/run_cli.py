# Runs the inventory command line on sample data in a temporary directory:
# stdout gets each command's output and exit status; the log goes to stderr.
import io
import os
import shutil
import sys
import tempfile

from inventory.cli import main

SAMPLE = """\
# Workshop stock, counted on Monday
HW-1001 | Hex bolt M6        | qty=120 | price=0.15  | tags=hardware,metal | loc=A1
HW-1002 | Washer M6          | qty=4   | price=0.02  | tags=hardware,metal | loc=A1
HW-1003 | Wood screw 4x40    | qty=350 | price=0.05  | tags=hardware,wood  | loc=A2
PT-2001 | Paint, white 1l    | qty=9   | price=18.99 | tags=paint          | loc=B3
PT-2002 | Paint brush        | qty=14  | price=4.50  | tags=paint,tools    | loc=B3
TL-3001 | Claw hammer        | qty=2   | price=12.50 | tags=tools          | loc=C1
TL-3002 | Tape measure 5m    | qty=0   | price=7.25  | tags=tools,measure
EL-4001 | Extension lead 10m | qty=6   | price=$1,024.00 | tags=electrical | loc=D4

bad line without separators
XX-1 | too short sku
HW-1004 | Nut M6 | qty=lots
HW-1005 | Spring | colour=red
"""


def run(*argv):
    print('$ inventory', ' '.join(argv))
    sys.stdout.flush()
    try:
        code = main(list(argv))
    except SystemExit as e:
        code = e.code
    sys.stderr.flush()
    print('[exit %s]' % code)
    print()
    sys.stdout.flush()


here = os.getcwd()
tmp = tempfile.mkdtemp(prefix='inventory-')
try:
    os.chdir(tmp)
    with open('stock.txt', 'w', encoding='utf-8') as f:
        f.write(SAMPLE)
    run('import', 'stock.txt', '-o', 'stock.json')
    run('-v', 'import', 'stock.txt', '-o', 'strict.json', '--strict')
    with open('stock.json', encoding='utf-8') as f:
        text = f.read()
    print(text.count('\n'), 'lines of JSON; first item:')
    print('\n'.join(text.splitlines()[2:14]))
    run('report', 'stock.json')
    run('report', 'stock.json', '--by', 'tag', '--top', '5')
    run('report', 'stock.json', '--by', 'location', '--top', '1')
    run('report', 'stock.json', '--by', 'prefix', '--format', 'json')
    run('search', 'stock.json', 'paint|brush', '-i')
    run('-v', 'find', 'stock.json', '^HW-100[12]$', '--field', 'sku')
    run('search', 'stock.json', 'metal', '--field', 'tags')
    run('search', 'stock.json', 'nothing')
    run('search', 'stock.json', '[unclosed')
    run('restock', 'stock.json')
    run('restock', 'stock.json', '-t', '5', '--check')
    run('restock', 'stock.json', '-t', '1', '--check')
    run('-v', 'adjust', 'stock.json', 'TL-3002=+10', 'HW-1002=+96')
    run('adjust', 'stock.json', 'TL-3001=-1', '--dry-run')
    run('adjust', 'stock.json', 'TL-3001=-5')
    run('adjust', 'stock.json', 'NO-0001=+1')
    run('adjust', 'stock.json', 'TL-3001=5')
    run('restock', 'stock.json', '--check')
    run('-vv', 'export', 'stock.json')
    run('report', 'missing.json')
    with open('broken.json', 'w') as f:
        f.write('{"format": 1, "items": [1, 2,]}')
    run('report', 'broken.json')
    run('import', 'nowhere.txt', '-o', 'x.json')
    run('report', 'stock.json', '--top', '0')
    run('report', 'stock.json', '--by', 'colour')
    run('-v', '-q', 'report', 'stock.json')
    run('frobnicate')
    run()
    run('--help')
    run('adjust', '--help')
    run('--version')
    print(sorted(os.listdir('.')))
finally:
    os.chdir(here)
    shutil.rmtree(tmp)
print('temporary directory removed:', not os.path.exists(tmp))
