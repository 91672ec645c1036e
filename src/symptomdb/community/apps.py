from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "symptomdb.community"
    verbose_name = "Ratings and comments"

    def ready(self) -> None:
        from symptomdb.articles.exchange import article_exported, article_imported
        from symptomdb.community.exchange import comments_exported, comments_imported

        # Approved comments travel with their article in the editors' export.
        article_exported.connect(comments_exported, dispatch_uid="community-comments-out")
        article_imported.connect(comments_imported, dispatch_uid="community-comments-in")
