"""The `kpitui` command: opens the app, or runs a headless command (SPEC 3).

Nothing here imports Textual; only opening the app does, and only then.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kpitui import __version__
from kpitui.cli import output
from kpitui.cli.output import OutputError, discard
from kpitui.cli.usage import EXIT_PROBLEM, EXIT_USAGE, UsageError
from kpitui.core.domain.quantities import quoted
from kpitui.core.errors import PlanError
from kpitui.core.text import i18n
from kpitui.core.text.i18n import LANGUAGES, N_, _, ntr, resolve_language, set_language, tr
from kpitui.core.text.safe_text import visible

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# argparse's own words (Python 3.11), in kpitui's catalogue so that --help and usage errors are all one language.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)
FORMATS = ("table", "json", "csv", "markdown")


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one `kpitui: error: ...` line instead of a usage dump."""

    def _print_message(self, message: str, file: "SupportsWrite[str] | None" = None) -> None:
        """--help and --version written as every command's output is: any encoding prints, and a
        failed write is one error line and exit 1 (argparse would ignore it and exit 0)."""
        if file is sys.stderr:  # argparse's exit(status, message); kpitui's errors go through _report
            super()._print_message(message, file)
        elif message:
            output.write(message)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(tr("{message} (see `{prog} --help`)", message=message, prog=self.prog))

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every argument added; left to find the width itself,
        # it imports shutil (and bz2, lzma with it), a twentieth of `kpitui calc`'s start-up.
        return self.formatter_class(prog=self.prog, width=_help_width())  # type: ignore[call-arg]  # argparse's own take it

    def unexpected(self, extra: list[str]) -> None:
        """Arguments left over, reported by the parser of the command they were given to."""
        self.error(
            ntr(
                "unexpected argument {arguments}",
                "unexpected arguments {arguments}",
                len(extra),
                arguments=", ".join(map(quoted, extra)),
            )
        )


