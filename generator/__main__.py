import sys

from .knowledge import DataFileError

try:
    from .cli import main
except DataFileError as exc:  # some data files are read when the modules load: one message, exit 2 (EXIT_FATAL)
    print(f"{exc}\nNiets gebouwd: herstel eerst dit gegevensbestand.", file=sys.stderr)
    sys.exit(2)

main(prog_name="python -m generator")
