"""The read-only JSON API: content, pagination, privacy, drafts, errors, rate limit, and its
OpenAPI document checked by schemathesis against the running app."""

import json
import re
import uuid
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from consult import clock, create_app
from consult.accounts.privacy import delete_account
from consult.comments import services as comment_services
from consult.extensions import db, limiter
from consult.moderation import services as moderation_services
from consult.opendata.pseudonyms import pseudonym
from consult.outcome import services as outcome_services
from consult.synthesis.models import Outcome
from consult.synthesis.responses import answer_recommendation

from .conftest import _base_config, _empty_tables, _fresh_request_globals
from .org_factories import OrgFactories, article, hash_passwords_fast

API = "/api/v1"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def seed_world(make, monkeypatch) -> dict:
    """A closed, answered and published consultation; an open one; a draft nobody may see."""
    hash_passwords_fast(monkeypatch)
    org = OrgFactories(make)
    now = clock.utcnow()
    institution = make.institution(slug="ministry-of-water", name={"fr": "Ministère de l'Eau"})
    consultation = make.consultation(
        institution=institution,
        articles=3,
        title={"fr": "Loi sur l'eau", "ar": "قانون الماء", "zgh": "ⴰⵙⴻⴼⵔⵓ ⵏ ⵡⴰⵎⴰⵏ"},
    )
    alice = make.user(name="Alice Amrani", email="alice.secret@example.org")
    bob = make.user(name="Bob Bennani", email="bob.secret@example.org")
    carol = make.user(name="Carol Chraibi", email="carol.secret@example.org")
    first = article(consultation, "1")
    shown = make.comment(consultation, alice, section=first, body="L'article 1 est clair.")
    reply = make.comment(consultation, bob, section=first, parent=shown, body="Je suis d'accord.")
    withdrawn = make.comment(consultation, alice, body="Texte retiré par son autrice.")
    comment_services.withdraw_comment(alice, withdrawn, now=now)
    hidden = make.comment(consultation, bob, body="Achetez ma camelote spam.")
    moderator = make.user()
    moderator.is_moderator = True
    moderation_services.hide(moderator, hidden, "spam", "", now=now)
    gone = make.comment(consultation, carol, body="Un avis d'une personne partie depuis.")
    comment_services.cast_vote(bob, shown, "agree", now=now)
    db.session.commit()
    delete_account(carol, now)
    db.session.commit()

    water = org.organisation(name={"fr": "Association Eau Vive"})
    network = org.network(name={"fr": "Réseau Oasis"})
    sent = org.recommendation(
        water, consultation, article_number="2", wording="Ajouter un droit à l'eau."
    )
    org.cosign(sent, network)
    draft_recommendation = org.recommendation(
        water, consultation, wording="BROUILLON-ASSOCIATIF", submit=False
    )
    official = make.official(institution)
    consultation.closes_at = now - timedelta(minutes=1)
    db.session.commit()
    answer_recommendation(
        official, sent, Outcome.ACCEPTED, {"fr": "Le droit à l'eau entre à l'article 2."}, ["2"]
    )
    publication = outcome_services.publish(
        official,
        consultation,
        outcome_services.OutcomeFields(
            summary={"fr": "Le ministère retient le droit à l'eau."},
            next_steps={"fr": "Le texte part au Parlement."},
            next_date=None,
            change_note={},
        ),
    )
    db.session.commit()

    still_open = make.consultation(institution=institution, title={"fr": "Stratégie ouverte"})
    draft = make.consultation(phase="draft", title={"fr": "BROUILLON-SECRET"})
    return {
        "consultation": consultation,
        "open": still_open,
        "draft": draft,
        "people": {"alice": alice, "bob": bob, "carol": carol},
        "comments": {
            "shown": shown,
            "reply": reply,
            "withdrawn": withdrawn,
            "hidden": hidden,
            "gone": gone,
        },
        "recommendation": sent,
        "draft_recommendation": draft_recommendation,
        "organisations": {"water": water, "network": network},
        "publication": publication,
    }


@pytest.fixture
def world(app, make, monkeypatch):
    return seed_world(make, monkeypatch)


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code, response.data[:300])
    assert response.mimetype == "application/json"
    return response.get_json()


