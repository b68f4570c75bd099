-- wrk script for bench/run.sh: after wrk's own summary, prints one line the script reads, with
-- the 95th percentile that wrk's --latency table leaves out. Latencies are in milliseconds.
-- errors counts socket errors and timeouts; status counts HTTP answers of 400 and above.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d status=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
