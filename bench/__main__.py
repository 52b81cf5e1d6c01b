"""`python -m bench`: see bench/run.py, or `python -m bench --help`."""

from bench.run import main

if __name__ == "__main__":
    main()