def every_item(client, path) -> list[dict]:
    items, pages = [], 0
    while path:
        body = get(client, path)
        items += body["items"]
        path, pages = body["next"], pages + 1
        assert pages < 100
    return items


def test_consultations_are_listed_without_drafts_and_filtered_by_phase(client, world):
    items = every_item(client, f"{API}/consultations")
    ids = {c["id"] for c in items}
    assert ids == {world["consultation"].id, world["open"].id}
    published = get(client, f"{API}/consultations?phase=published")["items"]
    assert [c["id"] for c in published] == [world["consultation"].id]
    assert [c["id"] for c in get(client, f"{API}/consultations?phase=open")["items"]] == [
        world["open"].id
    ]
    one = published[0]
    assert one["title"]["zgh"] == "ⴰⵙⴻⴼⵔⵓ ⵏ ⵡⴰⵎⴰⵏ"
    assert one["institution"] == {
        "id": world["consultation"].institution_id,
        "slug": "ministry-of-water",
        "name": {"fr": "Ministère de l'Eau"},
    }
    assert one["counts"]["recommendations"] == 1
    assert one["counts"]["participants"] == world["consultation"].participant_count > 0


def test_a_draft_consultation_is_a_json_404_everywhere(client, world):
    draft = world["draft"].id
    for path in ("", "/articles", "/contributions", "/recommendations", "/outcomes", "/outcomes/1"):
        body = get(client, f"{API}/consultations/{draft}{path}", 404)
        assert body["error"]["status"] == 404
        assert body["error"]["code"] == "not_found"
    assert get(client, f"{API}/consultations?phase=draft", 400)["error"]["parameter"] == "phase"


def test_articles_of_the_draft_come_in_order_and_the_final_text_is_404_until_stored(client, world):
    consultation = world["consultation"].id
    body = get(client, f"{API}/consultations/{consultation}/articles")
    assert body["text"] == "draft"
    assert [a["number"] for a in body["items"]] == ["1", "2", "3"]
    assert body["items"][0]["body"]["fr"] == "Texte français de l'article 1."
    assert body["items"][0]["body"]["ar"] == "النص العربي للمادة 1."
    assert body["items"][0]["counts"]["comments"] == 2
    missing = get(client, f"{API}/consultations/{consultation}/articles?text=final", 404)
    assert "final" in missing["error"]["message"]
    assert get(client, f"{API}/consultations/{consultation}")["has_final_text"] is False


def test_contributions_name_authors_by_pseudonym_and_show_removed_ones_without_text(client, world):
    consultation = world["consultation"]
    items = every_item(client, f"{API}/consultations/{consultation.id}/contributions")
    by_id = {(c["type"], c["id"]): c for c in items}
    comments, people = world["comments"], world["people"]
    shown = by_id[("comment", comments["shown"].id)]
    assert shown["author"] == {
        "pseudonym": pseudonym(consultation.id, people["alice"].id),
        "display_name": "Alice Amrani",
    }
    assert shown["votes"] == {"agree": 1, "disagree": 0, "pass": 0}
    assert shown["article"] == "1"
    assert "clair" in shown["body_html"]
    reply = by_id[("reply", comments["reply"].id)]
    assert reply["parent_id"] == comments["shown"].id
    for key, status in (("withdrawn", "withdrawn"), ("hidden", "hidden")):
        removed = by_id[("comment", comments[key].id)]
        assert removed["status"] == status
        assert removed["body_html"] is None and removed["author"] is None
    assert by_id[("comment", comments["hidden"].id)]["hidden_reason"] == "spam"
    gone = by_id[("comment", comments["gone"].id)]
    assert gone["author"] == {"pseudonym": "former-participant", "display_name": None}
    recommendation = by_id[("recommendation", world["recommendation"].id)]
    assert recommendation["organisation"]["name"] == {"fr": "Association Eau Vive"}
    text = json.dumps(items, ensure_ascii=False)
    assert "retiré par son autrice" not in text and "camelote" not in text
    assert "BROUILLON-ASSOCIATIF" not in text
    assert len(items) == 6  # five comments and the submitted recommendation, not the draft
    only_recommendations = get(
        client, f"{API}/consultations/{consultation.id}/contributions?type=recommendation"
    )["items"]
    assert [c["id"] for c in only_recommendations] == [world["recommendation"].id]


