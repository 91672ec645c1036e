"""One maths thread per process, for processes that share the cores.

Several gunicorn workers share the cores, each doing one search at a time: a
maths library that starts a thread per core in every worker only makes them
fight over the cores (two processes searching side by side did 17 searches/s
with OpenBLAS's default threads, 33 with one each; docs/serving.md). The
libraries read these variables when they load, so this must run before numpy
is imported; a value the deployer set is kept.

Standard library only: `serve` and the benchmarks call it before anything else.
"""

from __future__ import annotations

import os

ONE_THREAD_EACH = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    # Hugging Face tokenizers: no Rayon pool, and no warning when a worker forks.
    "TOKENIZERS_PARALLELISM": "false",
}


def one_maths_thread_each() -> None:
    """Set the variables for this process and the processes it starts."""
    for name, value in ONE_THREAD_EACH.items():
        os.environ.setdefault(name, value)
