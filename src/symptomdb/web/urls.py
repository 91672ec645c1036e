from __future__ import annotations

from django.urls import path

from symptomdb.web import page_history, reader_insights, views

urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search_page, name="search"),
    path("symptoms/", views.symptom_index, name="symptom-index"),
    path("symptoms/<slug:slug>/", views.symptom_detail, name="symptom"),
    path("symptoms/<slug:slug>/comments", views.comment_add, name="comment-add"),
    path("symptoms/<slug:slug>/history", page_history.page_history, name="page-history"),
    path("symptoms/<slug:slug>/feedback", reader_insights.feedback, name="feedback"),
    path(
        "symptoms/<slug:slug>/feedback/missing",
        reader_insights.feedback_missing,
        name="feedback-missing",
    ),
    path("search/clicked", reader_insights.search_clicked, name="search-clicked"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("authors/<slug:slug>/rate", views.author_rate, name="author-rate"),
    path("country", views.country_choose, name="country"),
    path("favicon.ico", views.favicon),
]
