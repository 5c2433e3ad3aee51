"""conv (numpy backend)."""

__all__: list[str] = []
