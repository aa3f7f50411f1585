"""PDFs of case formulations and MAPPA meeting packs, by WeasyPrint.

The same template (``formulations/_formulation.html``) renders the page and the PDF. Resources
are fetched by ``StaticOnlyFetcher``: deny by default, it serves only files that Django's
staticfiles finders resolve under our own static directories. Anything else (http, https, file,
data, ftp, a path climbing out with ``..``) raises, so no network or disk read outside our
static files can happen, whatever a user typed into a formulation.
"""

from __future__ import annotations

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that can never resolve (RFC 2606 reserves .invalid): relative references in the
# templates ("/static/...") become absolute against it, and the fetcher maps them to files.
PDF_BASE_URL = "https://arms.invalid/"
WRITE_OPTIONS = {"pdf_tags": True}  # tagged PDF (structure tree) for screen readers


class FetchDenied(ValueError):
    """A PDF resource outside our static files was asked for."""


class StaticOnlyFetcher(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=["https"], allow_redirects=False)

    def static_path(self, url: str) -> str:
        """The file behind an allowed URL, or FetchDenied."""
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if (
            parts.scheme != "https"
            or parts.netloc != urlsplit(PDF_BASE_URL).netloc
            or parts.query
            or not parts.path.startswith(prefix)
        ):
            raise FetchDenied(f"PDF resources are limited to our static files: {url!r} refused")
        relative = unquote(parts.path[len(prefix) :])
        segments = relative.split("/")
        if (
            not relative
            or "\\" in relative
            or "\x00" in relative
            or any(s in ("", ".", "..") for s in segments)
            or posixpath.normpath(relative) != relative
        ):
            raise FetchDenied(f"Path refused: {url!r}")
        try:
            found = finders.find(source_name(relative))
        except SuspiciousFileOperation as error:
            raise FetchDenied(f"Path refused: {url!r}") from error
        if not found:
            raise FetchDenied(f"No such static file: {url!r}")
        return found

    def fetch(self, url, headers=None):
        path = self.static_path(url)
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


def source_name(relative: str) -> str:
    """The static file a collected name stands for: with a manifest storage (the demo and
    production) templates link ``pdf.075b799e27ee.css``, which only the manifest maps back to the
    ``pdf.css`` the finders know. Any other name is returned as it is."""
    hashed_files = getattr(staticfiles_storage, "hashed_files", None) or {}
    for name, hashed in hashed_files.items():
        if hashed == relative:
            return name
    return relative


def html_document(html: str) -> HTML:
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticOnlyFetcher())


def html_to_pdf(html: str) -> bytes:
    return html_document(html).write_pdf(**WRITE_OPTIONS)


def render_parts_to_pdf(html_parts: list[str], progress=None) -> bytes:
    """Lay out several HTML documents and join their pages into one PDF. Each part keeps its own
    running footer and "Page N of M"; ``progress(done)`` is called after each part."""
    documents = []
    for done, html in enumerate(html_parts, 1):
        documents.append(html_document(html).render(**WRITE_OPTIONS))
        if progress:
            progress(done)
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf(**WRITE_OPTIONS)


def formulation_html(context: dict, *, user, cover: bool = True, generated_at=None) -> str:
    return render_to_string(
        "formulations/pdf/formulation.html",
        {
            **context,
            "pdf": True,
            "cover": cover,
            "generated_by": user,
            "generated_at": generated_at or timezone.now(),
        },
    )


def formulation_pdf(context: dict, *, user, generated_at=None) -> bytes:
    return html_to_pdf(formulation_html(context, user=user, generated_at=generated_at))


def pdf_filename(offender, kind: str = "formulation") -> str:
    return f"{offender.local_reference}-{kind}-{timezone.localdate():%Y%m%d}.pdf"
