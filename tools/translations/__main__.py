import sys

from coop_translations.cli import main

sys.exit(main())
