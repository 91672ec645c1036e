"""The editors' roles (people/roles.py) see the readers' insights; moderators moderate
the notes readers leave with a “No, this page was not helpful”."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DASHBOARD = [("insights", "view_searchevent"), ("insights", "view_pagefeedback")]
ROLES = {
    "Authors": DASHBOARD,
    "Reviewers": DASHBOARD,
    "Moderators": [*DASHBOARD, ("insights", "change_pagefeedback")],
    "Site admins": [
        *DASHBOARD,
        ("insights", "change_pagefeedback"),
        ("insights", "delete_pagefeedback"),
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("insights")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="insights"))


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("people", "0003_editor_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
