"""The application factory, error pages, CSRF and migrations."""

import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from consult import create_app, normalise_database_url
from consult.extensions import db
from consult.search.models import is_model_object


def test_missing_secret_key_stops_the_start_outside_development(monkeypatch, tmp_path):
    monkeypatch.delenv("CONSULT_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(
            {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"}, instance_path=str(tmp_path)
        )


def test_environment_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("CONSULT_SECRET_KEY", "from-env")
    monkeypatch.setenv("CONSULT_COMMENTS_PER_PAGE", "7")
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"}, instance_path=str(tmp_path)
    )
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["COMMENTS_PER_PAGE"] == 7


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_urls_use_psycopg3(given, expected):
    assert normalise_database_url(given) == expected


def test_migrations_build_exactly_the_schema_of_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": is_model_object})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_not_found_page_is_translated(client):
    response = client.get("/nowhere", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert "<h1>Page not found</h1>" not in page  # the English msgid is never shown
    arabic = client.get("/nowhere", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic


def test_wrong_method_is_405_with_a_page(client, make):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "<h1>" in response.get_data(as_text=True)


def test_unexpected_error_shows_a_translated_500_without_details(app, client):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = client.get("/boom", headers={"Accept-Language": "fr"})
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "secret internals" not in page and "Traceback" not in page
    assert '<html lang="fr"' in page


def test_forms_are_protected_against_cross_site_requests(database, make):
    """With CSRF on, as users have it: no token is a 400 page; the page's token works."""
    from tests.conftest import _base_config

    app = create_app({**_base_config(database), "WTF_CSRF_ENABLED": True})
    with app.app_context():
        consultation = make.consultation()
        user = make.user(email="csrf@example.org")
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
        url = f"/consultations/{consultation.id}/articles/1"
        response = client.post(
            f"/consultations/{consultation.id}/comments",
            data={"body": "Sans jeton", "section": "1"},
        )
        assert response.status_code == 400
        page = client.get(url).get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = client.post(
            f"/consultations/{consultation.id}/comments",
            data={"body": "Avec jeton", "section": "1", "csrf_token": token},
        )
        assert response.status_code == 302
        from tests.conftest import _empty_tables

        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def test_lang_parameter_shows_a_page_in_that_language_without_remembering_it(client):
    page = client.get("/?lang=zgh", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="zgh"' in page
    again = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="fr"' in again


def test_pages_load_nothing_from_other_sites(client, make):
    consultation = make.consultation()
    for url in (
        "/",
        f"/consultations/{consultation.id}",
        f"/consultations/{consultation.id}/articles/1",
    ):
        page = client.get(url).get_data(as_text=True)
        for attribute in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert not attribute.startswith(("http://", "https://", "//")), attribute


def test_health_check_answers_without_the_database(client, count_queries):
    with count_queries() as counted:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert counted.n == 0
