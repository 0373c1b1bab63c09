"""repairkit: find and repair damage in scraped text.

Detectors flag damaged places with exact code-point spans; reference articles supply
evidence for repairs; nothing is ever guessed.
"""

__version__ = "0.1.0"
