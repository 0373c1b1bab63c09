"""Turning findings into repairs: evidence from references, merging, applying."""
