"""French vocabulary of the evaluation sets: ten themes of a public-consultation law."""

THEMES = {
    "publication": {
        "topics": [
            "la publication des résultats",
            "le rapport de synthèse",
            "les réponses du ministère",
            "le compte rendu final",
            "la justification des choix retenus",
            "le suivi des recommandations",
        ],
        "demands": [
            "publier un rapport de synthèse détaillé",
            "répondre par écrit à chaque recommandation",
            "expliquer pourquoi une proposition est rejetée",
            "rendre publics tous les avis reçus",
            "publier les résultats dans un délai de trois mois",
            "indiquer quelles propositions ont modifié le texte final",
        ],
        "reasons": [
            "les citoyens veulent savoir ce que deviennent leurs avis",
            "sans retour, la confiance dans la consultation disparaît",
            "un avis ignoré décourage la participation suivante",
            "la redevabilité exige des réponses motivées",
        ],
    },
    "delais": {
        "topics": [
            "la durée de la consultation",
            "le calendrier des consultations",
            "le délai de soixante jours",
            "la période estivale",
            "les dates de clôture",
            "le préavis d'ouverture",
        ],
        "demands": [
            "fixer une durée minimale de soixante jours",
            "éviter les consultations pendant le ramadan et l'été",
            "annoncer le calendrier au moins deux semaines à l'avance",
            "prolonger le délai pour les textes longs",
            "ne jamais raccourcir une consultation déjà ouverte",
            "laisser aux associations le temps de réunir leurs membres",
        ],
        "reasons": [
            "trente jours ne suffisent pas pour analyser un projet de loi",
            "les associations doivent consulter leurs adhérents avant de répondre",
            "une consultation trop courte favorise les seuls experts",
            "beaucoup de familles sont en vacances au mois d'août",
        ],
    },
    "langues": {
        "topics": [
            "l'accès en langue amazighe",
            "la traduction des textes",
            "l'accessibilité pour les personnes handicapées",
            "la version en tifinagh",
            "les documents en arabe et en français",
            "la lecture audio des projets",
        ],
        "demands": [
            "traduire chaque projet en amazighe et en arabe",
            "proposer une version audio pour les personnes non voyantes",
            "rédiger un résumé en langage simple",
            "accepter les contributions en darija et en amazighe",
            "rendre la plateforme compatible avec les lecteurs d'écran",
            "publier les textes en tifinagh en même temps qu'en arabe",
        ],
        "reasons": [
            "la constitution reconnaît l'amazighe comme langue officielle",
            "beaucoup de citoyens ne lisent pas le français",
            "les personnes handicapées sont exclues des consultations",
            "un texte juridique est difficile à comprendre sans résumé",
        ],
    },
    "associations": {
        "topics": [
            "le rôle des associations",
            "le financement de la société civile",
            "les réseaux associatifs",
            "la reconnaissance des associations",
            "le soutien aux petites associations",
            "la formation des associations",
        ],
        "demands": [
            "financer la participation des petites associations",
            "reconnaître le droit des réseaux à déposer des avis collectifs",
            "former les associations à l'analyse des textes juridiques",
            "simplifier la vérification des associations",
            "associer les associations dès la rédaction du projet",
            "créer un fonds d'appui à la participation associative",
        ],
        "reasons": [
            "les associations locales n'ont ni budget ni juriste",
            "la constitution donne aux associations un rôle dans les politiques publiques",
            "les réseaux représentent des centaines de membres",
            "sans moyens, seules les grandes associations participent",
        ],
    },
    "donnees": {
        "topics": [
            "la protection des données personnelles",
            "la sécurité de la plateforme",
            "l'anonymat des participants",
            "le consentement des utilisateurs",
            "la conservation des données",
            "le contrôle de la CNDP",
        ],
        "demands": [
            "garantir la possibilité de participer de façon anonyme",
            "supprimer les données personnelles après la publication",
            "soumettre la plateforme au contrôle de la CNDP",
            "chiffrer les comptes et les adresses électroniques",
            "demander un consentement clair avant toute collecte",
            "ne jamais publier le nom d'un participant sans son accord",
        ],
        "reasons": [
            "certains citoyens craignent des représailles",
            "les données sensibles doivent être protégées par la loi 09-08",
            "la confiance dépend de la sécurité de la plateforme",
            "une fuite de données découragerait toute participation",
        ],
    },
    "communes": {
        "topics": [
            "la participation au niveau communal",
            "les conseils communaux",
            "le plan d'action de la commune",
            "les instances de l'équité et de l'égalité",
            "les sessions du conseil",
            "le budget communal",
        ],
        "demands": [
            "obliger les conseils communaux à consulter les habitants sur le plan d'action",
            "publier l'ordre du jour des sessions du conseil",
            "permettre aux habitants d'assister aux sessions du conseil communal",
            "organiser des réunions publiques dans chaque quartier",
            "ouvrir un budget participatif dans chaque commune",
            "rendre compte chaque année de l'exécution du plan communal",
        ],
        "reasons": [
            "les décisions locales touchent directement la vie quotidienne",
            "les élus communaux consultent rarement la population",
            "la régionalisation avancée suppose une participation locale",
            "les habitants connaissent mieux les besoins de leur quartier",
        ],
    },
    "rural": {
        "topics": [
            "le monde rural",
            "la fracture numérique",
            "l'accès à internet dans les douars",
            "les zones de montagne",
            "les réunions en présentiel",
            "les personnes âgées sans smartphone",
        ],
        "demands": [
            "organiser des séances de consultation en présentiel dans les douars",
            "installer des points d'accès gratuits dans les maisons de jeunes",
            "accepter les avis sur papier déposés à la caïdat",
            "envoyer des équipes mobiles dans les zones de montagne",
            "prévoir une participation par téléphone ou par SMS",
            "former des animateurs locaux pour aider les villageois",
        ],
        "reasons": [
            "de nombreux villages n'ont pas de connexion stable",
            "les habitants des zones rurales sont les grands absents des consultations",
            "une plateforme uniquement en ligne exclut les personnes âgées",
            "la distance jusqu'au chef-lieu décourage les déplacements",
        ],
    },
    "jeunes_femmes": {
        "topics": [
            "la participation des jeunes",
            "la place des femmes",
            "l'égalité entre les femmes et les hommes",
            "les étudiants",
            "les lycéens",
            "la parité dans les instances consultatives",
        ],
        "demands": [
            "garantir la parité dans les instances de concertation",
            "associer les conseils de jeunes aux consultations",
            "organiser des consultations dans les universités et les lycées",
            "publier des statistiques de participation par sexe et par âge",
            "encourager les femmes rurales à donner leur avis",
            "abaisser l'âge minimum de participation à seize ans",
        ],
        "reasons": [
            "les jeunes se sentent éloignés des décisions publiques",
            "les femmes participent beaucoup moins que les hommes",
            "la constitution consacre le principe de la parité",
            "l'avenir du pays concerne d'abord les jeunes générations",
        ],
    },
    "diaspora": {
        "topics": [
            "les Marocains du monde",
            "la diaspora",
            "les consulats",
            "la participation depuis l'étranger",
            "les compétences des Marocains résidant à l'étranger",
            "le Conseil de la communauté marocaine à l'étranger",
        ],
        "demands": [
            "permettre aux Marocains résidant à l'étranger de participer en ligne",
            "relayer les consultations par les consulats",
            "tenir compte des fuseaux horaires dans les délais",
            "créer une rubrique dédiée aux Marocains du monde",
            "associer le Conseil de la communauté marocaine à l'étranger",
            "reconnaître les associations de la diaspora",
        ],
        "reasons": [
            "cinq millions de Marocains vivent à l'étranger",
            "la diaspora est concernée par de nombreuses lois",
            "les compétences de la diaspora peuvent enrichir les projets",
            "les Marocains du monde restent attachés à la vie publique du pays",
        ],
    },
    "petitions": {
        "topics": [
            "les pétitions",
            "les motions législatives",
            "le nombre de signatures",
            "le seuil de recevabilité",
            "la plateforme des pétitions",
            "le suivi des pétitions",
        ],
        "demands": [
            "abaisser le nombre de signatures exigé pour une pétition",
            "permettre la signature électronique des pétitions",
            "répondre à chaque pétition dans un délai de deux mois",
            "publier la liste des pétitions reçues et leur suite",
            "supprimer l'obligation d'inscription sur les listes électorales",
            "fusionner la plateforme des pétitions avec celle des consultations",
        ],
        "reasons": [
            "le seuil actuel est trop élevé pour une initiative citoyenne",
            "très peu de pétitions ont abouti depuis 2016",
            "la démocratie participative complète la démocratie représentative",
            "les signataires ne savent pas ce que deviennent leurs pétitions",
        ],
    },
}

