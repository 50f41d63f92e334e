"""Command line for content admins: `python -m bot.content check|diff|draft`.

check              validate every file in content/; exit code 1 on any problem
diff               what a /reload would change in the database, entity by entity
draft ARTICLE.txt  propose content for a new article, for review (never loaded by itself)
export DIR         write the open data (facts.json, its schema, CSV tables) into DIR
import FILE DIR    turn a facts.json export into a content file in DIR (to load elsewhere)
generate --scale N OUT  write synthetic content N times today's size (for benchmarks)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.settings import Settings, load_settings
from loading.files import ContentInvalid, read_content
from views.admin import change_line


def check(content_dir: Path) -> int:
    try:
        content = read_content(content_dir)
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error)
        print(f"\n{len(exc.errors)} problem(s) found; nothing would be loaded.", file=sys.stderr)
        return 1
    from loading.suspicious import content_warnings

    warnings = content_warnings(content, content_dir.name)
    for warning in warnings:
        print(f"warning: {warning}")
    print(
        f"OK: {content.file_count} files, {len(content.events)} events, "
        f"{len(content.people)} people, {len(content.organizations)} organizations, "
        f"{len(content.places)} places" + (f"; {len(warnings)} warning(s)." if warnings else ".")
    )
    return 0


async def diff(settings: Settings) -> int:
    from db.engine import create_engine, create_schema, create_session_maker
    from loading.service import ContentService

    engine = create_engine(settings.database_url)
    try:
        await create_schema(engine)
        service = ContentService(settings.content_dir, create_session_maker(engine))
        try:
            report = await service.preview()
        except ContentInvalid as exc:
            for error in exc.errors:
                print(error)
            return 1
    finally:
        await engine.dispose()
    if report.is_empty:
        print("No changes: the database holds exactly what content/ says.")
        return 0
    print("\n".join(change_line(change, plain=True) for change in report.details))
    print(f"\n{len(report.details)} change(s) would be applied by /reload.")
    return 0


def draft(article: Path, output: Path | None, content_dir: Path) -> int:
    from drafting.extract import draft_article
    from drafting.render import render_yaml

    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{article}: cannot read the article ({exc})", file=sys.stderr)
        return 1
    try:
        content = read_content(content_dir)
    except ContentInvalid:
        content = None
        print(
            "content/ has problems; people and organizations will not be matched with it.",
            file=sys.stderr,
        )
    result = draft_article(
        text, article.name, content, progress=lambda step: print(f"… {step}", file=sys.stderr)
    )
    target = output or Path("drafts") / f"{article.stem}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_yaml(result), encoding="utf-8")
    print(
        f"Draft written to {target}: {len(result.people)} people, "
        f"{len(result.organizations)} organizations, {len(result.places)} places "
        f"({result.seconds:.1f} s). Review it before moving it into content/."
    )
    return 0


def export(content_dir: Path, target: Path) -> int:
    from loading.exports import export_files

    try:
        content = read_content(content_dir)
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    files = export_files(content)
    for name, data in files.items():
        (target / name).write_bytes(data)
    print(f"Written to {target}: " + ", ".join(sorted(files)))
    return 0


def import_export(source: Path, target: Path) -> int:
    from loading.exports import IMPORTED_NAME, content_from_export

    try:
        data = source.read_bytes()
    except OSError as exc:
        print(f"{source}: cannot read the file ({exc.strerror})", file=sys.stderr)
        return 1
    try:
        text = content_from_export(data, source.name)
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    written = target / IMPORTED_NAME
    if written.exists():
        print(f"{written} exists already; nothing was written.", file=sys.stderr)
        return 1
    written.write_bytes(text)
    print(f"Written to {written}: check it with `python -m bot.content --content {target} check`.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.content",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--content", type=Path, help="content folder (default: CONTENT_DIR)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every content file")
    commands.add_parser("diff", help="what a reload would change in the database")
    drafting = commands.add_parser("draft", help="draft content from a news article")
    drafting.add_argument("article", type=Path)
    drafting.add_argument("-o", "--output", type=Path, help="where to write the draft")
    exporting = commands.add_parser("export", help="write the open data files into a folder")
    exporting.add_argument("out", type=Path)
    importing = commands.add_parser("import", help="turn a facts.json export into content")
    importing.add_argument("file", type=Path)
    importing.add_argument("out", type=Path)
    generating = commands.add_parser("generate", help="write synthetic content for benchmarks")
    generating.add_argument("--scale", type=int, default=1, choices=(1, 10, 100, 1000))
    generating.add_argument("--seed", type=int, default=2021)
    generating.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_export(args.file, args.out)
    if args.command == "generate":
        from bot.generate import generate

        counts = generate(args.scale, args.out, args.seed)
        print(f"Written to {args.out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        return 0

    settings = load_settings()
    if settings is None:
        return 2
    content_dir = args.content or settings.content_dir
    if args.command == "check":
        return check(content_dir)
    if args.command == "export":
        return export(content_dir, args.out)
    if args.command == "diff":
        return asyncio.run(diff(settings.with_changes(content_dir=content_dir)))
    return draft(args.article, args.output, content_dir)


if __name__ == "__main__":
    sys.exit(main())
