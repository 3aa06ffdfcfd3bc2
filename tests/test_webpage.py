"""HTML pages into article text and metadata; encodings; language; the pipeline's HTML path."""

from pathlib import Path

import pytest

from newsevents import encoding, language, pagemeta, webpage
from newsevents.errors import EmptyText, UnreadableFile
from newsevents.language import UnsupportedLanguage
from newsevents.models import InputItem
from newsevents.pipeline import _item_text
from newsevents.readers import read_paths

FIXTURE = Path(__file__).parent / "fixtures" / "html" / "harbor_wire_article.html"
URL = "https://harborwire.example/world/nile-talks-resume?ref=home"


@pytest.fixture(scope="module")
def page() -> webpage.Page:
    return webpage.read_html(FIXTURE.read_bytes(), url=URL)


def test_body_is_the_article_one_block_a_line(page):
    lines = page.text.split("\n")
    assert lines[0].startswith("Negotiators from three river states")
    assert "What comes next" in lines  # a sub-heading on its own line
    assert lines[-1].startswith('"We are closer')
    assert len(lines) == 6
    for furniture in ("Home", "Related stories", "Copyright", "Read more", "Privacy"):
        assert furniture not in page.text
    assert "Nile talks resume in Khartoum" not in page.text  # the headline is metadata


def test_metadata_from_the_page_markup(page):
    assert page.title == "Nile talks resume in Khartoum"
    assert page.published == "2025-03-04"  # JSON-LD datePublished, in the page's own time zone
    assert page.date_source == "jsonld"
    assert page.publisher == "Harbor Wire"
    assert page.url == "https://harborwire.example/world/nile-talks-resume"  # canonical, made absolute
    assert page.language == "en"
    assert page.extractor == "trafilatura"


def test_metadata_fallbacks_title_tag_url_date_and_domain():
    html = ("<html><head><title>Rains return | Harbor Wire</title></head><body><article>"
            + "<p>" + "The rains came early this year in the highlands, forecasters said. " * 8 + "</p>"
            + "</article></body></html>")
    meta = pagemeta.page_metadata(webpage.parse_html(html), "https://www.harborwire.example/2025/03/03/rains")
    assert meta.title == "Rains return"
    assert meta.published == "2025-03-03" and meta.date_source == "url"
    assert meta.publisher == "harborwire.example"
    assert meta.url == "https://www.harborwire.example/2025/03/03/rains"


def test_url_date_wins_over_a_utc_stamp_one_day_later():
    html = ('<html><head><meta property="article:published_time" content="2019-11-19T03:05:00Z">'
            "</head><body><p>x</p></body></html>")
    meta = pagemeta.page_metadata(webpage.parse_html(html), "https://example.org/2019/11/18/story")
    assert (meta.published, meta.date_source) == ("2019-11-18", "url")
    meta = pagemeta.page_metadata(webpage.parse_html(html), "https://example.org/story")
    assert (meta.published, meta.date_source) == ("2019-11-19", "meta")


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/2019/11/18/story", "2019-11-18"),
    ("https://example.org/news/2019-11-18-story.html", "2019-11-18"),
    ("https://example.org/statements/2019/nov/18/someone/", "2019-11-18"),
    ("https://example.org/news/20191118/story", "2019-11-18"),
    ("https://example.org/news/275221/", None),
    ("https://example.org/2019/02/30/story", None),
    (None, None),
])
def test_url_date(url, expected):
    assert pagemeta.url_date(url) == expected


def test_publisher_from_url_uses_the_outlet_knowledge_base():
    assert pagemeta.publisher_from_url("https://www.reuters.com/world/x") == "Reuters"
    assert pagemeta.publisher_from_url("https://news.example.co.uk/a") == "news.example.co.uk"


def test_fragment_text_keeps_blocks_and_list_items():
    html = "<div><h2>Title</h2><p>One <b>bold</b> line.</p><ul><li>first</li><li>second</li></ul>a<br>b</div>"
    assert webpage.fragment_text(html) == "Title\nOne bold line.\n- first\n- second\na\nb"
    assert webpage.fragment_text("plain   text\n\n more") == "plain text\nmore"
    assert webpage.fragment_text("") == ""


def test_clean_text_drops_headline_table_pipes_and_furniture():
    raw = "Big News Today\n| First cell | second cell |\nRead more: elsewhere\nAdvertisement\nBody line."
    assert webpage.clean_text(raw, ("Big news today!",)) == "First cell second cell\nBody line."
    # a line that merely contains the headline is kept
    assert webpage.clean_text("Big News Today and more words follow here.", ("Big News Today",)) \
        == "Big News Today and more words follow here."


def test_readability_replaces_navigation_like_output(monkeypatch):
    prose = ("The minister said on Tuesday that the talks would continue next week in the capital. " * 3).strip()
    menu = "\n".join(["Home", "World", "Business", "Sport", "Weather", "About us"] * 20)
    monkeypatch.setattr(webpage, "trafilatura_text", lambda tree, url=None: menu)
    monkeypatch.setattr(webpage, "readability_text", lambda tree, url=None: prose)
    text, used = webpage.body_text(webpage.parse_html("<p>x</p>"))
    assert used == "readability" and text == prose
    # when trafilatura reads as prose, readability is not consulted
    monkeypatch.setattr(webpage, "trafilatura_text", lambda tree, url=None: prose + "\n" + prose + "\n" + prose)
    monkeypatch.setattr(webpage, "readability_text", lambda tree, url=None: pytest.fail("called"))
    assert webpage.body_text(webpage.parse_html("<p>x</p>"))[1] == "trafilatura"