def _help_width() -> int:
    """The width argparse lays help out in, as it reckons it: `shutil.get_terminal_size().columns - 2`."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, a closed one, or not a terminal
            columns = 80
    return columns - 2


def _top(text: str) -> int:
    from kpitui.core.domain.quantities import decimal_places, number_as_written
    from kpitui.core.session.typed_input import parse_typed_number, parse_typed_top

    try:
        return parse_typed_top(text)
    except ValueError as error:
        try:
            number = parse_typed_number(text)  # the rules of what is typed, separators and digits too
        except ValueError:
            number = None
        if number is not None and number < 1 and not decimal_places(number):  # the usual slip, in the reader's language
            raise argparse.ArgumentTypeError(
                tr("must be at least 1 (got {value})", value=number_as_written(text.strip()))
            ) from None
        raise argparse.ArgumentTypeError(str(error)) from None


def _take_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """`--lang X` or `--lang=X`, anywhere before `--`, and the arguments without it.

    The language is chosen before any parser runs, so that `--help` and usage errors are in it too.
    """
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang="), argv[:index] + argv[index + 1 :]
        if argument == "--lang":
            if index + 1 == len(argv):
                raise UsageError(f"--lang needs one of {', '.join(LANGUAGES)}")  # before the language is known: English
            return argv[index + 1], argv[:index] + argv[index + 2 :]
    return None, argv


def _add_language(parser: argparse.ArgumentParser) -> None:
    # Listed for --help; _take_language reads it before parsing.
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language: else KPITUI_LANG, else the locale, else en"))


def _app_parser() -> _Parser:
    parser = _Parser(
        prog="kpitui",
        description=_("Plan marketing KPIs backwards from the goal."),
        epilog=_(
            "commands (run `kpitui COMMAND --help` for each):\n"
            "  calc PLAN       the goal, the KGI and every stage's target\n"
            "  compare PLAN... baseline and scenarios side by side\n"
            "  check PLAN...   validate plans and report the KPI review\n"
            "  status PLAN     every stage against its plan to date; exit 1 when one is behind\n"
            "  actuals PLAN CSV...  record actual counts from CSV exports\n"
            "  new PATH        write a starter plan (the reference case)\n"
            "\nWith no command, opens the app on PLAN, or on the built-in example."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", nargs="?", metavar="PLAN", help=_("plan file to open (created on first save if missing)"))
    parser.add_argument(
        "--version", action="version", version=f"kpitui {__version__}", help=_("show program's version number and exit")
    )
    _add_language(parser)
    return parser


def _calc(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    calc = commands.add_parser("calc", help=_("the goal, the KGI and every stage's target"))
    calc.add_argument("plan", metavar="PLAN", help=_("plan file (TOML, format 1)"))
    calc.add_argument("--scenario", metavar="NAME", help=_("calculate this scenario instead of the baseline"))
    calc.add_argument("--top", type=_top, metavar="N", help=_("also the forward calculation from N at the top"))
    calc.add_argument(
        "--monthly",
        action="store_true",
        help=_("also the month-by-month plan: what each stage plans in every month, and to date (seasonality applied)"),
    )
    calc.add_argument("--format", choices=FORMATS, default="table", help=_("output format (default: table)"))
    return calc


def _compare(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    compare = commands.add_parser("compare", help=_("baseline and scenarios side by side"))
    compare.add_argument("plans", nargs="+", metavar="PLAN", help=_("plan files; each one's baseline, then its scenarios"))
    compare.add_argument("--format", choices=FORMATS, default="table", help=_("output format (default: table)"))
    return compare


def _check(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    check = commands.add_parser("check", help=_("validate plans and report the KPI review"))
    check.add_argument("plans", nargs="+", metavar="PLAN", help=_("plan files to validate"))
    check.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help=_("output format (default: table); exit 0 all complete, 1 a review is open, 2 a plan is invalid"),
    )
    return check


def _status(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    status = commands.add_parser(
        "status",
        help=_("every stage against its plan to date"),
        description=_(
            "Where every stage stands as of a month: plan and actual to date, attainment, forecast, "
            "what is needed per month, observed rates, and the stages behind with their contingency plans. "
            "Exit 0 when no stage is behind, 1 when one is, 2 for an invalid plan or usage."
        ),
    )
    status.add_argument("plan", metavar="PLAN", help=_("plan file with start and [actuals] (TOML, format 1)"))
    status.add_argument("--as-of", metavar="YYYY-MM", help=_("the month to report on (default: the last month with actuals)"))
    status.add_argument("--format", choices=FORMATS, default="table", help=_("output format (default: table)"))
    return status


def _actuals(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    actuals = commands.add_parser(
        "actuals",
        help=_("record actual counts from CSV exports"),
        description=_(
            "Record actual counts in the plan from CSV exports, all or nothing. Long form: columns "
            "month, stage, count (any order); wide form: a month column and one column a stage. Headers match "
            "in any case; 月, ステージ, 件数 work too. Months as 2026-04, 2026/04, 2026/4, 2026-04-01, 202604 or "
            "2026年4月; counts whole, thousands separators allowed; an empty cell records nothing. UTF-8 (with or "
            "without BOM) or Shift_JIS/CP932; comma or tab; # lines before the header are skipped. Any bad cell "
            "stops the import with file:line:column, and the plan is left as it was."
        ),
    )
    actuals.add_argument("plan", metavar="PLAN", help=_('plan file with start = "YYYY-MM" (TOML, format 1)'))
    actuals.add_argument("csvs", nargs="+", metavar="CSV", help=_("CSV exports to record"))
    actuals.add_argument(
        "--replace", action="store_true", help=_("replace counts already recorded with different ones (default: refuse)")
    )
    actuals.add_argument("--dry-run", action="store_true", help=_("print what would be added and replaced; write nothing"))
    return actuals


def _new(commands: "argparse._SubParsersAction[_Parser]") -> _Parser:
    new = commands.add_parser("new", help=_("write a starter plan (the reference case)"))
    new.add_argument("path", metavar="PATH", help=_("where to write it; an existing file is never overwritten"))
    return new


COMMAND_PARSERS = {"calc": _calc, "compare": _compare, "check": _check, "status": _status, "actuals": _actuals, "new": _new}


def _command_parser(command: str) -> tuple[_Parser, _Parser]:
    """The parser of the commands, holding only `command`'s own parser, and that one.

    The other commands' parsers are never built: argparse makes a help formatter (and asks the
    terminal its size) for every argument added, a fifth of `kpitui calc`'s start-up for all six.
    """
    parser = _Parser(prog="kpitui")
    # An explicit prog keeps argparse from building a help formatter (and importing shutil) for it.
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, prog="kpitui")
    own = COMMAND_PARSERS[command](commands)
    _add_language(own)
    return parser, own


def _run_command(argv: list[str]) -> int:
    parser, command = _command_parser(argv[0])
    args, extra = parser.parse_known_args(argv)
    if extra:
        command.unexpected(extra)
    # Each command's module is imported only when it runs: start-up time matters.
    if args.command == "calc":
        from kpitui.cli import calc

        return calc.run(args.plan, args.scenario, args.top, args.format, args.monthly)
    if args.command == "compare":
        from kpitui.cli import compare

        return compare.run(args.plans, args.format)
    if args.command == "check":
        from kpitui.cli import check

        return check.run(args.plans, args.format)
    if args.command == "status":
        from kpitui.cli import status

        return status.run(args.plan, args.as_of, args.format)
    if args.command == "actuals":
        from kpitui.cli import actuals

        return actuals.run(args.plan, args.csvs, args.replace, args.dry_run)
    from kpitui.cli import new

    return new.run(args.path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run kpitui with `argv` (default: the process's arguments); returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        option, argv = _take_language(argv)
        try:
            set_language(resolve_language(option))
        except ValueError as error:
            raise UsageError(str(error)) from None
        # argparse looks its words up through these names: in kpitui's catalogue, English included
        # (the standard gettext would search the disk for a catalogue, and load locale, at each word).
        argparse._ = _  # type: ignore[attr-defined]
        argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
        if argv and argv[0] in COMMAND_PARSERS:
            return _run_command(argv)
        return _open_app(argv)
    except (UsageError, PlanError) as error:
        _report(str(error))
        return EXIT_USAGE
    except OutputError as error:  # a full disk, a closed pipe (`| head -0`) or terminal
        _report(str(error))
        discard()  # so that exiting does not fail a second time on what is still buffered
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


def _open_app(argv: list[str]) -> int:
    parser = _app_parser()
    args, extra = parser.parse_known_args(argv)
    for word in extra:
        if commands := _commands_with_option(word):  # `kpitui --format json`: the command was left out
            raise UsageError(
                tr(
                    "{option} is an option of {commands}: name the command first, as in `kpitui {command} PLAN {written}`",
                    option=quoted(word),
                    written=word,
                    commands=", ".join(commands),
                    command=commands[0],
                )
            )
    if extra and args.plan is not None and not os.path.lexists(args.plan):
        raise UsageError(
            tr(
                "unknown command {command}: the commands are {commands} (see `kpitui --help`)",
                command=quoted(args.plan),
                commands=", ".join(COMMAND_PARSERS),
            )
        )
    if extra:
        parser.unexpected(extra)
    from kpitui.cli.open_app import open_app  # the only path that loads Textual

    return open_app(args.plan)


def _commands_with_option(word: str) -> list[str]:
    """The commands that take the option `word` (`--format` or `--format=json`); only a mistake asks."""
    option = word.split("=", 1)[0]
    return [command for command in COMMAND_PARSERS if option in _command_parser(command)[1]._option_string_actions]


def _report(message: str) -> None:
    """The one `kpitui: error:` line on stderr; if stderr is gone too, the exit code still tells."""
    try:
        print(f"kpitui: error: {visible(message)}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass
