"""The editors' roles as groups with Django permissions (see people/roles.py).

Permissions are created by Django after all migrations run; a fresh database
has none yet, so they are created here first, for the apps the roles use.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECTIONS = ["cause", "reliefmethod", "preventiontip", "professionaltreatment", "redflag", "source"]


def _crud(app, model, *actions):
    return [(app, f"{action}_{model}") for action in actions]


AUTHOR = [
    *_crud("articles", "article", "add", "change", "view"),
    *[p for m in SECTIONS for p in _crud("articles", m, "add", "change", "delete", "view")],
    *_crud("people", "author", "view"),
    *_crud("terminology", "symptom", "view"),
]
REVIEWER = [
    *AUTHOR,
    ("articles", "publish_article"),
    ("articles", "delete_article"),
    *_crud("people", "author", "add", "change"),
    *_crud("terminology", "symptom", "add", "change"),
    *_crud("terminology", "symptomcode", "add", "change", "view"),
    *_crud("terminology", "synonym", "add", "change", "view"),
]
MODERATOR = [
    *_crud("community", "comment", "change", "view"),
    *_crud("community", "authorrating", "view"),
    *_crud("articles", "article", "view"),
    *_crud("people", "author", "view"),
]
EVERYTHING = ("add", "change", "delete", "view")
SITE_ADMIN = [
    *REVIEWER,
    *MODERATOR,
    *_crud("articles", "article", *EVERYTHING),
    *_crud("people", "author", *EVERYTHING),
    *_crud("community", "comment", *EVERYTHING),
    *_crud("community", "authorrating", *EVERYTHING),
    *_crud("terminology", "symptom", *EVERYTHING),
    *_crud("auth", "user", "add", "change", "view"),
    *_crud("auth", "group", "view"),
]
ROLES = {
    "Authors": AUTHOR,
    "Reviewers": REVIEWER,
    "Moderators": MODERATOR,
    "Site admins": SITE_ADMIN,
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in sorted(set(wanted)):
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_author_user"),
        ("articles", "0002_staged_changes_edit_token_text_limits"),
        ("community", "0001_initial"),
        ("terminology", "0002_catalogue_release"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
