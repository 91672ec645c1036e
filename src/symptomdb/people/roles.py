"""The editors' roles, as Django groups (created by migration people 0003).

    author      writes and edits their own drafts, sends them for review
    reviewer    reviews, publishes, withdraws and returns others' articles; restores revisions
    moderator   approves and rejects readers' comments
    site admin  everything above, plus authors, the catalogue and editors' accounts

No editor needs to be a superuser: give a staff account one or more of these groups.
What each group may do is the migration's list of permissions; the admin adds the
rules no permission can say (an author changes only their own drafts; nobody
publishes an article they wrote).
"""

from __future__ import annotations

AUTHORS = "Authors"
REVIEWERS = "Reviewers"
MODERATORS = "Moderators"
SITE_ADMINS = "Site admins"

ROLES = {
    "author": AUTHORS,
    "reviewer": REVIEWERS,
    "moderator": MODERATORS,
    "site-admin": SITE_ADMINS,
}
