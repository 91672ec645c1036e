from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "symptomdb.search"
