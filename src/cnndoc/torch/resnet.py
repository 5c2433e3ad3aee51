"""resnet (torch backend)."""

__all__: list[str] = []
