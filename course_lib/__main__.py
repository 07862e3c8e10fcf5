"""Command line for make: python -m course_lib
workcopy|reset|editions|handout|answer-key|export|collect|site|execute
(and, for maintainers, add-exercise and retire-exercise).

Each command works on the course's folder (found from the package, or ``$COURSE_ROOT``), not on
the folder it runs in; ``export`` reads the answers folder by the one rule (see ``store``) and
says which folder it used. ``reset`` takes the lesson from ``--lesson`` or, as ``make reset
LESSON=01`` passes it without a shell, from the environment variable ``LESSON``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import editions
from .errors import CourseError


def _export(args) -> int:
    from . import store
    from .answers import export_answers

    if not os.environ.get(store.ANSWERS_ENV) and store.find_workcopy() is None:
        try:
            root = editions.course_root()
        except CourseError:
            root = None
        workcopy = root / "work" / args.edition if root is not None else None
        if workcopy is not None and Path.cwd().resolve() == root and workcopy.is_dir():
            os.chdir(workcopy)  # `make export` runs in the course folder: use the work copy's answers
    report = export_answers(args.folder, name=args.name)
    print(report)
    return 0 if report.files else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_lib")
    sub = parser.add_subparsers(dest="command", required=True)
    work = sub.add_parser("workcopy", help="build editions; add missing lessons to work/<edition>/")
    work.add_argument("--edition", default=os.environ.get("EDITION") or "student")
    reset = sub.add_parser("reset", help="fresh copy of one lesson; the old one is kept")
    reset.add_argument("--lesson", default=None, help="a lesson id such as 01 (default: $LESSON)")
    reset.add_argument("--edition", default=os.environ.get("EDITION") or "student")
    sub.add_parser("editions", help="build dist/student and dist/instructor")
    sub.add_parser("handout", help="write dist/handout.html")
    sub.add_parser("answer-key", help="write dist/answer_key.html")
    export = sub.add_parser("export", help="write your answers as Markdown and HTML")
    export.add_argument("--edition", default=os.environ.get("EDITION") or "student")
    export.add_argument("--folder", default=None, help="where to write (default: the answers folder)")
    export.add_argument("--name", default=None, help="your name on the export (stored for next time)")
    gather = sub.add_parser("collect", help="instructors: a class's exports into one page per prompt")
    gather.add_argument("folder", type=Path, help="the folder holding the students' exports or answers folders")
    gather.add_argument("--dest", type=Path, default=None, help="where to write (default: dist/collected/)")
    gather.add_argument("--anonymous", action="store_true", help="Student 1, 2, ... instead of names")
    site = sub.add_parser("site", help="build the course website in dist/site/")
    site.add_argument("--dest", type=Path, default=None, help="where to build (default: dist/site/)")
    key = sub.add_parser("add-exercise", help="maintainers: store a hashed answer key")
    key.add_argument("exercise_id")
    key.add_argument("--kind", required=True, choices=("count", "number", "string", "set", "date"))
    key.add_argument("--answer", required=True, help="for a set, the items separated by ';'")
    key.add_argument("--precision", type=int, default=0)
    key.add_argument("--question", required=True)
    key.add_argument("--hint", required=True)
    key.add_argument("--accept", action="append", default=[], metavar="ANSWER",
                     help="another answer that counts as correct (repeatable)")
    key.add_argument("--wrong", action="append", nargs=2, default=[], metavar=("ANSWER", "HINT"),
                     help="a common wrong answer and the hint it gets (repeatable)")
    key.add_argument("--data-changed", action="store_true",
                     help="same question, new answer because the course data grew (re-key it)")
    key.add_argument("--reword", action="store_true",
                     help="new wording of an existing question with the same meaning and answer")
    gone = sub.add_parser("retire-exercise", help="maintainers: mark an exercise as replaced (ids are forever)")
    gone.add_argument("exercise_id")
    gone.add_argument("--replaced-by", required=True, action="append", metavar="NEW_ID",
                      help="the exercise that replaces it (repeatable; store it first with add-exercise)")
    gone.add_argument("--why", required=True, help="in a few words, why it was replaced")
    run = sub.add_parser("execute", help="run notebooks and store their outputs")
    run.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)

    try:
        if args.command in ("workcopy", "reset") and args.edition not in editions.EDITIONS:
            raise CourseError(f"EDITION must be one of {', '.join(editions.EDITIONS)}, not {args.edition!r}.")
        if args.command == "reset":
            editions.lesson_file(args.lesson if args.lesson is not None else os.environ.get("LESSON", ""))
        if args.command in ("reset", "editions"):
            made = editions.build()
            root = editions.course_root()
        if args.command == "workcopy":
            root = editions.course_root()
            added = editions.prepare_workcopy(args.edition, root)
            folder = root / "work" / args.edition
            hints = editions.install_kernel_hints()
            newer = editions.newer_lessons(args.edition)
            print(f"{folder}: " + (f"added {', '.join(p.name for p in added)}" if added
                                   else "nothing to add (your notebooks were not touched)")
                  + ("" if hints else " (the out-of-order cell hint is not installed for this Python)"))
            if newer:
                print(editions.newer_message(newer, args.edition))
        elif args.command == "reset":
            lesson = args.lesson if args.lesson is not None else os.environ.get("LESSON", "")
            fresh, kept = editions.reset_lesson(lesson, args.edition)
            print(f"Fresh copy: {fresh}" + (f"; your old copy is kept as {kept}" if kept else ""))
        elif args.command == "editions":
            print(f"Built {root / 'dist' / 'student'} and {root / 'dist' / 'instructor'} "
                  f"({len(made['student'])} notebooks each)")
        elif args.command in ("handout", "answer-key"):
            from . import documents

            root = editions.course_root()
            target = root / "dist" / ("handout.html" if args.command == "handout" else "answer_key.html")
            text = documents.handout() if args.command == "handout" else documents.answer_key()
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"Wrote {target}")
        elif args.command == "export":
            return _export(args)
        elif args.command == "collect":
            from .collect import collect

            dest = args.dest or editions.course_root() / "dist" / "collected"
            print(collect(args.folder, dest, anonymous=args.anonymous))
        elif args.command == "site":
            from . import website

            dest = args.dest or editions.course_root() / "dist" / "site"
            built = website.build(dest)
            print(f"Built {dest}/ ({built['pages']} pages) in {built['seconds']:.1f} s; "
                  f"open {dest / 'index.html'} in a browser, or publish the folder as it is.")
        elif args.command == "add-exercise":
            from .checks import add_exercise

            def value(text):
                if args.kind == "number":
                    return float(text)
                return [item.strip() for item in text.split(";")] if args.kind == "set" else text

            add_exercise(args.exercise_id, args.kind, value(args.answer), question=args.question,
                         hint=args.hint, precision=args.precision,
                         accepted=[value(a) for a in args.accept],
                         anticipated=[(value(w), h) for w, h in args.wrong], reword=args.reword,
                         data_changed=args.data_changed)
            print(f"Stored a hashed key for exercise {args.exercise_id}")
        elif args.command == "retire-exercise":
            from .checks import retire_exercise

            retire_exercise(args.exercise_id, args.replaced_by, args.why)
            print(f"Exercise {args.exercise_id} is retired (replaced by {', '.join(args.replaced_by)}); "
                  "its id will never be reused.")
        elif args.command == "execute":
            from .runner import execute

            if not args.paths:
                raise CourseError("No notebooks given to run.")
            missing = [p for p in args.paths if not p.is_file()]
            if missing:
                raise CourseError(f"No such notebook: {', '.join(map(str, missing))} (nothing was run).")
            for path in args.paths:
                print(f"Running {path} ...", flush=True)
                execute(path, save=True)
    except (CourseError, ValueError) as problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
