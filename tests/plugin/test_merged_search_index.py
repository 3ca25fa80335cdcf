"""With search_per_language, static-i18n's merged root index (and its removal of
duplicates across languages, which grows with the square of their number) is not
made: the site is the same as with it.

The co-op course fixture built with mkdocs.yml leaving static-i18n's
`reconfigure_search` alone (the plugin turns it off) and setting it to true (the
plugin leaves it on; conftest.py's builds); every file of the two sites must be
equal, and only the second build says it added languages to the search plugin
(what reconfigure_search does first).
"""

from __future__ import annotations

import pytest

from site_build import site_files

ADDED = "plugin 'lang' option"   # static-i18n: "Adding 'sv' to the 'material/search' plugin 'lang' option"

pytestmark = pytest.mark.slow


def test_the_merged_index_is_skipped_and_the_site_is_the_same(course_build):
    left_alone, set_true = course_build("serial"), course_build("options-off")
    for build in (left_alone, set_true):
        assert build.returncode == 0, build.stderr[-3000:]
    assert ADDED not in left_alone.stderr, "static-i18n's search reconfiguration ran"
    assert ADDED in set_true.stderr, "reconfigure_search set in mkdocs.yml was not left on"
    sites = {None: site_files(left_alone.site), True: site_files(set_true.site)}
    assert sorted(sites[None]) == sorted(sites[True])
    differing = [name for name in sites[None] if sites[None][name] != sites[True][name]]
    assert not differing, differing[:5]
