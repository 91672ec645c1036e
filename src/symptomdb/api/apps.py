from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "symptomdb.api"
    verbose_name = "JSON API"
