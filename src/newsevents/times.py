"""Times (placeholder interface: being written)."""
def find_times(a):
    return []
