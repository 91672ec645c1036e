from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "symptomdb.web"

    def ready(self) -> None:
        from symptomdb.content_cache import new_version_when_content_changes

        new_version_when_content_changes()
