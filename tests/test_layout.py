from newsevents.layout import analyze_layout, boilerplate_kind, looks_like_heading

ARTICLE = (
    "Why This Matters\n"
    "Ministers from both countries met in the capital on Friday to discuss the river.\n"
    "Jane Roe/POOL/AFP via Getty Images\n"
    "They said the talks would resume next month.\n"
    "\n"
    "What Comes Next?\n"
    "A second round is planned for the spring, officials said.\n"
    "Contact newsdesk@example.com with tips.\n"
)


def test_headings_become_sections():
    lay = analyze_layout(ARTICLE)
    assert [s.title for s in lay.sections] == ["Why This Matters", "What Comes Next?"]
    first, second = lay.sections
    assert ARTICLE[first.start:first.end].startswith("Why This Matters")
    assert ARTICLE[first.start:first.end].endswith("next month.")
    assert second.end == len(ARTICLE.rstrip())


def test_boilerplate_found_and_kept_in_text():
    lay = analyze_layout(ARTICLE)
    kinds = [(b.kind, ARTICLE[b.start:b.end]) for b in lay.boilerplate]
    assert kinds == [("photo_credit", "Jane Roe/POOL/AFP via Getty Images"),
                     ("contact", "Contact newsdesk@example.com with tips.")]


def test_text_before_first_heading_is_untitled_section():
    text = "Leaders met on Monday.\nBackground\nThe dispute is old and bitter, diplomats say.\n"
    lay = analyze_layout(text)
    assert [s.title for s in lay.sections] == [None, "Background"]
    assert lay.sections[0].start == 0


def test_excluded_covers_headings_and_boilerplate_only():
    lay = analyze_layout(ARTICLE)
    head = ARTICLE.index("Why This Matters")
    body = ARTICLE.index("Ministers")
    credit = ARTICLE.index("Jane Roe")
    assert lay.excluded(head, head + 3)
    assert lay.excluded(credit, credit + 4)
    assert not lay.excluded(body, body + 20)


def test_sentences_are_not_headings():
    assert not looks_like_heading("The minister said the talks would continue.")
    assert not looks_like_heading("the talks continue")
    assert looks_like_heading("What People Are Saying")
    assert looks_like_heading("Is a Deal Close?")


def test_boilerplate_kinds():
    assert boilerplate_kind("Sign up for our daily newsletter") == "newsletter"
    assert boilerplate_kind("Advertisement") == "ad"
    assert boilerplate_kind("Read more: Talks stall again") == "related"
    assert boilerplate_kind("Photo: Harbor Wire") == "photo_credit"
    assert boilerplate_kind("The envoy spoke to reporters on Monday.") is None


def test_empty_and_blank_text():
    assert analyze_layout("").sections == ()
    assert analyze_layout("  \n\n ").blocks == ()


def test_bylines_captions_and_republication_notes():
    assert boilerplate_kind("(Reporting by Ann Lee; editing by Tom Bay)") == "byline"
    assert boilerplate_kind("Ships wait at the port on Sunday. Photograph: Ann Lee/Daily Example") == "photo_credit"
    assert boilerplate_kind("Ann Lee/Daily Example via Pool") == "photo_credit"
    assert boilerplate_kind("Ann Lee/Daily Example") == "photo_credit"
    assert boilerplate_kind("This article was originally published by Daily Example.") == "republication"
    # prose with a slash or the word "photo" is not furniture
    assert boilerplate_kind("The deal covers oil/gas exports, the ministry said.") is None
    assert boilerplate_kind("The photo shows the two leaders shaking hands.") is None
