"""The web page's safety rules: CSRF tokens, the headers of every response, which
Host a request may name, and what an upload is, by its first bytes.

CSRF: a token is a random nonce, the time it was issued and an HMAC of both
under a secret made when the process starts (`secrets.token_bytes`), so a token
is valid only for this server process and for `TOKEN_HOURS`; every POST must
carry one (a hidden field in each form). The page keeps no session, so there is
no cookie to bind a token to: a page on another site cannot read one of ours
(the same-origin rule), and `allowed_host` refuses the DNS-rebinding trick that
would let it. Written here rather than taken from flask-wtf, which needs a
signed session cookie and WTForms for the same check.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

TOKEN_HOURS = 12
_SECRET = secrets.token_bytes(32)

# Every response: no script or style from anywhere but this server, no inline script,
# pictures from here or made in the page (the preview's PNGs), no framing, no plugins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # Patient data: never kept by the browser's or a proxy's cache.
    "Cache-Control": "no-store",
}


def _mac(message: bytes) -> str:
    digest = hmac.new(_SECRET, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_token(now: float | None = None) -> str:
    """A fresh CSRF token: nonce.issued.mac."""
    issued = int(time.time() if now is None else now)
    nonce = secrets.token_urlsafe(16)
    message = f"{nonce}.{issued}"
    return f"{message}.{_mac(message.encode())}"


def token_ok(token: str | None, now: float | None = None) -> bool:
    """Whether `token` was made by this process in the last TOKEN_HOURS."""
    if not token or token.count(".") != 2:
        return False
    nonce, issued, mac = token.split(".")
    if not hmac.compare_digest(_mac(f"{nonce}.{issued}".encode()), mac):
        return False
    try:
        age = (time.time() if now is None else now) - int(issued)
    except ValueError:
        return False
    return 0 <= age <= TOKEN_HOURS * 3600


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_host(host_header: str, bound: str, port: int) -> bool:
    """A request to a server on the loopback address must name it (or `localhost`) in
    its Host header: another name is a page that rebound its DNS name to 127.0.0.1.
    `port` 0: any port (the app is not yet told which)."""
    if bound not in ("127.0.0.1", "localhost", "::1"):
        return True  # --host: the clinician chose to be reached by other names
    text = host_header.lower()
    if text.startswith("["):
        end = text.find("]") + 1
        name, given_port = text[:end], text[end:].removeprefix(":")
    else:
        name, _, given_port = text.partition(":")
    if name not in LOOPBACK_NAMES:
        return False
    return port == 0 or given_port in ("", str(port))


# --- what an upload is, by its first bytes (never by its name or the browser's type) ---


def sniff(data: bytes) -> str:
    """'pdf', 'png', 'jpeg', 'tiff', 'heic', 'gif', 'text' or 'unknown'."""
    head = data[:1024]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "heic"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if b"%PDF-" in head:  # a PDF may have a few bytes before its header
        return "pdf"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end
            return "unknown"
    return "text"


EXTENSIONS = {
    "pdf": ".pdf",
    "png": ".png",
    "jpeg": ".jpg",
    "tiff": ".tif",
    "heic": ".heic",
    "gif": ".gif",
    "text": ".toml",
    "font": ".ttf",
    "unknown": ".bin",
}
