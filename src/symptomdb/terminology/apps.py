from django.apps import AppConfig


class TerminologyConfig(AppConfig):
    name = "symptomdb.terminology"
    verbose_name = "Symptom catalogue"