def test_recommendations_carry_organisation_cosignatories_status_and_answer(client, world):
    consultation = world["consultation"].id
    items = get(client, f"{API}/consultations/{consultation}/recommendations")["items"]
    assert len(items) == 1
    one = items[0]
    assert one["status"] == "accepted"
    assert one["article"] == "2"
    assert one["proposed_wording"] == "Ajouter un droit à l'eau."
    assert [o["name"] for o in one["cosignatories"]] == [{"fr": "Réseau Oasis"}]
    assert one["response"]["outcome"] == "accepted"
    assert one["response"]["justification"] == {"fr": "Le droit à l'eau entre à l'article 2."}
    assert one["response"]["articles"] == ["2"]
    assert get(client, f"{API}/recommendations/{one['id']}") == one
    get(client, f"{API}/recommendations/{world['draft_recommendation'].id}", 404)


def test_outcomes_list_the_versions_and_give_the_snapshot_as_published(client, world):
    consultation = world["consultation"].id
    versions = get(client, f"{API}/consultations/{consultation}/outcomes")["items"]
    assert [v["version"] for v in versions] == [1]
    assert versions[0]["summary"] == {"fr": "Le ministère retient le droit à l'eau."}
    assert "snapshot" not in versions[0]
    one = get(client, versions[0]["links"]["self"])
    assert one["snapshot"] == world["publication"].snapshot
    assert one["snapshot"]["recommendations"][0]["response"]["outcome"] == "accepted"
    for key in ("participant_types", "regions", "genders", "ages"):
        for cell in one["snapshot"]["indicators"][key]["cells"]:
            assert cell["count"] in (None, 0) or cell["count"] >= 5, (key, cell)
    get(client, f"{API}/consultations/{consultation}/outcomes/2", 404)
    assert get(client, f"{API}/consultations/{world['open'].id}/outcomes")["items"] == []


def test_pages_follow_next_links_through_every_item_once(client, world):
    consultation = world["consultation"].id
    path = f"{API}/consultations/{consultation}/contributions"
    whole = get(client, path + "?per_page=100")["items"]
    paged, pages, link = [], 0, path + "?per_page=4"
    while link:
        body = get(client, link)
        assert len(body["items"]) <= 4
        assert body["per_page"] == 4
        paged += body["items"]
        pages += 1
        link = body["next"]
    assert pages == 2 and paged == whole
    last = get(client, path + "?per_page=4&page=2")
    assert last["previous"].endswith("page=1&per_page=4") and last["next"] is None
    assert get(client, path + "?page=50")["items"] == []


@pytest.mark.parametrize(
    "query", ["per_page=0", "per_page=101", "page=0", "page=abc", "type=vote", "text=old"]
)
def test_bad_parameters_are_a_json_400_naming_the_parameter(client, world, query):
    path = f"{API}/consultations/{world['consultation'].id}/"
    path += "articles" if query.startswith("text") else "contributions"
    body = get(client, f"{path}?{query}", 400)
    assert body["error"]["parameter"] == query.split("=")[0]


def test_unknown_objects_and_paths_are_json_404(client, world):
    for path in (
        f"{API}/consultations/999999",
        f"{API}/consultations/not-a-number",
        f"{API}/recommendations/999999",
        f"{API}/nothing/here",
    ):
        assert get(client, path, 404)["error"]["code"] == "not_found"


def _crawl(client, world) -> list[str]:
    """Every API response body for the world's objects, following links within the API."""
    consultation = world["consultation"].id
    start = [
        f"{API}/consultations",
        f"{API}/observatory",
        f"{API}/recommendations/{world['recommendation'].id}",
        f"{API}/consultations/{world['open'].id}/contributions",
    ]
    for path in ("", "/articles", "/contributions", "/recommendations", "/outcomes"):
        start.append(f"{API}/consultations/{consultation}{path}?per_page=2")
    start.append(f"{API}/consultations/{consultation}/outcomes/1")
    seen, bodies, queue = set(), [], list(start)
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.get_data(as_text=True)
        bodies.append(text)
        queue += [
            link
            for link in re.findall(r'"(/api/v1/[^"]+)"', text)
            if link not in seen and "openapi" not in link
        ]
    return bodies


