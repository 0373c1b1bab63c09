"""Reference articles: parsing, fact and term indexes, alignment."""
