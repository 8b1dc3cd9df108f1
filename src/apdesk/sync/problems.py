"""Why the LA's server could not be used, as one sentence a person can act on.

Every failure of the network below a pack's answer (no route, refused, timed out, a
certificate this computer does not trust, a name that does not resolve) and the HTTP answers
that mean "wrong address" or "server trouble" are worded here, once, for the status bar, the
Outbox, the LA connection settings' Test and the `apdesk sync` command alike. No exception's
class name ever reaches a person: "(ConnectError)" says nothing to a SENCO.
"""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit

import httpx

from apdesk.i18n import _


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and what it was raised from, outermost first (httpx wraps the socket's error)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def connection_problem(exc: BaseException, url: str) -> str:
    """The sentence for a request to `url` that got no answer at all."""
    causes = _causes(exc)
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in causes):
        return _(
            "The LA's server at {url} showed a certificate this computer does not trust; "
            "check the address, or ask the LA's support team whether their certificate changed."
        ).format(url=url)
    if any(isinstance(c, ssl.SSLError) for c in causes):
        return _(
            "A secure connection to the LA's server at {url} could not be made; check the "
            "address starts with the right https:// or ask the LA's support team."
        ).format(url=url)
    if any(isinstance(c, socket.gaierror) for c in causes) or _names_unknown(causes):
        return _(
            "No server called {host} could be found; check the address, or the network "
            "connection, and try again."
        ).format(host=_host(url))
    if isinstance(exc, httpx.TimeoutException):
        return _(
            "The LA's server did not answer at {url} in time; check the network connection "
            "or try again later."
        ).format(url=url)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return _(
            "{url} is not an address apdesk can send to; give it as https://host/path."
        ).format(url=url)
    if isinstance(exc, httpx.ProxyError):
        return _(
            "The network's proxy would not pass the request to {url}; ask whoever looks after "
            "the school's network."
        ).format(url=url)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return _("The connection to the LA's server at {url} broke off; try again later.").format(
            url=url
        )
    return _(
        "The LA's server did not answer at {url}; check the address or try again later."
    ).format(url=url)


def _names_unknown(causes: list[BaseException]) -> bool:
    """httpx on some platforms keeps only the resolver's words, not the gaierror itself."""
    words = ("name or service not known", "nodename nor servname", "getaddrinfo failed",
             "temporary failure in name resolution", "no address associated")  # fmt: skip
    return any(any(w in str(c).lower() for w in words) for c in causes)


def answer_problem(status: int, url: str) -> str:
    """The sentence for an HTTP answer from `url` that shows it is not (yet) the LA's inbox;
    "" when the answer shows a server that is there and working."""
    if status == 404:
        return _(
            "A server answered at {url}, but it has no apdesk inbox there; check the address "
            "the LA gave you (it often ends in /apdesk)."
        ).format(url=url)
    if status >= 500:
        return _(
            "The LA's server at {url} answered with an error of its own ({status}); try again "
            "later, or ask the LA's support team if it goes on."
        ).format(url=url, status=status)
    return ""
