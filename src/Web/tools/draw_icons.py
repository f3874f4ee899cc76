#!/usr/bin/env python3
"""Draws oO's app icons (white "oO" rings on black) into ../wwwroot/icons with the standard library only.

The PNGs are committed; run this again only to change the icon: python3 src/Web/tools/draw_icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "wwwroot", "icons")
SAMPLES = 4  # supersampling per axis, for smooth edges

# (centre x, centre y, radius x, radius y, stroke) in units of the icon's side; bottoms share a baseline.
RINGS = [
    (0.285, 0.630, 0.125, 0.140, 0.050),
    (0.620, 0.500, 0.215, 0.270, 0.058),
]


def inside(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def coverage(x, y, scale):
    # Scale the drawing about the centre; maskable icons keep it inside the 80% safe zone.
    ux, uy = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    for cx, cy, rx, ry, w in RINGS:
        if inside(ux, uy, cx, cy, rx, ry) and not inside(ux, uy, cx, cy, rx - w, ry - w):
            return True
    return False


def draw(size, scale):
    rows = []
    step = 1.0 / (size * SAMPLES)
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px * SAMPLES + sx + 0.5) * step
                    y = (py * SAMPLES + sy + 0.5) * step
                    hits += coverage(x, y, scale)
            v = round(242 * hits / (SAMPLES * SAMPLES))
            row += bytes((v, v, v))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, size, scale in [("icon192", 192, 1.0), ("icon512", 512, 1.0), ("apple180", 180, 0.9), ("maskable512", 512, 0.72)]:
        with open(os.path.join(OUT, f"{name}.png"), "wb") as f:
            f.write(png(size, draw(size, scale)))
        print(f"wrote icons/{name}.png")


if __name__ == "__main__":
    main()
