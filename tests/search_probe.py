"""A probe page in every language with a word a reader of that language would type.

The site's own pages may not be translated yet; the probe makes the search
tests independent of that. Used by tests/site (index contents) and
tests/browser (typing into the real search box).
"""

PROBE_PAGE = "search-probe.md"
PROBE_TEXT = {
    "en": "# Probe\n\nNeural networks learn from tensors.\n",
    "sv": "# Sond\n\nNeurala nätverk lär sig av tensorer.\n",
    "da": "# Sonde\n\nNeurale netværk lærer af tensorer.\n",
    "pl": "# Sonda\n\nSieć neuronowa uczy się na podstawie tensorów i gradientów.\n",
    "bg": "# Проба\n\nНевронните мрежи се учат от тензори.\n",
    "zh": "# 探针\n\n神经网络框架使用张量进行计算。\n",
}
# The word a reader types; it occurs in that language's probe only.
TYPED = {"en": "networks", "sv": "tensorer", "da": "netværk", "pl": "gradientów", "bg": "мрежи", "zh": "网络"}
