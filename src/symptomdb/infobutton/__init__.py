"""HL7 Infobutton knowledge requests (URL-based implementation guide), answered like
MedlinePlus Connect. Code systems are terminology/codes.py's, shared with the API, the
pages' JSON-LD and the CDS Hooks service.

request.py      the request's parameters: criteria (indexed too) and context, checked
knowledge.py    the symptom pages that answer each criterion, with their fallbacks
negotiation.py  which format: knowledgeResponseType, callback, then Accept
atom.py         the answer as an Atom feed (the guide's schema) or MedlinePlus's JSON
freshness.py    when the content last changed: `updated`, ETag, Last-Modified
views.py        GET and POST /infobutton
"""
