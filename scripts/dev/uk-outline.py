#!/usr/bin/python3
"""Generates model/domain/ukoutline.inc, the outline UkBoundary checks coordinates against.

A developer's tool, run by hand when the outline is to change; nothing in the build or the tests
runs it, and the generated file is committed. It needs Debian's gmt, gmt-gshhg-high and
python3-shapely (GSHHG coastlines and the WDBII border, LGPL), which are therefore not in
scripts/debian-packages.txt:

    apt-get install --no-install-recommends gmt gmt-gshhg-high python3-shapely
    scripts/dev/uk-outline.py [--png preview.png]

The outline is every UK coast (GSHHG level 1 shorelines inside the box below, less those of the
Republic of Ireland, the continent, the Isle of Man and the Channel Islands) widened by MARGIN_KM
out to sea, with the Irish land border taken as it is (WDBII) and continued down the middle of
Lough Foyle and Carlingford Lough, then simplified by at most TOLERANCE_KM. It then checks what
it wrote: every UK shore point at least MARGIN_KM - TOLERANCE_KM inside (except near the land
border), every foreign shore point outside.
"""
import argparse
import math
import subprocess
import sys
import tempfile

from shapely.geometry import MultiLineString, Point, Polygon
from shapely.ops import unary_union

MARGIN_KM = 10.0
TOLERANCE_KM = 1.0
BORDER_TOLERANCE_KM = 0.1
REGION = '-11/2.2/49.5/61.2'  # lon min/max, lat min/max: Great Britain, Ireland, Scilly, Shetland
LON0 = -4.0

# The middle of the two sea loughs at the ends of the land border (their waters are disputed;
# the middle is as good a line as any for a plausibility check), out to the open sea.
FOYLE = [(55.0903, -7.20), (55.1170, -7.12), (55.1513, -7.04), (55.1818, -6.99),
         (55.2001, -6.9613), (55.2085, -6.9067), (55.2428, -6.8667), (55.30, -6.8533)]
CARLINGFORD = [(54.0825, -6.2167), (54.0472, -6.1611), (54.0391, -6.1222), (54.0211, -6.10),
               (53.9934, -6.0611), (53.90, -5.85)]
# Closing the Republic's side of the border through the sea: round Donegal from the mouth of
# Lough Foyle, and south of Carlingford Lough out in the Irish Sea.
REPUBLIC_SEA = [(53.50, -6.0), (53.50, -11.5), (55.60, -11.5), (55.60, -7.05),
                (55.45, -6.95)]

# The continent and the Channel Islands lie south-east of this line (lat, lon), ordered by
# longitude: it runs through the Channel and the Strait of Dover.
CONTINENT_LINE = [(49.85, -5.5), (49.95, 0.0), (50.35, 1.2), (51.0, 1.45), (51.35, 1.75),
                  (51.6, 3.0)]
ISLE_OF_MAN = (53.95, 54.50, -4.95, -4.20)  # lat min, lat max, lon min, lon max
IRELAND_BOX = (51.3, 55.5, -11.5, -5.35)


def project(lat, lon):
    """Sinusoidal projection in km about LON0: distances are right to a few per cent here."""
    return ((lon - LON0) * 111.32 * math.cos(math.radians(lat)), lat * 110.57)


def unproject(x, y):
    lat = y / 110.57
    return lat, LON0 + x / (111.32 * math.cos(math.radians(lat)))


def gmt_segments(*args):
    with tempfile.TemporaryDirectory() as scratch:  # gmt leaves a gmt.history file behind
        out = subprocess.run(['gmt', 'coast', '-R' + REGION, '-Dh', '-M', *args], cwd=scratch,
                             check=True, capture_output=True, text=True).stdout
    segments, current = [], None
    for line in out.splitlines():
        if line.startswith('>'):
            current = []
            segments.append(current)
        elif line.strip():
            lon, lat = map(float, line.split())
            current.append((lat, lon))
    return [s for s in segments if len(s) >= 2]


def irish_border():
    """The land border from Lough Foyle to Carlingford Lough as one line."""
    parts = [s for s in gmt_segments('-N1')
             if all(53.9 < lat < 55.3 and -8.5 < lon < -5.9 for lat, lon in s)]
    start = max((p for s in parts for p in (s[0], s[-1])), key=lambda p: p[0])
    line = [start]
    while parts:
        for s in parts:
            if s[0] == line[-1] or s[-1] == line[-1]:
                parts.remove(s)
                line += (s if s[0] == line[-1] else s[::-1])[1:]
                break
        else:
            sys.exit('the border does not join up')
    return line


def continent(lat, lon):
    if lat < CONTINENT_LINE[0][0] and lon > CONTINENT_LINE[0][1]:
        return True
    for (lat0, lon0), (lat1, lon1) in zip(CONTINENT_LINE, CONTINENT_LINE[1:]):
        if lon0 <= lon <= lon1:
            return lat < lat0 + (lat1 - lat0) * (lon - lon0) / (lon1 - lon0)
    return False


def classify(lat, lon, republic):
    """'uk', or why a shore point is not in the UK."""
    if continent(lat, lon):
        return 'continent'
    if ISLE_OF_MAN[0] < lat < ISLE_OF_MAN[1] and ISLE_OF_MAN[2] < lon < ISLE_OF_MAN[3]:
        return 'isle of man'
    if IRELAND_BOX[0] < lat < IRELAND_BOX[1] and IRELAND_BOX[2] < lon < IRELAND_BOX[3]:
        if (lat < 53.95 and lon < -5.9) or republic.contains(Point(project(lat, lon))):
            return 'republic of ireland'
    return 'uk'


