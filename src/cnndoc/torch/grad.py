"""grad (torch backend)."""

__all__: list[str] = []
