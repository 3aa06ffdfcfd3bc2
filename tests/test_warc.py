"""Web archives: every HTML response record becomes an input row (warcio)."""

import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.models import InputItem, ItemError
from newsevents.readers import read_paths
from newsevents.warc import read_warc

PAGE = ("<html><head><title>Talks resume</title></head><body><article><p>"
        + "Négociateurs met again in Khartoum on Tuesday, officials said. " * 5
        + "</p></article></body></html>")


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK",
              extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def write_archive(path, gz: bool = True) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://harborwire.example/talks", PAGE.encode("cp1252"),
                  "text/html; charset=windows-1252")
        req = writer.create_warc_record("https://harborwire.example/talks", "request",
                                        payload=io.BytesIO(b"GET /talks HTTP/1.1\r\nHost: harborwire.example\r\n\r\n"))
        writer.write_record(req)
        _response(writer, "https://harborwire.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(writer, "https://harborwire.example/gone", b"<html>gone</html>", "text/html", "404 Not Found")
        _response(writer, "https://harborwire.example/old", b"", "text/html", "301 Moved Permanently",
                  [("Location", "https://harborwire.example/talks")])
        _response(writer, "https://harborwire.example/zipped", gzip.compress(PAGE.encode("utf-8")),
                  "application/xhtml+xml", extra=[("Content-Encoding", "gzip")])
        _response(writer, "https://harborwire.example/binary", b"\x00\x01\x02\x03" * 50, "text/html")


def test_every_html_response_becomes_an_item(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == ["InputItem", "InputItem", "ItemError"]
    page, zipped, binary = items
    assert page.url == "https://harborwire.example/talks" and "Négociateurs met again" in page.html
    assert page.path.startswith(str(path) + "#") and page.published is None  # crawl date is not a publication date
    assert zipped.url.endswith("/zipped") and zipped.html == PAGE  # content encoding undone
    assert binary.error.code == "E_READ" and "/binary" in binary.error.message


def test_readers_take_plain_and_gzipped_archives(tmp_path):
    write_archive(tmp_path / "a.warc", gz=False)
    write_archive(tmp_path / "b.warc.gz")
    items = [i for i in read_paths([str(tmp_path)]) if isinstance(i, InputItem)]
    assert len(items) == 4 and all(i.html for i in items)


def test_a_file_that_is_not_an_archive(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a web archive\n" * 3)
    (err,) = list(read_paths([str(bad)]))
    assert isinstance(err, ItemError) and err.error.code == "E_READ" and "WARC" in err.error.message


def test_a_damaged_record_is_reported_and_reading_goes_on(tmp_path, capsys):
    path = tmp_path / "damaged.warc"
    write_archive(path, gz=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)  # text where the blank lines after the first record belong
    path.write_bytes(data[:second - 4] + b"stray bytes\r\n" + data[second - 4:])
    items = list(read_warc(path))
    assert capsys.readouterr().err == ""  # the library prints nothing
    assert any(isinstance(i, ItemError) and "damaged archive" in i.error.message for i in items)
    assert sum(isinstance(i, InputItem) for i in items) == 2
