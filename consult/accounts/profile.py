"""The optional profile used for published statistics: regions, countries, gender, age."""

from babel import Locale
from flask_babel import lazy_gettext as _l

from ..i18n import FORMAT_LOCALES
from .models import UNDISCLOSED

#: Morocco's 12 regions (2015 division), by slug.
REGIONS = {
    "tanger-tetouan-al-hoceima": _l("Tangier-Tetouan-Al Hoceima"),
    "oriental": _l("Oriental"),
    "fes-meknes": _l("Fez-Meknes"),
    "rabat-sale-kenitra": _l("Rabat-Sale-Kenitra"),
    "beni-mellal-khenifra": _l("Beni Mellal-Khenifra"),
    "casablanca-settat": _l("Casablanca-Settat"),
    "marrakech-safi": _l("Marrakesh-Safi"),
    "draa-tafilalet": _l("Draa-Tafilalet"),
    "souss-massa": _l("Souss-Massa"),
    "guelmim-oued-noun": _l("Guelmim-Oued Noun"),
    "laayoune-sakia-el-hamra": _l("Laayoune-Sakia El Hamra"),
    "dakhla-oued-ed-dahab": _l("Dakhla-Oued Ed-Dahab"),
}
ABROAD = "abroad"

GENDERS = {"female": _l("Woman"), "male": _l("Man")}
AGE_BRACKETS = {
    "18-24": _l("18 to 24"),
    "25-34": _l("25 to 34"),
    "35-44": _l("35 to 44"),
    "45-54": _l("45 to 54"),
    "55-64": _l("55 to 64"),
    "65+": _l("65 or older"),
}

NOT_ANSWERED = ("", _l("Not answered"))
PREFER_NOT = (UNDISCLOSED, _l("Prefer not to say"))


def region_choices():
    return [
        NOT_ANSWERED,
        *REGIONS.items(),
        (ABROAD, _l("Abroad (Moroccans living in another country)")),
        PREFER_NOT,
    ]


def gender_choices():
    return [NOT_ANSWERED, *GENDERS.items(), PREFER_NOT]


def age_choices():
    return [NOT_ANSWERED, *AGE_BRACKETS.items(), PREFER_NOT]


#: CLDR region codes that are not countries one lives in (and Morocco itself).
NOT_COUNTRIES = {"MA", "ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}


def country_choices(language: str) -> list[tuple[str, str]]:
    """Countries other than Morocco, named in the reader's language by Babel (CLDR)."""
    names = Locale.parse(FORMAT_LOCALES.get(language, language)).territories
    fallback = Locale.parse("fr").territories
    codes = [
        code for code in fallback if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    choices = [(code, names.get(code) or fallback[code]) for code in codes]
    choices.sort(key=lambda item: item[1])
    return [NOT_ANSWERED, *choices]
