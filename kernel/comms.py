"""Make ipywidgets work inside a wrapper kernel (no IPython shell).

Each step below was found necessary by switching it off (see
/work/shared/notes/jupyter.md): without (1) frontend messages are silently dropped
because ipykernel's own hooks bind a *different* manager; without (2) the kernel
never hears of widget changes; without (3) no ``jupyter.widget`` target exists
(ipywidgets registers it at import only under IPython); without (4) nothing shows,
because ``IPython.display.display`` needs a shell.
"""
from __future__ import annotations

from typing import Any

import comm
from ipykernel.comm import CommManager
from ipykernel.comm.comm import BaseComm

_COMM_MESSAGES = ("comm_open", "comm_msg", "comm_close")


def install_widget_comms(kernel: Any) -> CommManager:
    """Route the ``comm`` package and the kernel's shell channel to one manager."""
    manager = CommManager(parent=kernel, kernel=kernel)

    def create_comm(*args: Any, **kwargs: Any) -> BaseComm:
        created = BaseComm(*args, **kwargs)
        created.kernel = kernel  # publish through this kernel, not ``Kernel.instance()``
        return created

    comm.create_comm = create_comm  # step 1
    comm.get_comm_manager = lambda: manager
    for msg_type in _COMM_MESSAGES:  # step 2
        kernel.shell_handlers[msg_type] = getattr(manager, msg_type)
    import ipywidgets  # imported late: it must see the routed ``comm`` hooks

    ipywidgets.register_comm_target()  # step 3
    return manager


def widget_bundle(widget: Any) -> dict:
    """The ``display_data`` content for a widget (step 4): its MIME bundle, which for
    our views also carries their static HTML form (see ``jsrust_widgets.views``)."""
    data = dict(widget._repr_mimebundle_() or {})
    data.setdefault("text/plain", repr(widget))
    return {"data": data, "metadata": {}, "transient": {}}
