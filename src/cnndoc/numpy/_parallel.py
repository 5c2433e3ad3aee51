"""Sharing a NumPy computation among threads.

NumPy's ufuncs, copies and BLAS products release the GIL, so Python threads run them on
several cores at once. The public functions split their work into independent blocks and
hand them to :func:`in_parallel`.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor

from threadpoolctl import ThreadpoolController

_BLAS = ThreadpoolController()
# one worker per thread that BLAS would use: OPENBLAS_NUM_THREADS=1 keeps everything on one core
WORKERS = max([1] + [lib["num_threads"] for lib in _BLAS.info() if lib["user_api"] == "blas"])


def in_parallel(run, blocks: list, parallel: bool = True) -> None:
    """Call ``run(part)`` in :data:`WORKERS` threads at once, ``part`` an iterator over the blocks.

    A worker takes the next block in order whenever it is free (so a core slowed by other
    work takes fewer); every block goes to one worker. Each thread's BLAS is single-threaded
    meanwhile (one core per thread). With ``parallel=False`` (small work, where starting
    threads costs more than it saves) or one worker, this is ``run(iter(blocks))``.
    """
    workers = min(WORKERS, len(blocks))
    if not parallel or workers < 2:
        run(iter(blocks))
        return
    todo = deque(blocks)  # popleft() is atomic: threads share it safely

    def take():
        while todo:
            try:
                yield todo.popleft()
            except IndexError:  # another worker took the last block
                return

    with _BLAS.limit(limits=1, user_api="blas"), ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda _: run(take()), range(workers)))  # list(): re-raise a worker's exception here
