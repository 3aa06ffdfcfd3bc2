"""Events (placeholder interface: being written)."""
def find_events(a):
    return []
