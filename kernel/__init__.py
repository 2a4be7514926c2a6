"""jsrust_kernel: the Jupyter kernel for jsrust (``python -m jsrust_kernel -f FILE``).

The kernel is a thin protocol layer: ``kernel.py`` answers messages, ``workbench.py``
runs cells, ``magic_commands.py`` holds the magics; the work is done by ``jsrust_core``.
"""
__version__ = "0.1.0"
