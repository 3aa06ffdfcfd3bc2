"""Actors (placeholder interface: being written)."""
from __future__ import annotations
def find_actors(a):
    return [], []
def publisher_actor(name, date):
    return None
def resolve(text, date=None):
    return None
