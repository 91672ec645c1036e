from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "symptomdb.web"

    def ready(self) -> None:
        from symptomdb.web.page_cache import clear_pages_when_content_changes

        clear_pages_when_content_changes()
