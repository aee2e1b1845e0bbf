"""Every registered route × every role × GET and POST: who is let in and who is turned away.

The matrix must name every route the app registers (an endpoint with several URLs gets a list
of Routes, one for each), so a new page cannot ship without saying who may use it. URLs point
at real objects of one scenario; POSTs carry no CSRF token and empty or minimal data, because
the point is authorisation: a POST is either refused (sent to the sign-in page, 403 or 404) or
let through to the form and the domain rules (any other answer). A method a route does not
accept is a 405 for everyone."""

from dataclasses import dataclass, field

import pytest
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from consult import clock
from consult.extensions import db
from consult.moderation import services as moderation_services
from consult.organisations import services as organisation_services
from consult.recommendations import attachments

from .org_factories import MINIMAL_PDF, OrgFactories, article, hash_passwords_fast

ROLES = (
    "visitor",
    "citizen",
    "representative",  # of a verified organisation
    "official",  # of the institution that owns the consultation
    "other_official",  # of another institution
    "moderator",
    "admin",
)
LOGIN = "302 to sign-in"
REDIRECT = "302 elsewhere"
REFUSED = "refused"  # 302 to sign-in, 403 or 404
ALLOWED = "let through"  # anything else but a 5xx or a 405


def roles(default, **others) -> dict:
    return {role: others.get(role, default) for role in ROLES}


PUBLIC = roles(200)
SIGNED_IN = roles(200, visitor=LOGIN)
ANYONE_POSTS = roles(ALLOWED)
SIGNED_IN_POSTS = roles(ALLOWED, visitor=REFUSED)
ADMINISTRATORS = roles(403, visitor=LOGIN, admin=200)
ADMINISTRATORS_POST = roles(REFUSED, admin=ALLOWED)
MODERATORS = roles(403, visitor=LOGIN, moderator=200, admin=200)
MODERATORS_POST = roles(REFUSED, moderator=ALLOWED, admin=ALLOWED)
OFFICIALS = roles(403, visitor=LOGIN, official=200, other_official=200)
OFFICIALS_POST = roles(REFUSED, official=ALLOWED, other_official=ALLOWED)
OWNING_OFFICIALS = roles(403, visitor=LOGIN, official=200)
OWNING_OFFICIALS_POST = roles(REFUSED, official=ALLOWED)
REPRESENTATIVE = roles(403, visitor=LOGIN, representative=200)
REPRESENTATIVE_POST = roles(REFUSED, representative=ALLOWED)
AUTHOR_POST = roles(REFUSED, citizen=ALLOWED)  # the citizen wrote the comments


@dataclass
class Route:
    path: str  # with {names} of the scenario's objects
    GET: dict | None = None
    POST: dict | None = None
    data: dict = field(default_factory=dict)  # minimal form for the POST


