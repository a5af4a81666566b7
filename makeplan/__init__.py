"""makeplan: printable exercise sheets for lower-back spasms, with a box for every rep.

This module owns the version, the one place it is written.
"""

__version__ = "0.1.0"
