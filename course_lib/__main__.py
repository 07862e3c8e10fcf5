"""Command line for make: python -m course_lib workcopy|reset|editions|handout|answer-key|export|site|execute."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import editions
from .errors import CourseError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_lib")
    sub = parser.add_subparsers(dest="command", required=True)
    work = sub.add_parser("workcopy", help="build editions; add missing lessons to work/<edition>/")
    work.add_argument("--edition", default="student", choices=editions.EDITIONS)
    reset = sub.add_parser("reset", help="fresh copy of one lesson; the old one is kept")
    reset.add_argument("--lesson", required=True)
    reset.add_argument("--edition", default="student", choices=editions.EDITIONS)
    sub.add_parser("editions", help="build dist/student and dist/instructor")
    sub.add_parser("handout", help="write dist/handout.html")
    sub.add_parser("answer-key", help="write dist/answer_key.html")
    export = sub.add_parser("export", help="write your answers as Markdown and HTML")
    export.add_argument("--edition", default="student", choices=editions.EDITIONS)
    site = sub.add_parser("site", help="build the course website in dist/site/")
    site.add_argument("--dest", type=Path, default=Path("dist") / "site")
    key = sub.add_parser("add-exercise", help="maintainers: store a hashed answer key")
    key.add_argument("exercise_id")
    key.add_argument("--kind", required=True, choices=("number", "string", "date"))
    key.add_argument("--answer", required=True)
    key.add_argument("--precision", type=int, default=0)
    key.add_argument("--question", required=True)
    key.add_argument("--hint", required=True)
    run = sub.add_parser("execute", help="run notebooks and store their outputs")
    run.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)

    try:
        if args.command in ("workcopy", "reset", "editions"):
            editions.build()
        if args.command == "workcopy":
            added = editions.sync_workcopy(args.edition)
            print(f"work/{args.edition}/: " + (f"added {', '.join(p.name for p in added)}" if added
                                               else "up to date (your notebooks were not touched)"))
        elif args.command == "reset":
            fresh, kept = editions.reset_lesson(args.lesson, args.edition)
            print(f"Fresh copy: {fresh}" + (f"; your old copy is kept as {kept}" if kept else ""))
        elif args.command == "editions":
            print("Built dist/student/ and dist/instructor/")
        elif args.command in ("handout", "answer-key"):
            from . import documents

            target = Path("dist") / ("handout.html" if args.command == "handout" else "answer_key.html")
            target.parent.mkdir(exist_ok=True)
            text = documents.handout() if args.command == "handout" else documents.answer_key()
            target.write_text(text, encoding="utf-8")
            print(f"Wrote {target}")
        elif args.command == "export":
            import os

            from .answers import export_answers
            from .store import ANSWERS_ENV

            os.environ.setdefault(ANSWERS_ENV, str(Path("work") / args.edition / "answers"))
            for path in export_answers():
                print(f"Wrote {path}")
        elif args.command == "site":
            from . import website

            built = website.build(args.dest)
            print(f"Built {args.dest}/ ({built['pages']} pages) in {built['seconds']:.1f} s; "
                  f"open {args.dest / 'index.html'} in a browser, or publish the folder as it is.")
        elif args.command == "add-exercise":
            from .checks import add_exercise

            answer = float(args.answer) if args.kind == "number" else args.answer
            add_exercise(args.exercise_id, args.kind, answer, question=args.question, hint=args.hint,
                         precision=args.precision)
            print(f"Stored a hashed key for exercise {args.exercise_id}")
        elif args.command == "execute":
            from .runner import execute

            for path in args.paths:
                print(f"Running {path} ...", flush=True)
                execute(path, save=True)
    except (CourseError, ValueError) as problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
