/*
 * test_pycache.c — the bytecode cache, checked on real files by running
 * krait in a temporary directory: __pycache__/<name>.krait-<magic>.pyc is
 * written with the right header, reused only while the source's mtime and
 * size match, rewritten when stale, and ignored (then rewritten) when
 * truncated or corrupt; nothing is written with -B or
 * PYTHONDONTWRITEBYTECODE (unless -E); no temporary files are left behind.
 * Also PYTHONPATH with -E / -I, and the guard that reminds to bump
 * KR_PYC_MAGIC when opcodes.def changes.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "runtime/import.h"
#include "runtime/import_internal.h"

// The fingerprint of opcodes.def for KR_PYC_MAGIC 1001.  When this test
// fails because opcodes.def changed, bump KR_PYC_MAGIC in
// src/runtime/import.h and record both new values here.
#define RECORDED_MAGIC 1001
#define RECORDED_FINGERPRINT 0xca33d436u

static char krait[4096], dir[64];
static int failures;

#define CHECK(cond, ...)                                          \
    do {                                                          \
        if (!(cond)) {                                            \
            fprintf(stderr, "%s:%d: FAILED: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                         \
            fputc('\n', stderr);                                  \
            failures++;                                           \
        }                                                         \
    } while (0)

static void write_file(const char *name, const char *text) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs(text, f);
    fclose(f);
}

// Runs krait in the test directory with `envs` (shell assignments, may be
// "") and `args`; returns its stdout (static buffer, trailing newline cut).
static const char *run(const char *envs, const char *args) {
    static char out[4096];
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd %s && env -u PYTHONDONTWRITEBYTECODE -u PYTHONPATH %s %s %s 2>&1", dir, envs,
             krait, args);
    FILE *p = popen(cmd, "r");
    if (!p) {
        perror("popen");
        exit(1);
    }
    size_t n = fread(out, 1, sizeof out - 1, p);
    pclose(p);
    out[n] = 0;
    while (n > 0 && out[n - 1] == '\n') out[--n] = 0;
    return out;
}

static const char *cache_path(const char *sub, const char *mod) {
    static char path[512];
    snprintf(path, sizeof path, "%s/%s__pycache__/%s." KR_PYC_TAG ".pyc", dir, sub, mod);
    return path;
}

static long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static bool read_header(const char *path, uint8_t h[16]) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t n = fread(h, 1, 16, f);
    fclose(f);
    return n == 16;
}

static uint32_t u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// Sets the source's modification time (seconds).
static void set_mtime(const char *name, time_t t) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct timespec ts[2] = {{t, 0}, {t, 0}};
    utimensat(AT_FDCWD, path, ts, 0);
}

static void overwrite(const char *path, long offset, const char *bytes, size_t n) {
    FILE *f = fopen(path, "r+b");
    if (!f) return;
    fseek(f, offset, SEEK_SET);
    fwrite(bytes, 1, n, f);
    fclose(f);
}

static int count_entries(const char *sub) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s__pycache__", dir, sub);
    DIR *d = opendir(path);
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n;
}

static void remove_cache(void) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s/__pycache__ %s/pkg/__pycache__", dir, dir);
    if (system(cmd) != 0) fprintf(stderr, "rm failed\n");
}

static void test_write_and_header(void) {
    write_file("mod.py", "X = 1\n");
    set_mtime("mod.py", 1000000000);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "1") == 0, "first import");
    uint8_t h[16], magic[4];
    CHECK(read_header(cache_path("", "mod"), h), "cache file %s written", cache_path("", "mod"));
    krPycache_magic(magic);
    CHECK(memcmp(h, magic, 4) == 0, "magic");
    CHECK(magic[0] == (KR_PYC_MAGIC & 0xff) && magic[2] == '\r' && magic[3] == '\n', "magic layout");
    CHECK(u32(h + 4) == krPycache_opcode_fingerprint(), "fingerprint");
    CHECK(u32(h + 8) == 1000000000u && u32(h + 12) == 6, "mtime/size in header: %u %u", u32(h + 8), u32(h + 12));
    CHECK(count_entries("") == 1, "only the .pyc in __pycache__ (%d entries)", count_entries(""));
    const char *cached = run("", "-c 'import mod; print(mod.__cached__ == mod.__spec__.cached, mod.__cached__)'");
    CHECK(strstr(cached, "True ") == cached && strstr(cached, "__pycache__/mod." KR_PYC_TAG ".pyc"), "%s", cached);
}

static void test_reuse_and_staleness(void) {
    // Same size and mtime: the cache is trusted, so the old value shows.
    write_file("mod.py", "X = 2\n");
    set_mtime("mod.py", 1000000000);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "1") == 0, "cache reused when mtime and size match");
    // A new mtime makes it stale: recompiled and rewritten.
    set_mtime("mod.py", 1000000100);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "2") == 0, "stale by mtime");
    uint8_t h[16];
    CHECK(read_header(cache_path("", "mod"), h) && u32(h + 8) == 1000000100u, "header rewritten");
    // A new size with the same mtime is stale too.
    write_file("mod.py", "X = 333\n");
    set_mtime("mod.py", 1000000100);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "stale by size");
    CHECK(read_header(cache_path("", "mod"), h) && u32(h + 12) == 8, "size rewritten");
}

static void test_corruption(void) {
    const char *pyc = cache_path("", "mod");
    long good = file_size(pyc);
    CHECK(good > 16, "cache present");
    // Truncated to less than a header.
    if (truncate(pyc, 10) != 0) perror("truncate");
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "truncated header ignored");
    CHECK(file_size(pyc) == good, "rewritten after truncation (%ld vs %ld)", file_size(pyc), good);
    // Truncated payload.
    if (truncate(pyc, good - 5) != 0) perror("truncate");
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "truncated payload ignored");
    CHECK(file_size(pyc) == good, "rewritten after truncated payload");
    // Garbage payload behind a good header.
    overwrite(pyc, 16, "\x7f\x01garbage-garbage", 17);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "corrupt payload ignored");
    CHECK(file_size(pyc) == good, "rewritten after corrupt payload");
    // Wrong magic number, and a cache from a build with other instructions.
    overwrite(pyc, 0, "\x00\x00", 2);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "bad magic ignored");
    overwrite(pyc, 4, "\x01\x02\x03\x04", 4);
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "other fingerprint ignored");
    uint8_t h[16], magic[4];
    krPycache_magic(magic);
    CHECK(read_header(pyc, h) && memcmp(h, magic, 4) == 0 && u32(h + 4) == krPycache_opcode_fingerprint(),
          "header repaired");
    // A file that is not a cache at all.
    write_file("__pycache__/mod." KR_PYC_TAG ".pyc", "print('not bytecode')\n");
    CHECK(strcmp(run("", "-c 'import mod; print(mod.X)'"), "333") == 0, "text file ignored");
    CHECK(count_entries("") == 1, "no temporary files left (%d entries)", count_entries(""));
}

static void test_no_write(void) {
    remove_cache();
    CHECK(strcmp(run("", "-B -c 'import mod, sys; print(mod.X, sys.dont_write_bytecode)'"), "333 True") == 0, "-B");
    CHECK(count_entries("") == -1, "-B writes nothing");
    CHECK(strcmp(run("PYTHONDONTWRITEBYTECODE=1", "-c 'import mod; print(mod.X)'"), "333") == 0, "env");
    CHECK(count_entries("") == -1, "PYTHONDONTWRITEBYTECODE writes nothing");
    run("PYTHONDONTWRITEBYTECODE=1", "-E -c 'import mod'");
    CHECK(count_entries("") == 1, "-E ignores PYTHONDONTWRITEBYTECODE");
    remove_cache();
    // sys.dont_write_bytecode is read at each import.
    run("", "-c 'import sys; sys.dont_write_bytecode = True; import mod'");
    CHECK(count_entries("") == -1, "sys.dont_write_bytecode = True writes nothing");
}

static void test_packages_and_path(void) {
    char path[256];
    snprintf(path, sizeof path, "%s/pkg", dir);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/elsewhere", dir);
    mkdir(path, 0777);
    write_file("pkg/__init__.py", "from . import sub\n");
    write_file("pkg/sub.py", "Y = 'sub'\n");
    write_file("elsewhere/farmod.py", "Z = 'far'\n");
    CHECK(strcmp(run("", "-c 'import pkg; print(pkg.sub.Y)'"), "sub") == 0, "package import");
    CHECK(file_size(cache_path("pkg/", "__init__")) > 16 && file_size(cache_path("pkg/", "sub")) > 16,
          "package caches written");
    CHECK(strcmp(run("PYTHONPATH=elsewhere", "-c 'import farmod; print(farmod.Z)'"), "far") == 0, "PYTHONPATH");
    const char *e = run("PYTHONPATH=elsewhere", "-E -c 'import farmod'");
    CHECK(strstr(e, "ModuleNotFoundError: No module named 'farmod'") != NULL, "-E ignores PYTHONPATH: %s", e);
    e = run("PYTHONPATH=elsewhere", "-I -c 'import farmod'");
    CHECK(strstr(e, "ModuleNotFoundError: No module named 'farmod'") != NULL, "-I ignores PYTHONPATH: %s", e);
    e = run("", "-I -c 'import mod'");
    CHECK(strstr(e, "No module named 'mod'") != NULL, "-I: no current directory on sys.path: %s", e);
}

static void test_magic_guard(void) {
    if (KR_PYC_MAGIC != RECORDED_MAGIC || krPycache_opcode_fingerprint() != RECORDED_FINGERPRINT) {
        fprintf(stderr,
                "opcodes.def (fingerprint 0x%08x) or KR_PYC_MAGIC (%d) changed: bump KR_PYC_MAGIC in "
                "src/runtime/import.h when the bytecode changes, then record both in tests/c/test_pycache.c\n",
                krPycache_opcode_fingerprint(), KR_PYC_MAGIC);
        failures++;
    }
}

int main(void) {
    ssize_t n = readlink("/proc/self/exe", krait, sizeof krait - 16);
    if (n < 0) return perror("readlink"), 1;
    krait[n] = 0;
    strcpy(strrchr(krait, '/'), "/../krait");  // build/ctest/test_pycache -> build/krait
    strcpy(dir, "/tmp/krait_pycache_XXXXXX");
    if (!mkdtemp(dir)) return perror("mkdtemp"), 1;
    test_magic_guard();
    test_write_and_header();
    test_reuse_and_staleness();
    test_corruption();
    test_no_write();
    test_packages_and_path();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
