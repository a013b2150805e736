#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws ikuflet's icon (a page with a person on it: one IKU per employee) as PNG
files of 16, 26 and 42 pixels: the small and big toolbar/menu images and the
Extension Manager's icon. Python's standard library only, so the build needs
nothing else; shapes are sampled 8x8 per pixel for smooth edges."""

import argparse
import os
import struct
import zlib

SIZES = (16, 26, 42)
SAMPLES = 8

BORDER = (0x33, 0x3d, 0x4a)
PAGE = (0xff, 0xff, 0xff)
FOLD = (0xd5, 0xdb, 0xe3)
PERSON = (0x1f, 0x6f, 0xb2)
LINES = (0x8a, 0x94, 0xa1)

PAGE_OUTLINE = [(0.16, 0.04), (0.64, 0.04), (0.86, 0.26), (0.86, 0.96), (0.16, 0.96)]
FOLD_TRIANGLE = [(0.64, 0.04), (0.64, 0.26), (0.86, 0.26)]


def inside_polygon(x, y, points):
    result = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def shrink(points, d):
    """The polygon moved inwards by d (good enough for this convex outline)."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    out = []
    for x, y in points:
        dx, dy = cx - x, cy - y
        length = (dx * dx + dy * dy) ** 0.5
        out.append((x + dx / length * d * 1.3, y + dy / length * d * 1.3))
    return out


def colour_at(x, y, border):
    """The colour of the point (x, y) in the unit square, or None (transparent)."""
    if not inside_polygon(x, y, PAGE_OUTLINE):
        return None
    if not inside_polygon(x, y, shrink(PAGE_OUTLINE, border)):
        return BORDER
    if inside_polygon(x, y, FOLD_TRIANGLE):
        return FOLD
    # The person: a head and the shoulders.
    if (x - 0.51) ** 2 + (y - 0.36) ** 2 <= 0.095 ** 2:
        return PERSON
    if y <= 0.66 and ((x - 0.51) / 0.2) ** 2 + ((y - 0.66) / 0.17) ** 2 <= 1.0:
        return PERSON
    # Two lines of text.
    if 0.29 <= x <= 0.73 and 0.735 <= y <= 0.785:
        return LINES
    if 0.29 <= x <= 0.62 and 0.825 <= y <= 0.875:
        return LINES
    return PAGE


def render(size):
    border = max(1.0, size / 20.0) / size
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0]
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at((px + (sx + 0.5) / SAMPLES) / size,
                                  (py + (sy + 0.5) / SAMPLES) / size, border)
                    if c is not None:
                        hits += 1
                        for k in range(3):
                            acc[k] += c[k]
            if hits:
                row += bytes([acc[0] // hits, acc[1] // hits, acc[2] // hits,
                              round(255 * hits / (SAMPLES * SAMPLES))])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\0" + r for r in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args()
    for size in SIZES:
        path = os.path.join(args.out_dir, "ikuflet-%d.png" % size)
        with open(path + ".tmp", "wb") as f:
            f.write(png(size, render(size)))
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
