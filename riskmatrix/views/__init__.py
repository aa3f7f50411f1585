"""Risk Matrix 2000 and OSP pages, one module a tool."""

from . import osp, rm2000  # noqa: F401
