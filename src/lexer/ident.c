/*
 * ident.c — which non-ASCII characters may appear in identifiers.
 *
 * Python allows the Unicode classes XID_Start and XID_Continue (PEP 3131).
 * Rather than carry the full Unicode tables, we accept every code point except
 * the blocks that hold punctuation, symbols, spaces, controls and emoji; the
 * characters people actually mistype into code (curly quotes, dashes, the
 * ellipsis, non-breaking spaces, arrows, math symbols) all fall in those
 * blocks, so their errors read exactly as CPython's.
 *
 * TODO(#parser-nfkc): identifiers are not NFKC-normalised yet.
 */
#include "lexer/lexer_internal.h"

#include <stddef.h>

typedef struct { unsigned lo, hi; } Range;

// Code points that are never part of an identifier (sorted, inclusive).
static const Range not_ident[] = {
    {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B6}, {0x00B8, 0x00B9},
    {0x00BB, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7},
    {0x02C2, 0x02C5}, {0x02D2, 0x02DF}, {0x037E, 0x037E}, {0x0387, 0x0387},
    {0x055A, 0x055F}, {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0},
    {0x05C3, 0x05C3}, {0x05C6, 0x05C6}, {0x05F3, 0x05F4}, {0x0600, 0x060F},
    {0x061B, 0x061F}, {0x066A, 0x066D}, {0x06D4, 0x06D4},
    {0x2000, 0x203E}, {0x2041, 0x2053}, {0x2055, 0x206F},
    {0x20A0, 0x20CF}, {0x2190, 0x245F}, {0x2500, 0x2775}, {0x2794, 0x2BFF},
    {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030},
    {0xD800, 0xF8FF}, {0xFD3E, 0xFD3F}, {0xFE10, 0xFE19}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C}, {0xFE50, 0xFE6B}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F},
    {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFFF}, {0x1F000, 0x1FBFF}, {0xE0000, 0x10FFFF},
};

// Combining marks, digits and connectors: valid after the first character only.
static const Range continue_only[] = {
    {0x00B7, 0x00B7}, {0x0300, 0x036F}, {0x0483, 0x0487}, {0x0591, 0x05BD},
    {0x0660, 0x0669}, {0x06F0, 0x06F9}, {0x0966, 0x096F}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054}, {0x20D0, 0x20FF},
    {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19},
    {0xFF3F, 0xFF3F},
};

// Spaces, controls and format characters: reported as "non-printable".
static const Range not_printable[] = {
    {0x0080, 0x00A0}, {0x00AD, 0x00AD}, {0x061C, 0x061C}, {0x1680, 0x1680},
    {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F},
    {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB},
    {0xE0000, 0x10FFFF},
};

static int in_ranges(unsigned cp, const Range *r, size_t n) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo) hi = mid;
        else if (cp > r[mid].hi) lo = mid + 1;
        else return 1;
    }
    return 0;
}

#define IN(cp, table) in_ranges((cp), (table), sizeof(table) / sizeof((table)[0]))

int krLex_is_xid_continue(unsigned cp) {
    return !IN(cp, not_ident) || IN(cp, continue_only);
}

int krLex_is_xid_start(unsigned cp) {
    return !IN(cp, not_ident) && !IN(cp, continue_only);
}

int krLex_is_printable(unsigned cp) {
    return !IN(cp, not_printable);
}
