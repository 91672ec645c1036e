"""The ground floor for reading text, shared by the catalogue, the search and the triage.

dictionary.py the installed English and medical word lists: real words, which no speller corrects
embedding.py  the sentence model (all-MiniLM-L6-v2, int8 ONNX)
spelling.py   case and accent folding, British → American spelling (spelling.yaml), plurals and
              regular inflections

Nothing here imports Django or any other package of the project, so every floor above may use it.
"""
