"""`jsrust bench --serverless`: the JS action under node vs the Rust action, both behind the runner.

Both kinds go through the same Python HTTP runner and the same ActionLoop pipes, so differences
come from the action processes.  That gives node one pipe round trip per activation that
OpenWhisk's Node runtime (an HTTP server in the node process) does not have (~0.02 ms here, the
pipe-only p50 minus the action's CPU); the Rust kind has it under the real Go proxy too.  Per engine:

* cold start: `/init` sent (the action process is spawned there) → first `/run` answered, the
  median of `--cold` fresh runners, started alternately for the two engines so load changes on
  the shared machine hit both; with its stages (COLD_STAGES: body parse, base64 decode, unzip,
  process spawn → ack, first run, HTTP + bookkeeping).  Not included: starting the runner itself
  (the container's proxy or Node server, up before `/init` in OpenWhisk too);
* warm `/run` latency p50/p99 over HTTP with one kept-alive connection, and p50 over the pipes
  alone (no HTTP); the table shows how much of p50 is HTTP and how much is not the action's CPU,
  i.e. the runner's share;
* CPU time per warm request of the action process (all its threads' on-CPU time from
  /proc/<pid>/task/*/schedstat, ns resolution), peak RSS (VmHWM);
* throughput at a fixed client concurrency (activations are serialised per container, as the
  ActionLoop protocol requires);
* output equality per request (status and body);
* energy: package energy from RAPL when readable, else CPU time × `WATTS_PER_BUSY_CORE`,
  printed as an estimate.

Warm loops alternate between the engines in blocks (WARM_BLOCKS) for the same reason.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .client import RunnerClient
from .export import LINK_MODES, ExportError, export_action, export_rust_source
from .node_action import node_binary
from .runner import ActionSource, start_server

RAPL_ENERGY = Path("/sys/class/powercap/intel-rapl:0/energy_uj")

#: Assumed power of one fully busy core for the energy estimate when RAPL is unreadable
#: (a typical server core under load draws roughly 5–15 W; 10 W is a stated round figure,
#: not a measurement).
WATTS_PER_BUSY_CORE = 10.0


#: Stages of a cold start, in the order they happen (see `ActionContainer.init_stages`), with
#: their table labels; `first_run` and `rest` are measured here, and so is the cold start's CPU
#: time (`cpu_*`: the runner thread's /init work plus the action process's CPU at its first answer).
COLD_STAGES = (("parse", "/init JSON body parse"), ("write", "write action.js"),
               ("decode", "base64 decode of the zip"), ("unzip", "unzip: inflate + write + modes"),
               ("spawn_ack", "process spawn → ack (start-up, module load)"),
               ("first_run", "first /run answered"),
               ("rest", "HTTP transfer + runner bookkeeping"),
               ("cpu_total", "CPU time of the cold start (runner + action)"),
               ("cpu_runner", "  runner thread: parse, decode, unzip / write"),
               ("cpu_action", "  action process: start-up to first answer"))


@dataclass
class EngineResult:
    """What one engine (node or rust) measured on one action."""

    engine: str
    cold_start_ms: float                 # median over `cold_runs` fresh runners
    cold_stages_ms: dict[str, float]     # median of each COLD_STAGES entry
    cold_runs: int
    warm_p50_ms: float
    warm_p99_ms: float
    pipe_p50_ms: float
    cpu_ms_per_request: float
    peak_rss_kb: int
    throughput_rps: float
    energy_mj_per_request: float
    energy_method: str
    outputs: list[tuple[int, dict]] = field(default_factory=list)

    @property
    def http_ms(self) -> float:
        """Warm p50 spent in HTTP (client + runner server): p50 over HTTP minus over the pipes."""
        return max(0.0, self.warm_p50_ms - self.pipe_p50_ms)

    @property
    def outside_action_ms(self) -> float:
        """Warm p50 not spent on the action process's CPU: runner, client, wake-ups."""
        return max(0.0, self.warm_p50_ms - self.cpu_ms_per_request)


