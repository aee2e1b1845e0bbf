"""Signed-in sessions for the POST benchmarks, obtained as a user gets one: through /login."""

import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@dataclass
class Session:
    email: str
    cookie: str  # the Cookie header value
    csrf_token: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _csrf(html: str) -> str:
    found = _CSRF.search(html)
    if not found:
        raise RuntimeError("no CSRF token in the page")
    return found.group(1)


def sign_in(base: str, email: str, password: str, page: str) -> Session:
    """GET /login, POST it with the token, then read a fresh token from `page`."""
    jar = CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with browser.open(base + "/login", timeout=30) as answer:
        token = _csrf(answer.read().decode())
    form = {"email": email, "password": password, "csrf_token": token, "next": ""}
    data = urllib.parse.urlencode(form).encode()
    with browser.open(base + "/login", data=data, timeout=30) as answer:
        if "/login" in answer.url:
            raise RuntimeError(f"could not sign in as {email}")
    with browser.open(base + page, timeout=30) as answer:
        token = _csrf(answer.read().decode())
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return Session(email, cookie, token)


def post(base: str, path: str, session: Session, fields: dict) -> int:
    """One form POST with the session; returns the status (redirects are not followed)."""
    browser = urllib.request.build_opener(_NoRedirect)
    data = urllib.parse.urlencode({**fields, "csrf_token": session.csrf_token}).encode()
    request = urllib.request.Request(base + path, data=data, headers={"Cookie": session.cookie})
    try:
        with browser.open(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:  # 3xx without a handler, 4xx, 5xx
        return error.code


def get(base: str, path: str, session: Session | None = None) -> tuple[int, bytes]:
    headers = {"Cookie": session.cookie} if session else {}
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
