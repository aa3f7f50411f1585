"""Engagement pages, one module a topic. Thin: resolve through the access helpers, bind the form,
call one service."""
