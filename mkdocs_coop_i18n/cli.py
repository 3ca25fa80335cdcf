"""coop-i18n command line (filled in below)."""

def main(argv=None):
    return 0