def test_prose_ratio():
    assert webpage.prose_ratio("") == (0.0, 0)
    ratio, size = webpage.prose_ratio("Menu\nThis line has more than ten words in it and ends with a stop.")
    assert 0.9 < ratio < 1 and size == 65
    assert webpage.prose_ratio("| This table row has more than ten words in it and ends. |")[0] == 0.0


def test_empty_and_articleless_pages():
    with pytest.raises(EmptyText):
        webpage.read_html("   ")
    with pytest.raises(EmptyText):
        webpage.read_html("<html><body><script>var x = 1;</script></body></html>")


def test_xml_declaration_and_bytes_in_another_charset():
    body = "<p>" + "Café owners in Zürich said the new rules would take effect soon. " * 6 + "</p>"
    html = ('<?xml version="1.0" encoding="windows-1252"?><html><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            f"<body><article>{body}</article></body></html>")
    page = webpage.read_html(html.encode("cp1252"))
    assert "Café owners in Zürich" in page.text


# -- encodings -----------------------------------------------------------------------------
def test_decode_bytes_order_and_detection():
    assert encoding.decode_bytes("naïve".encode("utf-8")) == "naïve"
    assert encoding.decode_bytes(b"\xef\xbb\xbfbom") == "bom"
    assert encoding.decode_bytes("naïve".encode("cp1252"), declared="windows-1252") == "naïve"
    page = '<meta charset="iso-8859-1"><p>Café</p>'.encode("cp1252")
    assert "Café" in encoding.decode_bytes(page, html=True)
    assert encoding.charset_from_content_type("text/html; charset=UTF-8") == "UTF-8"
    assert encoding.charset_from_content_type("text/html") is None


def test_binary_data_is_rejected():
    with pytest.raises(UnreadableFile, match="not text"):
        encoding.decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_mojibake_is_repaired_and_clean_text_left_alone():
    assert encoding.repair("The minister\u00e2\u20ac\u2122s plan") == "The minister\u2019s plan"
    assert encoding.repair("“Quotes” stay curly") == "“Quotes” stay curly"


def test_html_and_text_files_in_other_encodings_are_read(tmp_path):
    (tmp_path / "a.txt").write_bytes("Les négociations reprennent à Genève.".encode("cp1252"))
    bad = tmp_path / "b.html"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    text_item, html_error = list(read_paths([str(tmp_path / "a.txt"), str(bad)]))
    assert text_item.text == "Les négociations reprennent à Genève."
    assert html_error.error.code == "E_READ" and "not text" in html_error.error.message


# -- language --------------------------------------------------------------------------------
GERMAN = ("Die Verhandlungen über den Staudamm wurden am Dienstag in Khartum fortgesetzt. "
          "Die Delegationen sprachen vor allem über die Regeln für die Befüllung des Stausees "
          "in Dürrejahren, sagten zwei Beamte, die an der Sitzung teilnahmen.")


def test_language_decisions():
    english = FIXTURE.read_text(encoding="utf-8")
    assert language.looks_english(webpage.read_html(english).text)
    assert language.decide(GERMAN) == "de"
    assert language.decide("", "en-US") == "en"
    assert language.primary("pt_BR") == "pt"
    language.require_english("en-GB")
    language.require_english(None)
    with pytest.raises(UnsupportedLanguage) as e:
        language.require_english("de")
    assert e.value.code == "E_LANGUAGE" and "'de'" in e.value.message


# -- the pipeline's HTML path (no spaCy needed) -----------------------------------------------
def test_item_text_turns_html_into_text_and_fills_metadata():
    item = InputItem(html=FIXTURE.read_text(encoding="utf-8"), publisher="Given Outlet")
    text = _item_text(item)
    assert text.startswith("Negotiators from three river states")
    assert item.publisher == "Given Outlet"  # what the item has is kept
    assert (item.title, item.published, item.language) == ("Nile talks resume in Khartoum", "2025-03-04", "en")
    assert item.url == "https://harborwire.example/world/nile-talks-resume"


def test_item_text_rejects_non_english_articles():
    html = f"<html lang='de'><body><article><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    with pytest.raises(UnsupportedLanguage):
        _item_text(InputItem(html=html))
    with pytest.raises(UnsupportedLanguage):
        _item_text(InputItem(text=GERMAN))
    with pytest.raises(UnsupportedLanguage):
        _item_text(InputItem(text="Short.", language="fr"))
    item = InputItem(text="Leaders met on Monday.")
    assert _item_text(item) == "Leaders met on Monday." and item.language is None  # too short to tell


@pytest.mark.slow
def test_extract_html_file_end_to_end(tmp_path):
    from newsevents.pipeline import get_extractor

    items = list(read_paths([str(FIXTURE)]))
    (record,) = list(get_extractor().extract_many(items))
    assert record.text.startswith("Negotiators") and record.url.endswith("/nile-talks-resume")
    assert (record.publisher, record.published, record.language) == ("Harbor Wire", "2025-03-04", "en")
    assert record.sections and record.sections[-1].end == len(record.text)


def test_a_pages_own_date_and_outlet_win_over_command_line_fill_ins(tmp_path):
    (item,) = list(read_paths([str(FIXTURE)], published="2030-01-01", publisher="Fallback"))
    assert (item.published, item.publisher) == ("2025-03-04", "Harbor Wire")
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><p>No date here.</p></body></html>", encoding="utf-8")
    (item,) = list(read_paths([str(bare)], published="2030-01-01", publisher="Fallback"))
    assert (item.published, item.publisher) == ("2030-01-01", "Fallback")
