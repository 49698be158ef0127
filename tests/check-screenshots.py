#!/usr/bin/env python3
# Checks that the screenshots the AppStream metainfo and the README show are
# in data/screenshots/ (build-aux/screenshots renders them from the real
# window), and that each is a PNG of a sensible size.
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

top = sys.argv[1]
shots = os.path.join(top, "data", "screenshots")
problems = []


def check_png(path, what):
    try:
        with open(path, "rb") as f:
            head = f.read(24)
    except OSError:
        problems.append(f"{what}: {os.path.relpath(path, top)} is missing")
        return
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        problems.append(f"{what}: {os.path.relpath(path, top)} is not a PNG")
        return
    width, height = struct.unpack(">II", head[16:24])
    if width < 360 or height < 300:
        problems.append(f"{what}: {os.path.relpath(path, top)} is only {width}×{height}")


metainfo = os.path.join(top, "data", "org.example.PersonalLearn.metainfo.xml.in")
images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter("image")]
if not images:
    problems.append("the metainfo shows no screenshot")
for url in images:
    check_png(os.path.join(shots, os.path.basename(url)), f"metainfo image {url}")

with open(os.path.join(top, "README.md"), encoding="utf-8") as f:
    for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", f.read()):
        check_png(os.path.join(top, path), "README image")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
