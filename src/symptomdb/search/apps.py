from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "symptomdb.search"

    def ready(self) -> None:
        from django.conf import settings

        from symptomdb.triage.semantic import cache_dir_use

        # The triage keeps its example presentations' vectors beside the search's own.
        cache_dir_use(settings.HOME / "cache" / "triage")
