# posixpath can be imported before os (os imports its constants from it).
import posixpath
import os
print(posixpath.join('a', 'b'), os.sep, os.path is posixpath)
