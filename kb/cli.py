"""The `kb` command: thin Click wrappers over the library, one line (or JSON) out."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from indexer.errors import KbError
from kb.settings import Paths, paths_from_environment


class KbGroup(click.Group):
    """Turns every KbError into one line on stderr and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KbError as exc:
            click.echo(f"kb: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log each stage of the work.")
@click.pass_context
def main(ctx, verbose):
    """Knowledge base of evaluation recommendations, lessons and good practices."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = paths_from_environment()


@main.command("index")
@click.argument("paths_changed", metavar="[PATHS]...", nargs=-1, type=click.Path(path_type=Path))
@click.option("--full", is_flag=True, help="Rebuild every entry, not only the changed files.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--wait", default=600.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds to wait for another `kb index` on the same index to finish (0: fail at once).")
@click.pass_obj
def index_command(paths: Paths, paths_changed, full, quiet, wait):
    """Build or bring up to date the search index from the content tree.

    With PATHS (entry files or folders you changed, added or deleted), only those are looked
    at: the rest of the tree is taken as the index last saw it. Without, every file is.
    """
    from tqdm import tqdm

    from indexer.content.glossary import load_glossary
    from indexer.index.build import build_index, changed_inputs
    from indexer.search.questions import load_question_words
    from indexer.search.thesaurus import load_thesaurus

    # A broken glossary, thesaurus or question list stops the build here, with its reason; one
    # the served generation was built from was checked then.
    loaders = {paths.glossary: load_glossary, paths.thesaurus: load_thesaurus,
               paths.questions: load_question_words}
    inputs = (paths.glossary, paths.thesaurus, paths.questions)
    for path in changed_inputs(paths.index_dir, inputs):
        loaders[path](path)
    encoder = _encoder(paths)
    progress = None if quiet else (lambda items, **kw: tqdm(items, leave=False, mininterval=0.5, **kw))
    report = build_index(paths.content_dir, paths.index_dir, paths.taxonomy, paths.base,
                         reports_dir=paths.reports_dir, full=full, progress=progress, wait=wait,
                         on_wait=lambda message: click.echo(f"kb: {message}", err=True), encoder=encoder,
                         semantic_limit=paths.semantic_limit,
                         inputs=inputs,
                         paths=[p.absolute() for p in paths_changed] or None)
    for problem in report.problems:
        click.echo(f"{problem}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(report.summary())


def _encoder(paths: Paths):
    """The semantic model the settings name (None: lexical only); a bad KB_SEMANTIC_MODEL is a KbError."""
    from indexer.errors import ContentError
    from indexer.search.semantic import load_encoder

    try:
        return load_encoder(paths.semantic_model)
    except ValueError as exc:
        raise ContentError(f"KB_SEMANTIC_MODEL: {exc}") from None


@main.command("search")
@click.argument("query", default="")
@click.option("--limit", default="10", help="Results per page, 1 to 100.")
@click.option("--page", default="1", help="Page of results, from 1.")
@click.option("--type", "types", multiple=True, help="Only this type (repeat to OR).")
@click.option("--lang", "langs", multiple=True, help="Only this language: en or ru (repeat to OR).")
@click.option("--country", "countries", multiple=True, help="Only this country slug (repeat to OR).")
@click.option("--objective", "objectives", multiple=True, help="Only this objective slug (repeat to OR).")
@click.option("--stakeholder", "stakeholders", multiple=True, help="Only this stakeholder slug (repeat to OR).")
@click.option("--report", "reports", multiple=True, help="Only entries of this report slug (repeat to OR).")
@click.option("--organisation", "organisations", multiple=True,
              help="Only reports of this organisation slug, e.g. ilo (repeat to OR).")
@click.option("--year", "years", multiple=True, help="Only reports of this year (repeat to OR).")
@click.option("--evaluation-type", "evaluation_types", multiple=True,
              help="Only this evaluation type: interim, final, ex-post, meta… (repeat to OR).")
@click.option("--sort", default="relevance", help="relevance, title or report.")
@click.option("--drafts", is_flag=True, help="Include draft entries.")
@click.option("--json", "as_json", is_flag=True, help="Print the CONTRACT's JSON result object.")
@click.pass_obj
def search_command(paths: Paths, query, limit, page, types, langs, countries, objectives,
                   stakeholders, reports, organisations, years, evaluation_types, sort, drafts, as_json):
    """Search the index and print the results."""
    from indexer.content.glossary import load_glossary
    from indexer.index.build import open_generation
    from indexer.search.questions import load_question_words
    from indexer.search.request import parse_search_args
    from indexer.search.searcher import KbSearcher
    from indexer.search.thesaurus import load_thesaurus

    args = {"q": query, "limit": limit, "page": page, "type": types, "lang": langs,
            "country": countries, "objective": objectives, "stakeholder": stakeholders,
            "report": reports, "organisation": organisations, "year": years,
            "evaluation_type": evaluation_types, "sort": sort, "drafts": "1" if drafts else ""}
    request = parse_search_args(args, paths.load_taxonomy())
    ix, generation = open_generation(paths.index_dir)
    searcher = KbSearcher(ix, generation, load_glossary(paths.glossary),
                          load_question_words(paths.questions), _encoder(paths),
                          load_thesaurus(paths.thesaurus))
    results = searcher.search(request)
    if as_json:
        click.echo(json.dumps(results.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{results.total} entries" + (f" (did you mean: {results.suggestion})" if results.suggestion else ""))
    for hit in results.hits:
        click.echo(f"{hit.score:8.3f}  {hit.id}  [{hit.type}, {hit.lang}]  {hit.title}")


@main.command("check")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text: one `path:line: message` per problem; json: for tooling.")
@click.pass_obj
def check_command(paths: Paths, fmt):
    """Check every entry: front matter, slugs, ids, parallel links, near-duplicates."""
    from indexer.content.check import check_content

    report = check_content(paths.content_dir, paths.taxonomy, paths.base, reports_dir=paths.reports_dir)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            click.echo(str(problem))
        click.echo(report.summary(), err=True)
    sys.exit(0 if report.clean else 1)


@main.command("stats")
@click.pass_obj
def stats_command(paths: Paths):
    """Print entry counts by type × language × country."""
    from indexer.content.stats import count_entries, format_table

    click.echo(format_table(count_entries(paths.content_dir, paths.taxonomy, paths.base, paths.reports_dir)))


@main.command("import")
@click.argument("report_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--report", "report", required=True,
              help="Slug of the report; an unknown one gets a draft record in <content>/reports/.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Where drafts go (default: <content>/<report>).")
@click.option("--again", is_flag=True, help="Import a file the report's record says was imported before.")
@click.pass_obj
def import_command(paths: Paths, report_file, report, out_dir, again):
    """Write a draft entry for every recommendation, lesson and good practice of a PDF, .docx or text."""
    from indexer.content.corpus import discover
    from indexer.importing.drafts import check_destination
    from indexer.importing.importer import import_report
    from indexer.importing.reading import read_document
    from indexer.importing.records import record_import

    # Everything that can refuse the import does so before the record or a draft is written.
    document = read_document(report_file)
    out_dir = out_dir or paths.content_dir / report
    check_destination(out_dir)
    record_path = paths.content_dir / "reports" / f"{report}.yaml"
    before = record_path.read_bytes() if record_path.is_file() else None
    taxonomy = paths.load_taxonomy()
    record = record_import(document, report, paths.content_dir / "reports", again=again,
                           organisations=taxonomy.vocabularies.get("organisations"))
    existing = {p.stem for p in discover(paths.content_dir)}
    try:
        result = import_report(report_file, report, out_dir, taxonomy,
                               existing_ids=existing, document=document)
    except KbError:
        if before is None:
            record.path.unlink(missing_ok=True)      # the record goes with the drafts it was made for
        else:
            record.path.write_bytes(before)
        raise
    for path, reason in result.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    click.echo(record.message)
    click.echo(result.summary())


@main.command("new")
@click.option("--type", "kind", required=True, help="recommendation, lesson or good-practice.")
@click.option("--lang", required=True, help="Language of the report's words: en or ru.")
@click.option("--title", required=True, help="One line; transliterated into the id's slug.")
@click.option("--title-translated", default="", help="The title in the other language.")
@click.option("--report", default=None, help="Report slug (default: the taxonomy's only report).")
@click.option("--part", default="", help="Folder and id prefix within the report, e.g. kg.")
@click.option("--country", "countries", multiple=True, help="Country slug (repeatable).")
@click.option("--objective", "objectives", multiple=True, help="Objective slug (repeatable).")
@click.option("--stakeholder", "stakeholders", multiple=True, help="Stakeholder slug (repeatable).")
@click.option("--theme", "themes", multiple=True, help="Theme slug (repeatable).")
@click.option("--section", default="", help="Section of the report, as printed, e.g. 4.2.3.")
@click.option("--paragraph", type=click.IntRange(min=0), default=None, help="Paragraph number, if any.")
@click.option("--source-part", default="",
              help='Part of the report, e.g. "Annex 6b: Kyrgyzstan country study".')
@click.option("--body", default="", help="The report's own words (or - to read them from stdin).")
@click.option("--translation", default="", help="Your translation of the body into the other language.")
@click.option("--id", "entry_id", default="", help="Use this id instead of a generated one.")
@click.option("--draft/--no-draft", default=True, show_default=True,
              help="--no-draft publishes at once and needs --title-translated, --section, --body "
                   "and --translation.")
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR, then check it.")
@click.pass_obj
def new_command(paths: Paths, kind, lang, title, title_translated, report, part, countries, objectives,
                stakeholders, themes, section, paragraph, source_part, body, translation, entry_id,
                draft, edit):
    """Write a new entry with a unique id and print its path."""
    from indexer.content.scaffold import NewEntry, create_entry

    taxonomy = paths.load_taxonomy()
    reports = taxonomy.slugs("reports")
    if report is None and len(reports) != 1:
        raise click.UsageError(f"say which report with --report (one of: {', '.join(reports)})")
    new = NewEntry(type=kind, lang=lang, title=title, report=report or reports[0], part=part,
                   title_translated=title_translated, section=section, paragraph=paragraph,
                   tags={"countries": list(countries), "objectives": list(objectives),
                         "stakeholders": list(stakeholders), "themes": list(themes)},
                   source_part=source_part, body=sys.stdin.read() if body == "-" else body,
                   translation=translation, draft=draft, entry_id=entry_id)
    path = create_entry(new, paths.content_dir, taxonomy)
    click.echo(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    if edit:
        click.edit(filename=str(path))
        _check_one(path, taxonomy, paths.base)


def _check_one(path: Path, taxonomy, base: Path) -> None:
    """Print the problems of one entry after an edit; the file is kept either way."""
    from indexer.content.corpus import load_entry

    checked = load_entry(path, taxonomy, base)
    if isinstance(checked, list):
        for problem in checked:
            click.echo(str(problem), err=True)
        sys.exit(1)


@main.command("ship")
@click.option("--from", "source", type=click.Path(path_type=Path),
              help="A generation directory, or an index directory to ship its served generation "
                   "(default: KB_INDEX_DIR).")
@click.option("--to", "targets", multiple=True, type=click.Path(path_type=Path),
              help="A replica's index directory (default: KB_INDEX_DIR); repeat for a rolling swap, "
                   "one replica at a time.")
@click.pass_obj
def ship_command(paths: Paths, source, targets):
    """Copy a built generation to replicas' index directories and swap it in on each, in turn."""
    from indexer.index.integrity import SEAL
    from indexer.index.ship import served_generation_dir, ship_generation

    source = source or paths.index_dir
    generation = source if (source / SEAL).is_file() else served_generation_dir(source)
    targets = targets or (paths.index_dir,)
    if generation.parent.resolve() in {Path(t).resolve() for t in targets}:
        raise click.UsageError("the generation is already in that index directory: give --to")
    for target in targets:
        click.echo(f"{target}: now serving {ship_generation(generation, target)}")


@main.command("serve")
@click.option("--host", default="127.0.0.1", help="Address to listen on.")
@click.option("--port", default=8000, type=int, help="Port to listen on.")
@click.option("--workers", default=2, type=int, help="Gunicorn worker processes.")
def serve_command(host, port, workers):
    """Run the web service with gunicorn (builds nothing: run `kb index` first)."""
    import os

    root = Path(__file__).resolve().parent.parent
    os.execvp(sys.executable, [sys.executable, "-m", "gunicorn", "-c", str(root / "gunicorn.conf.py"),
                               "--workers", str(workers), "--bind", f"{host}:{port}",
                               "--chdir", str(root), "wsgi:app"])


if __name__ == "__main__":
    main()