# {d} a demand, {t} a topic, {r} a reason; {T} and {R} start with a capital.
FRAMES_A = [
    "Il faut {d}.",
    "Nous demandons de {d}, car {r}.",
    "Je propose de {d} afin de mieux prendre en compte {t}.",
    "Concernant {t}, il est urgent de {d}.",
    "Le projet ignore {t}, alors que {r}.",
    "{T} doit figurer clairement dans la loi.",
    "Il est indispensable de {d}.",
    "Selon moi, {r}.",
]
OPENERS_A = [
    "Bonjour,",
    "Merci pour ce projet.",
    "En tant que citoyen,",
    "Au nom de notre association,",
    "Je souhaite réagir à cet article.",
]
CLOSERS_A = [
    "Merci.",
    "Cordialement.",
    "Vive la démocratie participative.",
    "J'espère être entendu.",
]

FRAMES_B = [
    "À mon avis, le texte devrait {d}.",
    "Pourquoi ne pas {d} ? {R}.",
    "Sur {t}, l'article reste trop vague : {r}.",
    "Notre collectif recommande de {d}.",
    "Sans une vraie réflexion sur {t}, la participation restera théorique.",
    "Il serait utile de {d}, d'autant que {r}.",
    "Le législateur doit penser à {t}.",
    "{R}, c'est un fait.",
]
OPENERS_B = [
    "Salam,",
    "Bonsoir à tous.",
    "Habitant de la région, je voudrais dire ceci.",
    "Remarque importante :",
    "Suite à la lecture du projet,",
]
CLOSERS_B = ["Bon courage.", "Merci de votre attention.", "À suivre.", "Salutations."]
#: Set B's campaign copies add a sentence of their own.
PERSONAL_B = [
    "Je signe ce texte avec conviction.",
    "Je vis à Agadir et je soutiens cet appel.",
    "Mon association partage entièrement cet avis.",
    "Je relaie ce message de mon quartier.",
    "C'est aussi l'avis de ma famille.",
]
#: Set A's reworded copies swap these phrases.
SYNONYMS = [
    ("Il faut", "Il est nécessaire de"),
    ("Nous demandons", "Nous réclamons"),
    ("car", "parce que"),
    ("urgent", "pressant"),
    ("clairement", "explicitement"),
    ("Selon moi", "À mon sens"),
    ("indispensable", "essentiel"),
    ("afin de", "pour"),
]
LETTERS = "abcdefghijklmnopqrstuvwxyzéèàç"

