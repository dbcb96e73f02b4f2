/*
 * ast_dump.h — printing ASTs in the format of Python's `ast.dump`.
 *
 * The output is byte-for-byte what `print(ast.dump(tree,
 * include_attributes=...))` prints in CPython 3.11 (without the final
 * newline), which lets tests compare our parser against Python's.
 */
#ifndef KR_AST_DUMP_H
#define KR_AST_DUMP_H

#include <stdio.h>

#include "parser/ast.h"

// Writes `mod` to `out` as ast.dump would; positions are included when
// `include_attributes` is non-zero.  Never fails (output errors are the
// stream's).
void krAst_dump(FILE *out, const KrAstMod *mod, int include_attributes);

// Writes Python's repr() of a constant ("1", "0.1", "1j", "'a\\n'", "b'x'").
void krAst_repr_constant(FILE *out, const KrAstConstant *c);

// Python's repr of a double into `buf`: shortest round-trip digits, exponent
// form outside 1e-4 <= |v| < 1e16; ".0" appended to integral values when
// `add_dot_0` (floats) but not for complex parts.
void krAst_format_double(char *buf, size_t cap, double v, int add_dot_0);

#endif
