/*
 * import_internal.h — what the files of the import system share: the
 * per-interpreter import state, interned names, the C types behind
 * importlib's machinery, and helpers.  Internal to src/runtime/import*.c,
 * src/runtime/pycache.c and src/modules/_imp.c.
 *
 * Files: import.c (the import statement, _find_and_load, module_from_spec),
 * import_spec.c (ModuleSpec, spec_from_loader, spec_from_file_location),
 * import_finders.c (BuiltinImporter, FrozenImporter, PathFinder, FileFinder),
 * import_loaders.c (the file loaders, NamespaceLoader, _NamespacePath),
 * pycache.c (the bytecode cache).
 */
#ifndef KR_IMPORT_INTERNAL_H
#define KR_IMPORT_INTERNAL_H

#include "objects/object.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "runtime/import.h"

// Interned names used by the import system: IMP_ID(loader).
#define KR_IMPORT_IDS(X)                                                                         \
    X(_initializing) X(_uninitialized_submodules) X(_set_fileattr) X(_cached) X(_ORIGIN)          \
    X(loader) X(origin) X(loader_state) X(submodule_search_locations) X(parent) X(cached)         \
    X(has_location) X(find_spec) X(find_module) X(find_loader) X(create_module) X(exec_module)    \
    X(load_module) X(get_code) X(get_data) X(get_filename) X(get_source) X(is_package)            \
    X(path_stats) X(path_mtime) X(set_data) X(_cache_bytecode) X(source_to_code) X(mtime) X(size) \
    X(invalidate_caches) X(meta_path) X(path_hooks) X(path_importer_cache) X(modules)           \
    X(dont_write_bytecode) X(__cached__) X(__all__) X(_path) X(_name) X(read) X(fileno)

typedef struct KrImportIds {
#define X(n) KrObject *n;
    KR_IMPORT_IDS(X)
#undef X
} KrImportIds;
extern KrImportIds kr_import_ids;
#define IMP_ID(n) (kr_import_ids.n)

// Per-interpreter state (interp->import_state).
typedef struct KrImportState {
    KrObject *path_hook;           // strong: the FileFinder hook installed on sys.path_hooks
    KrObject *file_loaders;        // strong: list of (loader class, suffixes) for that hook
    int64_t namespace_epoch;       // bumped by PathFinder.invalidate_caches()
} KrImportState;

// The state of ts's interpreter (created by krImport_init).  Never fails after that.
KrImportState *krImport_state(KrThreadState *ts);

// The machinery's types.  Those on sys.meta_path and ModuleSpec are readied
// at start-up (types.def); the others only when the import system first
// needs them (krImport_ready_types), which keeps `krait -c pass` fast.
extern KrTypeObject KrModuleSpec_Type, KrBuiltinImporter_Type, KrFrozenImporter_Type, KrWindowsRegistryFinder_Type,
    KrPathFinder_Type, KrFileFinder_Type, KrLoaderBasics_Type, KrSourceLoader_Type, KrFileLoader_Type,
    KrSourceFileLoader_Type, KrSourcelessFileLoader_Type, KrExtensionFileLoader_Type, KrNamespaceLoader_Type,
    KrNamespacePath_Type;

// Instances whose state is only an attribute dict (ModuleSpec, the file
// loaders, NamespaceLoader), like the Python classes they mirror, so vars()
// and subclasses see the same attributes as in CPython.
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong or NULL
} KrImpInstance;

// Slots shared by those types (import_spec.c).
KrObject *krImp_inst_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames);
void krImp_inst_dealloc(KrObject *self);
int krImp_inst_traverse(KrObject *self, KrVisitProc visit, void *arg);
int krImp_inst_clear(KrObject *self);
// The __dict__ getset of those types.
extern const KrGetSetDef krImp_inst_getset[];
// The instance dict, created if needed: borrowed, or NULL on MemoryError.
KrObject *krImp_inst_dict(KrThreadState *ts, KrObject *self);
// An attribute from the instance dict of an exact machinery type (borrowed,
// NULL when absent; never fails).
static inline KrObject *krImp_inst_get(KrObject *self, KrObject *name) {
    KrObject *d = ((KrImpInstance *)self)->dict;
    return d ? krDict_get_str(d, name) : NULL;
}

// Readies the machinery types not readied at start-up.  0 or -1.
int krImport_ready_types(KrThreadState *ts);

// ---------------------------------------------------------------------------
// import_spec.c

