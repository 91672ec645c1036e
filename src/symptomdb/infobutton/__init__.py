"""HL7 Infobutton knowledge requests (URL-based), answered like MedlinePlus Connect.

codes.py    code systems (OIDs), code normalisation, symptom lookup by code
knowledge.py  the request's parameters, checked, and the matching symptoms
atom.py     the answer as an Atom feed, or MedlinePlus Connect's JSON of it
views.py    GET /infobutton
"""
