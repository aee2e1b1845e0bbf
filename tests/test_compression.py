"""Gzip of text responses (consult/compression.py), as a browser on a slow link receives them."""

import gzip

import pytest
from flask import Response

from consult.compression import GzipMiddleware


@pytest.fixture
def plain_app(app):
    """Extra routes to check what is and is not compressed."""

    @app.get("/_test/big-text")
    def big_text():
        return "لكل شخص الحق في التعليق. " * 200

    @app.get("/_test/streamed")
    def streamed():
        return Response((f"line {n}\n" for n in range(500)), mimetype="text/plain")

    return app


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers.get_all("Vary")
    assert int(response.headers["Content-Length"]) == len(response.data)
    html = gzip.decompress(response.data).decode()
    assert html.startswith("<!doctype html>")


def test_without_accept_encoding_the_page_is_sent_as_is(client):
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert response.data.startswith(b"<!doctype html>")


def test_a_client_refusing_gzip_gets_the_page_as_is(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers


def test_compressed_text_is_much_smaller(plain_app):
    client = plain_app.test_client()
    plain = client.get("/_test/big-text")
    packed = client.get("/_test/big-text", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 10


def test_a_stylesheet_is_gzipped_with_a_weak_etag_that_still_revalidates(client):
    first = client.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get(
        "/static/css/site.css",
        headers={"Accept-Encoding": "gzip", "If-None-Match": etag},
        buffered=True,
    )
    assert again.status_code == 304
    assert "Content-Encoding" not in again.headers


def test_fonts_are_left_alone_they_are_compressed_already(client):
    response = client.get(
        "/static/fonts/noto-sans-tifinagh-400.woff2",
        headers={"Accept-Encoding": "gzip"},
        buffered=True,
    )
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers


def test_small_and_streamed_responses_pass_through(plain_app):
    client = plain_app.test_client()
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers and small.data == b"ok\n"
    streamed = client.get("/_test/streamed", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in streamed.headers
    assert streamed.data.startswith(b"line 0\n")


def test_head_and_partial_responses_are_not_compressed(client):
    head = client.head("/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in head.headers
    partial = client.get(
        "/static/css/site.css",
        headers={"Accept-Encoding": "gzip", "Range": "bytes=0-99"},
        buffered=True,
    )
    assert partial.status_code == 206
    assert "Content-Encoding" not in partial.headers
    assert len(partial.data) == 100


def test_the_middleware_closes_the_body_it_reads():
    closed = []

    class Body(list):
        def close(self):
            closed.append(True)

    def wsgi_app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", "1000")])
        return Body([b"x" * 1000])

    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["headers"] = dict(headers)

    body = GzipMiddleware(wsgi_app)(
        {"REQUEST_METHOD": "GET", "HTTP_ACCEPT_ENCODING": "gzip"}, start_response
    )
    assert closed == [True]
    assert captured["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(body)) == b"x" * 1000
