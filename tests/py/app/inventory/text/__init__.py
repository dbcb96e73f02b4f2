from .parse import parse_lines, parse_line, format_line

__all__ = ['parse_lines', 'parse_line', 'format_line']
