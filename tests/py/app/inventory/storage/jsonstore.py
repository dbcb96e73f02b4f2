"""Inventories are stored as JSON: {"format": 1, "items": [...]}."""

import json
import logging
import os

from ..errors import StorageError
from ..model import Inventory, Item

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


def save(inventory, path):
    data = {'format': FORMAT_VERSION, 'items': [item.to_dict() for item in inventory]}
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write('\n')
    # Replace the old file only once the new one is complete.
    os.replace(tmp, path)
    log.info('saved %d items to %s', len(inventory), os.path.basename(path))


def load(path):
    try:
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
    except FileNotFoundError:
        raise StorageError('no such inventory: %s' % os.path.basename(path)) from None
    except json.JSONDecodeError as e:
        raise StorageError('%s is not valid JSON (line %d, column %d: %s)'
                           % (os.path.basename(path), e.lineno, e.colno, e.msg)) from None
    if not isinstance(data, dict) or data.get('format') != FORMAT_VERSION:
        raise StorageError('%s: unsupported format %r' % (
            os.path.basename(path), data.get('format') if isinstance(data, dict) else None))
    try:
        items = [Item.from_dict(d) for d in data['items']]
    except (KeyError, TypeError, ValueError) as e:
        raise StorageError('%s: bad item: %s' % (os.path.basename(path), e)) from None
    log.debug('loaded %d items', len(items))
    return Inventory(items)
