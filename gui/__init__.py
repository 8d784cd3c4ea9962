"""年报助手 window (PySide6).  Presents core objects; holds no rules or file formats."""
