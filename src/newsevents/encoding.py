"""Bytes into text: charset detection, a check that the bytes are text at all, mojibake repair.

Web pages and archived responses come as bytes whose charset is declared (an HTTP header, a
``<meta charset>``), implied (a byte-order mark) or unknown.  The order tried here is the one
browsers use: BOM, then the declared charset, then strict UTF-8 (by far the most common and
unambiguous when it decodes), and only then a statistical guess with ``charset-normalizer``
(pure Python, already a dependency of most HTTP stacks, and better than ``chardet`` on short
and mixed pages).  Bytes that decode to something with NUL or many control characters are
not text (an image, a PDF, a zip) and are rejected with :class:`~newsevents.errors.UnreadableFile`.

Mojibake (UTF-8 read as Latin-1 somewhere upstream: ``â€™`` for ``’``) is repaired with
``ftfy.fix_encoding``, which only undoes encoding mix-ups and, unlike ``ftfy.fix_text``,
leaves quotes, ligatures and entities as they are.  It is applied to extracted text, never to
plain-text input (whose ``text`` the contract keeps exactly as given).
"""

from __future__ import annotations

import codecs
import re

from .errors import UnreadableFile

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control characters that never occur in text (tab, newline, carriage return and form feed do)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
    "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman",
    "mac_latin2", "cp850", "cp437",
})
#: half of a UTF-16 surrogate pair: what undecodable bytes become with ``surrogateescape`` (stdin
#: in a C locale) and what a JSON ``"\\ud800"`` escape gives; no text can be stored or printed with one
_SURROGATE = re.compile("[\ud800-\udfff]")
_MOJIBAKE_HINT = re.compile("[ÃÂâÐÑ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]")


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>`` or http-equiv)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> str:
    """Text from ``data``; raises :class:`UnreadableFile` when the bytes are not text.

    ``declared`` is a charset from outside (an HTTP header); with ``html=True`` a
    ``<meta charset>`` in the page is honoured too.
    """
    text = _decode(data, declared=declared, html=html)
    check_text(text)
    return text


def _decode(data: bytes, *, declared: str | None, html: bool) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: fall through to detection
    candidates = [_codec(declared)]
    if html:
        candidates.append(_codec(declared_charset(data)))
    candidates.append("utf-8")
    for codec in candidates:
        if codec is None:
            continue
        if codec in ("ascii", "iso8859-1", "latin-1"):  # usually mislabelled UTF-8 or cp1252
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                codec = "cp1252"
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile("not text: no character encoding fits these bytes")
    if best.encoding in _LATIN_SINGLE_BYTE:
        # on short texts the statistical guess wavers between the Latin code pages; Windows-1252
        # is by far the commonest of them, so it wins when it decodes the bytes at all
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def check_text(text: str) -> None:
    """Raise :class:`UnreadableFile` when decoded bytes are binary data rather than text."""
    sample = text[:8192]
    if "\x00" in sample:
        raise UnreadableFile("not text: the data contains NUL bytes (a binary file?)")
    controls = len(_CONTROL.findall(sample))
    if sample and controls > max(2, len(sample) // 100):
        raise UnreadableFile(f"not text: {controls} control characters in the first "
                             f"{len(sample)} characters (a binary file?)")


def check_unicode(value: str, what: str = "the text") -> None:
    """Raise :class:`UnreadableFile` when ``value`` holds an unpaired surrogate (not Unicode text)."""
    m = _SURROGATE.search(value)
    if m:
        raise UnreadableFile(f"{what} is not valid Unicode: {m.group()!r} at character {m.start()} "
                             "(bytes that are not UTF-8, or a JSON \\ud800-\\udfff escape); "
                             "re-encode it as UTF-8")


def printable(value: str | None) -> str | None:
    """``value`` with unpaired surrogates escaped (``\\udcff``), so an error naming it can be printed."""
    if value is None or not _SURROGATE.search(value):
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def repair(text: str) -> str:
    """Undo mojibake (``â€™`` -> ``’``) when there are signs of it; otherwise ``text`` unchanged."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)
