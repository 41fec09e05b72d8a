"""The newsletter's views besides its pages' forms, one module per part."""
