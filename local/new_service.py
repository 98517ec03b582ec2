#!/usr/bin/env python3
"""Scaffold a service: ./lmc new-service <name> --owner jwg:<area> [--summary "..."]

Writes services/<name>/, protos/lmc/<package>/v1/ and tests/Lmc.<Name>.Tests/ from local/templates/service/,
adds the two projects to the solution and creates the service's baseline migration. Nothing else changes: the
AppHost, the gateway, the chart, skaffold, the scopes and the test fixtures find the new service by its manifest.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "local" / "templates" / "service"
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
OWNER = re.compile(r"^jwg:[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def manifests():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((REPO / "services").glob("*/service.json"))]


def next_ports(existing):
    """The next free block of a hundred after the highest service port: 5501/5502 after 5401/5402."""
    highest = max(max(m["ports"]["http"], m["ports"]["grpc"]) for m in existing)
    http = (highest // 100 + 1) * 100 + 1
    return http, http + 1


def values(name, owner, summary, existing):
    pascal = "".join(part.capitalize() for part in name.split("-"))
    http, grpc = next_ports(existing)
    area = owner.split(":", 1)[1]
    return {
        "__name__": name,
        "__Pascal__": pascal,
        "__package__": name.replace("-", ""),
        "__db__": name.replace("-", "_"),
        "__owner__": owner,
        "__area__": area,
        "__summary__": summary or f"The {area.replace('-', ' ')} JWG's service.",
        "__http__": str(http),
        "__grpc__": str(grpc),
    }


def substitute(text, subs):
    for key, value in subs.items():
        text = text.replace(key, value)
    return text


def check(name, owner, existing):
    problems = []
    if not NAME.match(name):
        problems.append(f"the name {name!r} must be lower-case words joined by '-' (e.g. water-resources)")
    if not OWNER.match(owner):
        problems.append(f"the owner {owner!r} must be a JWG role, jwg:<area> (e.g. jwg:{name})")
    if any(m["name"] == name for m in existing) or (REPO / "services" / name).exists():
        problems.append(f"services/{name} exists already")
    return problems


def write_tree(subs):
    written = []
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir():
            continue
        target = REPO / substitute(str(source.relative_to(TEMPLATE)), subs)
        if target.exists():
            sys.exit(f"{target.relative_to(REPO)} exists already; nothing was written after it")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(substitute(source.read_text(encoding="utf-8"), subs), encoding="utf-8")
        written.append(target)
    return written


def run(*command):
    subprocess.run(command, cwd=REPO, check=True)


def main(argv):
    parser = argparse.ArgumentParser(prog="./lmc new-service", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the service's name: its folder, chart key, gateway cluster and scope prefix")
    parser.add_argument("--owner", required=True, help="the JWG role that writes to it, jwg:<area>")
    parser.add_argument("--summary", help="one sentence on what it answers (the manifest's summary)")
    parser.add_argument("--no-migration", action="store_true", help="skip `dotnet ef migrations add Baseline`")
    args = parser.parse_args(argv[1:])

    existing = manifests()
    problems = check(args.name, args.owner, existing)
    if problems:
        print("\n".join(f"new-service: {p}" for p in problems), file=sys.stderr)
        return 2

    subs = values(args.name, args.owner, args.summary, existing)
    pascal = subs["__Pascal__"]
    service_dir = REPO / "services" / args.name
    try:
        write_tree(subs)
        run("dotnet", "sln", "Lmc.Platform.sln", "add", "--solution-folder", f"services/{args.name}",
            f"services/{args.name}/Lmc.{pascal}.csproj",
            f"services/{args.name}/Contracts/Lmc.{pascal}.Contracts.csproj")
        run("dotnet", "sln", "Lmc.Platform.sln", "add", "--solution-folder", "tests",
            f"tests/Lmc.{pascal}.Tests/Lmc.{pascal}.Tests.csproj")
        if not args.no_migration:
            run("dotnet", "tool", "restore")
            run("dotnet", "build", f"services/{args.name}", "-nologo", "-v", "q", "-clp:ErrorsOnly")
            run("dotnet", "ef", "migrations", "add", "Baseline", "--no-build", "--project", f"services/{args.name}",
                "--output-dir", "Data/Migrations")
    except subprocess.CalledProcessError as failure:
        print(f"new-service: {' '.join(failure.cmd)} failed; remove services/{args.name}, "
              f"protos/lmc/{subs['__package__']} and tests/Lmc.{pascal}.Tests, and `git checkout Lmc.Platform.sln`, "
              "before trying again", file=sys.stderr)
        return 1

    rows = [(f"services/{args.name}/", f"the service; what is left to write: services/{args.name}/CHECKLIST.md"),
            (f"protos/lmc/{subs['__package__']}/v1/", "its contract"),
            (f"tests/Lmc.{pascal}.Tests/", "its tests")]
    width = max(len(path) for path, _ in rows) + 2
    print(f"\nCreated {args.name} (owner {args.owner}, ports {subs['__http__']}/{subs['__grpc__']}):")
    for path, what in rows:
        print(f"  {path:<{width}}{what}")
    print(f"Run `./lmc test` (or `dotnet test tests/Lmc.{pascal}.Tests`), then `./lmc up`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
