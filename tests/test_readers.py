import io
import json

from newsevents.models import InputItem, ItemError
from newsevents.readers import read_paths


def test_txt_file_with_fill_in_fields(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Leaders met on Monday.\n", encoding="utf-8")
    (item,) = list(read_paths([str(p)], published="2025-03-01", publisher="Harbor Wire"))
    assert isinstance(item, InputItem)
    assert item.text == "Leaders met on Monday.\n"
    assert (item.published, item.publisher, item.path) == ("2025-03-01", "Harbor Wire", str(p))


def test_jsonl_rows_keep_their_own_fields_and_bad_rows_become_errors(tmp_path):
    p = tmp_path / "rows.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "x1", "text": "One.", "published": "2025-01-02"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "x4"}),
        json.dumps({"id": "x5", "text": 5}),
        json.dumps({"id": "x6", "html": "<p>Two.</p>"}),
    ]) + "\n", encoding="utf-8")
    items = list(read_paths([str(p)], published="2030-01-01"))
    assert [type(i).__name__ for i in items] == ["InputItem", "ItemError", "ItemError", "ItemError",
                                                "ItemError", "InputItem"]
    assert items[0].published == "2025-01-02"  # the row's own date wins
    assert items[1].path == f"{p}:2" and items[1].error.code == "E_ROW"
    assert items[3].id == "x4" and items[3].error.code == "E_EMPTY"
    assert items[4].error.code == "E_ROW"
    assert items[5].html == "<p>Two.</p>" and items[5].published == "2030-01-01"


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    texts = [i.text for i in read_paths([str(tmp_path)])]
    assert texts == ["First.", "Second."]


def test_missing_undecodable_and_unsupported_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF")
    items = list(read_paths([str(tmp_path / "nope.txt"), str(bad), str(odd)]))
    assert all(isinstance(i, ItemError) for i in items)
    assert [i.error.code for i in items] == ["E_READ", "E_READ", "E_UNSUPPORTED"]
    assert "nope.txt" in items[0].error.message


def test_stdin_json_lines():
    stream = io.StringIO(json.dumps({"text": "From stdin."}) + "\n\n")
    (item,) = list(read_paths(["-"], stdin=stream))
    assert item.text == "From stdin." and item.path == "-:1"
