"""Recompute every stored counter with aggregates and compare: after a seed, after a load.

The rules are those of consult/comments/services.py: a withdrawn comment leaves the comment
counts but keeps its place in the thread counts; a comment's discussion count is the number of
replies anywhere below it (top-level comments only); votes and participants count every vote,
and a participant is anyone who commented or voted there, once. Those of
consult/recommendations/services.py and consult/organisations/services.py: a recommendation
counts on its article and consultation from submission until withdrawn (never as a draft);
co-signatures and supports are never taken back, so they count their rows; a network's
member_count counts its accepted memberships.
"""

from sqlalchemy import text

#: Each check: a name and a query returning the rows that disagree (at most a few are shown).
CHECKS = {
    "comment vote counts": """
        SELECT c.id, c.agree_count, c.disagree_count, c.pass_count,
               coalesce(v.agree, 0), coalesce(v.disagree, 0), coalesce(v.pass, 0)
        FROM comment c LEFT JOIN (
            SELECT comment_id,
                   sum(CASE WHEN value = 'agree' THEN 1 ELSE 0 END) AS agree,
                   sum(CASE WHEN value = 'disagree' THEN 1 ELSE 0 END) AS disagree,
                   sum(CASE WHEN value = 'pass' THEN 1 ELSE 0 END) AS pass
            FROM vote GROUP BY comment_id) v ON v.comment_id = c.id
        WHERE c.agree_count <> coalesce(v.agree, 0) OR c.disagree_count <> coalesce(v.disagree, 0)
           OR c.pass_count <> coalesce(v.pass, 0)""",
    "comment reply counts": """
        SELECT c.id, c.reply_count, coalesce(r.n, 0)
        FROM comment c LEFT JOIN (
            SELECT parent_id, count(*) AS n FROM comment WHERE parent_id IS NOT NULL
            GROUP BY parent_id) r ON r.parent_id = c.id
        WHERE c.reply_count <> coalesce(r.n, 0)""",
    "comment discussion counts": """
        SELECT c.id, c.discussion_count, coalesce(d.n, 0)
        FROM comment c LEFT JOIN (
            SELECT root_id, count(*) AS n FROM comment WHERE root_id IS NOT NULL
            GROUP BY root_id) d ON d.root_id = c.id
        WHERE c.discussion_count <> coalesce(d.n, 0)""",
    "thread structure": """
        SELECT c.id, c.depth, c.root_id, p.depth, p.root_id
        FROM comment c JOIN comment p ON p.id = c.parent_id
        WHERE c.depth <> p.depth + 1 OR c.root_id <> coalesce(p.root_id, p.id)
           OR c.section_id IS DISTINCT FROM p.section_id""",
    "section counts": """
        SELECT s.id, s.comment_count, s.thread_count, s.vote_count, s.participant_count,
               coalesce(c.comments, 0), coalesce(c.threads, 0), coalesce(v.n, 0),
               coalesce(p.n, 0)
        FROM section s
        LEFT JOIN (SELECT section_id,
                          sum(CASE WHEN status <> 'withdrawn' THEN 1 ELSE 0 END) AS comments,
                          sum(CASE WHEN depth = 0 THEN 1 ELSE 0 END) AS threads
                   FROM comment GROUP BY section_id) c ON c.section_id = s.id
        LEFT JOIN (SELECT c.section_id, count(*) AS n FROM vote
                   JOIN comment c ON c.id = vote.comment_id GROUP BY c.section_id) v
               ON v.section_id = s.id
        LEFT JOIN (SELECT section_id, count(*) AS n FROM section_participant
                   GROUP BY section_id) p ON p.section_id = s.id
        WHERE s.comment_count <> coalesce(c.comments, 0) OR s.thread_count <> coalesce(c.threads, 0)
           OR s.vote_count <> coalesce(v.n, 0) OR s.participant_count <> coalesce(p.n, 0)""",
    "section participants": """
        SELECT section_id, user_id, 'missing' FROM (
            SELECT section_id, author_id AS user_id FROM comment WHERE section_id IS NOT NULL
            UNION SELECT c.section_id, vote.user_id FROM vote
                  JOIN comment c ON c.id = vote.comment_id WHERE c.section_id IS NOT NULL
            EXCEPT SELECT section_id, user_id FROM section_participant) m
        UNION ALL
        SELECT section_id, user_id, 'extra' FROM (
            SELECT section_id, user_id FROM section_participant
            EXCEPT SELECT * FROM (
                SELECT section_id, author_id FROM comment WHERE section_id IS NOT NULL
                UNION SELECT c.section_id, vote.user_id FROM vote
                      JOIN comment c ON c.id = vote.comment_id) e) x""",
    "consultation counts": """
        SELECT k.id, k.comment_count, k.general_thread_count, k.vote_count,
               k.participant_count, coalesce(c.comments, 0), coalesce(c.general, 0),
               coalesce(v.n, 0), coalesce(p.n, 0)
        FROM consultation k
        LEFT JOIN (SELECT consultation_id,
                          sum(CASE WHEN status <> 'withdrawn' THEN 1 ELSE 0 END) AS comments,
                          sum(CASE WHEN depth = 0 AND section_id IS NULL THEN 1 ELSE 0 END)
                              AS general
                   FROM comment GROUP BY consultation_id) c ON c.consultation_id = k.id
        LEFT JOIN (SELECT c.consultation_id, count(*) AS n FROM vote
                   JOIN comment c ON c.id = vote.comment_id GROUP BY c.consultation_id) v
               ON v.consultation_id = k.id
        LEFT JOIN (SELECT consultation_id, count(*) AS n FROM consultation_participant
                   GROUP BY consultation_id) p ON p.consultation_id = k.id
        WHERE k.comment_count <> coalesce(c.comments, 0)
           OR k.general_thread_count <> coalesce(c.general, 0)
           OR k.vote_count <> coalesce(v.n, 0) OR k.participant_count <> coalesce(p.n, 0)""",
    "consultation participants": """
        SELECT consultation_id, user_id, 'missing' FROM (
            SELECT consultation_id, author_id AS user_id FROM comment
            UNION SELECT c.consultation_id, vote.user_id FROM vote
                  JOIN comment c ON c.id = vote.comment_id
            EXCEPT SELECT consultation_id, user_id FROM consultation_participant) m
        UNION ALL
        SELECT consultation_id, user_id, 'extra' FROM (
            SELECT consultation_id, user_id FROM consultation_participant
            EXCEPT SELECT * FROM (
                SELECT consultation_id, author_id FROM comment
                UNION SELECT c.consultation_id, vote.user_id FROM vote
                      JOIN comment c ON c.id = vote.comment_id) e) x""",
    "network member counts": """
        SELECT o.id, o.member_count, coalesce(m.n, 0)
        FROM organisation o LEFT JOIN (
            SELECT network_id, count(*) AS n FROM network_membership WHERE status = 'accepted'
            GROUP BY network_id) m ON m.network_id = o.id
        WHERE o.member_count <> coalesce(m.n, 0)""",
    "recommendation co-signature and support counts": """
        SELECT r.id, r.cosignature_count, r.support_count, coalesce(c.n, 0), coalesce(s.n, 0)
        FROM recommendation r
        LEFT JOIN (SELECT recommendation_id, count(*) AS n FROM co_signature
                   GROUP BY recommendation_id) c ON c.recommendation_id = r.id
        LEFT JOIN (SELECT recommendation_id, count(*) AS n FROM support
                   GROUP BY recommendation_id) s ON s.recommendation_id = r.id
        WHERE r.cosignature_count <> coalesce(c.n, 0) OR r.support_count <> coalesce(s.n, 0)""",
    "section recommendation counts": """
        SELECT s.id, s.recommendation_count, coalesce(r.n, 0)
        FROM section s LEFT JOIN (
            SELECT section_id, count(*) AS n FROM recommendation
            WHERE status NOT IN ('draft', 'withdrawn') GROUP BY section_id) r
            ON r.section_id = s.id
        WHERE s.recommendation_count <> coalesce(r.n, 0)""",
    "consultation recommendation counts": """
        SELECT k.id, k.recommendation_count, coalesce(r.n, 0)
        FROM consultation k LEFT JOIN (
            SELECT consultation_id, count(*) AS n FROM recommendation
            WHERE status NOT IN ('draft', 'withdrawn') GROUP BY consultation_id) r
            ON r.consultation_id = k.id
        WHERE k.recommendation_count <> coalesce(r.n, 0)""",
}


def check_counters(connection, shown: int = 5) -> dict[str, list[tuple]]:
    """Disagreements per check (the first `shown` rows of each); empty when all agree."""
    problems = {}
    for name, query in CHECKS.items():
        sql = query
        if connection.dialect.name == "sqlite":
            sql = sql.replace("IS DISTINCT FROM", "IS NOT")
        rows = connection.execute(text(f"{sql} LIMIT {shown}")).all()
        if rows:
            problems[name] = [tuple(row) for row in rows]
    return problems
