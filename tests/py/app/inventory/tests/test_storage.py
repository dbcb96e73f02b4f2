import json
import os
import tempfile
import unittest

from ..errors import StorageError
from ..storage import load, save, FORMAT_VERSION
from .test_model import sample


class StorageTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.path = os.path.join(self.dir.name, 'db.json')

    def write(self, text):
        with open(self.path, 'w') as f:
            f.write(text)

    def test_round_trip(self):
        inv = sample()
        save(inv, self.path)
        self.assertEqual(os.listdir(self.dir.name), ['db.json'])
        back = load(self.path)
        self.assertEqual([i.to_dict() for i in back], [i.to_dict() for i in inv])
        with open(self.path) as f:
            data = json.load(f)
        self.assertEqual(data['format'], FORMAT_VERSION)
        self.assertEqual(sorted(data['items'][0]), ['location', 'name', 'price', 'quantity',
                                                    'sku', 'tags'])

    def test_missing(self):
        with self.assertRaisesRegex(StorageError, 'no such inventory: nothere.json'):
            load(os.path.join(self.dir.name, 'nothere.json'))

    def test_bad_json(self):
        self.write('{"format": 1,\n "items": [}')
        with self.assertRaises(StorageError) as cm:
            load(self.path)
        self.assertEqual(str(cm.exception),
                         'db.json is not valid JSON (line 2, column 12: Expecting value)')

    def test_bad_format(self):
        for text, message in [('[]', 'db.json: unsupported format None'),
                              ('{"format": 2}', 'db.json: unsupported format 2'),
                              ('{"format": 1, "items": [{"sku": "X-1"}]}',
                               "db.json: bad item: 'name'"),
                              ('{"format": 1, "items": [{"sku": "X-1", "name": "n", '
                               '"quantity": -2}]}',
                               'db.json: bad item: negative quantity for X-1: -2')]:
            with self.subTest(text=text):
                self.write(text)
                with self.assertRaises(StorageError) as cm:
                    load(self.path)
                self.assertEqual(str(cm.exception), message)
