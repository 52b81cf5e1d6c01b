"""What a load run measured, and how it reads."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of values, 0 for none."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[max(0, min(98, round(q) - 1))]


KILL_FAILED_MAX = 0.01  # of the requests that end in the 5 s after a worker is killed


@dataclass(frozen=True)
class KindStats:
    """Requests of one kind (page, callback, upload, download_csv, embed_png, hostile...)."""

    requests: int
    failed: int
    shed: int
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class KillStats:
    """A worker killed during the run: the requests that failed right after, and later."""

    at_s: float
    pid: int
    requests_5s: int
    failed_5s: int
    requests_after: int
    failed_after: int
    health_failures: int

    @property
    def failed_share_5s(self) -> float:
        return self.failed_5s / self.requests_5s if self.requests_5s else 0.0


@dataclass(frozen=True)
class Report:
    """What a run measured."""

    users: int
    duration_s: float
    requests: int
    errors: int
    timeouts: int
    retries: int
    busy_uploads: int
    error_samples: list[str]
    request_p50_ms: float
    request_p95_ms: float
    kinds: dict[str, KindStats]
    action_p50_ms: dict[str, float]
    action_p95_ms: dict[str, float]
    rss_start_mb: float
    rss_warm_mb: float
    rss_end_mb: float
    rss_peak_mb: float
    pss_by_15s_mb: list[float] = field(default_factory=list)  # the server's PSS, one mean per 15 s
    pss_first_30s_mb: float = 0.0  # after warm-up
    pss_last_30s_mb: float = 0.0
    pss_peak_mb: float = 0.0
    kill: KillStats | None = None

    @property
    def passed(self) -> bool:
        """No error beyond the kill's window, at most 1% failed within it, none after."""
        in_window = self.kill.failed_5s if self.kill else 0
        kill_ok = not self.kill or (self.kill.failed_share_5s <= KILL_FAILED_MAX and self.kill.failed_after == 0)
        return self.errors - in_window == 0 and self.timeouts == 0 and kill_ok

    @property
    def memory_growth(self) -> float:
        """RSS at the end over RSS after warm-up (1.0 = flat)."""
        return self.rss_end_mb / self.rss_warm_mb if self.rss_warm_mb else 1.0

    @property
    def pss_growth(self) -> float:
        """The last 30 s's PSS over the first 30 s after warm-up (1.0 = flat)."""
        return self.pss_last_30s_mb / self.pss_first_30s_mb if self.pss_first_30s_mb else 1.0

    def as_dict(self) -> dict:
        return {**asdict(self), "memory_growth": self.memory_growth, "pss_growth": self.pss_growth}

    def text(self) -> str:
        kinds = "\n".join(
            f"  {name:<20} {k.requests:>6} requests, {k.failed} failed, {k.shed} shed (503), "
            f"p50 {k.p50_ms:.0f} ms, p95 {k.p95_ms:.0f} ms"
            for name, k in sorted(self.kinds.items())
        )
        actions = ", ".join(
            f"{k} p50 {self.action_p50_ms[k]:.0f} ms / p95 {self.action_p95_ms[k]:.0f} ms"
            for k in sorted(self.action_p50_ms)
        )
        lines = [
            f"{self.users} users for {self.duration_s:.0f} s: {self.requests} requests "
            f"({self.requests / self.duration_s:.1f}/s), {self.errors} errors, {self.timeouts} timeouts, "
            f"{self.retries} resent after a stale kept-alive connection",
            f"request latency: p50 {self.request_p50_ms:.0f} ms, p95 {self.request_p95_ms:.0f} ms",
            "by kind:\n" + kinds,
            f"actions: {actions}",
            f"uploads told the server is busy: {self.busy_uploads}",
            f"server RSS (gunicorn + workers): start {self.rss_start_mb:.0f} MB, after warm-up "
            f"{self.rss_warm_mb:.0f} MB, end {self.rss_end_mb:.0f} MB, peak {self.rss_peak_mb:.0f} MB "
            f"(growth x{self.memory_growth:.2f})",
            f"server PSS: first 30 s after warm-up {self.pss_first_30s_mb:.0f} MB, last 30 s "
            f"{self.pss_last_30s_mb:.0f} MB (x{self.pss_growth:.2f}), peak {self.pss_peak_mb:.0f} MB; per 15 s: "
            + ", ".join(f"{m:.0f}" for m in self.pss_by_15s_mb),
        ]
        if self.kill:
            k = self.kill
            lines.append(
                f"worker {k.pid} killed at {k.at_s:.0f} s: {k.failed_5s} of {k.requests_5s} requests failed in the "
                f"next 5 s ({k.failed_share_5s:.1%}), {k.failed_after} of {k.requests_after} after; "
                f"/healthz failed {k.health_failures} times"
            )
        if self.error_samples:
            lines.append("errors, e.g.: " + " | ".join(self.error_samples))
        return "\n".join(lines)
