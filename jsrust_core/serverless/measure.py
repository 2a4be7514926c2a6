"""`jsrust bench --serverless`: the JS action under node vs the Rust action, each in its runtime.

Each kind runs in the runtime OpenWhisk would give it, rebuilt here with the same architecture
(`runtimes.py`): the JS action inside node's own HTTP server (`node_runtime.js`), the Rust zip's
`exec` behind our static Rust ActionLoop proxy (`proxy/main.rs`).  Per engine:

* cold start: the runtime process spawned → first `/run` answered, the median of `--cold` fresh
  containers, started alternately for the two engines so load changes on the shared machine
  hit both; with its stages (COLD_STAGES: runtime start to listening, then the stages the
  runtime itself reports for `/init` in its `X-Jsrust-Init-Stages` header, the rest of the
  `/init` exchange, the first run) and its CPU time (the container's processes at the first
  answer: the runtime, and for the proxy its exec);
* warm `/run` latency p50/p99 over HTTP with one kept-alive connection, timed by our native
  load generator (`loadgen.rs`: a client's own time per request is on the path it times and
  the same for both engines, so a slow client pulls the ratio towards 1), and the p50 of the
  time the runtime reports spent in the action (`X-Jsrust-Action-Us`: node's call of `main`,
  the proxy's round trip to the exec over its pipes); their difference is HTTP + runtime +
  client.  The same requests from our Python client are timed too, for comparison with
  figures measured that way;
* CPU time per warm request of the whole container (all threads of the runtime and the exec,
  from /proc/<pid>/task/*/schedstat, ns resolution), peak RSS (VmHWM, summed over its processes);
* throughput at a fixed client concurrency, from the load generator (activations are serialised per container, as the
  ActionLoop protocol requires and OpenWhisk's Node runtime does by default);
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
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .client import RunnerClient
from .export import LINK_MODES, ExportError, export_action, export_rust_source
from .runtimes import ActionSource, Runtime, node_binary

RAPL_ENERGY = Path("/sys/class/powercap/intel-rapl:0/energy_uj")

#: Assumed power of one fully busy core for the energy estimate when RAPL is unreadable
#: (a typical server core under load draws roughly 5–15 W; 10 W is a stated round figure,
#: not a measurement).
WATTS_PER_BUSY_CORE = 10.0


#: Stages of a cold start, in the order they happen, with their table labels: `start` and the
#: `init_*`, `first_run` rows are measured here, the others are reported by the runtime for its
#: `/init`; `cpu_*` is CPU time of the container's processes at the first answer.
COLD_STAGES = (("start", "runtime process start → listening"),
               ("read", "/init body received (head → end of body)"),
               ("parse", "/init JSON body parse"), ("decode", "base64 decode of the zip"),
               ("unzip", "unzip: inflate + write + modes (node)"),
               ("inflate", "unzip: inflate + CRC-32 (proxy)"),
               ("write", "unzip: write files + modes (proxy)"),
               ("load", "load the action module (in node)"),
               ("spawn", "exec spawn (through /bin/sh)"),
               ("ack", "exec start-up → ack on fd 3"),
               ("init_rest", "/init rest: connect, send, answer"),
               ("first_run", "first /run answered"),
               ("cpu_total", "CPU time of the cold start (container)"),
               ("cpu_runtime", "  runtime process (node / proxy)"),
               ("cpu_action", "  exec process"))


#: report fields where more is better; for every other field less is better
HIGHER_IS_BETTER = frozenset({"throughput_rps"})


def rust_gain(attr: str, node: float, rust: float) -> float | None:
    """How many times better the Rust action is on `attr` (above 1: Rust wins), whichever
    way the field points: node/rust for times and memory, rust/node for throughput.
    None when either side has no figure (a cold-start stage only one kind has)."""
    if not node or not rust:
        return None
    return rust / node if attr in HIGHER_IS_BETTER else node / rust


@dataclass
class EngineResult:
    """What one engine (node or rust) measured on one action."""

    engine: str
    cold_start_ms: float                 # median over `cold_runs` fresh containers
    cold_stages_ms: dict[str, float]     # median of each COLD_STAGES entry
    cold_runs: int
    warm_p50_ms: float
    warm_p99_ms: float
    python_p50_ms: float                 # warm p50 as our Python client sees it
    action_p50_ms: float                 # p50 of the runtime-reported time in the action
    cpu_ms_per_request: float
    peak_rss_kb: int
    throughput_rps: float
    energy_mj_per_request: float
    energy_method: str
    outputs: list[tuple[int, dict]] = field(default_factory=list)

    @property
    def outside_action_ms(self) -> float:
        """Warm p50 spent outside the action: HTTP (client and runtime) and the runtime itself."""
        return max(0.0, self.warm_p50_ms - self.action_p50_ms)


@dataclass
class ServerlessReport:
    action: str
    requests: int
    concurrency: int
    engines: dict[str, EngineResult]
    equal: list[bool] | None          # per request, when both engines ran
    notes: list[str]

    def table(self) -> str:
        """The comparison as a text table, with Rust's gain on each row (`rust_gain`)."""
        cold_runs = max(e.cold_runs for e in self.engines.values())
        rows = [(f"cold start, median of {cold_runs} (ms)", "cold_start_ms", "{:.1f}")]
        rows += [(f"  {label} (ms)", f"stage:{key}", "{:.1f}") for key, label in COLD_STAGES]
        rows += [("warm /run p50 (ms)", "warm_p50_ms", "{:.3f}"),
                 ("  in the action, as the runtime reports it (ms)", "action_p50_ms", "{:.3f}"),
                 ("  HTTP + runtime: p50 minus that (ms)", "outside_action_ms", "{:.3f}"),
                 ("warm /run p99 (ms)", "warm_p99_ms", "{:.3f}"),
                 ("warm /run p50, Python client (ms)", "python_p50_ms", "{:.3f}"),
                 ("CPU per request, container (ms)", "cpu_ms_per_request", "{:.3f}"),
                 ("peak RSS (MiB)", "peak_rss_kb", "{:.1f}"),
                 (f"throughput @{self.concurrency} (req/s, higher=better)", "throughput_rps", "{:.0f}"),
                 ("energy per request (mJ)", "energy_mj_per_request", "{:.3f}")]
        names = list(self.engines)
        header = ["", *names] + (["rust gain"] if len(names) == 2 else [])
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
                gain = rust_gain(attr, vals[0], vals[1])
                line.append(f"{gain:.2f}x" if gain is not None else "-")
            lines.append(line)
        widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
        text = [f"serverless bench: {self.action} ({self.requests} requests, concurrency {self.concurrency})"]
        for r in lines:
            text.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if self.equal is not None:
            text.append(f"outputs equal: {sum(self.equal)}/{len(self.equal)} requests")
        methods = {e.energy_method for e in self.engines.values()}
        text.extend(f"energy: {m}" for m in sorted(methods))
        text.append("warm latency and throughput: timed by the native load generator (loadgen.rs); "
                    "activations run one at a time per container, as ActionLoop requires")
        if len(names) == 2:
            text.append("rust gain: how many times better the Rust action is (node/rust; rust/node for throughput)")
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


