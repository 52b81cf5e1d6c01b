"""A bounded load test of the dashboard: simulated visitors change filters and open city panels against gunicorn
on 127.0.0.1, and the run reports errors, latency percentiles and the server's memory. See `loadtest/run.py`."""
