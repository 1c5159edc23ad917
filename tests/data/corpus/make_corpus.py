"""Rebuild this corpus from ../pages: `rolreport import` of each page, with the issuer and
jurisdiction given where the page itself shows none (taken from where it was published: see
../pages/README.md).  Run from the repository root: `.venv/bin/python tests/data/corpus/make_corpus.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
PAGES = HERE.parent / "pages"
# page → (issuer, jurisdiction), where the opening does not name them
GIVEN = {
    "10-tianjin-hrss-2022": ("天津市人力资源和社会保障局", "天津市"),
    "11-tianjin-hrss-2021": ("天津市人力资源和社会保障局", "天津市"),
    "13-shangcheng-hrss-2023": ("杭州市上城区人力资源和社会保障局", "上城区"),
    "17-mot-2022-hant-damaged": ("交通運輸部", "交通運輸部"),
    "19-mot-2018": ("交通运输部", "交通运输部"),
    "25-nanxing-street-2022": ("上城区南星街道办事处", "南星街道"),
    "28-mnr-2021": ("自然资源部", "自然资源部"),
    "31-mep-2017": ("环境保护部", "环境保护部"),
    "32-mee-2019": ("生态环境部", "生态环境部"),
}


def main() -> None:
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    for page in sorted(PAGES.glob("*.txt")):
        args = [rolreport, "import", str(page), "-o", str(HERE / f"{page.stem}.yaml"), "--force"]
        args += ["--schema", "../../../schema/rolreport.schema.json"]
        if page.stem in GIVEN:
            issuer, jurisdiction = GIVEN[page.stem]
            args += ["--issuer", issuer, "--jurisdiction", jurisdiction]
        subprocess.run(args, check=True, capture_output=True)


if __name__ == "__main__":
    main()