@dataclass
class ServerlessReport:
    action: str
    requests: int
    concurrency: int
    engines: dict[str, EngineResult]
    equal: list[bool] | None          # per request, when both engines ran
    notes: list[str]

    def table(self) -> str:
        """The comparison as a text table with node/rust ratios."""
        cold_runs = max(e.cold_runs for e in self.engines.values())
        rows = [(f"cold start, median of {cold_runs} (ms)", "cold_start_ms", "{:.1f}")]
        rows += [(f"  {label} (ms)", f"stage:{key}", "{:.1f}") for key, label in COLD_STAGES]
        rows += [("warm /run p50 (ms)", "warm_p50_ms", "{:.3f}"),
                 ("  HTTP: p50 minus pipe-only p50 (ms)", "http_ms", "{:.3f}"),
                 ("  not on the action's CPU: p50 minus CPU/request (ms)", "outside_action_ms", "{:.3f}"),
                 ("warm /run p99 (ms)", "warm_p99_ms", "{:.3f}"),
                 ("pipe-only p50 (ms)", "pipe_p50_ms", "{:.3f}"),
                 ("CPU per request (ms)", "cpu_ms_per_request", "{:.3f}"),
                 ("peak RSS (MiB)", "peak_rss_kb", "{:.1f}"),
                 (f"throughput @{self.concurrency} (req/s, higher=better)", "throughput_rps", "{:.0f}"),
                 ("energy per request (mJ)", "energy_mj_per_request", "{:.3f}")]
        names = list(self.engines)
        header = ["", *names] + (["node/rust"] if len(names) == 2 else [])
        lines = [header]
        for label, attr, fmt in rows:
            if attr.startswith("stage:"):
                if all(attr[6:] not in self.engines[n].cold_stages_ms for n in names):
                    continue
                vals = [self.engines[n].cold_stages_ms.get(attr[6:], 0.0) for n in names]
            else:
                vals = [getattr(self.engines[n], attr) for n in names]
            if attr == "peak_rss_kb":
                vals = [v / 1024 for v in vals]
            line = [label, *[fmt.format(v) for v in vals]]
            if len(vals) == 2:
                line.append(f"{vals[0] / vals[1]:.2f}x" if vals[1] else "-")
            lines.append(line)
        widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
        text = [f"serverless bench: {self.action} ({self.requests} requests, concurrency {self.concurrency})"]
        for r in lines:
            text.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if self.equal is not None:
            text.append(f"outputs equal: {sum(self.equal)}/{len(self.equal)} requests")
        methods = {e.energy_method for e in self.engines.values()}
        text.extend(f"energy: {m}" for m in sorted(methods))
        text.append("throughput: bounded by the Python runner's HTTP handling; activations run one at a "
                    "time per container, as ActionLoop requires")
        text.extend(self.notes)
        return "\n".join(text)

    def to_json(self) -> str:
        return json.dumps({"action": self.action, "requests": self.requests, "concurrency": self.concurrency,
                           "engines": {k: asdict(v) for k, v in self.engines.items()},
                           "equal": self.equal, "notes": self.notes}, indent=1)


