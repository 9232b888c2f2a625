"""Time the practitioners' pages in process (Flask test client) and record their sizes.

    .venv/bin/python benchmarks/web_pages.py --corpus real --corpus 20000 --repeat 5

Per page: the first request after start (cold: per-generation caches empty) and the
median of the following ones, and the HTML's size. Writes benchmarks/web.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from corpora import HERE, corpus

from kb import create_app

URLS = ["/", "/ru/", "/ru/roles/ilo-ipec", "/roles/government", "/ru/compare?theme=sustainability",
        "/compare?q=monitoring", "/ru/search?q=мониторинг&stakeholder=npc",
        "/ru/entries/{entry}", "/feed.atom", "/ru/feed.atom?country=kyrgyzstan",
        "/search/export.xlsx?stakeholder=npc&country=kyrgyzstan", "/search/export.csv?type=lesson",
        "/search/export.json?q=monitoring", "/api/openapi.json"]


def measure(client, url: str, repeat: int) -> tuple[float, float, int, int]:
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        response = client.get(url)
        data = response.data
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:]), len(data), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], help="real or a number of entries")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page after the first")
    args = parser.parse_args()
    lines = ["# Practitioners' pages, in process", "",
             f"Produced by `benchmarks/web_pages.py {' '.join('--corpus ' + c for c in args.corpus)} "
             f"--repeat {args.repeat}` on {platform.node()}, Python {platform.python_version()}, "
             f"{time.strftime('%Y-%m-%d')}. The machine is shared: compare rows of one run.", ""]
    for name in args.corpus or ["real"]:
        found = corpus(name)
        app = create_app({"CONTENT_DIR": str(found.content), "INDEX_DIR": str(found.index)})
        client = app.test_client()
        entry = client.get("/api/search?limit=1&lang=ru").get_json()["results"][0]["id"]
        total = client.get("/health").get_json()["entries"]
        lines += [f"## {name} ({total} entries)", "", "| page | status | first ms | median ms | bytes |",
                  "|---|---:|---:|---:|---:|"]
        for url in URLS:
            url = url.format(entry=entry)
            first, median, size, status = measure(client, url, args.repeat)
            lines.append(f"| `{url}` | {status} | {first:.0f} | {median:.0f} | {size} |")
            print(lines[-1], flush=True)
        lines.append("")
    (HERE / "web.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
