"""Reference articles: parsing, fact and term indexes, alignment.

>>> from repairkit.reference import Article, load_reference
>>> callable(load_reference)
True
"""

from repairkit.reference.model import Article, Block, Fact, Term
from repairkit.reference.parse import load_reference

__all__ = ["Article", "Block", "Fact", "Term", "load_reference"]
