"""DOCX → PDF with LibreOffice, where the server has it: the contract's PDF is offered only
when `soffice` (or `libreoffice`) is on PATH; otherwise the API says so and points to the
DOCX. LibreOffice is a few hundred megabytes and no Python package replaces it faithfully,
so it is an optional system dependency, never a requirement.

A conversion is a blocking child process: callers run it in a worker thread. Each one gets
its own LibreOffice profile directory (two conversions sharing a profile block each other),
its own process group (so a timeout kills `soffice.bin` too, not only its launcher script),
and at most `PARALLEL` run at once, since each takes a few hundred megabytes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

CONVERTERS = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 60.0
PARALLEL = 2
_slots = threading.BoundedSemaphore(PARALLEL)


class PdfUnavailableError(Exception):
    """No converter is installed."""


class PdfConversionError(Exception):
    """The converter ran but gave no PDF, or did not finish in time."""


def converter() -> str | None:
    """The converter's path, if one is installed."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(
    docx: bytes, *, timeout: float = TIMEOUT_SECONDS, binary: str | None = None
) -> bytes:
    binary = binary or converter()
    if binary is None:
        raise PdfUnavailableError("no soffice or libreoffice on PATH")
    with _slots, tempfile.TemporaryDirectory(prefix="maestro-pdf-") as work:
        folder = Path(work)
        source = folder / "contract.docx"
        source.write_bytes(docx)
        command = [
            binary,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        with subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        ) as process:
            try:
                output, _ = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                _kill_group(process)
                process.communicate()
                raise PdfConversionError(f"the converter took longer than {timeout:g} s") from exc
            finally:
                _kill_group(process)
        result = folder / "contract.pdf"
        if process.returncode != 0 or not result.exists():
            said = output.decode(errors="replace").strip()[-300:]
            raise PdfConversionError(f"the converter exited {process.returncode}: {said}")
        return result.read_bytes()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Whatever the launcher left running in its session goes too."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