#: Demands are also built as verb + object (+ qualifier): people word the same demand in many
#: ways, and two original texts should not share whole clauses by chance.
SLOTS = {
    "publication": {
        "verbs": [
            "publier",
            "mettre en ligne",
            "diffuser largement",
            "présenter publiquement",
            "archiver durablement",
        ],
        "objects": [
            "le rapport de synthèse",
            "les réponses motivées du ministère",
            "tous les avis reçus",
            "la justification de chaque choix",
            "le bilan des recommandations retenues",
            "le compte rendu final de la consultation",
        ],
    },
    "delais": {
        "verbs": ["fixer", "allonger", "annoncer à l'avance", "respecter", "adapter"],
        "objects": [
            "la durée minimale de consultation",
            "le délai de réponse des associations",
            "le calendrier des consultations",
            "la date de clôture",
            "la période de consultation en été",
            "le délai de soixante jours",
        ],
    },
    "langues": {
        "verbs": [
            "traduire",
            "publier en amazighe",
            "rendre accessible",
            "résumer en langage simple",
            "proposer en version audio",
        ],
        "objects": [
            "chaque projet de loi",
            "les documents de la consultation",
            "les formulaires de la plateforme",
            "les notes explicatives",
            "le texte intégral du projet",
            "les questions posées aux citoyens",
        ],
    },
    "associations": {
        "verbs": ["financer", "soutenir", "former", "reconnaître", "associer dès le départ"],
        "objects": [
            "les petites associations",
            "les réseaux associatifs",
            "les associations de quartier",
            "les coordinations de la société civile",
            "les associations locales",
            "les fédérations d'associations",
        ],
    },
    "donnees": {
        "verbs": [
            "protéger",
            "chiffrer",
            "anonymiser",
            "effacer après la publication",
            "ne jamais vendre",
        ],
        "objects": [
            "les données personnelles des participants",
            "les adresses électroniques",
            "les comptes des utilisateurs",
            "l'identité des contributeurs",
            "les numéros de téléphone",
            "les données de connexion",
        ],
    },
    "communes": {
        "verbs": [
            "consulter les habitants sur",
            "publier",
            "ouvrir au public",
            "présenter chaque année",
            "soumettre au débat",
        ],
        "objects": [
            "le plan d'action communal",
            "le budget de la commune",
            "l'ordre du jour du conseil communal",
            "les projets d'aménagement du quartier",
            "les sessions du conseil communal",
            "le programme de développement régional",
        ],
    },
    "rural": {
        "verbs": ["organiser", "multiplier", "financer", "déployer", "prévoir"],
        "objects": [
            "des réunions en présentiel dans les douars",
            "des points d'accès à internet dans les villages",
            "des équipes mobiles dans les zones de montagne",
            "une participation par téléphone ou par SMS",
            "des formulaires papier au caïdat",
            "des animateurs locaux pour les villageois",
        ],
    },
    "jeunes_femmes": {
        "verbs": ["encourager", "garantir une place pour", "associer", "former", "mobiliser"],
        "objects": [
            "les jeunes",
            "les femmes rurales",
            "les étudiantes et les étudiants",
            "les conseils de jeunes",
            "les lycéens",
            "les femmes élues",
        ],
    },
    "diaspora": {
        "verbs": ["informer", "associer", "consulter", "mobiliser", "écouter"],
        "objects": [
            "les Marocains résidant à l'étranger",
            "les associations de la diaspora",
            "le Conseil de la communauté marocaine à l'étranger",
            "les compétences marocaines de l'étranger",
            "les étudiants marocains à l'étranger",
            "les consulats et les ambassades",
        ],
    },
    "petitions": {
        "verbs": ["simplifier", "numériser", "assouplir", "suivre publiquement", "accélérer"],
        "objects": [
            "les pétitions nationales",
            "les motions législatives",
            "les pétitions locales",
            "le seuil de signatures",
            "les conditions de recevabilité des pétitions",
            "la plateforme des pétitions",
        ],
    },
}
QUALIFIERS = [
    "dans tout le pays",
    "dès l'adoption de la loi",
    "de façon systématique",
    "avec des moyens suffisants",
    "en concertation avec la société civile",
    "chaque année",
    "sans exception",
    "dans les meilleurs délais",
]
