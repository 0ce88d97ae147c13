"""PyInstaller launcher for the ``inspector`` executable (see build.spec).

PyInstaller needs a script, not a ``module:function`` entry point, so this
mirrors ``[project.scripts] inspector = "inspector.cli:main"``.
"""

from inspector.cli import main

raise SystemExit(main())
