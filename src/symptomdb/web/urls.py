from __future__ import annotations

from django.urls import path

from symptomdb.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search_page, name="search"),
    path("symptoms/", views.symptom_index, name="symptom-index"),
    path("symptoms/<slug:slug>/", views.symptom_detail, name="symptom"),
    path("symptoms/<slug:slug>/comments", views.comment_add, name="comment-add"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("authors/<slug:slug>/rate", views.author_rate, name="author-rate"),
    path("country", views.country_choose, name="country"),
    path("favicon.ico", views.favicon),
]
