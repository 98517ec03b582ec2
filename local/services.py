#!/usr/bin/env python3
"""The services of the platform, read from their manifests (services/<name>/service.json).

  local/services.py ports     one line per service: name, REST port, gRPC port
  local/services.py summary   one line per service: name and its OpenAPI document at the gateway
  local/services.py projects  one line per service: its project file, relative to the repository
  local/services.py seeds     one line per service with demo data: its seed program (manifest "local.seed"),
                              the services it calls first

The `lmc` script waits for and prints every service this way, so a new service needs no edit there.
"""
import json
import pathlib
import sys

SERVICES = pathlib.Path(__file__).resolve().parent.parent / "services"


def manifests():
    found = []
    for path in sorted(SERVICES.glob("*/service.json")):
        with path.open(encoding="utf-8") as f:
            manifest = json.load(f)
        if manifest.get("name") != path.parent.name:
            sys.exit(f"{path}: the name {manifest.get('name')!r} is not its folder's")
        found.append(manifest)
    if not found:
        sys.exit(f"no services/*/service.json under {SERVICES}")
    return found


def in_call_order(found):
    """The manifests with every service after the ones it calls (their data may be what it refers to)."""
    by_name = {m["name"]: m for m in found}
    ordered, seen = [], set()

    def visit(m):
        if m["name"] in seen:
            return
        seen.add(m["name"])
        for called in m.get("calls", []):
            visit(by_name[called])
        ordered.append(m)

    for m in found:
        visit(m)
    return ordered


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "ports":
        for m in manifests():
            print(m["name"], m["ports"]["http"], m["ports"]["grpc"])
    elif command == "summary":
        gateway = argv[2] if len(argv) > 2 else "http://localhost:8080"
        for m in manifests():
            document = f"{gateway}/openapi/{m['name']}.json" if m.get("gateway", {}).get("openApi", True) else "-"
            print(f"  {m['name']:<20} {document}")
    elif command == "projects":
        for m in manifests():
            print(f"services/{m['name']}/{m['project']}.csproj")
    elif command == "seeds":
        for m in in_call_order(manifests()):
            seed = m.get("local", {}).get("seed")
            if seed:
                print(SERVICES / m["name"] / seed)
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