// A new exact ModuleSpec(name, loader, origin=origin) with
// submodule_search_locations `smsl` (NULL: None) and has_location
// `location`.  Borrowed arguments; `loader`/`origin` may be NULL for None.
KrObject *krSpec_new(KrThreadState *ts, KrObject *name, KrObject *loader, KrObject *origin, KrObject *smsl,
                     bool location);
// spec_from_loader(name, loader, origin=origin, is_package=is_package):
// `origin`/`is_package` may be NULL.  New reference.
KrObject *krSpec_from_loader(KrThreadState *ts, KrObject *name, KrObject *loader, KrObject *origin,
                             KrObject *is_package);
// spec_from_file_location(name, location, loader=loader,
// submodule_search_locations=smsl); `smsl` NULL means "ask the loader"
// (_POPULATE), `loader` NULL picks one by suffix.  New reference (None when
// no loader fits).
KrObject *krSpec_from_file_location(KrThreadState *ts, KrObject *name, KrObject *location, KrObject *loader,
                                    KrObject *smsl);
// Is spec._initializing true?  Errors are swallowed (false), as CPython does.
bool krSpec_is_initializing(KrThreadState *ts, KrObject *spec);
// Is `name` in spec._uninitialized_submodules?  Errors are swallowed.
bool krSpec_is_uninitialized_submodule(KrThreadState *ts, KrObject *spec, KrObject *name);

// ---------------------------------------------------------------------------
// import.c

// module_from_spec(spec).  New reference.
KrObject *krImport_module_from_spec(KrThreadState *ts, KrObject *spec);
// _init_module_attrs(spec, module, override=override).  0 or -1.
int krImport_init_module_attrs(KrThreadState *ts, KrObject *spec, KrObject *module, bool override);
// _find_spec(name, path, target): asks each finder on sys.meta_path.  New
// reference (None when no finder knows the module).
KrObject *krImport_find_spec(KrThreadState *ts, KrObject *name, KrObject *path, KrObject *target);
// _load_unlocked(spec): creates, registers and executes the module.  New reference.
KrObject *krImport_load_spec(KrThreadState *ts, KrObject *spec);
// _exec(spec, module): re-executes `module` from `spec` (reload).  New reference.
KrObject *krImport_exec_spec(KrThreadState *ts, KrObject *spec, KrObject *module);
// _resolve_name(name, package, level): `name` relative to `package` (str)
// `level` dots up.  New reference; ImportError beyond the top level.
KrObject *krImport_resolve_relative(KrThreadState *ts, KrObject *name, KrObject *package, int level);
// _gcd_import(name, package, level).  New reference.
KrObject *krImport_gcd_import(KrThreadState *ts, KrObject *name, KrObject *package, int level);
// importlib.util.find_spec(fullname) for an absolute name (import_main.c).
// New reference (None when not found).
KrObject *krImport_util_find_spec(KrThreadState *ts, KrObject *fullname);
// _handle_fromlist(module, fromlist).  New reference.
KrObject *krImport_handle_fromlist(KrThreadState *ts, KrObject *module, KrObject *fromlist, bool recursive);
// Raises ImportError(msg, name=name, path=path) (name/path may be NULL). Returns NULL.
KrObject *krImport_error(KrThreadState *ts, KrTypeObject *type, KrObject *msg, KrObject *name, KrObject *path);
KrObject *krImport_errorf(KrThreadState *ts, KrTypeObject *type, KrObject *name, KrObject *path, const char *fmt,
                          ...);

// ---------------------------------------------------------------------------
// import_finders.c

// PathFinder.find_spec(fullname, path, target): path NULL or None means
// sys.path.  New reference (None when not found).
KrObject *krPathFinder_find_spec(KrThreadState *ts, KrObject *fullname, KrObject *path, KrObject *target);
// PathFinder._get_spec(fullname, path, target).  New reference.
KrObject *krPathFinder_get_spec(KrThreadState *ts, KrObject *fullname, KrObject *path, KrObject *target);
// PathFinder.invalidate_caches().  0 or -1.
int krPathFinder_invalidate_caches(KrThreadState *ts);
// BuiltinImporter.find_spec(fullname): new reference (None when not built in).
KrObject *krBuiltinImporter_find_spec(KrThreadState *ts, KrObject *fullname);
// The entry of the built-in module table named `name`, or NULL.  Never fails.
const KrBuiltinModule *krImport_find_builtin(KrObject *name);
// Creates the default path hook (FileFinder.path_hook with the file loaders).  New reference.
KrObject *krFileFinder_default_hook(KrThreadState *ts);

// ---------------------------------------------------------------------------
// import_loaders.c

