"""Events that once broke an article: each case is a sentence of our own."""

from newsevents import extract


def test_a_place_of_no_known_state_between_two_parties_is_no_null_party():
    # a province the knowledge base places in no state, paired with a country by "between"
    art = extract("The minister said the accord was a step towards closer cooperation between "
                  "Peru and Krabi.", published="2024-05-01")
    for ev in art.events:
        assert all(isinstance(p, str) and p for p in ev.actors + ev.recipients)
