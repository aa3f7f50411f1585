"""Formulation and MAPPA pages, one module a topic: the formulation and plan, and meetings."""
