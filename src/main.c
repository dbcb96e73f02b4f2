/*
 * main.c — the `krait` command: python3's command line.
 *
 *   krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Exit status: 0, 1 after an uncaught exception (traceback on stderr), 2 for
 * bad usage or an unreadable script, SystemExit's code, 120 when flushing
 * stdout fails at exit.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler/compile.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/import.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

static const char usage_line[] = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void usage(const char *prog) {
    printf(usage_line, prog);
    printf("Options (and corresponding environment variables):\n"
           "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script\n"
           "-I     : isolate Krait from the user's environment (implies -E and -s)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-O     : remove assert and __debug__-dependent statements\n"
           "-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH\n"
           "-q     : don't print version and copyright messages on interactive startup\n"
           "-s     : don't add user site directory to sys.path\n"
           "-S     : don't imply 'import site' on initialization\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-v     : verbose (trace import statements)\n"
           "-V     : print the Python version number and exit (also --version)\n"
           "-X opt : set implementation-specific option\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n");
}

static int bad_usage(const char *prog, const char *msg, char opt) {
    if (opt) fprintf(stderr, "%s -%c\n", msg, opt);
    else fprintf(stderr, "%s\n", msg);
    fprintf(stderr, usage_line, prog);
    fprintf(stderr, "Try `%s -h' for more information.\n", prog);
    return 2;
}

// Exit status for an uncaught SystemExit (CPython's rules), printing a
// non-integer code to stderr.
static int system_exit_status(KrThreadState *ts, KrObject *exc) {
    KrObject *code = ((KrStopIterationObject *)exc)->value;  // SystemExit.code
    code = kr_newref(code ? code : KR_NONE);
    int status = 0;
    if (code == KR_NONE) {
        status = 0;
    } else if (krInt_check(code)) {
        int64_t v;
        status = krInt_to_i64(code, &v) ? (int)v : -1;
    } else {
        KrObject *s = krObj_str(ts, code);
        KrObject *err = krDict_get_str(ts->interp->sysdict, KR_ID(stderr));
        if (s && err && err != KR_NONE) {
            KrObject *r = krObj_call_method(ts, err, KR_ID(write), s, NULL);
            kr_xdecref(r);
            KrObject *nl = krStr_ascii_char('\n');
            r = krObj_call_method(ts, err, KR_ID(write), nl, NULL);
            kr_xdecref(r);
        } else if (s) {
            fprintf(stderr, "%s\n", krStr_utf8(s));
        }
        kr_xdecref(s);
        krErr_clear(ts);
        status = 1;
    }
    kr_decref(code);
    return status;
}

// Set when the program ended with an uncaught KeyboardInterrupt: the process
// then dies by SIGINT, as CPython's does, so shells see the interruption.
static bool exit_by_sigint;

// Reports the pending exception like CPython's top level: SystemExit gives
// its status; anything else goes through sys.excepthook and gives 1.
static int handle_exception(KrThreadState *ts) {
    KrObject *exc = krErr_fetch(ts);
    if (kr_type_check(exc, &KrExc_KeyboardInterrupt)) exit_by_sigint = true;
    if (kr_type_check(exc, &KrExc_SystemExit)) {
        int status = system_exit_status(ts, exc);
        kr_decref(exc);
        return status;
    }
    KrObject *hook = krDict_get_str(ts->interp->sysdict, KR_ID(excepthook));
    if (hook && hook != KR_NONE) {
        KrObject *tb = krExc_traceback(exc);
        KrObject *args[3] = {(KrObject *)KR_TYPE(exc), exc, tb ? tb : KR_NONE};
        KrObject *r = krObj_vectorcall(ts, hook, args, 3, NULL);
        if (r) {
            kr_decref(r);
        } else {
            fprintf(stderr, "Error in sys.excepthook:\n");
            krErr_print(ts);
            fprintf(stderr, "\nOriginal exception was:\n");
            krTraceback_print_exception(ts, exc, NULL);
        }
    } else {
        fprintf(stderr, "sys.excepthook is missing\n");
        krTraceback_print_exception(ts, exc, NULL);
    }
    krErr_clear(ts);
    kr_decref(exc);
    return 1;
}

static int run_source(KrThreadState *ts, const char *src, KrSsize len, const char *filename_c, const char *file_attr) {
    KrObject *filename = krStr_from_cstr(ts, filename_c);
    if (!filename) return handle_exception(ts);
    KrObject *dict = krModule_dict(ts->interp->main_module);
    if (file_attr) {
        KrObject *f = krStr_from_cstr(ts, file_attr);
        if (!f || krDict_set_steal(ts, dict, KR_ID(__file__), f) < 0) {
            kr_decref(filename);
            return handle_exception(ts);
        }
    }
    KrObject *code = krCompile_source(ts, src, len, filename, KR_PARSE_EXEC, 0, -1);
    kr_decref(filename);
    if (!code) return handle_exception(ts);
    KrObject *r = krEval_code(ts, code, dict, dict);
    kr_decref(code);
    if (!r) return handle_exception(ts);
    kr_decref(r);
    return 0;
}

static char *read_all(FILE *f, KrSsize *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
    }
    if (buf) {
        buf[n] = 0;
        *len = (KrSsize)n;
    }
    return buf;
}

static int run_file(KrThreadState *ts, const char *prog, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        int err = errno;
        char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
        fprintf(stderr, "%s: can't open file '%s%s%s': [Errno %d] %s\n", prog, cwd ? cwd : "", cwd ? "/" : "",
                path, err, strerror(err));
        free(cwd);
        return 2;
    }
    KrSsize len;
    char *src = read_all(f, &len);
    fclose(f);
    if (!src) {
        fprintf(stderr, "%s: out of memory reading '%s'\n", prog, path);
        return 1;
    }
    // The script's name becomes absolute (cwd joined, not normalised), as in
    // CPython: tracebacks and __file__ show it that way.
    char *abspath = NULL;
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (cwd && (abspath = malloc(strlen(cwd) + strlen(path) + 2))) sprintf(abspath, "%s/%s", cwd, path);
        free(cwd);
    }
    const char *name = abspath ? abspath : path;
    int status = run_source(ts, src, len, name, name);
    free(abspath);
    free(src);
    return status;
}

// -m: run the module as runpy does, with sys.path[0] the current directory.
static int run_module(KrThreadState *ts, const char *modname) {
    if (krImport_run_module_as_main(ts, modname) < 0) return handle_exception(ts);
    return 0;
}

// `krait directory`: run its __main__.py (sys.path[0] is the directory).
static int run_directory(KrThreadState *ts) {
    if (krImport_run_main_from_path(ts) < 0) return handle_exception(ts);
    return 0;
}

// `path` made absolute by prefixing the current directory (not normalised),
// as CPython does for a directory given as the program.  malloc'd.
static char *join_cwd(const char *path) {
    if (path[0] == '/') return strdup(path);
    char *cwd = getcwd(NULL, 0);
    char *r = cwd ? malloc(strlen(cwd) + strlen(path) + 2) : NULL;
    if (r) sprintf(r, "%s/%s", cwd, path);
    free(cwd);
    return r;
}

// Removes "." and ".." components and doubled slashes of an absolute path in place.
static void normalize_path(char *p) {
    char *out = p;
    for (const char *s = p; *s;) {
        while (*s == '/') s++;
        const char *e = s;
        while (*e && *e != '/') e++;
        size_t n = (size_t)(e - s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            while (out > p && *--out != '/') {}
        } else {
            *out++ = '/';
            memmove(out, s, n);
            out += n;
        }
        s = e;
    }
    if (out == p) *out++ = '/';
    *out = 0;
}

// sys.executable: argv[0] made absolute, or found on PATH.  malloc'd or NULL.
static char *find_executable(const char *argv0) {
    char *r = NULL;
    if (strchr(argv0, '/')) {
        r = join_cwd(argv0);
    } else {
        const char *path = getenv("PATH");
        for (const char *p = path; p && !r;) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            char *cand = malloc(n + strlen(argv0) + 2);
            if (!cand) break;
            sprintf(cand, "%.*s/%s", (int)n, p, argv0);
            if (access(cand, X_OK) == 0) r = cand[0] == '/' ? cand : (join_cwd(cand));
            if (r != cand) free(cand);
            p = colon ? colon + 1 : NULL;
        }
    }
    if (r) normalize_path(r);
    return r;
}

static int set_executable(KrThreadState *ts, const char *argv0) {
    char *exe = find_executable(argv0);
    KrObject *s = exe ? krStr_decode_utf8(ts, exe, (KrSsize)strlen(exe), "surrogateescape") : kr_newref(krStr_empty());
    free(exe);
    if (!s) return -1;
    int r = krDict_set_cstr(ts, ts->interp->sysdict, "executable", s);
    kr_decref(s);
    return r;
}

// Is the environment variable set to a non-empty value (and not ignored)?
static bool env_flag(bool ignore_env, const char *name) {
    const char *v = ignore_env ? NULL : getenv(name);
    return v && *v;
}

// `krait path args...`: a script, or a directory holding __main__.py.
static int run_program_path(KrThreadState *ts, const char *prog, int argc, char **argv, bool safe_path) {
    const char *path = argv[0];
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        // The directory goes first on sys.path even with -P: __main__ is found there.
        char *abs = join_cwd(path);
        int r = krMod_sys_set_argv(ts, argc, argv, abs ? abs : path);
        free(abs);
        if (r < 0) return handle_exception(ts);
        return run_directory(ts);
    }
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    char *abs = NULL;
    if (slash) {
        *slash = 0;
        abs = realpath(*dir ? dir : "/", NULL);
    } else {
        abs = realpath(".", NULL);
    }
    int r = krMod_sys_set_argv(ts, argc, argv, safe_path ? NULL : (abs ? abs : "."));
    free(dir);
    free(abs);
    if (r < 0) return handle_exception(ts);
    char *script = join_cwd(path);
    r = krImport_set_main_loader(ts, script ? script : path);
    free(script);
    if (r < 0) return handle_exception(ts);
    return run_file(ts, prog, path);
}

// The command line, as parsed by parse_options.
typedef struct {
    const char *prog, *command, *module;
    bool unbuffered, ignore_env, isolated, no_bytecode, inspect, no_site, no_user_site, safe_path;
    int verbose, optimize;
    int next;                      // index of the first argument after the options
} Options;

// Parses the options.  Returns -1 to go on, or the exit status for
// --version, --help and bad usage.
static int parse_options(int argc, char **argv, Options *o) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0) break;  // a file name, or "-" for stdin
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python %s\n", KR_PY_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0) {
            usage(o->prog);
            return 0;
        }
        if (a[1] == '-') return bad_usage(o->prog, "unknown option", 0);
        bool stop = false;
        for (const char *p = a + 1; *p && !stop; p++) {
            switch (*p) {
            case 'c':
            case 'm':
            case 'X':
            case 'W': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    fprintf(stderr, usage_line, o->prog);
                    fprintf(stderr, "Try `%s -h' for more information.\n", o->prog);
                    return 2;
                }
                if (*p == 'c') o->command = val;
                if (*p == 'm') o->module = val;
                stop = true;
                break;
            }
            case 'u': o->unbuffered = true; break;
            case 'E': o->ignore_env = true; break;
            case 'I': o->isolated = o->ignore_env = true; break;
            case 'B': o->no_bytecode = true; break;
            case 'i': o->inspect = true; break;
            case 'v': o->verbose++; break;
            case 'O': o->optimize++; break;
            case 's': o->no_user_site = true; break;
            case 'S': o->no_site = true; break;
            case 'P': o->safe_path = true; break;
            case 'q': case 'b': case 'd': case 'R': break;
            case 'V': printf("Python %s\n", KR_PY_VERSION); return 0;
            case 'h': case '?': usage(o->prog); return 0;
            default: return bad_usage(o->prog, "Unknown option:", *p);
            }
        }
        if (o->command || o->module) {
            i++;
            break;
        }
    }
    o->next = i;
    // -I implies -s and -P; the environment adds to the options unless ignored.
    if (o->isolated) o->no_user_site = o->safe_path = true;
    if (env_flag(o->ignore_env, "PYTHONDONTWRITEBYTECODE")) o->no_bytecode = true;
    if (env_flag(o->ignore_env, "PYTHONNOUSERSITE")) o->no_user_site = true;
    if (env_flag(o->ignore_env, "PYTHONSAFEPATH")) o->safe_path = true;
    return -1;
}

// Records the options in the interpreter and sys (flags, executable, path).  0 or -1.
static int configure(KrThreadState *ts, const Options *o) {
    KrInterp *interp = ts->interp;
    interp->unbuffered = o->unbuffered;
    interp->ignore_environment = o->ignore_env;
    interp->isolated = o->isolated;
    interp->dont_write_bytecode = o->no_bytecode;
    interp->inspect = o->inspect;
    interp->verbose = o->verbose;
    interp->no_site = o->no_site;
    interp->no_user_site = o->no_user_site;
    interp->safe_path = o->safe_path;
    return krMod_sys_update_flags(ts) < 0 || set_executable(ts, o->prog) < 0 ||
                   krMod_sys_init_path(ts, o->ignore_env ? NULL : getenv("PYTHONPATH")) < 0
               ? -1
               : 0;
}

// `krait [-] [args]`: the program is read from stdin.
static int run_stdin(KrThreadState *ts, const Options *o, int argc, char **argv) {
    int i = o->next;
    if (i < argc) i++;  // skip "-"
    char *dash = "-";
    char **args = argv + i - 1;
    if (i - 1 >= argc || strcmp(argv[i - 1], "-") != 0) args = &dash;
    if (krMod_sys_set_argv(ts, i <= argc ? argc - i + 1 : 1, args, o->safe_path ? NULL : "") < 0 ||
        krImport_set_main_loader(ts, NULL) < 0 ||
        krDict_set_cstr(ts, krModule_dict(ts->interp->main_module), "__cached__", KR_NONE) < 0)
        return handle_exception(ts);
    KrSsize len;
    char *src = read_all(stdin, &len);
    if (!src) {
        fprintf(stderr, "%s: out of memory reading stdin\n", o->prog);
        return 1;
    }
    int status = run_source(ts, src, len, "<stdin>", "<stdin>");
    free(src);
    return status;
}

static int run(KrThreadState *ts, const Options *o, int argc, char **argv) {
    int i = o->next;
    if (o->command) {
        // sys.argv[0] is "-c"; the rest follow.
        char *dashc = "-c";
        argv[i - 1] = dashc;
        if (krMod_sys_set_argv(ts, argc - i + 1, argv + i - 1, o->safe_path ? NULL : "") < 0 ||
            krImport_set_main_loader(ts, NULL) < 0)
            return handle_exception(ts);
        return run_source(ts, o->command, (KrSsize)strlen(o->command), "<string>", NULL);
    }
    if (o->module) {
        // sys.argv[0] is "-m" while the module is searched for, then its path;
        // sys.path[0] is the current directory.
        char *dashm = "-m";
        argv[i - 1] = dashm;
        char *cwd = o->safe_path ? NULL : getcwd(NULL, 0);
        int r = krMod_sys_set_argv(ts, argc - i + 1, argv + i - 1, o->safe_path ? NULL : (cwd ? cwd : ""));
        free(cwd);
        if (r < 0) return handle_exception(ts);
        return run_module(ts, o->module);
    }
    if (i < argc && strcmp(argv[i], "-") != 0) return run_program_path(ts, o->prog, argc - i, argv + i, o->safe_path);
    return run_stdin(ts, o, argc, argv);
}

int main(int argc, char **argv) {
    Options o = {.prog = argc > 0 ? argv[0] : "krait"};
    int exit_now = parse_options(argc, argv, &o);
    if (exit_now >= 0) return exit_now;
    KrThreadState *ts = krRuntime_init(o.ignore_env ? NULL : getenv("PYTHONHASHSEED"));
    if (!ts) return 1;
    if (configure(ts, &o) < 0) return handle_exception(ts);
    int status = run(ts, &o, argc, argv);
    if (krRuntime_fini(ts) < 0 && status == 0) status = 120;
    if (exit_by_sigint) {
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
