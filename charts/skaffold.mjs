#!/usr/bin/env node
// Writes the skaffold config of the platform, .local/skaffold.yaml, from the services' manifests
// (services/*/service.json) and the gateway: one artifact per image, all built from the root Dockerfile with
// SERVICE_DIR and PROJECT, each bound to its chart values (services.<name>.image.*) through setValueTemplates,
// and the chart's helm release with the dev profile. The committed skaffold.yaml only requires that file:
// skaffold cannot glob configs or artifacts, and a list there would be one more place to add a service to.
//
//   node charts/skaffold.mjs                    write .local/skaffold.yaml
//   node charts/skaffold.mjs dev -p dev         write it, then run `skaffold dev -p dev` from the repository root
//   node charts/skaffold.mjs run --default-repo=<registry>
//
// Needs only node (no npm packages). tests/chart/validate.mjs checks what it writes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Where the root skaffold.yaml's `requires` looks (relative to the repository root; .local/ is git-ignored).
export const OUTPUT = ".local/skaffold.yaml";

// Every service's manifest, by name; each is checked against its folder and its project file.
export function manifests(repo = repoRoot) {
  const dir = join(repo, "services");
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, "service.json");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const m = JSON.parse(readFileSync(file, "utf8"));
    if (m.name !== entry.name)
      throw new Error(`services/${entry.name}/service.json: name "${m.name}" is not its folder's`);
    found.push(m);
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// The images: the gateway (its folder's one project) and one per manifest.
export function images(repo = repoRoot) {
  const gatewayProjects = readdirSync(join(repo, "gateway")).filter((f) => f.endsWith(".csproj"));
  if (gatewayProjects.length !== 1) throw new Error(`gateway/: expected one .csproj, found ${gatewayProjects.length}`);
  const list = [{ name: "gateway", dir: "gateway", project: gatewayProjects[0].replace(/\.csproj$/, "") }];
  for (const m of manifests(repo)) {
    const dir = `services/${m.name}`;
    if (!existsSync(join(repo, dir, `${m.project}.csproj`)))
      throw new Error(`${dir}/service.json: no ${dir}/${m.project}.csproj`);
    list.push({ name: m.name, dir, project: m.project });
  }
  return list;
}

// The config as an object. Paths are relative to the generated file's folder (.local/): skaffold resolves a
// required config's paths from where that config lives.
export function skaffoldConfig(repo = repoRoot) {
  const up = "..";
  const imgs = images(repo);
  const key = (image) => image.replace(/[^A-Za-z0-9]/g, "_");
  const setValueTemplates = { "global.image.registry": "" };
  for (const i of imgs) {
    const image = `lmc/${i.name}`;
    setValueTemplates[`services.${i.name}.image.repository`] = `{{.IMAGE_REPO_${key(image)}}}`;
    setValueTemplates[`services.${i.name}.image.tag`] = `{{.IMAGE_TAG_${key(image)}}}`;
  }
  // The token issuer (its manifest has issuesTokens) seeds the development clients in the dev profile.
  const issuer = manifests(repo).find((m) => m.issuesTokens)?.name;
  const devSetValues = issuer ? { [`services.${issuer}.env.Identity__SeedDevelopmentClients`]: "true" } : {};
  const forward = (port) => ({
    resourceType: "service",
    resourceName: "lmc-gateway",
    namespace: "lmc",
    port,
    localPort: port,
  });
  return {
    apiVersion: "skaffold/v4beta11",
    kind: "Config",
    metadata: { name: "lmc-platform-services" },
    build: {
      tagPolicy: { gitCommit: { variant: "AbbrevCommitSha" } },
      local: { useBuildkit: true, concurrency: 1 },
      artifacts: imgs.map((i) => ({
        image: `lmc/${i.name}`,
        context: up,
        docker: { dockerfile: "Dockerfile", buildArgs: { SERVICE_DIR: i.dir, PROJECT: i.project } },
      })),
    },
    // `helm upgrade --install` (deploy.helm, not manifests.helm), so that the chart's migration hooks and
    // helm test run as they do in production.
    deploy: {
      helm: {
        releases: [
          {
            name: "lmc",
            chartPath: `${up}/charts/lmc-platform`,
            namespace: "lmc",
            createNamespace: true,
            wait: true,
            setValueTemplates,
          },
        ],
      },
    },
    portForward: [forward(8080), forward(8081)],
    profiles: [
      {
        name: "dev",
        activation: [{ command: "dev" }],
        patches: [
          {
            op: "add",
            path: "/deploy/helm/releases/0/valuesFiles",
            value: [`${up}/charts/lmc-platform/ci/dev-values.yaml`],
          },
          // identity runs in-cluster (issuer http://lmc-identity:8080/, the chart's default) and seeds the
          // development clients; only this profile may set that flag (tests/chart/validate.mjs).
          { op: "add", path: "/deploy/helm/releases/0/setValues", value: devSetValues },
        ],
      },
    ],
  };
}

// A small YAML writer for the config's shapes: maps, lists, strings (JSON-quoted where YAML needs it),
// numbers and booleans.
function scalar(v) {
  if (typeof v === "string")
    return /^[A-Za-z0-9_./-]+$/.test(v) && !/^(true|false|null|yes|no|on|off|~|[-.\d].*)$/i.test(v)
      ? v
      : JSON.stringify(v);
  return String(v);
}
function yaml(v, indent = "") {
  if (Array.isArray(v)) {
    return v
      .map((item) => {
        if (item !== null && typeof item === "object") {
          const body = yaml(item, indent + "  ");
          return `${indent}- ${body.slice(indent.length + 2)}`;
        }
        return `${indent}- ${scalar(item)}\n`;
      })
      .join("");
  }
  return Object.entries(v)
    .map(([k, val]) => {
      const name = scalar(k);
      if (val !== null && typeof val === "object") {
        const empty = Array.isArray(val) ? val.length === 0 : Object.keys(val).length === 0;
        if (empty) return `${indent}${name}: ${Array.isArray(val) ? "[]" : "{}"}\n`;
        return `${indent}${name}:\n${yaml(val, indent + "  ")}`;
      }
      return `${indent}${name}: ${scalar(val)}\n`;
    })
    .join("");
}

export function render(repo = repoRoot) {
  return (
    "# Generated by charts/skaffold.mjs from services/*/service.json and gateway/: do not edit, do not commit.\n" +
    "# Required by the repository's skaffold.yaml; paths are relative to this folder.\n" +
    yaml(skaffoldConfig(repo))
  );
}

export function write(repo = repoRoot) {
  const file = join(repo, OUTPUT);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, render(repo));
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = write();
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.log(`wrote ${file} (${images().length} images); now: skaffold dev -p dev`);
  } else {
    const r = spawnSync("skaffold", args, { cwd: repoRoot, stdio: "inherit" });
    if (r.error) {
      console.error(`skaffold: ${r.error.message} (install skaffold v2, https://skaffold.dev/docs/install/)`);
      process.exit(127);
    }
    process.exit(r.status ?? 1);
  }
}
