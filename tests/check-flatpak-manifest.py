#!/usr/bin/env python3
# Checks the Flatpak manifest: flatpak-builder parses it when installed (with
# unknown keys fatal), and its id, command and permissions match the build:
# no network, files through portals only.
import json
import os
import shutil
import subprocess
import sys

manifest, app_id, command = sys.argv[1], sys.argv[2], sys.argv[3]

if shutil.which("flatpak-builder"):
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    subprocess.run(["flatpak-builder", "--show-manifest", manifest], env=env, check=True,
                   stdout=subprocess.DEVNULL)

with open(manifest, encoding="utf-8") as f:
    data = json.load(f)

problems = []
for key in ("id", "runtime", "runtime-version", "sdk", "command", "modules", "finish-args"):
    if key not in data:
        problems.append(f"missing key “{key}”")
if data.get("id") != app_id:
    problems.append(f"id is {data.get('id')!r}, the build says {app_id!r}")
if data.get("command") != command:
    problems.append(f"command is {data.get('command')!r}, the build installs {command!r}")
if data.get("runtime") != "org.gnome.Platform":
    problems.append("the runtime is not the GNOME platform")
for arg in data.get("finish-args", []):
    if arg.startswith("--share=network"):
        problems.append("the app asks for the network; sync goes through files")
    if arg.startswith("--filesystem"):
        problems.append(f"{arg}: files go through the portals")
last = data.get("modules", [{}])[-1]
if last.get("buildsystem") != "meson":
    problems.append("the app module is not built with meson")

for p in problems:
    print(f"{manifest}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
