import sys
LOADED_BEFORE = "errpkg.fails" in sys.modules
raise RuntimeError("boom at import")
