"""RSS and Atom feeds into input rows (feedparser)."""

from pathlib import Path

from newsevents.feeds import entry_date, feed_outlet, read_feed
from newsevents.models import InputItem, ItemError
from newsevents.readers import read_paths

RSS = Path(__file__).parent / "fixtures" / "feeds" / "harbor_wire.rss"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Harbor Wire</title>
  <link href="https://harborwire.example/"/>
  <id>urn:harborwire:feed</id>
  <updated>2025-03-05T10:00:00+03:00</updated>
  <entry>
    <title>Ministers agree on a timetable</title>
    <link href="https://harborwire.example/world/timetable"/>
    <id>urn:harborwire:timetable</id>
    <published>2025-03-05T01:15:00+03:00</published>
    <updated>2025-03-05T09:00:00+03:00</updated>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;The ministers agreed on a timetable on Wednesday.&lt;/p&gt;&lt;p&gt;Talks resume in April.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <id>urn:harborwire:plain</id>
    <updated>2025-03-04T12:00:00Z</updated>
    <summary type="text">A plain text summary of the day.</summary>
  </entry>
</feed>
"""


def test_rss_entries_become_rows_with_their_own_fields():
    items = list(read_feed(RSS.read_bytes(), source="harbor.rss"))
    first, second, third = items
    assert isinstance(first, InputItem)
    assert first.id == "harborwire-2025-0304-nile"
    assert first.text == ("Negotiators from three river states met again in Khartoum on Tuesday.\n"
                          "What comes next\nA second round is planned for the end of March.\n"
                          "- Filling rules\n- Drought years")  # full content, not the short description
    assert first.published == "2025-03-04"  # 23:30 in New York, not the next day in UTC
    assert (first.title, first.url) == ("Nile talks resume in Khartoum",
                                        "https://harborwire.example/world/nile-talks-resume")
    assert (first.publisher, first.language, first.path) == ("Harbor Wire", "en", "harbor.rss#1")
    assert second.id == "https://harborwire.example/world/rains-return"  # no guid: the link
    assert second.text == "The rains came early this year, forecasters said on Monday."
    assert isinstance(third, ItemError) and third.error.code == "E_EMPTY" and third.id == "harborwire-gallery"


def test_atom_content_summary_and_dates():
    full, plain = list(read_feed(ATOM, source="harbor.atom"))
    assert full.text == "The ministers agreed on a timetable on Wednesday.\nTalks resume in April."
    assert full.published == "2025-03-05" and full.id == "urn:harborwire:timetable"
    assert full.publisher == "Harbor Wire" and full.language == "en"
    assert plain.text == "A plain text summary of the day." and plain.published == "2025-03-04"


def test_not_a_feed_and_an_empty_feed():
    (err,) = list(read_feed(b"just some words, not XML", source="x.xml"))
    assert err.error.code == "E_READ" and "not an RSS or Atom feed" in err.error.message
    (err,) = list(read_feed(b'<rss version="2.0"><channel><title>T</title></channel></rss>', source="e.rss"))
    assert err.error.code == "E_EMPTY"


def test_entry_dates_and_outlet_names():
    assert entry_date({"published": "Tue, 04 Mar 2025 23:30:00 -0500"}) == "2025-03-04"
    assert entry_date({"updated": "2025-03-05T01:15:00+03:00"}) == "2025-03-05"
    assert entry_date({}) is None
    assert feed_outlet("Harbor Wire - World") == "Harbor Wire"
    assert feed_outlet("Harbor Wire: Top stories") == "Harbor Wire"
    assert feed_outlet(None) is None


def test_readers_take_feed_files_and_fill_missing_fields(tmp_path):
    (tmp_path / "b.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "a.rss").write_bytes(RSS.read_bytes())
    items = list(read_paths([str(tmp_path)], publisher="Fallback"))
    assert [type(i).__name__ for i in items] == ["InputItem", "InputItem", "ItemError", "InputItem", "InputItem"]
    assert items[0].publisher == "Harbor Wire"  # the feed's own outlet wins over the fill-in
