"""``python -m aiextract``: the same as the ``aiextract`` command."""

import sys

from aiextract.cli import main

sys.exit(main())
