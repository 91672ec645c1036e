from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "symptomdb.people"
    verbose_name = "Authors and reviewers"
