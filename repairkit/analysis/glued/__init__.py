"""The glued-token engine: tokens that lost a hyphen, a space or an apostrophe, read as words.

:mod:`engine` finds the glued tokens of a text and gives each its best reading
(:mod:`readings`, :mod:`stripped`, :mod:`compounds`), judged by :mod:`verdict`. The hyphen,
spacing and apostrophe families read its results from the document profile.
"""