def load_requests(path: str | Path) -> list[dict]:
    """Params objects, one JSON object per non-empty line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            params = json.loads(line)
            if not isinstance(params, dict):
                raise ValueError(f"{path}:{n}: a request line must be a JSON object")
            out.append(params)
    return out


def _percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _rapl_uj() -> int | None:
    try:
        return int(RAPL_ENERGY.read_text())
    except (OSError, ValueError):
        return None


def cold_start(source: ActionSource, first_params: dict) -> tuple[float, dict[str, float], object, RunnerClient]:
    """One cold start on a fresh runner: `/init` sent → first `/run` answered.

    Returns the seconds it took, its stages (see COLD_STAGES), and the still-running server and
    its client, so a caller may go on measuring the warm container."""
    init_body = json.dumps({"value": source.init_value()}).encode()   # the invoker's work, not timed
    server = start_server(port=0)
    client = RunnerClient(server.port)
    try:
        t0 = time.perf_counter()
        status, body = client.post("/init", init_body)
        t1 = time.perf_counter()
        if status != 200:
            raise RuntimeError(f"/init failed: {body}")
        client.run(first_params)
        t2 = time.perf_counter()
    except BaseException:
        client.close()
        server.shutdown()
        raise
    stages = dict(server.container.init_stages)
    stages["first_run"] = t2 - t1
    stages["rest"] = max(0.0, (t2 - t0) - sum(stages.values()))
    # CPU time, which the machine's load does not inflate as it does wall time
    cpu = server.container.init_stages_cpu
    stages["cpu_runner"] = sum(v for k, v in cpu.items() if k != "spawn_ack")
    stages["cpu_action"] = server.container.process.stats().cpu_seconds
    stages["cpu_total"] = stages["cpu_runner"] + stages["cpu_action"]
    return t2 - t0, stages, server, client


def cold_samples(sources: dict[str, ActionSource], first_params: dict,
                 runs: int) -> dict[str, list[tuple[float, dict[str, float]]]]:
    """`runs` cold starts per engine, alternating between the engines so that a change in the
    machine's load (it is shared) falls on both alike rather than on whichever ran second."""
    samples: dict[str, list[tuple[float, dict[str, float]]]] = {name: [] for name in sources}
    for _ in range(max(1, runs)):
        for name, source in sources.items():
            try:
                seconds, stages, server, client = cold_start(source, first_params)
            except RuntimeError as exc:
                raise RuntimeError(f"{name}: {exc}") from exc
            client.close()
            server.shutdown()
            samples[name].append((seconds, stages))
    return samples


#: The warm loops run in this many blocks, alternating between the engines (see measure_engines).
WARM_BLOCKS = 8


@dataclass
class _Warm:
    """One engine's running container and what its warm loops have gathered so far."""

    server: object
    client: RunnerClient
    latencies: list[float] = field(default_factory=list)
    pipe: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0
    rapl_uj: int | None = 0      # None once a RAPL reading failed

    def timed_block(self, requests: list[dict], start: int, count: int) -> None:
        """`count` warm /run requests over HTTP, adding their latencies, CPU and energy."""
        proc = self.server.container.process
        rapl0, cpu0 = _rapl_uj(), proc.stats().cpu_seconds
        for i in range(start, start + count):
            params = requests[i % len(requests)]
            t = time.perf_counter()
            self.client.run(params)
            self.latencies.append(time.perf_counter() - t)
        rapl1, cpu1 = _rapl_uj(), proc.stats().cpu_seconds
        self.cpu_seconds += cpu1 - cpu0
        if self.rapl_uj is not None and rapl0 is not None and rapl1 is not None and rapl1 >= rapl0:
            self.rapl_uj += rapl1 - rapl0
        else:
            self.rapl_uj = None

    def pipe_block(self, requests: list[dict], start: int, count: int) -> None:
        """`count` activations straight over the ActionLoop pipes (no HTTP)."""
        proc = self.server.container.process
        for i in range(start, start + count):
            body = {"value": requests[i % len(requests)]}
            t = time.perf_counter()
            proc.run(body)
            self.pipe.append(time.perf_counter() - t)


