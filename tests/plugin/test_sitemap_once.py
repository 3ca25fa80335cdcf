"""sitemap_once: sitemap.xml is rendered in the first and the last language's build
only, and the site is the same as when every language's build renders it.

The co-op course fixture with five languages besides English, built one language
after another with sitemap_once on (its default) and off (conftest.py's builds, whose
hook writes down each sitemap.xml rendered).
"""

from __future__ import annotations

import pytest

from site_build import site_files

pytestmark = pytest.mark.slow


def test_the_sitemap_is_rendered_twice_and_the_site_is_the_same(course_build):
    once, every = course_build("serial"), course_build("options-off")
    for build in (once, every):
        assert build.returncode == 0, build.stderr[-3000:]
    assert every.rendered_sitemap == ["en", "da", "fi", "sv", "sw", "ta"]
    assert once.rendered_sitemap == ["en", "ta"], "the first and the last language only"
    sites = {True: site_files(once.site), False: site_files(every.site)}
    sitemap = sites[True]["sitemap.xml"].decode()
    for code in ("da", "fi", "sv", "sw", "ta"):
        assert f"{code}/lessons/01-intro/</loc>" in sitemap, code
    assert sorted(sites[True]) == sorted(sites[False])
    differing = [name for name in sites[True] if sites[True][name] != sites[False][name]]
    assert not differing, differing[:5]
