from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "symptomdb.web"

    def ready(self) -> None:
        from symptomdb.articles.models import SECTION_MODELS, Article
        from symptomdb.community.models import AuthorRating, Comment
        from symptomdb.content_cache import new_version_when_content_changes
        from symptomdb.people.models import Author
        from symptomdb.terminology.models import Symptom, SymptomCode, Synonym

        # What the public pages and the search answers show: a save or delete of any of
        # these retires every cached page and answer (content_cache.py).
        new_version_when_content_changes(
            (Article, *SECTION_MODELS, Author, AuthorRating, Comment, Symptom, SymptomCode, Synonym)
        )
