"""conv (torch backend)."""

__all__: list[str] = []
