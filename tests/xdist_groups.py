"""Which tests share a pytest-xdist worker: those of a folder that keeps session-wide state.

xdist's own `--dist loadgroup` reads `xdist_group` marks by renaming node ids, which
pytest 9.2 no longer honours (the marked tests then spread over every worker). This
grouping needs no marks: the folder is the group, and elsewhere the module (so a
module's fixtures, such as test_parallel_languages' builds, are made in one worker,
not once in each worker its tests happen to land on). It subclasses xdist's loadscope
scheduler, whose one override point is `_split_scope` (xdist is pinned;
tests/test_parallel_groups.py runs two real workers to guard it).
"""
from __future__ import annotations

# Folders under tests/ whose tests run in one worker each: browser (one Chromium),
# site (builds and a server that later tests reuse), snippets (the snippet workers).
GROUPED_FOLDERS = ("browser", "site", "snippets")


def folder_group(nodeid: str) -> str:
    """The unit of work a test belongs to: its folder if grouped, else its module."""
    parts = nodeid.split("/", 2)
    if len(parts) == 3 and parts[0] == "tests" and parts[1] in GROUPED_FOLDERS:
        return parts[1]
    return nodeid.split("::", 1)[0]


def folder_groups_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class FolderGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return folder_group(nodeid)

    return FolderGroups(config, log)
