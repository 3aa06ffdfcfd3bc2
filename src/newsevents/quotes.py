"""Quotes (placeholder interface: being written)."""
def find_quotes(a):
    return []
