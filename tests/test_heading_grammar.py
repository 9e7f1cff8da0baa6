"""Headings the cue lists do not hold, read by their grammar: an owner and an activity noun,
a demonstrative with a modal and a verb of doing, 'följer … upp'.

Found by classifying headings written for the purpose (not taken from any page): 'Våra
insatser', 'Detta ska göras', 'Så här ska vi arbeta' and 'Hur följer vi upp?' opened nothing.
"""

from __future__ import annotations

import pytest

from lofte_extract.extract.headings import classify_heading


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Våra insatser", "promise"),
        ("Gemensamma aktiviteter", "promise"),
        ("Polisens åtgärder 2021", "promise"),
        ("Detta ska göras", "promise"),
        ("Detta kommer vi att göra", "promise"),
        ("Så här ska vi arbeta", "promise"),
        ("Hur följer vi upp?", "follow_up"),
        ("Så följer vi upp", "follow_up"),
        # not these: a noun without an owner, a goal's verb, a question without a modal
        ("Tidigare insatser", None),
        ("Det här ska vi uppnå", "goal"),
        ("Ska vi göra det", None),
    ],
)
def test_heading_grammar(heading, section):
    assert classify_heading(heading) == section
