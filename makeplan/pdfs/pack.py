"""Packs a finished PDF's small objects into compressed object streams (PDF 1.5).

Neither reportlab nor pypdf writes object streams, so every checkbox widget,
appearance dictionary and field name would otherwise sit in the file as
plain text: about 300 bytes a box. This module owns the last rewrite of the
bytes: it reads the classic cross-reference table the writers produce, keeps
every stream object as it is (its data is already compressed), puts every
other object into Flate-compressed object streams, and ends the file with a
cross-reference stream. Object numbers do not change, so nothing inside an
object needs to be touched. The rewrite is byte-deterministic.

It is pure Python (zlib only) and never guesses: a file it does not fully
understand (an incremental update, encryption, an existing xref stream, a
table that does not match the objects) is returned unchanged. It lives with
the PDF readers because it works on a PDF's bytes, but it uses no pypdf.
"""

from __future__ import annotations

import re
import zlib

# Objects per object stream: small enough that a reader that needs one object
# inflates little, large enough that the compressor sees repeated text.
_OBJECTS_PER_STREAM = 400

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])[ \r\n]{2}")
_OBJ_HEADER = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_TRAILER_KEYS = (b"/Root", b"/Info", b"/ID")


def pack(pdf: bytes) -> bytes:
    """`pdf` with its non-stream objects in object streams, or unchanged if unsure."""
    table = _read_classic_xref(pdf)
    if table is None:
        return pdf
    offsets, trailer, xref_at = table
    bodies = _object_bodies(pdf, offsets, xref_at)
    if bodies is None:
        return pdf
    return _write_packed(bodies, trailer)


def _read_classic_xref(pdf: bytes) -> tuple[dict[int, int], bytes, int] | None:
    """The in-use objects' offsets, the trailer dictionary and where the table starts."""
    end = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
    if end is None:
        return None
    xref_at = int(end.group(1))
    if not pdf.startswith(b"xref", xref_at):
        return None  # an xref stream: already packed, or not a writer pack knows
    position = xref_at + 4
    while pdf[position : position + 1] in (b"\r", b"\n", b" "):
        position += 1
    offsets: dict[int, int] = {}
    while True:
        subsection = _SUBSECTION.match(pdf, position)
        if subsection is None:
            break
        first, count = int(subsection.group(1)), int(subsection.group(2))
        position = subsection.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(pdf, position)
            if entry is None:
                return None
            position = entry.end()
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
    trailer_at = pdf.find(b"trailer", position, position + 64)
    if trailer_at < 0:
        return None
    trailer = pdf[trailer_at + 7 : end.start()]
    if b"/Encrypt" in trailer or b"/Prev" in trailer or b"/XRefStm" in trailer:
        return None  # encrypted, an incremental update, or a hybrid file
    if not _trailer_entry(trailer, b"/Root"):
        return None
    return offsets, trailer, xref_at


def _object_bodies(
    pdf: bytes, offsets: dict[int, int], xref_at: int
) -> dict[int, tuple[bool, bytes, int]] | None:
    """For each object: whether it can go in an object stream, its bytes, its generation.

    An object runs from its offset to the next object's (the table says where
    each starts), so a string that happens to contain "endobj" cannot cut it short.
    """
    starts = sorted((offset, number) for number, offset in offsets.items())
    bodies: dict[int, tuple[bool, bytes, int]] = {}
    for index, (offset, number) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else xref_at
        chunk = pdf[offset:stop]
        header = _OBJ_HEADER.match(chunk)
        end = chunk.rfind(b"endobj")
        if header is None or int(header.group(1)) != number or end < 0:
            return None
        if header.group(2) != b"0" or b"stream" in chunk[:end]:
            # Streams (and the rare object with a generation) are copied whole;
            # a "stream" that is only inside a string is copied whole too, harmlessly.
            bodies[number] = (False, chunk[: end + 6].lstrip(), int(header.group(2)))
        else:
            bodies[number] = (True, chunk[header.end() : end].strip(), 0)
    return bodies


def _write_packed(bodies: dict[int, tuple[bool, bytes, int]], trailer: bytes) -> bytes:
    """The new file: the stream objects, the object streams, then the xref stream."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    # number -> (type, field 2, field 3) as the xref stream stores them
    entries: dict[int, tuple[int, int, int]] = {}
    packable = []
    for number in sorted(bodies):
        fits, body, generation = bodies[number]
        if fits:
            packable.append((number, body))
        else:
            entries[number] = (1, len(out), generation)
            out += body + b"\n"
    next_number = max(bodies) + 1
    for start in range(0, len(packable), _OBJECTS_PER_STREAM):
        group = packable[start : start + _OBJECTS_PER_STREAM]
        stream_number = next_number
        next_number += 1
        index, data = [], bytearray()
        for position, (number, body) in enumerate(group):
            index.append(b"%d %d" % (number, len(data)))
            entries[number] = (2, stream_number, position)
            data += body + b"\n"
        head = b" ".join(index) + b"\n"
        entries[stream_number] = (1, len(out), 0)
        out += _stream_object(
            stream_number,
            b"/Type /ObjStm /N %d /First %d" % (len(group), len(head)),
            head + bytes(data),
        )
    xref_number = next_number
    xref_at = len(out)
    entries[xref_number] = (1, xref_at, 0)
    size = xref_number + 1
    rows = bytearray()
    for number in range(size):
        kind, second, third = entries.get(number, (0, 0, 65535 if number == 0 else 0))
        rows += kind.to_bytes(1, "big") + second.to_bytes(4, "big") + third.to_bytes(2, "big")
    keys = b" ".join(_trailer_entry(trailer, key) for key in _TRAILER_KEYS)
    out += _stream_object(
        xref_number, b"/Type /XRef /Size %d /W [1 4 2] %s" % (size, keys.strip()), bytes(rows)
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _stream_object(number: int, dictionary: bytes, data: bytes) -> bytes:
    """Object `number`: a Flate-compressed stream of `data` with the entries `dictionary`."""
    compressed = zlib.compress(data, 9)
    return (
        b"%d 0 obj\n<< %s /Filter /FlateDecode /Length %d >>\nstream\n"
        % (number, dictionary, len(compressed))
        + compressed
        + b"\nendstream\nendobj\n"
    )


def _trailer_entry(trailer: bytes, key: bytes) -> bytes:
    """`key` and its value as written in the trailer (a reference or an array), or b''."""
    found = re.search(re.escape(key) + rb"\s*(\d+\s+\d+\s+R|\[[^\]]*\])", trailer)
    return key + b" " + found.group(1) if found else b""