// The loader's code for `fullname` (SourceLoader.get_code and friends);
// exec_module's first half.  New reference.
KrObject *krLoader_get_code(KrThreadState *ts, KrObject *loader, KrObject *fullname);
// _LoaderBasics.exec_module(module).  0 or -1.
int krLoader_exec_module(KrThreadState *ts, KrObject *loader, KrObject *module);
// A new loader of type `cls` (a FileLoader subclass) for (fullname, path).
KrObject *krFileLoader_new(KrThreadState *ts, KrTypeObject *cls, KrObject *fullname, KrObject *path);
// Gives the file loaders CPython's multiple bases and MROs (after they are
// readied).  0 or -1.
int krLoader_set_bases(KrThreadState *ts);
// _NamespacePath(name, path, path_finder).  New reference.
KrObject *krNamespacePath_new(KrThreadState *ts, KrObject *name, KrObject *path, KrObject *path_finder);
// decode_source(bytes): universal newlines, coding cookie.  New reference.
KrObject *krImport_decode_source(KrThreadState *ts, KrObject *data);

// ---------------------------------------------------------------------------
// pycache.c

// The 4-byte magic number at the head of Krait's cache files.
void krPycache_magic(uint8_t out[4]);
// The fingerprint of opcodes.def stored in cache headers.  Never fails.
uint32_t krPycache_opcode_fingerprint(void);
// importlib.util.cache_from_source(path) for `path` (a str): the
// __pycache__/<name>.krait-<magic>.pyc path.  `optimization` may be NULL
// (sys.flags.optimize).  New reference.
KrObject *krPycache_from_source(KrThreadState *ts, KrObject *path, KrObject *optimization);
// source_from_cache(path).  New reference; ValueError for a malformed path.
KrObject *krPycache_source_from_cache(KrThreadState *ts, KrObject *path);
// The code object cached at `cache_path` for a source of `mtime`/`size`, or
// NULL without an exception when the cache is missing, stale or corrupt.
// (Errors other than a bad cache, such as MemoryError, are raised.)
KrObject *krPycache_read(KrThreadState *ts, KrObject *cache_path, KrObject *source_path, int64_t mtime,
                         int64_t size);
// The contents of a cache file for `code`.  New bytes reference.
KrObject *krPycache_pack(KrThreadState *ts, KrObject *code, int64_t mtime, int64_t size);
// Validates a cache file's header (_classify_pyc + _validate_timestamp_pyc):
// 0 when it matches, -1 with ImportError/EOFError otherwise.  `mtime` < 0
// skips the timestamp check.
int krPycache_check_header(KrThreadState *ts, const uint8_t *data, KrSsize len, KrObject *name, KrObject *path,
                           int64_t mtime, int64_t size);
// The code object in a validated cache file's payload (_compile_bytecode):
// fixes co_filename to `source_path` (may be NULL).  New reference;
// ImportError for a non-code payload.
KrObject *krPycache_unpack(KrThreadState *ts, const uint8_t *data, KrSsize len, KrObject *name, KrObject *cache_path,
                           KrObject *source_path);
// Writes `data` to `path` atomically (temporary file, then rename),
// creating missing directories; failures are silently ignored as CPython
// does (set_data).  `mode` as for the source file.  0, or -1 only on
// MemoryError.
int krPycache_write(KrThreadState *ts, KrObject *path, const char *data, KrSsize len, int mode);
// Replaces co_filename in `code` and its nested code objects.  Never fails.
void krPycache_fix_filename(KrThreadState *ts, KrObject *code, KrObject *filename);

// ---------------------------------------------------------------------------
// Small file-system helpers (pycache.c)

// stat() of a str path: 0 with the results, -1 with errno (no exception).
typedef struct {
    int64_t mtime_ns;
    int64_t size;
    int mode;
} KrStat;
int krImport_stat(KrObject *path, KrStat *st);
bool krImport_isdir(KrObject *path);
bool krImport_isfile(KrObject *path);
// Reads a whole file: new bytes reference, or NULL with OSError (filename set).
KrObject *krImport_read_file(KrThreadState *ts, KrObject *path);
// os.getcwd() as a str: new reference, or NULL with an exception.
KrObject *krImport_getcwd(KrThreadState *ts);
// _path_join(a, b): "a/b" with trailing separators of `a` stripped.  New reference.
KrObject *krImport_path_join(KrThreadState *ts, KrObject *a, KrObject *b);
// _path_split(path) -> (head, tail) as new references.  0 or -1.
int krImport_path_split(KrThreadState *ts, KrObject *path, KrObject **head, KrObject **tail);

#endif
