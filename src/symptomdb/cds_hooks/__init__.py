"""A CDS Hooks service (https://cds-hooks.hl7.org): when a clinician opens a patient's
record (`patient-view`), the patient's conditions (FHIR Condition resources, sent in
the `conditions` prefetch) become information cards linking to this site's symptom
pages and reviewed articles. Codes are read through terminology/codes.py, the table
the API, the JSON-LD and /infobutton share.

catalogue.py  the services offered, as discovery describes them
hook.py       a service call's JSON, checked
fhir.py       the conditions in a prefetch (Bundle, Condition, null), with their codings
urgency.py    a symptom's emergency red flags (its article's and the triage families')
cards.py      the cards for a patient's conditions
views.py      GET /cds-services and POST /cds-services/{id}, with CORS
"""