def test_no_email_address_or_profile_field_in_any_response(client, world):
    bodies = _crawl(client, world)
    assert len(bodies) > 12
    for text in bodies:
        assert not EMAIL.search(text), EMAIL.search(text).group(0)
        assert "BROUILLON" not in text
        for field in ('"email"', '"region"', '"gender"', '"age_bracket"', "password"):
            assert field not in text


def test_every_api_route_is_in_the_openapi_document(app, client):
    documented = set(get(client, f"{API}/openapi.json")["paths"])
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.unknown_path"
    }
    assert routes == documented


# The rate limit: not the `app` fixture, because the limiter is configured by the app it is
# bound to last (see tests/test_ratelimits.py).


@pytest.fixture
def limited_client(database, monkeypatch):
    prefix = f"consult-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr(limiter, "_key_prefix", prefix)
    app = create_app(
        {
            **_base_config(database),
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            "RATELIMIT_KEY_PREFIX": prefix,
            "RATELIMIT_API": "3 per minute",
        }
    )
    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_globals)
    with app.app_context():
        yield app.test_client()
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def test_the_api_answers_429_in_json_once_an_address_spends_its_budget(limited_client):
    # The budget is shared by the whole API: three different endpoints spend it.
    for path in ("/consultations", "/observatory", "/consultations?phase=open"):
        assert limited_client.get(API + path).status_code == 200
    response = limited_client.get(f"{API}/consultations")
    assert response.status_code == 429
    assert response.get_json()["error"]["status"] == 429
    assert int(response.headers["Retry-After"]) > 0
    other = limited_client.get(f"{API}/observatory", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200
    assert limited_client.get("/healthz").status_code == 200  # the site is not limited by it


# Schemathesis: generated requests for every operation of the document, against the app.


PLAIN = {"Accept-Encoding": "identity"}
#: Examples per operation: with eleven operations the run stays well under a minute.
EXAMPLES = 25


def test_generated_requests_never_fail_and_match_the_schema(app, world):
    # Each operation's strategy driven by Hypothesis here, rather than through
    # `schemathesis.pytest.from_fixture`, whose lazy loader does not run under pytest 9.
    api = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", app)
    operations = [result.ok() for result in api.get_all_operations()]
    # Schemathesis leaves out the document's own path; every other one is exercised.
    assert {op.path for op in operations} == set(api.raw_schema["paths"]) - {f"{API}/openapi.json"}
    real = {
        "consultation_id": world["consultation"].id,
        "recommendation_id": world["recommendation"].id,
        "version": world["publication"].version,
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            # Generated ids mostly miss: each case also runs on the world's own objects, with
            # the generated query (page, per_page, filters).
            on_real = case.operation.Case(
                path_parameters={k: real[k] for k in case.path_parameters or {}},
                query=case.query,
            )
            for variant in (case, on_real):
                # The test transport does not undo the site's gzip, as HTTP clients do.
                response = variant.call(headers=PLAIN)
                assert response.status_code < 500, (variant.formatted_path, response.text[:300])
                variant.validate_response(response)
                db.session.rollback()

        check()


def test_real_responses_match_the_schema(app, client, world):
    """Generated ids mostly miss; the world's own objects are checked against the schema too."""
    api = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", app)
    consultation = world["consultation"].id
    for path, params in [
        ("/consultations", {}),
        ("/consultations/{consultation_id}", {"consultation_id": consultation}),
        ("/consultations/{consultation_id}/articles", {"consultation_id": consultation}),
        ("/consultations/{consultation_id}/contributions", {"consultation_id": consultation}),
        ("/consultations/{consultation_id}/recommendations", {"consultation_id": consultation}),
        ("/consultations/{consultation_id}/outcomes", {"consultation_id": consultation}),
        (
            "/consultations/{consultation_id}/outcomes/{version}",
            {"consultation_id": consultation, "version": 1},
        ),
        ("/recommendations/{recommendation_id}", {"recommendation_id": world["recommendation"].id}),
        ("/observatory", {}),
    ]:
        operation = api[API + path]["GET"]
        case = operation.Case(path_parameters=params)
        response = case.call(headers=PLAIN)
        assert response.status_code == 200, path
        case.validate_response(response)
