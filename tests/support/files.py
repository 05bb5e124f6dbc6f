"""Files as an operator would hand them to `tracker import`: dated snapshots, a real PDF."""

from __future__ import annotations

from pathlib import Path

# seed policies of ../shared/seeds and what the seed README says each file carries
SEEDS = {
    "000_962f9de8e54ad145.txt": ("konnektive.com", "2019-06-10"),
    "002_17626834e7225e2a.txt": ("konstantinfo.com", "2018-10-04"),
    "003_d23d0cc83f426ce8.txt": ("connectsolutions.com", "2016-04-12"),
}


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF with real text (Helvetica), xref offsets computed."""
    content = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({ln}) Tj 0 -16 Td" for ln in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
