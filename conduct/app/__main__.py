"""`python -m conduct.app`: start the learner app (see conduct.app.server)."""

import sys

from conduct.app.server import main

sys.exit(main())