C = "/consultations/{consultation}"
S = "/manage" + C + "/synthesis"
BEFORE_A_RUN = roles(403, visitor=LOGIN, official=404)
BEFORE_A_RUN_POST = roles(REFUSED, official=404)
MATRIX = {
    "static": Route("/static/css/site.css", GET=PUBLIC),
    "health_check": Route("/healthz", GET=PUBLIC),
    # Reading: public, except what is someone's own.
    "consultations.index": Route("/", GET=PUBLIC),
    "consultations.show": Route(C, GET=PUBLIC),
    "consultations.article": Route(C + "/articles/{article}", GET=PUBLIC),
    "recommendations.listing": Route(C + "/recommendations", GET=PUBLIC),
    "recommendations.show": Route("/recommendations/{recommendation}", GET=PUBLIC),
    "recommendations.attachment": Route("/recommendations/{recommendation}/attachment", GET=PUBLIC),
    "organisations.directory": Route("/organisations/", GET=PUBLIC),
    "search.search": Route("/search", GET=PUBLIC),
    "organisations.show": Route("/organisations/{organisation}", GET=PUBLIC),
    # Accounts.
    "accounts.login": Route("/login", GET=PUBLIC, POST=ANYONE_POSTS),
    "accounts.signup": Route(
        "/signup", GET=roles(REDIRECT, visitor=200), POST=ANYONE_POSTS
    ),
    "accounts.logout": Route("/logout", POST=ANYONE_POSTS),
    "accounts.switch_language": Route("/language/fr", POST=ANYONE_POSTS),
    "accounts.confirm_email": Route("/confirm/not-a-token", GET=roles(400)),
    "accounts.resend_confirmation": Route("/confirm/resend", POST=SIGNED_IN_POSTS),
    "accounts.forgot_password": Route("/password/forgot", GET=PUBLIC, POST=ANYONE_POSTS),
    "accounts.reset_password": Route(
        "/password/reset/not-a-token", GET=roles(400), POST=ANYONE_POSTS
    ),
    "accounts.account": Route("/account", GET=SIGNED_IN, POST=SIGNED_IN_POSTS),
    "accounts.download_data": Route("/account/data.json", GET=SIGNED_IN),
    "accounts.delete_account": Route("/account/delete", GET=SIGNED_IN, POST=SIGNED_IN_POSTS),
    # Taking part: signed-in people; editing and withdrawing: the author only.
    "comments.post_comment": Route(C + "/comments", POST=SIGNED_IN_POSTS),
    "comments.reply": Route("/comments/{comment}/reply", GET=SIGNED_IN, POST=SIGNED_IN_POSTS),
    "comments.vote": Route("/comments/{comment}/vote", POST=SIGNED_IN_POSTS),
    "comments.edit": Route(
        "/comments/{comment}/edit", GET=roles(403, visitor=LOGIN, citizen=200), POST=AUTHOR_POST
    ),
    "comments.withdraw": Route("/comments/{second_comment}/withdraw", POST=AUTHOR_POST),
    "moderation.report": Route(
        "/moderation/report/comment/{comment}", GET=SIGNED_IN, POST=SIGNED_IN_POSTS
    ),
    # Moderation.
    "moderation.queue": Route("/moderation/", GET=MODERATORS),
    "moderation.decide": Route("/moderation/comment/{comment}/hide", POST=MODERATORS_POST),
    "moderation.block": Route("/moderation/users/{troll}/block", POST=MODERATORS_POST),
    # Organisations: their representatives act for them.
    "organisations.mine": Route("/organisations/mine", GET=SIGNED_IN),
    "organisations.register": Route("/organisations/new", GET=SIGNED_IN, POST=SIGNED_IN_POSTS),
    "organisations.invite": Route("/organisations/{organisation}/invite", POST=REPRESENTATIVE_POST),
    "organisations.leave": Route("/organisations/{organisation}/leave", POST=REPRESENTATIVE_POST),
    "organisations.request_membership": Route(
        "/organisations/{organisation}/memberships", POST=REPRESENTATIVE_POST
    ),
    # The citizen is invited; the representative's organisation was asked to join a network.
    "organisations.answer_invitation": Route(
        "/organisations/invitations/{invitation}/decline", POST=AUTHOR_POST
    ),
    "organisations.answer_membership": Route(
        "/organisations/memberships/{membership}/end", POST=REPRESENTATIVE_POST
    ),
    "recommendations.new": Route(
        C + "/recommendations/new", GET=REPRESENTATIVE, POST=REPRESENTATIVE_POST
    ),
    # A draft is seen by its organisation only: to anyone else it does not exist.
    "recommendations.edit": Route(
        "/recommendations/{draft}/edit",
        GET=roles(404, visitor=LOGIN, representative=200),
        POST=REPRESENTATIVE_POST,
    ),
    "recommendations.cosign": Route(
        "/recommendations/{recommendation}/cosign",
        POST=REPRESENTATIVE_POST,
        data={"organisation": "{organisation}"},
    ),
    "recommendations.act": Route("/recommendations/{recommendation}/support", POST=SIGNED_IN_POSTS),
    # The officials' workspace: officials; a consultation: its institution's officials.
    "manage.dashboard": Route("/manage/", GET=OFFICIALS),
    "manage.new_consultation": Route(
        "/manage/consultations/new", GET=OFFICIALS, POST=OFFICIALS_POST
    ),
    "manage.edit_consultation": Route(
        "/manage" + C + "/edit", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    "manage.draft": Route(
        "/manage" + C + "/draft", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    "manage.save_draft": Route("/manage" + C + "/draft/save", POST=OWNING_OFFICIALS_POST),
    "manage.lifecycle": Route("/manage" + C + "/unschedule", POST=OWNING_OFFICIALS_POST),
    # The synthesis workspace: the owning institution's officials. Before any run, the pages
    # of a run's results are a 404 for them (and still a 403 for everyone else).
    "synthesis.overview": Route(S + "/", GET=OWNING_OFFICIALS),
    "synthesis.start_run": Route(S + "/runs", POST=OWNING_OFFICIALS_POST),
    "synthesis.themes": Route(S + "/themes", GET=BEFORE_A_RUN),
    "synthesis.theme": Route(S + "/themes/1", GET=BEFORE_A_RUN),
    "synthesis.unthemed": Route(S + "/unthemed", GET=BEFORE_A_RUN),
    "synthesis.rename_theme": Route(S + "/themes/1/rename", POST=BEFORE_A_RUN_POST),
    "synthesis.merge_theme": Route(S + "/themes/1/merge", POST=BEFORE_A_RUN_POST),
    "synthesis.split_theme": Route(S + "/themes/1/split", POST=BEFORE_A_RUN_POST),
    "synthesis.delete_theme": Route(S + "/themes/1/delete", POST=BEFORE_A_RUN_POST),
    "synthesis.answer_theme": Route(S + "/themes/1/answer", POST=BEFORE_A_RUN_POST),
    "synthesis.move": Route(S + "/move", POST=BEFORE_A_RUN_POST),
    "synthesis.groups": Route(S + "/groups", GET=BEFORE_A_RUN),
    "synthesis.mark_campaign": Route(S + "/groups/1/campaign", POST=BEFORE_A_RUN_POST),
    "synthesis.opinions": Route(S + "/opinions", GET=BEFORE_A_RUN),
    "synthesis.recommendations": Route(S + "/recommendations", GET=OWNING_OFFICIALS),
    "synthesis.answer_recommendation": Route(
        S + "/recommendations/{recommendation}", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    "synthesis.import_contributions": Route(
        S + "/import", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    # The outcome: public once published (the scenario's consultation is not: 404 for all).
    "outcome.report": Route(C + "/outcome", GET=roles(404)),
    "outcome.report_version": Route(C + "/outcome/v1", GET=roles(404)),
    "opendata.download": Route(C + "/outcome/v1/data/contributions.csv", GET=roles(404)),
    "outcome.report_pdf": Route(C + "/outcome/v1.pdf", GET=roles(404)),
    "outcome.manage": Route(
        "/manage" + C + "/outcome", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    "outcome.notifications": Route("/notifications", GET=SIGNED_IN),
    "outcome.mark_read": Route("/notifications/read", POST=SIGNED_IN_POSTS),
    "manage.final_text": Route(
        "/manage" + C + "/final", GET=OWNING_OFFICIALS, POST=OWNING_OFFICIALS_POST
    ),
    "manage.save_final_text": Route("/manage" + C + "/final/save", POST=OWNING_OFFICIALS_POST),
    # The observatory and the read-only API: public (the scene's consultation has no outcome).
    "observatory.index": Route("/observatory", GET=PUBLIC),
    "api.openapi": Route("/api/v1/openapi.json", GET=PUBLIC),
    "api.consultations": Route("/api/v1/consultations", GET=PUBLIC),
    "api.consultation": Route("/api/v1" + C, GET=PUBLIC),
    "api.articles": Route("/api/v1" + C + "/articles", GET=PUBLIC),
    "api.contributions": Route("/api/v1" + C + "/contributions", GET=PUBLIC),
    "api.recommendations": Route("/api/v1" + C + "/recommendations", GET=PUBLIC),
    "api.recommendation": Route("/api/v1/recommendations/{recommendation}", GET=PUBLIC),
    "api.outcomes": Route("/api/v1" + C + "/outcomes", GET=PUBLIC),
    "api.outcome": Route("/api/v1" + C + "/outcomes/1", GET=roles(404)),
    "api.observatory": Route("/api/v1/observatory", GET=PUBLIC),
    "api.unknown_path": Route("/api/v1/no-such-thing", GET=roles(404)),
    # Administration.
    "admin.index": Route("/admin/", GET=ADMINISTRATORS),
    "admin.audit_log": Route("/admin/audit", GET=ADMINISTRATORS),
    "admin.audit_export": Route("/admin/audit.csv", GET=ADMINISTRATORS),
    "admin.organisations": Route("/admin/organisations", GET=ADMINISTRATORS),
    "admin.create_institution": Route("/admin/institutions", POST=ADMINISTRATORS_POST),
    "admin.attach_official": Route("/admin/officials", POST=ADMINISTRATORS_POST),
    "admin.set_moderator": Route("/admin/moderators", POST=ADMINISTRATORS_POST),
    "admin.verify_organisation": Route(
        "/admin/organisations/{pending}/verify", POST=ADMINISTRATORS_POST
    ),
    "admin.reject_organisation": Route(
        "/admin/organisations/{pending}/reject", POST=ADMINISTRATORS_POST
    ),
}  # fmt: skip


def test_the_matrix_names_every_registered_route_and_method(app):
    rules = {}
    for rule in app.url_map.iter_rules():
        rules.setdefault(rule.endpoint, []).append(rule)
    unknown = [
        f"{endpoint} ({', '.join(sorted(r.methods - {'HEAD', 'OPTIONS'}))} {r.rule})"
        for endpoint in sorted(set(rules) - set(MATRIX))
        for r in rules[endpoint]
    ]
    assert not unknown, (
        "tests/test_route_matrix.py has no entry for these endpoints; add one to MATRIX "
        "saying what each role gets:\n  " + "\n  ".join(unknown)
    )
    gone = sorted(set(MATRIX) - set(rules))
    assert not gone, f"MATRIX names endpoints the app no longer registers: {gone}"
    adapter = app.url_map.bind("localhost")
    for endpoint, entry in MATRIX.items():
        described: dict[str, set] = {}
        for route in routes_of(entry):
            methods = {m for m in ("GET", "POST") if getattr(route, m) is not None}
            rule = _rule_reached(adapter, route.path.format_map(_AnyValue()), methods)
            assert rule is not None and rule.endpoint == endpoint, f"{route.path} is not {endpoint}"
            described[rule.rule] = methods
            accepted = rule.methods - {"HEAD", "OPTIONS"}
            assert accepted == methods, f"{endpoint} ({rule.rule}) accepts {sorted(accepted)}"
        undescribed = [r.rule for r in rules[endpoint] if r.rule not in described]
        assert not undescribed, (
            f"{endpoint} has URLs MATRIX does not describe: {undescribed}; make its entry a "
            "list with a Route for each URL"
        )


def routes_of(entry) -> list[Route]:
    """A MATRIX entry is a Route, or a list of them for an endpoint with several URLs."""
    return entry if isinstance(entry, list) else [entry]


class _AnyValue(dict):
    def __missing__(self, key):
        return "1"


def _rule_reached(adapter, path: str, methods: set):
    for method in sorted(methods):
        try:
            return adapter.match(path, method=method, return_rule=True)[0]
        except HTTPException:
            continue
    return None


@pytest.fixture
def scene(app, make, tmp_path, monkeypatch):
    return build_scene(app, make, tmp_path, monkeypatch)


def build_scene(app, make, tmp_path, monkeypatch) -> tuple[dict, dict]:
    """Real objects for every URL, and a user for every role: (URL names, user ids)."""
    hash_passwords_fast(monkeypatch)
    monkeypatch.setattr(app, "instance_path", str(tmp_path))  # memos and mail stay in here
    institution = make.institution()
    users = {
        "citizen": make.user(),
        "representative": make.user(),
        "official": make.official(institution),
        "other_official": make.official(),
        "moderator": make.user(),
        "admin": make.user(admin=True),
    }
    users["moderator"].is_moderator = True
    consultation = make.consultation(institution=institution)
    section = article(consultation, "1")
    comment = make.comment(consultation, users["citizen"], section=section)
    second_comment = make.comment(consultation, users["citizen"], section=section)
    org = OrgFactories(make)
    organisation = org.organisation(users["representative"])
    network = org.network()
    membership = organisation_services.request_membership(
        org._first_representative(network), network, organisation, requested_by=network
    )
    invitation = organisation_services.invite(
        users["representative"], organisation, users["citizen"].email
    )
    recommendation = org.recommendation(org.organisation(), consultation, article_number="1")
    recommendation.attachment_key = attachments.store(
        tmp_path / "uploads" / "recommendations", MINIMAL_PDF
    )
    recommendation.attachment_name = "memo.pdf"
    recommendation.attachment_size = len(MINIMAL_PDF)
    draft = org.recommendation(organisation, consultation, submit=False)
    # Something in the moderators' queue, so its page shows an item (and its author).
    moderation_services.flag(users["other_official"], comment, "spam", "", clock.utcnow())
    ids = {
        "consultation": consultation.id,
        "article": section.slug,
        "comment": comment.id,
        "second_comment": second_comment.id,
        "organisation": organisation.id,
        "pending": org.organisation(status="pending").id,
        "membership": membership.id,
        "invitation": invitation.id,
        "recommendation": recommendation.id,
        "draft": draft.id,
        "troll": make.user().id,
    }
    for user in users.values():
        if hasattr(user, "email_confirmed_at"):  # everyone here confirmed their address
            user.email_confirmed_at = user.consented_at
    db.session.commit()
    return ids, {role: user.id for role, user in users.items()}


def _verdict(response) -> object:
    if response.status_code == 302:
        path = response.headers["Location"].split("://", 1)[-1]
        return LOGIN if "/login" in path.split("?")[0] else REDIRECT
    return response.status_code


def _class(verdict) -> str:
    if verdict in (LOGIN, 403, 404):
        return REFUSED
    if verdict == 405 or (isinstance(verdict, int) and verdict >= 500):
        return str(verdict)
    return ALLOWED


def test_each_role_gets_what_the_matrix_says_on_every_route(app, scene):
    ids, user_ids = scene
    adapter = app.url_map.bind("localhost")
    wrong = []
    for endpoint, route in [(e, r) for e, entry in MATRIX.items() for r in routes_of(entry)]:
        path = route.path.format(**ids)
        for method in ("GET", "POST"):
            try:  # which route the URL reaches with this method
                reached = adapter.match(path, method=method)[0]
            except MethodNotAllowed:
                reached = None
            if getattr(route, method) is None:
                if reached is not None:
                    continue  # another route answers it (GET /confirm/resend is a token link)
                expected = roles(405)
            else:
                assert reached == endpoint, f"{method} {path} reaches {reached}"
                expected = getattr(route, method)
            data = {k: v.format(**ids) for k, v in route.data.items()}
            for role in ROLES:
                client = app.test_client()
                if role != "visitor":
                    with client.session_transaction() as session:
                        session["_user_id"] = str(user_ids[role])
                        session["_fresh"] = True
                response = client.open(path, method=method, data=data if method == "POST" else None)
                verdict = _verdict(response)
                response.close()  # file downloads hold their file open until then
                got = _class(verdict) if expected[role] in (REFUSED, ALLOWED) else verdict
                if got != expected[role]:
                    wrong.append(f"{method} {path} as {role}: {verdict}, expected {expected[role]}")
                db.session.rollback()  # see what the request committed, nothing else
    assert wrong == []
