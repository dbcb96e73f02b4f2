import unittest

from ..money import parse_money, format_money


class MoneyTests(unittest.TestCase):
    def test_parse(self):
        cases = {'12': 1200, '12.5': 1250, '0.07': 7, '$1,234.56': 123456, '1000000': 100000000}
        for text, cents in cases.items():
            with self.subTest(text=text):
                self.assertEqual(parse_money(text), cents)

    def test_parse_rejects(self):
        for text in ('', 'abc', '1.234', '1,23', '-5', '$'):
            with self.subTest(text=text):
                with self.assertRaisesRegex(ValueError, 'not an amount'):
                    parse_money(text)

    def test_format(self):
        self.assertEqual(format_money(0), '$0.00')
        self.assertEqual(format_money(123456789), '$1,234,567.89')
        self.assertEqual(format_money(-5), '-$0.05')

    def test_round_trip(self):
        for cents in (1, 99, 100, 101, 99999, 12345678):
            self.assertEqual(parse_money(format_money(cents)), cents)
