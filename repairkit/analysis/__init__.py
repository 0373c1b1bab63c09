"""Shared analysis of a document, computed once and read by every rule family.

Nothing here reports a finding: these modules compute facts about a text (its tokens, its
blocks, which places are mojibake or page furniture, whether it lost its digits) that several
families read. A family never imports another family; what it needs from another stage comes
from here or from the evidence of an earlier phase (:mod:`repairkit.pipeline`).
"""
