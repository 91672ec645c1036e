from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "symptomdb.insights"
    verbose_name = "Readers' insights"

    def ready(self) -> None:
        # The admin loads every admin module before any app is ready.
        from symptomdb.insights.admin import review_filter_add

        review_filter_add()
