from .summary import summary_lines, group_table, restock_lines, as_json

__all__ = ['summary_lines', 'group_table', 'restock_lines', 'as_json']
