from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_staged_changes_edit_token_text_limits"),
        ("terminology", "0003_symptom_display_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="covers",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "Other symptoms this article answers for readers, beside its main one; "
                    "their pages link here when they have no article of their own."
                ),
                related_name="covering_articles",
                to="terminology.symptom",
            ),
        ),
    ]
