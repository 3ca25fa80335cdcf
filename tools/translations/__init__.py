"""`python -m tools.translations` as ../shared/DESIGN.md's checker contract names it.

The checker itself is the installed package `coop_translations` (console script
`coop-translations`): a name no other repository's `tools` package can shadow. This
module only keeps the documented command working from this repository's root.
"""
