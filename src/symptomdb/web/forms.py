"""The readers' forms. Rules on the values live in the community services;
the forms only carry what was typed back to the page with its errors."""

from __future__ import annotations

from django import forms


class RatingForm(forms.Form):
    stars = forms.CharField(required=True, error_messages={"required": "Choose from 1 to 5 stars."})
    next = forms.CharField(required=False)


class CommentForm(forms.Form):
    name = forms.CharField(required=False)
    body = forms.CharField(required=False)
    # A field people never see; a bot that fills it in is turned away.
    website = forms.CharField(required=False)
