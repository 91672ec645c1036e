"""Symptom.display_name, the everyday name, filled in from the synonyms already stored,
so that a site keeps its catalogue instead of reloading it (the loader fills it too)."""

from __future__ import annotations

from collections import defaultdict

from django.db import migrations, models

from symptomdb.terminology.display import display_name_choose


def fill_display_names(apps, schema_editor):  # type: ignore[no-untyped-def]
    Symptom = apps.get_model("terminology", "Symptom")
    Synonym = apps.get_model("terminology", "Synonym")
    SymptomCode = apps.get_model("terminology", "SymptomCode")
    lay: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for sid, text, scope in Synonym.objects.filter(kind="layperson").values_list(
        "symptom_id", "text", "scope"
    ):
        lay[sid].append((text, "layperson", scope))
    with_hpo = set(SymptomCode.objects.filter(system="HPO").values_list("symptom_id", flat=True))
    with_icd = set(
        SymptomCode.objects.filter(system="ICD10CM").values_list("symptom_id", flat=True)
    )
    changed = []
    for symptom in Symptom.objects.only("id", "name").iterator(chunk_size=2000):
        symptom.display_name = display_name_choose(
            symptom.name,
            lay.get(symptom.id, []),
            icd_only=symptom.id in with_icd and symptom.id not in with_hpo,
        )
        changed.append(symptom)
    Symptom.objects.bulk_update(changed, ["display_name"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("terminology", "0002_catalogue_release"),
    ]

    operations = [
        migrations.AddField(
            model_name="symptom",
            name="display_name",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.RunPython(fill_display_names, migrations.RunPython.noop, elidable=True),
    ]
