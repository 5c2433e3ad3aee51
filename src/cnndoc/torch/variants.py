"""variants (torch backend)."""

__all__: list[str] = []
