"""What a page does on request, registered from outside models.py and looked up when the page is served.

Views and selectors read models, so models import neither (an import inside a method is still a circle). A
page's `serve`, `serve_preview` or `get_context` asks this registry for its function instead, and each app's
`AppConfig.ready()` registers its own, so the wiring of an app reads in its apps.py. Imports no app.
"""

from collections.abc import Callable

_handlers: dict[tuple[type, str], Callable] = {}


def page_handler_register(page_class: type, role: str, handler: Callable) -> None:
    """Make `handler` answer `role` (for instance "serve" or "context") for pages of `page_class`."""
    _handlers[(page_class, role)] = handler


def page_handler(page, role: str) -> Callable:
    """The function registered for the page's class (or the nearest base class) and role; LookupError if none."""
    for cls in type(page).__mro__:
        handler = _handlers.get((cls, role))
        if handler is not None:
            return handler
    raise LookupError(f"No {role!r} handler for {type(page).__name__}: its app's ready() registers one.")
