"""Scale benchmark: build corpora of 10, 100 and 1,000 letters and measure the build.

Run as `python -m bench` (or `make bench`); `--sizes 10,100` for a quick run.
The corpora are made from the seeds (bench/corpus.py) and written, with their
project copies and built sites, into bench/out/ (not committed).
"""
