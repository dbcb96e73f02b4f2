/*
 * parse_dump.c — test tool: parses a file and prints its AST the way
 * `print(ast.dump(ast.parse(src), include_attributes=True))` does in Python,
 * or the syntax error as "Class: msg (lineno, offset, end_lineno, end_offset)".
 *
 *   parse_dump FILE       A first line "# ast-dump: no-positions" prints
 *                         ast.dump(tree) without positions.
 *
 * tools/gen_ast_exp.py produces the expected output with python3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/ast_dump.h"
#include "parser/parser.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; }
            else buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 2;
    }
    const char *marker = "# ast-dump: no-positions";
    int positions = !(len >= strlen(marker) && memcmp(src, marker, strlen(marker)) == 0);
    KrArena *arena = krArena_new();
    KrSyntaxError err;
    KrAstMod *mod = arena ? krParse_source(arena, src, len, argv[1], KR_PARSE_EXEC, &err) : NULL;
    int rc = 0;
    if (mod) {
        krAst_dump(stdout, mod, positions);
        putchar('\n');
    } else if (!arena) {
        puts("MemoryError");
        rc = 1;
    } else {
        printf("%s: %s (%d, %d, %d, %d)\n", krLex_error_class(err.kind), err.msg, err.lineno, err.offset,
               err.end_lineno, err.end_offset);
        rc = 1;
    }
    krArena_free(arena);
    free(src);
    return rc;
}