def km_polygon(points):
    return Polygon([project(lat, lon) for lat, lon in points])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', default='model/domain/ukoutline.inc')
    parser.add_argument('--png')
    args = parser.parse_args()

    border = irish_border()
    republic = km_polygon([border[0]] + FOYLE + REPUBLIC_SEA[::-1] + CARLINGFORD[::-1]
                          + border[::-1][:-1])
    if not republic.is_valid:
        sys.exit('the Republic side polygon is not valid')

    shores = gmt_segments('-W1', '-A0')
    uk_lines, foreign = [], []
    for segment in shores:
        kinds = [classify(lat, lon, republic) for lat, lon in segment]
        run = []
        for point, kind in zip(segment, kinds):
            if kind == 'uk':
                run.append(project(*point))
            else:
                foreign.append((point, kind))
                if len(run) >= 2:
                    uk_lines.append(run)
                run = []
        if len(run) >= 2:
            uk_lines.append(run)
        elif len(run) == 1:
            uk_lines.append([run[0], (run[0][0] + 0.01, run[0][1])])

    # The border goes in with the shores so that Northern Ireland's band closes round its land.
    shore = MultiLineString(uk_lines + [[project(*p) for p in border]]).simplify(0.2)
    widened = shore.buffer(MARGIN_KM, 4)
    filled = unary_union([Polygon(p.exterior) for p in getattr(widened, 'geoms', [widened])])
    outline = filled.simplify(TOLERANCE_KM).difference(republic.buffer(0))
    # The border as drawn by WDBII, not simplified away with the coast.
    outline = outline.simplify(BORDER_TOLERANCE_KM)
    polygons = [p for p in getattr(outline, 'geoms', [outline]) if p.area > 1.0]

    rings = []
    for polygon in polygons:
        if polygon.interiors:
            sys.exit('an outline has a hole')
        rings.append([unproject(x, y) for x, y in polygon.exterior.coords[:-1]])

    check(rings, uk_lines, foreign, republic.exterior)
    write(args.out, rings)
    if args.png:
        preview(args.png, rings, uk_lines, foreign)


def check(rings, uk_lines, foreign, republic_edge):
    """Exits unless every UK shore point is inside and every foreign one outside."""
    shapes = [km_polygon(r) for r in rings]
    boundary = unary_union([s.exterior for s in shapes])
    worst = MARGIN_KM
    for line in uk_lines:
        for x, y in line:
            p = Point(x, y)
            near_border = republic_edge.distance(p)
            if not any(s.contains(p) for s in shapes) and near_border > 2 * BORDER_TOLERANCE_KM:
                sys.exit(f'UK shore point {unproject(x, y)} is outside')
            if near_border > MARGIN_KM:
                worst = min(worst, boundary.distance(p))
    print(f'UK shore points: at least {worst:.1f} km inside the outline', file=sys.stderr)
    nearest = {}
    for (lat, lon), kind in foreign:
        p = Point(project(lat, lon))
        if republic_edge.distance(p) <= 2 * BORDER_TOLERANCE_KM:
            continue
        if any(s.contains(p) for s in shapes):
            sys.exit(f'{kind} shore point {lat:.4f}, {lon:.4f} is inside')
        if republic_edge.distance(p) > MARGIN_KM:
            nearest[kind] = min(nearest.get(kind, 1e9), boundary.distance(p))
    for kind, km in sorted(nearest.items()):
        print(f'{kind}: shore at least {km:.1f} km outside the outline', file=sys.stderr)


def write(path, rings):
    with open(path, 'w') as out:
        out.write('// Generated by scripts/dev/uk-outline.py from GSHHG 2.3.7 (high resolution) '
                  'shorelines and\n// the WDBII border; do not edit by hand. Latitude, '
                  'longitude; one ring per array.\n')
        for i, ring in enumerate(rings):
            lats = [lat for lat, _ in ring]
            out.write(f'\n// {min(lats):.2f}..{max(lats):.2f} N, {len(ring)} points\n')
            out.write(f'constexpr Point kRing{i}[] = {{\n')
            for lat, lon in ring:
                out.write(f'    {{{lat:.4f}, {lon:.4f}}},\n')
            out.write('};\n')
        out.write('\nconstexpr std::span<const Point> kRings[] = {\n')
        for i in range(len(rings)):
            out.write(f'    kRing{i},\n')
        out.write('};\n')
    print(f'{path}: {len(rings)} rings, {sum(map(len, rings))} points', file=sys.stderr)


def preview(path, rings, uk_lines, foreign):
    import struct
    import zlib
    lat0, lat1, lon0, lon1 = 49.5, 61.2, -11.0, 2.2
    w = 1100
    h = int(w * (lat1 - lat0) / ((lon1 - lon0) * math.cos(math.radians(55))))
    pix = bytearray([255]) * (w * h * 3)

    def dot(lat, lon, colour):
        x = int((lon - lon0) / (lon1 - lon0) * (w - 1))
        y = int((lat1 - lat) / (lat1 - lat0) * (h - 1))
        if 0 <= x < w and 0 <= y < h:
            pix[(y * w + x) * 3:(y * w + x) * 3 + 3] = bytes(colour)

    def segment(a, b, colour):
        n = 400
        for i in range(n + 1):
            dot(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n, colour)

    for line in uk_lines:
        for p in line:
            dot(*unproject(*p), (0, 0, 0))
    for (lat, lon), _ in foreign:
        dot(lat, lon, (0, 0, 255))
    for ring in rings:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            segment(a, b, (220, 0, 0))
    raw = b''.join(b'\0' + bytes(pix[y * w * 3:(y + 1) * w * 3]) for y in range(h))

    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data
                + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))

    with open(path, 'wb') as out:
        out.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                  + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


if __name__ == '__main__':
    main()
