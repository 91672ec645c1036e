from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "symptomdb.articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from symptomdb.articles import revisions

        revisions.register()