def _init_stages(header: str) -> dict[str, float]:
    """`X-Jsrust-Init-Stages: parse=0.123,unzip=4.5` (ms) as seconds per stage."""
    out = {}
    for item in filter(None, header.split(",")):
        name, _, ms = item.partition("=")
        out[name.strip()] = float(ms) / 1000
    return out


def container_cpu(runtime: Runtime) -> tuple[float, float]:
    """CPU seconds so far of the runtime process and of its children (a proxy's exec)."""
    stats = runtime.stats()
    own = stats[runtime.pid].cpu_seconds if runtime.pid in stats else 0.0
    return own, sum(s.cpu_seconds for pid, s in stats.items() if pid != runtime.pid)


def cold_start(source: ActionSource, first_params: dict) -> tuple[float, dict[str, float], Runtime, RunnerClient]:
    """One cold start of a fresh container: runtime process spawned → first `/run` answered.

    Returns the seconds it took, its stages (see COLD_STAGES), and the still-running runtime and
    its client, so a caller may go on measuring the warm container."""
    init_body = json.dumps({"value": source.init_value()}).encode()   # the invoker's work, not timed
    runtime = Runtime(source.kind)
    client = RunnerClient(runtime.port)
    try:
        status, body = client.post("/init", init_body)
        t1 = time.perf_counter()
        if status != 200:
            raise RuntimeError(f"/init failed: {body}")
        stages = {"start": runtime.ready_at - runtime.started_at,
                  **_init_stages(client.headers.get("x-jsrust-init-stages", ""))}
        stages["init_rest"] = max(0.0, t1 - runtime.ready_at - sum(stages.values()) + stages["start"])
        client.run(first_params)
        t2 = time.perf_counter()
        cpu_runtime, cpu_action = container_cpu(runtime)
    except BaseException:
        client.close()
        runtime.shutdown()
        raise
    stages["first_run"] = t2 - t1
    # CPU time, which the machine's load does not inflate as it does wall time
    stages["cpu_runtime"] = cpu_runtime
    if source.kind == "native":
        stages["cpu_action"] = cpu_action
    stages["cpu_total"] = cpu_runtime + cpu_action
    return t2 - runtime.started_at, stages, runtime, client


