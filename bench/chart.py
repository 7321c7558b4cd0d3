#!/usr/bin/env python3
"""Draws BENCHMARKS.md's chart: Routescope vs the same-run reference, one bar pair per component.

Input: a TSV with a header line and columns
    component  unit  ours  reference_name  reference
(one row per measured component, numbers as measured in ONE run; higher is better).
Output: an SVG on stdout. Standard library only, so any CI image can run it.

    bench/chart.py bench/figures.tsv > bench/throughput.svg
"""
import csv
import html
import math
import sys


def main(path: str) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    if not rows:
        sys.exit(f"{path}: no rows")
    for i, r in enumerate(rows, start=2):
        for k in ("component", "unit", "ours", "reference_name", "reference"):
            if not r.get(k):
                sys.exit(f"{path}:{i}: missing column '{k}'")
        try:
            r["ours_v"] = float(r["ours"])
            r["ref_v"] = float(r["reference"])
        except ValueError as e:
            sys.exit(f"{path}:{i}: {e}")
        if r["ours_v"] <= 0 or r["ref_v"] <= 0:
            sys.exit(f"{path}:{i}: values must be > 0")

    # Ratios span 1x..100x: a log axis keeps every pair readable.
    width, left, bar_h, gap = 900, 330, 14, 16
    height = 60 + len(rows) * (2 * bar_h + gap) + 40
    max_ratio = max(max(r["ours_v"], r["ref_v"]) / r["ref_v"] for r in rows)
    decades = max(1, math.ceil(math.log10(max_ratio * 1.2)))
    scale = (width - left - 120) / decades

    def x(ratio: float) -> float:
        return left + max(0.0, math.log10(ratio) + 0.3) * scale / (1 + 0.3 / decades)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        '<text x="10" y="20" font-size="15" font-weight="bold">Routescope vs same-run reference '
        "(throughput relative to the reference, log scale)</text>",
    ]
    for d in range(decades + 1):
        xx = x(10 ** d)
        out.append(f'<line x1="{xx:.1f}" y1="35" x2="{xx:.1f}" y2="{height - 30}" stroke="#ddd"/>')
        out.append(f'<text x="{xx:.1f}" y="{height - 15}" text-anchor="middle">{10 ** d}x</text>')
    y = 50
    for r in rows:
        ratio = r["ours_v"] / r["ref_v"]
        label = html.escape(r["component"])
        out.append(f'<text x="10" y="{y + bar_h}">{label}</text>')
        out.append(
            f'<rect x="{left}" y="{y}" width="{x(ratio) - left:.1f}" height="{bar_h}" fill="#2b7bb9"/>'
        )
        out.append(
            f'<text x="{x(ratio) + 4:.1f}" y="{y + bar_h - 2}">Routescope {r["ours_v"]:,.0f} {html.escape(r["unit"])}'
            f" ({ratio:.1f}x)</text>"
        )
        y += bar_h
        out.append(f'<rect x="{left}" y="{y}" width="{x(1.0) - left:.1f}" height="{bar_h}" fill="#aaa"/>')
        out.append(
            f'<text x="{x(1.0) + 4:.1f}" y="{y + bar_h - 2}">{html.escape(r["reference_name"])} '
            f'{r["ref_v"]:,.0f} {html.escape(r["unit"])}</text>'
        )
        y += bar_h + gap
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bench/chart.py FIGURES.tsv > chart.svg")
    main(sys.argv[1])
