"""The newsletter's public forms, one module per part."""
