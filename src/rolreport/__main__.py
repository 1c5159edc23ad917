"""``python -m rolreport``."""

from rolreport.cli import main

if __name__ == "__main__":
    main()
