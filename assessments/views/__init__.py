"""ARMS pages, one module a topic: the assessment itself, and framework versions."""
