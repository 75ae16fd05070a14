"""Generates the toolbar icons (a lens ring in the three highlight colours). Run: python3 generate.py"""
import math, struct, zlib

COLOURS = [(59, 130, 246), (168, 85, 247), (217, 119, 6)]  # attribution, hedge, statistic


def pixel(x, y, n):
    c = (n - 1) / 2
    dx, dy = x - c, y - c
    r = math.hypot(dx, dy) / (n / 2)
    if r > 0.96:
        return (0, 0, 0, 0)
    if r > 0.62:  # ring, split in three arcs
        a = (math.atan2(dy, dx) + math.pi / 2) % (2 * math.pi)
        return COLOURS[min(2, int(a / (2 * math.pi / 3)))] + (255,)
    return (31, 41, 51, 255) if r > 0.5 else (245, 247, 250, 255)


def png(n):
    rows = b"".join(b"\0" + bytes(v for x in range(n) for v in pixel(x, y, n)) for y in range(n))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


for size in (16, 32, 48, 128):
    with open(f"{size}.png", "wb") as f:
        f.write(png(size))
