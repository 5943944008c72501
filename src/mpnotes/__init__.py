"""Python 多进程笔记: the site's Sphinx extension and the engine that runs its examples."""

__version__ = "0.1.0"
