from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "symptomdb.community"
    verbose_name = "Ratings and comments"