def bare_node_start_ms(runs: int) -> float:
    """Median wall time of `node -e 0`: the part of a JS action's cold start that is node itself,
    whatever the action and the launcher do.  Run with an empty environment, as the action is
    (a variable such as NODE_EXTRA_CA_CERTS alone can add ~250 ms to node's start-up)."""
    times = []
    for _ in range(max(1, runs)):
        t = time.perf_counter()
        subprocess.run([node_binary(), "-e", "0"], check=True, env={})
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def measure_engines(sources: dict[str, ActionSource], requests: list[dict], *, warm_requests: int = 400,
                    concurrency: int = 4, throughput_requests: int = 400,
                    colds: dict[str, list[tuple[float, dict[str, float]]]] | None = None) -> dict[str, EngineResult]:
    """Measure every engine's warm container (see the module docstring).

    The warm and pipe loops run in WARM_BLOCKS blocks, alternating between the engines, so a
    change in the shared machine's load falls on all of them alike.  `colds` are each engine's
    cold-start samples (`cold_samples`); without them the start of its warm container is the
    one sample."""
    warm: dict[str, _Warm] = {}
    colds = dict(colds or {})
    try:
        for name, source in sources.items():
            try:
                seconds, stages, server, client = cold_start(source, requests[0])
            except RuntimeError as exc:
                raise RuntimeError(f"{name}: {exc}") from exc
            warm[name] = _Warm(server, client)
            colds.setdefault(name, [(seconds, stages)])
        outputs = {name: [w.client.run(p) for p in requests] for name, w in warm.items()}
        per_block = max(1, warm_requests // WARM_BLOCKS)
        pipe_per_block = max(1, min(warm_requests, 200) // WARM_BLOCKS)
        for b in range(WARM_BLOCKS):
            for w in warm.values():
                w.timed_block(requests, b * per_block, per_block)
            for w in warm.values():
                w.pipe_block(requests, b * pipe_per_block, pipe_per_block)
        results = {}
        for name, w in warm.items():
            n = len(w.latencies)
            cpu_per = w.cpu_seconds / n
            if w.rapl_uj is not None:
                energy_mj = w.rapl_uj / 1000 / n
                method = "RAPL package energy over the warm loop (includes the runner and client)"
            else:
                energy_mj = cpu_per * WATTS_PER_BUSY_CORE * 1000
                method = (f"ESTIMATE = action-process CPU time x {WATTS_PER_BUSY_CORE:g} W per busy core "
                          f"(RAPL not readable here)")
            throughput = _throughput(w.server.port, requests, concurrency, throughput_requests)
            stats = w.server.container.process.stats()
            samples = colds[name]
            stage_ms = {key: statistics.median(r.get(key, 0.0) for _, r in samples) * 1000
                        for key, _ in COLD_STAGES if any(key in r for _, r in samples)}
            results[name] = EngineResult(
                engine=name, cold_start_ms=statistics.median(c for c, _ in samples) * 1000,
                cold_stages_ms=stage_ms, cold_runs=len(samples),
                warm_p50_ms=statistics.median(w.latencies) * 1000,
                warm_p99_ms=_percentile(w.latencies, 0.99) * 1000,
                pipe_p50_ms=statistics.median(w.pipe) * 1000, cpu_ms_per_request=cpu_per * 1000,
                peak_rss_kb=stats.peak_rss_kb, throughput_rps=throughput,
                energy_mj_per_request=energy_mj, energy_method=method, outputs=outputs[name])
        return results
    finally:
        for w in warm.values():
            w.client.close()
            w.server.shutdown()


def _throughput(port: int, requests: list[dict], concurrency: int, total: int) -> float:
    """Requests per second with `concurrency` clients sharing `total` requests."""
    per_client = max(1, total // concurrency)
    barrier = threading.Barrier(concurrency + 1)

    def worker(k: int) -> None:
        c = RunnerClient(port)
        barrier.wait()
        for i in range(per_client):
            c.run(requests[(k + i) % len(requests)])
        c.close()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return per_client * concurrency / (time.perf_counter() - t0)


def bench_serverless(action_js: str | Path, requests_jsonl: str | Path, *, rust_zip: str | Path | None = None,
                     train: list[dict] | None = None, warm_requests: int = 400, concurrency: int = 4,
                     throughput_requests: int = 400, cold_runs: int = 7, link: str = "static") -> ServerlessReport:
    """Measure the JS action under node and, when one is given or can be exported, its Rust zip."""
    requests = load_requests(requests_jsonl)
    if not requests:
        raise ValueError(f"{requests_jsonl}: no requests")
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jsrust-bench-") as tmp:
        sources = {"node": ActionSource.from_path(action_js)}
        zip_path = Path(rust_zip) if rust_zip else None
        if zip_path is None:
            try:
                zip_path = export_action(action_js, train if train is not None else requests,
                                         Path(tmp) / "action.zip", link=link)
            except ExportError as exc:
                notes.append(f"rust: not measured — {exc}")
        if zip_path is not None:
            sources["rust"] = ActionSource.from_path(zip_path)
            with zipfile.ZipFile(zip_path) as zf:
                exec_size = zf.getinfo("exec").file_size if "exec" in zf.namelist() else 0
            notes.append(f"rust zip: {zip_path.stat().st_size / 1e3:.0f} KB, exec {exec_size / 1e3:.0f} KB "
                         "(base64 decode and inflate of /init grow with it)")
        notes.append(f"node's own start-up (`node -e 0`, median of {cold_runs}): "
                     f"{bare_node_start_ms(cold_runs):.1f} ms of its spawn → ack")
        engines = measure_engines(sources, requests, warm_requests=warm_requests, concurrency=concurrency,
                                  throughput_requests=throughput_requests,
                                  colds=cold_samples(sources, requests[0], cold_runs))
    equal = None
    if "rust" in engines:
        equal = [a == b for a, b in zip(engines["node"].outputs, engines["rust"].outputs)]
    return ServerlessReport(action=str(action_js), requests=len(requests), concurrency=concurrency,
                            engines=engines, equal=equal, notes=notes)


def add_bench_arguments(parser: argparse.ArgumentParser, skip: set[str] = frozenset()) -> None:
    """The serverless options of `jsrust bench` (`skip`: option strings the parser already has)."""
    if "--serverless" not in skip:
        parser.add_argument("--serverless", metavar="ACTION.js", help="benchmark a JS action vs its Rust zip")
    if "--requests" not in skip:
        parser.add_argument("--requests", type=Path, metavar="FILE.jsonl", help="request params, one JSON per line")
    parser.add_argument("--rust-zip", type=Path, default=None, help="use this zip instead of exporting one")
    parser.add_argument("--rust-source", type=Path, default=None,
                        help="build the Rust side from this js_main source (e.g. benchmarks/actions/handwritten/*.rs)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warm", type=int, default=400, help="warm requests per engine")
    parser.add_argument("--cold", type=int, default=7, help="cold starts per engine (the median is shown)")
    parser.add_argument("--link", choices=LINK_MODES, default="static",
                        help="how the exported exec links glibc (see jsrust openwhisk --link)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def main_bench(args: argparse.Namespace) -> int:
    """`jsrust bench --serverless`; options a caller's parser lacks take their defaults."""
    defaults = argparse.Namespace(rust_zip=None, rust_source=None, concurrency=4, warm=400, cold=7, link="static",
                                  json=False)
    args = argparse.Namespace(**{**vars(defaults), **vars(args)})
    if not args.serverless or not args.requests:
        print("jsrust bench --serverless needs ACTION.js and --requests FILE.jsonl", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="jsrust-bench-") as tmp:
        rust_zip = args.rust_zip
        if args.rust_source is not None:
            rust_zip = export_rust_source(args.rust_source, Path(tmp) / "action.zip")
        report = bench_serverless(args.serverless, args.requests, rust_zip=rust_zip,
                                  warm_requests=args.warm, concurrency=args.concurrency, cold_runs=args.cold,
                                  link=args.link)
    if args.rust_source is not None:
        report.notes.append(f"rust: built from {args.rust_source} (not generated from the JS)")
    print(report.to_json() if args.json else report.table())
    return 0 if report.equal is None or all(report.equal) else 1
