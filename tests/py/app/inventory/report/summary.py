"""Text and JSON reports."""

import json

from ..money import format_money


def summary_lines(inventory, top=3):
    totals = inventory.totals()
    lines = ['%d items, %d units, total value %s'
             % (totals.items, totals.units, format_money(totals.value))]
    if top and len(inventory):
        lines.append('Most valuable:')
        ranked = sorted(inventory, key=lambda i: (-i.value, i.sku))[:top]
        for rank, item in enumerate(ranked, 1):
            lines.append('  %d. %-10s %-22s %12s' % (rank, item.sku, item.name,
                                                     format_money(item.value)))
    tags = inventory.tag_counts()
    if tags:
        common = ', '.join('%s (%d)' % kv for kv in sorted(tags.most_common(),
                                                           key=lambda kv: (-kv[1], kv[0])))
        lines.append('Tags: ' + common)
    return lines


def group_table(inventory, key):
    groups = inventory.group_by(key)
    width = max([len(g) for g in groups] + [len(key)])
    header = '%-*s %6s %8s %12s' % (width, key.upper(), 'ITEMS', 'UNITS', 'VALUE')
    lines = [header, '-' * len(header)]
    for name, items in groups.items():
        lines.append('%-*s %6d %8d %12s' % (width, name, len(items),
                                            sum(i.quantity for i in items),
                                            format_money(sum(i.value for i in items))))
    return lines


def restock_lines(items, threshold):
    if not items:
        return ['Nothing below %d units.' % threshold]
    lines = ['%d item(s) below %d units:' % (len(items), threshold)]
    for item in items:
        lines.append('  %-10s %-22s have %3d, need %3d more'
                     % (item.sku, item.name, item.quantity, threshold - item.quantity))
    return lines


def as_json(inventory, key=None):
    totals = inventory.totals()
    doc = {'totals': totals._asdict()}
    if key:
        doc['groups'] = {name: [i.sku for i in items]
                         for name, items in inventory.group_by(key).items()}
    return json.dumps(doc, indent=2)
