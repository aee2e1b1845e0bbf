"""The main pages of the platform, and how a person gets to each: checked by axe, on a phone
and by the Nu HTML Checker, in every language."""

from collections.abc import Callable
from dataclasses import dataclass

from .support import PASSWORD, account


@dataclass(frozen=True)
class MainPage:
    key: str
    #: visitor (signed out), citizen, representative (of a verified organisation), official or admin
    who: str
    #: Opens the page in a browser page and returns the response of its document.
    visit: Callable
    status: int = 200


def _get(path: str) -> Callable:
    def visit(page, demo):
        return page.goto(path.format(demo=demo))

    visit.path = path  # type: ignore[attr-defined]  # fetched without rendering for vnu
    return visit


def _sent(page, form: str):
    with page.expect_navigation() as navigation:
        page.locator(form).locator("button[type=submit]").click()
    return navigation.value


def _signup_errors(page, demo):
    page.goto("/signup")
    page.fill("#email", "not an address")
    return _sent(page, "main form")


def _login_errors(page, demo):
    page.goto("/login")
    page.fill("#email", account("citizen", "fr"))
    page.fill("#password", PASSWORD + "-wrong")
    return _sent(page, "main form")


def _comment_errors(page, demo):
    page.goto(f"/consultations/{demo.open_id}/articles/{demo.article3_slug}")
    return _sent(page, ".comment-form-box form")  # an empty comment


def _edit_own_comment(page, demo):
    page.goto(f"/consultations/{demo.open_id}/articles/{demo.busiest_slug}")
    page.fill("#body", "Un commentaire à corriger dans le quart d'heure.")
    _sent(page, ".comment-form-box form")
    comment = page.url.split("#comment-")[1]
    return page.goto(f"/comments/{comment}/edit")


def _new_consultation_errors(page, demo):
    page.goto("/manage/consultations/new")
    return _sent(page, "main form")


def _draft_preview(page, demo):
    page.goto(f"/manage/consultations/{demo.draft_id}/draft")
    page.select_option("#language", "fr")
    page.fill(
        "#text",
        "Chapitre premier — Objet\n\nArticle 1 — Objet\n\nLa présente stratégie fixe les "
        "objectifs du bénévolat.\n\nArticle 2\n\nElle est révisée tous les cinq ans.",
    )
    return _sent(page, "main form")


def _organisation_errors(page, demo):
    page.goto("/organisations/new")
    return _sent(page, "main form")


def _csrf_expired(page, demo):
    """A form sent with a stale token (the session ended meanwhile): the 400 page."""
    page.goto(f"/consultations/{demo.open_id}/articles/{demo.article3_slug}")
    page.locator(".comment-form-box input[name=csrf_token]").evaluate("el => el.value = 'stale'")
    page.fill("#body", "Un commentaire envoyé trop tard.")
    return _sent(page, ".comment-form-box form")


BUSIEST_ARTICLE = "/consultations/{demo.open_id}/articles/{demo.busiest_slug}"
ORGANISATION = "/organisations/{demo.organisation_id}"
RECOMMENDATION = "/recommendations/{demo.recommendation_id}"
#: The closed demo consultation, analysed and its outcome published (conftest.build_demo).
SYNTHESIS = "/manage/consultations/{demo.closed_id}/synthesis"
NEW_RECOMMENDATION = "/consultations/{demo.open_id}/recommendations/new?article={demo.article_slug}"

