"""The ground floor for reading text: the sentence model shared by the search and the triage.

Nothing here imports Django or any other package of the project, so every floor above may use it.
"""
