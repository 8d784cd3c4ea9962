"""Render exports the way a reviewer sees them: LibreOffice headless to PDF with
the GB/T 9704 font names mapped onto Debian's Noto CJK fonts (fonts.conf)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
SOFFICE = shutil.which("soffice")


def render_env(profile: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    env["HOME"] = str(profile)
    return env


def to_pdf(src: Path, outdir: Path) -> Path:
    """Convert a .docx/.xlsx to PDF in outdir with a private LibreOffice profile."""
    assert SOFFICE is not None
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=240, env=render_env(profile),
    )
    return outdir / (src.stem + ".pdf")