def cold_samples(sources: dict[str, ActionSource], first_params: dict,
                 runs: int) -> dict[str, list[tuple[float, dict[str, float]]]]:
    """`runs` cold starts per engine, alternating between the engines so that a change in the
    machine's load (it is shared) falls on both alike rather than on whichever ran second."""
    samples: dict[str, list[tuple[float, dict[str, float]]]] = {name: [] for name in sources}
    for _ in range(max(1, runs)):
        for name, source in sources.items():
            try:
                seconds, stages, runtime, client = cold_start(source, first_params)
            except RuntimeError as exc:
                raise RuntimeError(f"{name}: {exc}") from exc
            client.close()
            runtime.shutdown()
            samples[name].append((seconds, stages))
    return samples


#: The warm loops run in this many blocks, alternating between the engines (see measure_engines).
WARM_BLOCKS = 8


@dataclass
class _Warm:
    """One engine's running container and what its warm loops have gathered so far."""

    runtime: Runtime
    client: RunnerClient
    latencies: list[float] = field(default_factory=list)
    python_latencies: list[float] = field(default_factory=list)
    action: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0
    rapl_uj: int | None = 0      # None once a RAPL reading failed

    def timed_block(self, load: "LoadGen", start: int, count: int, requests: list[dict]) -> None:
        """`count` warm /run requests from the load generator, adding their latencies, CPU and
        energy; then the same requests from the Python client, for its latencies only."""
        rapl0, cpu0 = _rapl_uj(), sum(container_cpu(self.runtime))
        for seconds, action_s, _ in load.latencies(self.runtime.port, start, count):
            self.latencies.append(seconds)
            if action_s is not None:
                self.action.append(action_s)
        rapl1, cpu1 = _rapl_uj(), sum(container_cpu(self.runtime))
        self.cpu_seconds += cpu1 - cpu0
        if self.rapl_uj is not None and rapl0 is not None and rapl1 is not None and rapl1 >= rapl0:
            self.rapl_uj += rapl1 - rapl0
        else:
            self.rapl_uj = None
        for i in range(start, start + count):
            t = time.perf_counter()
            self.client.run(requests[i % len(requests)])
            self.python_latencies.append(time.perf_counter() - t)


