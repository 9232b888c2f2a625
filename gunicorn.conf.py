"""How `make run` and `kb serve` run the service with gunicorn, and why each setting is what it is.

Asynchronous workers (gevent): a connection costs a greenlet, not a process or a thread, so
hundreds of slow or stalled clients cannot take every worker the way four of them take
two synchronous workers. Reading one request (line, headers) is bounded by `keepalive`
seconds; a client that trickles or stalls longer is dropped. Searches are short and
CPU-bound, so two processes use the two cores; `--preload` loads the app once before the
fork, so what it holds read-only is shared between the workers.
Every value can be overridden on the command line or in GUNICORN_CMD_ARGS.
"""

import gc
import os
import shutil
import tempfile

# One BLAS thread per process: a search's products are small, two workers already use the two
# cores, and OpenBLAS's own threads only wait for each other there (set before numpy loads).
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

bind = os.environ.get("KB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("KB_WORKERS", "2"))
worker_class = "gevent"
worker_connections = 1000        # per worker: connections held at once, slow ones included
keepalive = 5                    # seconds to read a request (and to keep an idle connection)
timeout = 30                     # a worker silent this long is restarted
graceful_timeout = 10
preload_app = True
limit_request_line = 4094        # bytes of the request line (gunicorn's default, stated)
limit_request_fields = 60        # header fields
limit_request_field_size = 8190  # bytes of one header field
accesslog = None                 # the app logs one structured line per request itself
errorlog = "-"

# The workers' metrics meet in one folder, so /metrics counts every worker whichever answers.
_own_metrics_dir = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _own_metrics_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="kb-metrics-")


def pre_fork(server, worker):
    # What --preload loaded (the app, the open generation, the model's tokenizer) leaves the
    # garbage collector's reach: its passes write into every object they visit, which would
    # copy each page the workers share into each of them.
    gc.freeze()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _own_metrics_dir:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