PAGES = [
    MainPage("home", "visitor", _get("/")),
    MainPage("home-closed-tab", "visitor", _get("/?tab=closed")),
    MainPage("consultation", "visitor", _get("/consultations/{demo.open_id}")),
    MainPage("consultation-closed", "visitor", _get("/consultations/{demo.closed_id}")),
    MainPage("article", "visitor", _get(BUSIEST_ARTICLE)),
    MainPage("article-signed-in", "citizen", _get(BUSIEST_ARTICLE)),
    MainPage("article-comment-error", "citizen", _comment_errors, status=400),
    MainPage("signup", "visitor", _get("/signup")),
    MainPage("signup-errors", "visitor", _signup_errors, status=400),
    MainPage("login", "visitor", _get("/login")),
    MainPage("login-errors", "visitor", _login_errors, status=400),
    MainPage("reply", "citizen", _get("/comments/{demo.reply_to_id}/reply")),
    MainPage("edit-comment", "citizen", _edit_own_comment),
    MainPage("account", "citizen", _get("/account")),
    MainPage("manage-dashboard", "official", _get("/manage/")),
    MainPage("manage-new", "official", _get("/manage/consultations/new")),
    MainPage("manage-new-errors", "official", _new_consultation_errors, status=400),
    MainPage("manage-edit", "official", _get("/manage/consultations/{demo.draft_id}/edit")),
    MainPage("manage-draft", "official", _get("/manage/consultations/{demo.draft_id}/draft")),
    MainPage("manage-draft-preview", "official", _draft_preview),
    MainPage("manage-text-of-open", "official", _get("/manage/consultations/{demo.open_id}/draft")),
    MainPage("admin", "admin", _get("/admin/")),
    MainPage("admin-organisations", "admin", _get("/admin/organisations")),
    MainPage("moderation-queue", "admin", _get("/moderation/")),
    MainPage("report-comment", "citizen", _get("/moderation/report/comment/{demo.reply_to_id}")),
    MainPage("organisations", "visitor", _get("/organisations/")),
    MainPage("organisation", "visitor", _get(ORGANISATION)),
    MainPage("organisation-as-representative", "representative", _get(ORGANISATION)),
    MainPage("organisation-register", "citizen", _get("/organisations/new")),
    MainPage("organisation-register-errors", "citizen", _organisation_errors, status=400),
    MainPage("my-organisations", "representative", _get("/organisations/mine")),
    MainPage("recommendations", "visitor", _get("/consultations/{demo.open_id}/recommendations")),
    MainPage("recommendation", "visitor", _get(RECOMMENDATION)),
    MainPage("recommendation-as-representative", "representative", _get(RECOMMENDATION)),
    MainPage("recommendation-new", "representative", _get(NEW_RECOMMENDATION)),
    MainPage("forgot-password", "visitor", _get("/password/forgot")),
    MainPage("delete-account", "citizen", _get("/account/delete")),
    MainPage("synthesis-overview", "official", _get(SYNTHESIS + "/")),
    MainPage("synthesis-theme", "official", _get(SYNTHESIS + "/themes/{demo.closed_theme_id}")),
    MainPage("outcome-report", "visitor", _get("/consultations/{demo.closed_id}/outcome/v1")),
    MainPage("error-404", "visitor", _get("/no-such-page"), status=404),
    MainPage("error-403", "citizen", _get("/manage/"), status=403),
    MainPage("error-405", "visitor", _get("/logout"), status=405),
    MainPage("error-400", "citizen", _csrf_expired, status=400),
]  # fmt: skip

BY_KEY = {p.key: p for p in PAGES}


class People:
    """Signed-in sessions per role and language, made once and reused by new contexts."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.states: dict = {}
        self.contexts: dict = {}
        #: HTML of the main pages as the server sent them, kept for the HTML checker.
        self.html: dict = {}

    def context(self, who: str, locale: str, *, mobile: bool):
        """A browser context kept for the session, signed in as `who`, reading `locale`."""
        from .support import DESKTOP, MOBILE, serve_axe

        key = (who, locale, mobile)
        if key not in self.contexts:
            context = self.browser.new_context(
                base_url=self.base_url,
                extra_http_headers={"Accept-Language": locale},
                storage_state=self.storage_state(who, locale),
                **(MOBILE if mobile else DESKTOP),
            )
            context.set_default_timeout(15_000)
            serve_axe(context)
            self.contexts[key] = context
        return self.contexts[key]

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()

    def storage_state(self, who: str, locale: str):
        if who == "visitor":
            return None
        if (who, locale) not in self.states:
            context = self.browser.new_context(base_url=self.base_url)
            page = context.new_page()
            page.goto("/login")
            page.fill("#email", account(who, locale))
            page.fill("#password", PASSWORD)
            _sent(page, "main form")
            assert page.locator(".flash-success").count() == 1, f"{who} {locale} cannot sign in"
            self.states[(who, locale)] = context.storage_state()
            context.close()
        return self.states[(who, locale)]


def main_page_html(contexts, people, demo, key: str, locale: str) -> str:
    """The page's HTML as the server sends it (fetched without a browser page when a GET)."""
    if (key, locale) in people.html:  # already fetched by an earlier test of this session
        return people.html[(key, locale)]
    main_page = BY_KEY[key]
    path = getattr(main_page.visit, "path", None)
    if path is None:
        page, response = open_main_page(contexts, people, demo, key, locale)
        html = response.text()
        page.close()
        return html
    context = people.context(main_page.who, locale, mobile=False)
    response = context.request.get(path.format(demo=demo))
    assert response.status == main_page.status, f"{key}: {response.status} {path}"
    return response.text()


def open_main_page(contexts, people, demo, key: str, locale: str, *, mobile: bool = False):
    """A new page, as the page's person, on the page; returns (page, response)."""
    main_page = BY_KEY[key]
    page = contexts.page_in(people.context(main_page.who, locale, mobile=mobile))
    response = main_page.visit(page, demo)
    assert response.status == main_page.status, f"{key}: {response.status} {page.url}"
    assert page.locator("html").get_attribute("lang") == locale
    people.html[(key, locale)] = response.text()
    return page, response