class LoadGen:
    """The native load generator (`loadgen.rs`, built once by rustc) over a file of `/run` bodies:
    the same bytes our Python client would send for each request."""

    def __init__(self, requests: list[dict], workdir: Path) -> None:
        from jsrust_core.build import build_loadgen  # noqa: PLC0415 (rustc only when a bench runs)

        self.binary = build_loadgen()
        self.bodies = Path(workdir) / "run-bodies.jsonl"
        self.bodies.write_text("".join(json.dumps({"value": p}) + "\n" for p in requests), encoding="utf-8")

    def _run(self, port: int, start: int, count: int, concurrency: int) -> str:
        proc = subprocess.run([str(self.binary), str(port), str(self.bodies), str(count), str(start), str(concurrency)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"the load generator failed: {proc.stderr.strip()}")
        return proc.stdout

    def latencies(self, port: int, start: int, count: int) -> list[tuple[float, float | None, int]]:
        """(seconds, runtime-reported seconds in the action or None, HTTP status) per request."""
        rows = []
        for line in self._run(port, start, count, 1).splitlines():
            ns, action_us, status = line.split()
            rows.append((int(ns) / 1e9, None if action_us == "-" else int(action_us) / 1e6, int(status)))
        return rows

    def throughput(self, port: int, concurrency: int, total: int) -> float:
        """Requests per second with `concurrency` connections sharing `total` requests."""
        if concurrency < 2:
            rows = self.latencies(port, 0, total)
            return len(rows) / sum(r[0] for r in rows)
        done, ns = self._run(port, 0, total, concurrency).split()
        return int(done) / (int(ns) / 1e9)


def bare_node_start_ms(runs: int) -> float:
    """Median wall time of `node -e 0`: the part of a JS action's cold start that is node itself,
    whatever the action and the runtime do.  Run with an empty environment, as the runtimes are
    (a variable such as NODE_EXTRA_CA_CERTS alone adds ~250 ms to node's start-up)."""
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

    The warm loops run in WARM_BLOCKS blocks, alternating between the engines, so a
    change in the shared machine's load falls on all of them alike.  `colds` are each engine's
    cold-start samples (`cold_samples`); without them the start of its warm container is the
    one sample."""
    warm: dict[str, _Warm] = {}
    colds = dict(colds or {})
    bodies_dir = tempfile.TemporaryDirectory(prefix="jsrust-load-")
    try:
        load = LoadGen(requests, Path(bodies_dir.name))
        for name, source in sources.items():
            try:
                seconds, stages, runtime, client = cold_start(source, requests[0])
            except RuntimeError as exc:
                raise RuntimeError(f"{name}: {exc}") from exc
            warm[name] = _Warm(runtime, client)
            colds.setdefault(name, [(seconds, stages)])
        outputs = {name: [w.client.run(p) for p in requests] for name, w in warm.items()}
        per_block = max(1, warm_requests // WARM_BLOCKS)
        for b in range(WARM_BLOCKS):
            for w in warm.values():
                w.timed_block(load, b * per_block, per_block, requests)
        results = {}
        for name, w in warm.items():
            n = len(w.latencies)
            cpu_per = w.cpu_seconds / n
            if w.rapl_uj is not None:
                energy_mj = w.rapl_uj / 1000 / n
                method = "RAPL package energy over the warm loop (includes the client)"
            else:
                energy_mj = cpu_per * WATTS_PER_BUSY_CORE * 1000
                method = (f"ESTIMATE = container CPU time x {WATTS_PER_BUSY_CORE:g} W per busy core "
                          f"(RAPL not readable here)")
            throughput = load.throughput(w.runtime.port, concurrency, throughput_requests)
            peak_rss_kb = sum(st.peak_rss_kb for st in w.runtime.stats().values())
            samples = colds[name]
            stage_ms = {key: statistics.median(r.get(key, 0.0) for _, r in samples) * 1000
                        for key, _ in COLD_STAGES if any(key in r for _, r in samples)}
            results[name] = EngineResult(
                engine=name, cold_start_ms=statistics.median(c for c, _ in samples) * 1000,
                cold_stages_ms=stage_ms, cold_runs=len(samples),
                warm_p50_ms=statistics.median(w.latencies) * 1000,
                warm_p99_ms=_percentile(w.latencies, 0.99) * 1000,
                python_p50_ms=statistics.median(w.python_latencies) * 1000,
                action_p50_ms=statistics.median(w.action) * 1000 if w.action else 0.0,
                cpu_ms_per_request=cpu_per * 1000, peak_rss_kb=peak_rss_kb, throughput_rps=throughput,
                energy_mj_per_request=energy_mj, energy_method=method, outputs=outputs[name])
        return results
    finally:
        for w in warm.values():
            w.client.close()
            w.runtime.shutdown()
        bodies_dir.cleanup()


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
                info = zf.getinfo("exec") if "exec" in zf.namelist() else None
            how = "stored" if info is None or info.compress_type == zipfile.ZIP_STORED else "deflated"
            notes.append(f"rust zip: {zip_path.stat().st_size / 1e3:.0f} KB, exec {(info.file_size if info else 0) / 1e3:.0f}"
                         f" KB {how} (the /init stages grow with it)")
        notes.append(f"node's own start-up (`node -e 0`, median of {cold_runs}): "
                     f"{bare_node_start_ms(cold_runs):.1f} ms of its runtime start")
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
