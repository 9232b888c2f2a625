"""Fill a reports cache from local git mirrors of the truth files' sources.

The real reports scored by tests/test_import_scores.py are not in git (see
tests/fixtures/reports/README.md). Each truth file names its source as
``https://github.com/<owner>/<repo>/blob/<commit>/<path>``; given a folder of
bare mirrors named ``<owner>+<repo>/repo`` (as the development machine's fetch
tool leaves them), this writes each report into the cache, checks its sha256,
and writes the texts the tests read beside it: ``pdftotext -layout`` as
``<slug>.txt`` and, for the reports whose truth is checked against another
reading, ``<slug>.raw.txt``.

    python scripts/fill_reports_cache.py --mirrors /work/.mirror --out /work/reports-cache
"""

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import yaml

ROOT = Path(__file__).resolve().parent.parent
TRUTHS = ROOT / "tests" / "fixtures" / "reports"
SHARED_REPORTS = ROOT.parent / "shared" / "reports-dev"   # found there by the tests already

# Reports whose second text is read without -layout: plain (reading order) or -raw
# (content-stream order), as tests/test_truth_files.py checks them.
SECOND_READING = {
    "jiu-system-wide-racism-review-highlights-2023": [],
    "unhcr-global-data-information-management-2019": [],
    "fao-myanmar-fishadapt-drm-cca-review-2015": ["-raw"],
    "pwyf-aid-transparency-index-2014": ["-raw"],
    "pwyf-aid-transparency-index-2016": ["-raw"],
    "pwyf-germany-aid-transparency-2014": ["-raw"],
}


def github_blob(url):
    """(owner, repo, commit, path) of a GitHub blob address, or None."""
    prefix = "https://github.com/"
    if not url.startswith(prefix):
        return None
    parts = url[len(prefix):].split("/", 4)
    if len(parts) < 5 or parts[2] != "blob":
        return None
    owner, repo, _, commit, path = parts
    return owner, repo, commit, unquote(path)


def fill(mirrors, out):
    """Write every report found in the mirrors; return the slugs not filled, with why."""
    missing = []
    for truth_path in sorted(TRUTHS.glob("*.truth.yaml")):
        report = yaml.safe_load(truth_path.read_text(encoding="utf-8"))["report"]
        slug, name = report["slug"], report["file"]
        if (SHARED_REPORTS / name).exists():
            continue
        blob = github_blob(report.get("source", ""))
        if blob is None:
            missing.append((slug, "source is not a GitHub blob address"))
            continue
        owner, repo, commit, path = blob
        git_dir = mirrors / f"{owner}+{repo}" / "repo"
        if not git_dir.is_dir():
            missing.append((slug, f"no mirror at {git_dir}"))
            continue
        shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                               capture_output=True)
        if shown.returncode != 0:
            missing.append((slug, shown.stderr.decode(errors="replace").strip()))
            continue
        digest = hashlib.sha256(shown.stdout).hexdigest()
        if digest != report["sha256"]:
            missing.append((slug, f"sha256 {digest} is not the truth's {report['sha256']}"))
            continue
        target = out / name
        target.write_bytes(shown.stdout)
        if target.suffix.lower() == ".pdf":
            subprocess.run(["pdftotext", "-layout", str(target), str(out / f"{slug}.txt")],
                           check=True)
            if slug in SECOND_READING:
                subprocess.run(["pdftotext", *SECOND_READING[slug], str(target),
                                str(out / f"{slug}.raw.txt")], check=True)
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    missing = fill(args.mirrors, args.out)
    for slug, why in missing:
        print(f"{slug}: not filled: {why}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
