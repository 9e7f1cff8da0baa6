"""`lofte-extract collect`: the command-line face of the collect stage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import USER_AGENT, CollectConfig
from .crawl import collect
from .store import CorpusBusy

__all__ = ["main", "read_url_file", "register", "run"]

_DESCRIPTION = """\
Fetch medborgarlöfte pages and PDFs into a corpus folder, with provenance.

Honours robots.txt (group "lofte-extract", else "*"), waits between requests to a host,
follows redirects, retries 5xx/429 a few times, and refuses files over --max-bytes.
From each HTML page it follows links on the seed hosts whose URL or anchor text looks
like a medborgarlöfte or trygghet page, up to --depth hops and --max-pages downloads.

Redirects to other hosts follow the rules of links (--any-host); loopback, private and
link-local addresses are refused unless a seed is one.

Writes into CORPUS_DIR: one file per distinct content (name from the URL), manifest.jsonl
(every line has url, final_url, path, sha256, content_type, charset, status, fetched_at,
size, also_urls, etag, last_modified; null when unknown) and errors.jsonl (one row per
URL that failed, with a specific reason). URLs already in the manifest are skipped unless
--refresh, which revalidates them (If-None-Match / If-Modified-Since): a 304 rewrites
nothing, a changed page replaces its file and manifest entry. Exit status is 0 when the
run completed, even if some URLs failed.
"""

_EPILOG = """\
examples:
  lofte-extract collect https://polisen.se/om-polisen/medborgarloften/motala/
  lofte-extract collect --from-file urls.txt -o corpus --depth 2 --delay 2
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `collect` subcommand to the main parser's subparsers."""
    parser = subparsers.add_parser(
        "collect",
        help="fetch medborgarlöfte pages and PDFs into a corpus folder",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The collect options, shared by the subcommand and `python -m lofte_extract.collect`."""
    d = CollectConfig()
    parser.add_argument("urls", nargs="*", metavar="URL", help="page or PDF to fetch")
    parser.add_argument(
        "--from-file",
        type=Path,
        metavar="FILE",
        action="append",
        help="read URLs from FILE, one per line ('#' comments; a TSV "
        "line's first http(s) field); may repeat",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("corpus"),
        metavar="CORPUS_DIR",
        help="folder to fill (default: corpus)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=d.max_bytes,
        metavar="N",
        help=f"refuse files larger than N bytes (default: {d.max_bytes})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=d.timeout,
        metavar="SECONDS",
        help=f"connect and read timeout (default: {d.timeout:g})",
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=None,
        metavar="SECONDS",
        help="total time one download may take (default: 3 x --timeout)",
    )
    parser.add_argument(
        "--delay",
        type=float,
        default=d.delay,
        metavar="SECONDS",
        help=f"pause between requests to one host (default: {d.delay:g}; "
        "a longer robots.txt Crawl-delay wins, up to "
        f"{d.max_crawl_delay:g}s)",
    )
    parser.add_argument(
        "--max-pages",
        type=int,
        default=d.max_pages,
        metavar="N",
        help=f"download at most N URLs (default: {d.max_pages})",
    )
    parser.add_argument(
        "--depth",
        type=int,
        default=d.depth,
        metavar="N",
        help=f"follow relevant links N hops from the seeds (default: {d.depth};"
        " 0 fetches only the URLs given)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=d.retries,
        metavar="N",
        help=f"extra attempts after a 5xx or 429 (default: {d.retries})",
    )
    parser.add_argument(
        "--user-agent",
        default=USER_AGENT,
        metavar="UA",
        help="User-Agent header (robots.txt is matched as 'lofte-extract')",
    )
    parser.add_argument(
        "--any-host", action="store_true", help="also follow relevant links to other hosts"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="revalidate URLs already in the manifest with conditional requests",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")


def read_url_file(path: Path) -> list[str]:
    """URLs from a file: one per line, '#' comments, the first http(s) field of a TSV line."""
    urls = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        found = [f for f in fields if f.lower().startswith(("http://", "https://"))]
        urls.append(found[0] if found else fields[0])
    return urls


def run(args: argparse.Namespace) -> int:
    """Run the collect subcommand; 0 when the run completed, 2 on bad usage."""
    urls = list(args.urls)
    for path in args.from_file or []:
        try:
            urls.extend(read_url_file(path))
        except OSError as exc:
            print(f"lofte-extract collect: cannot read {path}: {exc.strerror}", file=sys.stderr)
            return 2
    if not urls:
        print(
            "lofte-extract collect: no URLs given (pass URL or --from-file FILE)", file=sys.stderr
        )
        return 2
    for name in ("max_bytes", "max_pages"):
        if getattr(args, name) < 1:
            print(
                f"lofte-extract collect: --{name.replace('_', '-')} must be at least 1",
                file=sys.stderr,
            )
            return 2
    if not args.user_agent.isascii():
        print(
            "lofte-extract collect: --user-agent must be ASCII (it is an HTTP header)",
            file=sys.stderr,
        )
        return 2
    config = CollectConfig(
        max_bytes=args.max_bytes,
        timeout=args.timeout,
        deadline=args.deadline,
        delay=max(0.0, args.delay),
        max_pages=args.max_pages,
        depth=max(0, args.depth),
        user_agent=args.user_agent,
        refresh=args.refresh,
        retries=max(0, args.retries),
        any_host=args.any_host,
    )

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.output.exists() and not args.output.is_dir():
        print(f"lofte-extract collect: {args.output} exists and is not a folder", file=sys.stderr)
        return 2
    try:
        report = collect(urls, args.output, config=config, progress=None if args.quiet else say)
    except CorpusBusy as exc:
        print(f"lofte-extract collect: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"lofte-extract collect: cannot write to {args.output}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "lofte-extract collect: interrupted; the files and manifest lines written so far "
            "are kept, and the same command resumes",
            file=sys.stderr,
        )
        return 130
    if args.quiet:
        say(report.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: `python -m lofte_extract.collect URL ...`."""
    parser = argparse.ArgumentParser(
        prog="lofte-extract collect",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))
