// Renders the lmc-platform chart with each charts/lmc-platform/ci/*.yaml values file (and a few
// variations) and checks every object: Kubernetes schema (kubernetes-models), the platform's
// security and operations policies, network policy coverage, and the shape of the operator CRDs.
// The services are the manifests' (services/*/service.json), read here as the chart reads them; no
// list of services is written in this file. A throw-away manifest in a copy of the chart shows that a
// new service needs no edit of the chart; the generated skaffold config covers every image.
// Usage: node validate.mjs <helm-binary>. Prints PASS/FAIL lines and "N passed, M failed".
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import * as skaffold from "../../charts/skaffold.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const chart = resolve(here, "../../charts/lmc-platform");
const helm = process.argv[2];
if (!helm) {
  console.error("usage: node validate.mjs <helm>");
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems.slice(0, 20)) console.log(`     - ${p}`);
    if (problems.length > 20) console.log(`     ... and ${problems.length - 20} more`);
  }
}

// The services' manifests, as the chart reads them (services/<name>/service.json, by name).
function readManifests(root) {
  const dir = join(root, "services");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "service.json")))
    .map((e) => JSON.parse(readFileSync(join(dir, e.name, "service.json"), "utf8")))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
const MANIFESTS = readManifests(repo);
const SERVICES = MANIFESTS.map((m) => m.name);
const WORKLOADS = ["gateway", ...SERVICES];
const ISSUER = MANIFESTS.find((m) => m.issuesTokens)?.name;
const dbName = (name) => name.replaceAll("-", "_");

function render(valuesFiles, sets = [], chartDir = chart) {
  const args = ["template", "lmc", chartDir, "--namespace", "lmc"];
  for (const f of valuesFiles) args.push("-f", f);
  for (const s of sets) args.push("--set", s);
  const out = execFileSync(helm, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return YAML.parseAllDocuments(out)
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === "object");
}

// The error of a render that must fail ("" when it rendered).
function renderError(valuesFiles, sets, chartDir = chart) {
  try {
    render(valuesFiles, sets, chartDir);
    return "";
  } catch (e) {
    return String(e.stderr ?? e.message).trim() || "failed";
  }
}
const renderFails = (valuesFiles, sets, chartDir) => renderError(valuesFiles, sets, chartDir) !== "";

const id = (o) => `${o.kind}/${o.metadata?.name}`;
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "Job", "Pod"]);
const podSpecOf = (o) => (o.kind === "Pod" ? o.spec : o.spec?.template?.spec);
const podLabelsOf = (o) => (o.kind === "Pod" ? o.metadata?.labels : o.spec?.template?.metadata?.labels) ?? {};
const containersOf = (o) => {
  const s = podSpecOf(o) ?? {};
  return [
    ...(s.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(s.containers ?? []).map((c) => ({ c, init: false })),
  ];
};

// --- Kubernetes schema ------------------------------------------------------------------------
const CRDS = {
  "rabbitmq.com/v1beta1/RabbitmqCluster": (o, all) => {
    const p = [];
    if (!Number.isInteger(o.spec?.replicas) || o.spec.replicas < 1)
      p.push(`${id(o)}: spec.replicas must be a positive integer`);
    if (o.spec?.image && !pinned(o.spec.image)) p.push(`${id(o)}: spec.image ${o.spec.image} is not pinned`);
    if (!o.spec?.resources?.requests || !o.spec?.resources?.limits)
      p.push(`${id(o)}: spec.resources requests+limits required`);
    return p;
  },
  "postgresql.cnpg.io/v1/Cluster": (o, all) => {
    const p = [];
    if (!Number.isInteger(o.spec?.instances) || o.spec.instances < 1)
      p.push(`${id(o)}: spec.instances must be a positive integer`);
    if (!o.spec?.storage?.size) p.push(`${id(o)}: spec.storage.size is required`);
    if (o.spec?.imageName && !pinned(o.spec.imageName)) p.push(`${id(o)}: spec.imageName is not pinned`);
    for (const r of o.spec?.managed?.roles ?? []) {
      if (!r.name) p.push(`${id(o)}: a managed role has no name`);
      const sec = all.find((s) => s.kind === "Secret" && s.metadata.name === r.passwordSecret?.name);
      if (!sec) p.push(`${id(o)}: role ${r.name}: passwordSecret ${r.passwordSecret?.name} is not rendered`);
      else {
        if (sec.type !== "kubernetes.io/basic-auth") p.push(`${id(sec)}: must be kubernetes.io/basic-auth for CNPG`);
        if (sec.stringData?.username !== r.name) p.push(`${id(sec)}: username must equal the role name ${r.name}`);
      }
    }
    return p;
  },
  "postgresql.cnpg.io/v1/Database": (o, all) => {
    const p = [];
    for (const f of ["name", "owner"]) if (!o.spec?.[f]) p.push(`${id(o)}: spec.${f} is required`);
    const cl = all.find((c) => c.kind === "Cluster" && c.metadata.name === o.spec?.cluster?.name);
    if (!cl) p.push(`${id(o)}: spec.cluster.name ${o.spec?.cluster?.name} is not a rendered Cluster`);
    else if (!(cl.spec?.managed?.roles ?? []).some((r) => r.name === o.spec.owner))
      p.push(`${id(o)}: owner ${o.spec.owner} is not a managed role`);
    return p;
  },
};

function schemaProblems(objects) {
  const p = [];
  for (const o of objects) {
    if (!o.apiVersion || !o.kind || !o.metadata?.name) {
      p.push(`object without apiVersion/kind/metadata.name: ${JSON.stringify(o).slice(0, 80)}`);
      continue;
    }
    const crd = CRDS[`${o.apiVersion}/${o.kind}`];
    if (crd) {
      p.push(...crd(o, objects));
      continue;
    }
    const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : [null, o.apiVersion];
    const mod = group ? `kubernetes-models/${group}/${version}/${o.kind}` : `kubernetes-models/${version}/${o.kind}`;
    let Model;
    try {
      Model = require(mod)[o.kind];
    } catch {
      p.push(`${id(o)}: unknown kind ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new Model(o).validate();
    } catch (e) {
      p.push(
        `${id(o)}: ${String(e.message ?? e)
          .split("\n")
          .slice(0, 4)
          .join(" ")}`,
      );
    }
  }
  return p;
}

// --- policies ---------------------------------------------------------------------------------
function pinned(image) {
  if (image.includes("@sha256:")) return true;
  const last = image.split("/").pop();
  if (!last.includes(":")) return false;
  const tag = last.split(":").pop();
  return tag !== "" && tag !== "latest";
}

function resourceProblems(objects) {
  const p = [];
  for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind)))
    for (const { c } of containersOf(o))
      for (const kind of ["requests", "limits"])
        for (const r of ["cpu", "memory"])
          if (c.resources?.[kind]?.[r] === undefined)
            p.push(`${id(o)} container ${c.name}: resources.${kind}.${r} missing`);
  return p;
}

function probeProblems(objects) {
  const p = [];
  for (const o of objects.filter((x) => x.kind === "Deployment" || x.kind === "StatefulSet"))
    for (const { c, init } of containersOf(o))
      if (!init)
        for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"])
          if (!c[probe]) p.push(`${id(o)} container ${c.name}: ${probe} missing`);
  return p;
}

function securityProblems(objects) {
  const p = [];
  for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind))) {
    const ps = podSpecOf(o) ?? {};
    const psc = ps.securityContext ?? {};
    if (ps.automountServiceAccountToken !== false) p.push(`${id(o)}: automountServiceAccountToken must be false`);
    for (const { c } of containersOf(o)) {
      const sc = c.securityContext ?? {};
      const where = `${id(o)} container ${c.name}`;
      if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) p.push(`${where}: runAsNonRoot`);
      if ((sc.runAsUser ?? psc.runAsUser) === 0) p.push(`${where}: runs as UID 0`);
      if (sc.readOnlyRootFilesystem !== true) p.push(`${where}: readOnlyRootFilesystem`);
      if (sc.allowPrivilegeEscalation !== false) p.push(`${where}: allowPrivilegeEscalation`);
      if (sc.privileged === true) p.push(`${where}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) p.push(`${where}: capabilities.drop ALL`);
      if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault")
        p.push(`${where}: seccompProfile RuntimeDefault`);
      if (sc.readOnlyRootFilesystem === true && !(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp"))
        p.push(`${where}: read-only root filesystem without a /tmp mount`);
    }
  }
  return p;
}

function imageProblems(objects) {
  const p = [];
  for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind)))
    for (const { c } of containersOf(o))
      if (!c.image || !pinned(c.image)) p.push(`${id(o)} container ${c.name}: image ${c.image} has no pinned tag`);
  return p;
}

function selectorMatches(sel, labels) {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function networkPolicyProblems(objects) {
  const p = [];
  const policies = objects.filter((x) => x.kind === "NetworkPolicy");
  const denyAll = policies.find(
    (np) =>
      (np.spec.policyTypes ?? []).includes("Ingress") &&
      (np.spec.policyTypes ?? []).includes("Egress") &&
      !np.spec.ingress?.length &&
      !np.spec.egress?.length,
  );
  if (!denyAll) p.push("no default deny-all NetworkPolicy (Ingress and Egress, no rules)");
  const dns = policies.find((np) =>
    (np.spec.egress ?? []).some((r) => (r.ports ?? []).some((x) => x.port === 53 && x.protocol === "UDP")),
  );
  if (!dns) p.push("no NetworkPolicy allows DNS egress");
  for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind))) {
    const labels = podLabelsOf(o);
    const selecting = policies.filter((np) => selectorMatches(np.spec.podSelector, labels));
    if (selecting.length === 0) p.push(`${id(o)}: selected by no NetworkPolicy`);
    if (denyAll && !selectorMatches(denyAll.spec.podSelector, labels))
      p.push(`${id(o)}: not covered by the default deny-all`);
    if (dns && !selectorMatches(dns.spec.podSelector, labels)) p.push(`${id(o)}: not allowed DNS`);
  }
  return p;
}

// Each enabled service: Deployment, Service, ServiceAccount, ConfigMap, NetworkPolicy; probes on the
// health endpoints; the conventions' environment.
function conventionProblems(objects) {
  const p = [];
  for (const d of objects.filter(
    (x) => x.kind === "Deployment" && x.metadata.labels?.["app.kubernetes.io/component"] === "server",
  )) {
    const name = d.metadata.labels["app.kubernetes.io/name"];
    for (const kind of ["Service", "ServiceAccount", "ConfigMap", "NetworkPolicy"])
      if (!objects.some((o) => o.kind === kind && o.metadata.name === d.metadata.name))
        p.push(`${id(d)}: no ${kind} ${d.metadata.name}`);
    const c = d.spec.template.spec.containers[0];
    if (c.readinessProbe?.httpGet?.path !== "/health/ready") p.push(`${id(d)}: readiness probe is not /health/ready`);
    if (c.livenessProbe?.httpGet?.path !== "/health/live") p.push(`${id(d)}: liveness probe is not /health/live`);
    const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)?.data ?? {};
    for (const k of [
      "Ports__Http",
      "Ports__Grpc",
      "Auth__Authority",
      "Auth__Audience",
      "Auth__RequireHttpsMetadata",
      "OTEL_SERVICE_NAME",
    ])
      if (!cm[k]) p.push(`${id(d)}: ConfigMap lacks ${k}`);
    if (cm.Auth__Authority?.startsWith("http://") !== (cm.Auth__RequireHttpsMetadata === "false"))
      p.push(`${id(d)}: Auth__RequireHttpsMetadata does not follow the authority's scheme`);
    const env = (c.env ?? []).map((e) => e.name);
    if (!env.includes("OTEL_RESOURCE_ATTRIBUTES")) p.push(`${id(d)}: no OTEL_RESOURCE_ATTRIBUTES`);
    const job = objects.find((o) => o.kind === "Job" && o.metadata.labels?.["app.kubernetes.io/name"] === name);
    if (env.includes(`ConnectionStrings__${name}`)) {
      if (cm.Database__MigrateOnStartup !== "false") p.push(`${id(d)}: Database__MigrateOnStartup must be "false"`);
      if (!job) p.push(`${id(d)}: uses a database but has no migration Job`);
      else {
        if (!(job.spec.template.spec.containers[0].args ?? []).includes("--migrate-only"))
          p.push(`${id(job)}: does not run --migrate-only`);
        if (job.spec.template.spec.containers[0].image !== c.image)
          p.push(`${id(job)}: image differs from the service's`);
        // External database: the Secret pre-exists, so the job runs before install and upgrade.
        // In-cluster database: the server and Secret are release objects, so the first run is post-install.
        const hook = job.metadata.annotations?.["helm.sh/hook"] ?? "";
        const secretName = c.env.find((e) => e.name === `ConnectionStrings__${name}`)?.valueFrom?.secretKeyRef?.name;
        const chartOwned = objects.some((o) => o.kind === "Secret" && o.metadata.name === secretName);
        const want = chartOwned ? ["post-install"] : ["pre-install", "pre-upgrade"];
        for (const w of want) if (!hook.split(",").includes(w)) p.push(`${id(job)}: hook "${hook}" lacks ${w}`);
      }
    }
  }
  return p;
}

// NetworkPolicy rules between pods of the release (podSelector peers in the same namespace).
const portAllowed = (rule, port) => !rule.ports?.length || rule.ports.some((x) => x.port === port);
function ingressAllows(np, fromLabels, port) {
  return (np?.spec.ingress ?? []).some(
    (r) =>
      portAllowed(r, port) &&
      (r.from ?? []).some((f) => !f.namespaceSelector && !f.ipBlock && selectorMatches(f.podSelector, fromLabels)),
  );
}
function egressAllows(np, toLabels, port) {
  return (np?.spec.egress ?? []).some(
    (r) =>
      portAllowed(r, port) &&
      (r.to ?? []).some((t) => !t.namespaceSelector && !t.ipBlock && selectorMatches(t.podSelector, toLabels)),
  );
}

// The issuer (the service whose manifest has issuesTokens: identity) issues as Identity__Issuer; every
// service (the issuer too) trusts Auth__Authority; all of them one identical string ending in "/"
// (OpenIddict's iss has the slash and JwtBearer compares strings). With the issuer in the release: the
// gateway knows where it is (services__<issuer>__*), and the gateway and every service may reach it.
function identityProblems(objects, issuer = ISSUER) {
  const p = [];
  const servers = objects.filter(
    (x) => x.kind === "Deployment" && x.metadata.labels?.["app.kubernetes.io/component"] === "server",
  );
  const cmOf = (d) => objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)?.data ?? {};
  const authorities = new Set(servers.map((d) => cmOf(d).Auth__Authority));
  if (authorities.size !== 1) p.push(`services trust different authorities: ${[...authorities].join(", ")}`);
  for (const a of authorities) if (!a?.endsWith("/")) p.push(`authority ${a} does not end with "/"`);
  const idn = servers.find((d) => d.metadata.labels["app.kubernetes.io/name"] === issuer);
  if (!idn) return p;
  const cm = cmOf(idn);
  if (!cm.Identity__Issuer) p.push(`${issuer}: ConfigMap lacks Identity__Issuer`);
  for (const d of servers.filter((x) => x !== idn))
    if (cmOf(d).Identity__Issuer !== undefined)
      p.push(`${id(d)}: Identity__Issuer set, but only ${issuer} issues tokens`);
  for (const d of servers)
    if (cmOf(d).Auth__Authority !== cm.Identity__Issuer)
      p.push(
        `${id(d)}: Auth__Authority ${cmOf(d).Auth__Authority} differs from ${issuer}'s Identity__Issuer ${cm.Identity__Issuer}`,
      );
  const mig = objects.find((o) => o.kind === "Job" && o.metadata.labels?.["app.kubernetes.io/name"] === issuer);
  const migIssuer = mig?.spec.template.spec.containers[0].env?.find((e) => e.name === "Identity__Issuer")?.value;
  if (mig && migIssuer !== cm.Identity__Issuer)
    p.push(`${id(mig)}: Identity__Issuer ${migIssuer} differs from the Deployment's`);
  const idnPorts = idn.spec.template.spec.containers[0].ports;
  const httpPort = idnPorts.find((x) => x.name === "http").containerPort;
  const grpcPort = idnPorts.find((x) => x.name === "grpc").containerPort;
  const idnLabels = idn.spec.template.metadata.labels;
  const idnNp = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === idn.metadata.name);
  for (const d of servers.filter((x) => x !== idn)) {
    const name = d.metadata.labels["app.kubernetes.io/name"];
    const labels = d.spec.template.metadata.labels;
    const np = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === d.metadata.name);
    const ports = name === "gateway" ? [httpPort, grpcPort] : [httpPort];
    for (const port of ports) {
      if (!egressAllows(np, idnLabels, port)) p.push(`${name} may not reach ${issuer} on ${port} (egress)`);
      if (!ingressAllows(idnNp, labels, port)) p.push(`${issuer} does not admit ${name} on ${port} (ingress)`);
    }
    if (name === "gateway") {
      const gcm = cmOf(d);
      const [h, g] = [`services__${issuer}__http__0`, `services__${issuer}__grpc__0`];
      if (gcm[h] !== `http://${idn.metadata.name}:${httpPort}`) p.push(`gateway: ${h} is ${gcm[h]}`);
      if (gcm[g] !== `http://${idn.metadata.name}:${grpcPort}`) p.push(`gateway: ${g} is ${gcm[g]}`);
    }
  }
  return p;
}

// Each enabled service of `manifests` is rendered as its manifest says: Deployment, Service, ServiceAccount,
// ConfigMap and NetworkPolicy; a migration Job and ConnectionStrings__<name> exactly when it has a database;
// ConnectionStrings__rabbitmq exactly when it uses the broker; for each service it calls, its
// services__<callee>__* settings and the egress / ingress rules between the two; the gateway told where it is.
function manifestProblems(objects, manifests) {
  const p = [];
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const gwCm = find("ConfigMap", "lmc-gateway")?.data;
  for (const m of manifests) {
    const full = `lmc-${m.name}`;
    for (const kind of ["Deployment", "Service", "ServiceAccount", "ConfigMap", "NetworkPolicy"])
      if (!find(kind, full)) p.push(`${m.name}: no ${kind} ${full}`);
    const d = find("Deployment", full);
    if (!d) continue;
    const env = (d.spec.template.spec.containers[0].env ?? []).map((e) => e.name);
    const cm = find("ConfigMap", full)?.data ?? {};
    const job = find("Job", `${full}-migrate`);
    if (m.database !== Boolean(job))
      p.push(`${m.name}: database ${m.database}, migration Job ${job ? "rendered" : "missing"}`);
    if (m.database !== env.includes(`ConnectionStrings__${m.name}`))
      p.push(`${m.name}: database ${m.database}, ConnectionStrings__${m.name} ${!m.database ? "set" : "missing"}`);
    // A manifest's database extensions are declared on its CloudNativePG Database (where one is rendered).
    const db = objects.find((o) => o.kind === "Database" && o.spec?.name === m.name.replace(/-/g, "_"));
    const declared = (db?.spec?.extensions ?? []).filter((e) => e.ensure === "present").map((e) => e.name).sort();
    if (db && JSON.stringify(declared) !== JSON.stringify([...(m.extensions ?? [])].sort()))
      p.push(`${m.name}: its Database declares extensions [${declared}], its manifest lists [${m.extensions ?? []}]`);
    if (m.broker !== env.includes("ConnectionStrings__rabbitmq"))
      p.push(`${m.name}: broker ${m.broker}, ConnectionStrings__rabbitmq ${!m.broker ? "set" : "missing"}`);
    if (Boolean(m.issuesTokens) !== (cm.Identity__Issuer !== undefined))
      p.push(`${m.name}: issuesTokens ${Boolean(m.issuesTokens)}, Identity__Issuer ${cm.Identity__Issuer}`);
    if (cm.OTEL_SERVICE_NAME !== m.name) p.push(`${m.name}: OTEL_SERVICE_NAME is ${cm.OTEL_SERVICE_NAME}`);
    const np = find("NetworkPolicy", full);
    const labels = d.spec.template.metadata.labels;
    for (const callee of m.calls) {
      const cd = find("Deployment", `lmc-${callee}`);
      if (!cd) continue;
      if (cm[`services__${callee}__grpc__0`] !== `http://lmc-${callee}:8081`)
        p.push(`${m.name}: services__${callee}__grpc__0 is ${cm[`services__${callee}__grpc__0`]}`);
      if (!egressAllows(np, cd.spec.template.metadata.labels, 8081))
        p.push(`${m.name} may not reach ${callee} on 8081 (egress)`);
      if (!ingressAllows(find("NetworkPolicy", `lmc-${callee}`), labels, 8081))
        p.push(`${callee} does not admit ${m.name} on 8081 (ingress)`);
    }
    const others = Object.keys(cm)
      .filter((k) => /^services__.*__grpc__0$/.test(k))
      .map((k) => k.split("__")[1]);
    for (const o of others)
      if (!m.calls.includes(o)) p.push(`${m.name}: told where ${o} is, but its manifest does not call it`);
    if (gwCm && gwCm[`services__${m.name}__http__0`] !== `http://${full}:8080`)
      p.push(`gateway: services__${m.name}__http__0 is ${gwCm[`services__${m.name}__http__0`]}`);
  }
  return p;
}

// Identity__SeedDevelopmentClients creates clients with well-known secrets: true only in the dev values
// or the skaffold dev profile, never in the chart's defaults or any production-like values.
const SEED = "Identity__SeedDevelopmentClients";
function seedFlags(objects) {
  const found = [];
  for (const o of objects) {
    if (o.kind === "ConfigMap" && o.data?.[SEED] !== undefined) found.push(`${id(o)}: ${SEED}=${o.data[SEED]}`);
    if (WORKLOAD_KINDS.has(o.kind))
      for (const { c } of containersOf(o))
        for (const e of c.env ?? [])
          if (e.name === SEED) found.push(`${id(o)} container ${c.name}: ${SEED}=${e.value}`);
  }
  return found;
}
const SEED_ALLOWED = new Set(["dev-values.yaml"]);

const names = (objects) => objects.map(id);
const svcObjects = (objects, svc) =>
  objects.filter(
    (o) =>
      o.metadata?.labels?.["app.kubernetes.io/name"] === svc ||
      o.metadata?.name === `lmc-${svc}` ||
      o.metadata?.name?.startsWith(`lmc-${svc}-`),
  );

// --- run --------------------------------------------------------------------------------------
const ciDir = join(chart, "ci");
const ciFiles = readdirSync(ciDir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
if (ciFiles.length === 0) check("ci values files exist", ["no charts/lmc-platform/ci/*.yaml"]);
const rendered = {};
for (const f of ciFiles) {
  let objects;
  try {
    objects = render([join(ciDir, f)]);
  } catch (e) {
    check(`${f}: renders`, [String(e.stderr ?? e.message).trim()]);
    continue;
  }
  rendered[f] = objects;
  check(`${f}: renders (${objects.length} objects)`, objects.length ? [] : ["nothing rendered"]);
  check(`${f}: Kubernetes schema`, schemaProblems(objects));
  check(`${f}: resources on every container`, resourceProblems(objects));
  check(`${f}: readiness/liveness/startup probes`, probeProblems(objects));
  check(`${f}: security contexts`, securityProblems(objects));
  check(`${f}: pinned images`, imageProblems(objects));
  check(`${f}: network policies cover every workload`, networkPolicyProblems(objects));
  check(`${f}: service conventions`, conventionProblems(objects));
  const enabled = MANIFESTS.filter((m) =>
    objects.some((o) => o.kind === "Deployment" && o.metadata.name === `lmc-${m.name}`),
  );
  check(
    `${f}: its services as their manifests say (${enabled.map((m) => m.name).join(", ") || "none"})`,
    manifestProblems(objects, enabled),
  );
  check(
    `${f}: one issuer (Identity__Issuer = Auth__Authority, trailing "/"), identity reachable`,
    identityProblems(objects),
  );
  if (!SEED_ALLOWED.has(f)) check(`${f}: no ${SEED} (production-like)`, seedFlags(objects));
}

// One service alone: no gateway, no identity, only projects' workloads.
const aloneFile = ciFiles.find((f) => f.includes("alone"));
if (aloneFile && rendered[aloneFile]) {
  const objs = rendered[aloneFile];
  const p = [];
  if (svcObjects(objs, "gateway").length)
    p.push(`gateway objects rendered: ${names(svcObjects(objs, "gateway")).join(", ")}`);
  if (objs.some((o) => o.kind === "Ingress")) p.push("an Ingress is rendered without the gateway");
  const deps = objs.filter((o) => o.kind === "Deployment").map((o) => o.metadata.name);
  if (deps.join() !== "lmc-projects") p.push(`Deployments: ${deps.join(", ")}`);
  const np = objs.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "lmc-projects");
  if (!np) p.push("no NetworkPolicy for projects");
  else if (JSON.stringify(np).includes('"gateway","app.kubernetes.io/instance":"lmc"'))
    p.push("projects' NetworkPolicy refers to an in-release gateway");
  check(`${aloneFile}: only projects, no gateway`, p);
} else check("a ci values file installs one service alone", ["no ci/*alone*.yaml rendered"]);

// Every manifest's service, in the chart's defaults, as its manifest says.
const defaults = render([]);
check(`chart defaults: every manifest's service rendered (${SERVICES.join(", ")})`, [
  ...(MANIFESTS.length ? [] : ["no services/*/service.json found"]),
  ...(ISSUER ? [] : ["no manifest has issuesTokens"]),
  ...manifestProblems(defaults, MANIFESTS),
]);

// Switching a service off removes all its objects, and nothing else refers to it. The services that call
// it (their manifests' calls, transitively) are switched off with it; the issuer's needs an authority.
for (const svc of WORKLOADS) {
  const off = new Set([svc]);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of MANIFESTS)
      if (!off.has(m.name) && m.calls.some((c) => off.has(c))) (off.add(m.name), (grew = true));
  }
  const sets = [...off].map((n) => `services.${n}.enabled=false`);
  if (svc === ISSUER) sets.push("global.auth.authority=https://login.lmc.example/");
  let objs;
  try {
    objs = render([], sets);
  } catch (e) {
    check(`services.${svc}.enabled=false renders`, [String(e.stderr ?? e.message).trim()]);
    continue;
  }
  const p = [];
  if (svcObjects(defaults, svc).length === 0) p.push(`the defaults render no ${svc} objects to begin with`);
  const left = svcObjects(objs, svc);
  if (left.length) p.push(`still rendered: ${names(left).join(", ")}`);
  const text = JSON.stringify(objs);
  if (text.includes(`services__${svc}__`)) p.push(`some service is still told where ${svc} is`);
  if (text.includes(`"app.kubernetes.io/name":"${svc}"`)) p.push(`some selector still refers to ${svc}`);
  p.push(...schemaProblems(objs), ...networkPolicyProblems(objs));
  const also = [...off].filter((n) => n !== svc);
  check(
    `services.${svc}.enabled=false removes all its objects${also.length ? ` (with its callers ${also.join(", ")})` : ""}`,
    p,
  );
}

check(`chart defaults: no ${SEED}`, seedFlags(defaults));
check("chart defaults: one issuer, identity reachable", identityProblems(defaults));

// Every service is told the gateway's public address (from the ingress) for the links it sends out.
function publicUrlProblems(objects, expected) {
  return objects
    .filter((o) => o.kind === "Deployment" && o.metadata.labels?.["app.kubernetes.io/component"] === "server")
    .map((d) => [d, objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)?.data ?? {}])
    .filter(([, cm]) => cm.Platform__PublicUrl !== expected)
    .map(([d, cm]) => `${d.metadata.name}: Platform__PublicUrl ${cm.Platform__PublicUrl} (expected ${expected})`);
}
check("chart defaults: every service knows the public address, https://api.lmc.example/", [
  ...publicUrlProblems(defaults, "https://api.lmc.example/"),
  ...publicUrlProblems(render([], ["ingress.host=lmc.test", "ingress.tls.enabled=false"]), "http://lmc.test/"),
  ...publicUrlProblems(render([], ["ingress.enabled=false"]), undefined),
]);

// A manifest's "chart" block has the shape of an operator's services.<name> (values.schema.json checks it).
for (const m of MANIFESTS.filter((x) => x.chart)) {
  const dir = mkdtempSync(join(tmpdir(), "lmc-chart-block-"));
  const file = join(dir, "values.yaml");
  writeFileSync(file, YAML.stringify({ services: { [m.name]: m.chart } }));
  const err = renderError([file], []);
  rmSync(dir, { recursive: true, force: true });
  check(`services/${m.name}/service.json: its chart block is valid service values`, err ? [err] : []);
}

// --- the chart reads the manifests --------------------------------------------------------------
// A copy of the repository's layout: charts/lmc-platform (its services symlink kept), services/<name>/ with
// the repository's manifests, plus `extra` manifests, each with files a service's folder holds besides its
// manifest (sources, build output, data), which must stay out of the chart; and gateway/ with a project file
// (for the skaffold generator).
function tempRepo(extra = []) {
  const root = mkdtempSync(join(tmpdir(), "lmc-chart-"));
  cpSync(chart, join(root, "charts/lmc-platform"), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(root, "gateway"));
  writeFileSync(join(root, "gateway/Lmc.Gateway.csproj"), "<Project />\n");
  mkdirSync(join(root, "services"));
  writeFileSync(join(root, "services/service.schema.json"), readFileSync(join(repo, "services/service.schema.json")));
  for (const m of [...MANIFESTS, ...extra]) {
    const dir = join(root, "services", m.name);
    mkdirSync(join(dir, "bin/Release"), { recursive: true });
    mkdirSync(join(dir, "Seed/sub"), { recursive: true });
    writeFileSync(join(dir, "service.json"), JSON.stringify(m, null, 2));
    writeFileSync(join(dir, `${m.project}.csproj`), "<Project />\n");
    writeFileSync(join(dir, "Program.cs"), "return 0;\n");
    writeFileSync(join(dir, "appsettings.json"), "{}\n");
    writeFileSync(join(dir, "bin/Release/app.dll"), "MZ");
    writeFileSync(join(dir, "Seed/service.json"), "{}\n");
    writeFileSync(join(dir, "Seed/sub/data.json"), "{}\n");
    writeFileSync(join(dir, "service.json.bak"), "{}\n");
  }
  return root;
}
const tourism = {
  name: "tourism",
  summary: "A throw-away service of the chart checks: a new JWG's service, in its own folder only.",
  project: "Lmc.Tourism",
  owner: "jwg:tourism",
  proto: "lmc.tourism.v1",
  ports: { http: 5901, grpc: 5902 },
  database: true,
  broker: true,
  calls: ["projects"],
  chart: { replicas: 3 },
};
// The chart's files of a packaged chart, and which of them are allowed there.
function packaged(chartDir, out) {
  execFileSync(helm, ["package", chartDir, "-d", out], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const tgz = readdirSync(out).find((f) => f.endsWith(".tgz"));
  const entries = execFileSync("tar", ["-tzf", join(out, tgz)], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  return { file: join(out, tgz), entries: entries.map((e) => e.replace(/^lmc-platform\//, "")) };
}
const allowedInPackage = (e) =>
  /^(Chart\.yaml|values\.yaml|values\.schema\.json|README\.md|\.helmignore|templates\/.+)$/.test(e) ||
  /^services\/[a-z0-9-]+\/service\.json$/.test(e);
{
  const root = tempRepo([tourism]);
  const tchart = join(root, "charts/lmc-platform");
  const p = [];
  let objs = [];
  try {
    objs = render([], [], tchart);
  } catch (e) {
    p.push(`render: ${String(e.stderr ?? e.message).trim()}`);
  }
  if (objs.length) {
    p.push(...manifestProblems(objs, [...MANIFESTS, tourism]));
    const d = objs.find((o) => o.kind === "Deployment" && o.metadata.name === "lmc-tourism");
    if (d && d.spec.replicas !== 3) p.push(`lmc-tourism: replicas ${d.spec.replicas}, not its chart block's 3`);
    if (d && d.spec.template.spec.containers[0].image !== "lmc/tourism:0.1.0")
      p.push(`lmc-tourism: image ${d?.spec.template.spec.containers[0].image}`);
    p.push(
      ...schemaProblems(objs),
      ...securityProblems(objs),
      ...networkPolicyProblems(objs),
      ...conventionProblems(objs),
      ...identityProblems(objs),
    );
  }
  const dev = render([join(chart, "ci/dev-values.yaml")], [], tchart);
  const init = dev.find((o) => o.kind === "Job" && o.metadata.name === "lmc-tourism-migrate")?.spec.template.spec
    .initContainers?.[0];
  const dbEnv = init?.env?.find((e) => e.name === "DB_NAME")?.value;
  if (dbEnv !== "tourism") p.push(`dev values: lmc-tourism-migrate creates database ${dbEnv}`);
  // A name with "-" has a database with "_" (health-surveillance: health_surveillance).
  for (const m of MANIFESTS.filter((x) => x.database && x.name.includes("-"))) {
    const job = dev.find((o) => o.kind === "Job" && o.metadata.name === `lmc-${m.name}-migrate`);
    const db = job?.spec.template.spec.initContainers?.[0]?.env?.find((e) => e.name === "DB_NAME")?.value;
    if (db !== dbName(m.name)) p.push(`dev values: ${m.name}'s database is ${db}, not ${dbName(m.name)}`);
  }
  const off = render([], ["services.tourism.enabled=false"], tchart);
  if (svcObjects(off, "tourism").length)
    p.push(`services.tourism.enabled=false leaves ${names(svcObjects(off, "tourism")).join(", ")}`);
  const alone = render([join(chart, "ci/projects-alone-values.yaml")], [], tchart);
  if (svcObjects(alone, "tourism").length) p.push("ci/projects-alone-values.yaml installs the new service too");
  check(
    "a new services/tourism/service.json appears in the chart with no edit of the chart (copy of chart + manifests)",
    p,
  );

  const q = [];
  try {
    execFileSync(helm, ["lint", "--strict", tchart], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    q.push(`helm lint --strict: ${String(e.stdout ?? e.message).trim()}`);
  }
  try {
    const { entries } = packaged(tchart, join(root, "out"));
    for (const e of entries) if (!allowedInPackage(e)) q.push(`packaged: ${e}`);
    for (const m of [...MANIFESTS, tourism])
      if (!entries.includes(`services/${m.name}/service.json`)) q.push(`not packaged: services/${m.name}/service.json`);
  } catch (e) {
    q.push(`helm package: ${String(e.stderr ?? e.message).trim()}`);
  }
  check("helm lint and helm package of that copy: of services/ only the manifests are in the chart", q);

  // The skaffold config written from that copy has the new service's image too.
  const r = [];
  try {
    const cfg = skaffold.skaffoldConfig(root);
    const a = cfg.build.artifacts.find((x) => x.image === "lmc/tourism");
    if (!a) r.push("no artifact lmc/tourism");
    else if (a.docker.buildArgs.SERVICE_DIR !== "services/tourism" || a.docker.buildArgs.PROJECT !== "Lmc.Tourism")
      r.push(`lmc/tourism: build args ${JSON.stringify(a.docker.buildArgs)}`);
    if (cfg.deploy.helm.releases[0].setValueTemplates["services.tourism.image.tag"] !== "{{.IMAGE_TAG_lmc_tourism}}")
      r.push("no setValueTemplates for tourism");
  } catch (e) {
    r.push(String(e.message));
  }
  check("the generated skaffold config of that copy builds and deploys the new service", r);

  // What a manifest may not do: call a service that does not exist, hold an unknown chart value, bear
  // another folder's name or the gateway's.
  const bad = (label, manifest, why, folder = manifest.name) => {
    const b = tempRepo();
    mkdirSync(join(b, "services", folder), { recursive: true });
    writeFileSync(join(b, "services", folder, "service.json"), JSON.stringify(manifest));
    const err = renderError([], [], join(b, "charts/lmc-platform"));
    rmSync(b, { recursive: true, force: true });
    check(label, !err ? ["rendered"] : why.test(err) ? [] : [`refused for another reason: ${err}`]);
  };
  bad(
    "a manifest calling a service that is neither in the release nor external is refused",
    { ...tourism, calls: ["nowhere"] },
    /tourism calls "nowhere"/,
  );
  bad(
    "a manifest's chart block with an unknown value is refused",
    { ...tourism, chart: { replicaz: 3 } },
    /chart\.replicaz is not a service value/,
  );
  bad("a manifest whose name is not its folder's is refused", tourism, /is not its folder's/, "tourism-jwg");
  bad("a manifest named gateway is refused", { ...tourism, name: "gateway" }, /"gateway" is the chart's name/);
  rmSync(root, { recursive: true, force: true });
}

// The repository's chart, packaged: its templates and the manifests, nothing else of services/.
{
  const out = mkdtempSync(join(tmpdir(), "lmc-package-"));
  const p = [];
  try {
    const { file, entries } = packaged(chart, out);
    for (const e of entries) if (!allowedInPackage(e)) p.push(`packaged: ${e}`);
    for (const m of MANIFESTS)
      if (!entries.includes(`services/${m.name}/service.json`)) p.push(`not packaged: services/${m.name}/service.json`);
    const size = statSync(file).size;
    if (size > 100 * 1024) p.push(`the package is ${size} bytes`);
    check(
      `helm package: ${entries.length} files, ${Math.round(size / 1024)} KiB, the manifests and no other file of services/`,
      p,
    );
  } catch (e) {
    check("helm package", [String(e.stderr ?? e.message).trim()]);
  }
  rmSync(out, { recursive: true, force: true });
}

// skaffold: the committed skaffold.yaml names no service and requires the config that charts/skaffold.mjs
// writes from the manifests; that config has one artifact per image (gateway and every manifest), each built
// from the repository root with the one Dockerfile and its SERVICE_DIR and PROJECT, and bound to its chart
// service through setValueTemplates; the dev profile's values render cleanly.
{
  const p = [];
  const rootText = readFileSync(join(repo, "skaffold.yaml"), "utf8");
  const root = YAML.parse(rootText);
  if (!(root.requires ?? []).some((r) => r.path === skaffold.OUTPUT))
    p.push(`skaffold.yaml does not require ${skaffold.OUTPUT}`);
  if (root.build || root.deploy || root.manifests)
    p.push("skaffold.yaml has its own build/deploy: the generated config holds them");
  for (const n of WORKLOADS)
    if (new RegExp(`lmc/${n}\\b|services\\.${n}\\b|services/${n}\\b`).test(rootText))
      p.push(`skaffold.yaml names ${n}`);
  if (!(root.profiles ?? []).some((x) => x.name === "dev")) p.push("skaffold.yaml: no dev profile to pass on (-p dev)");
  let sk;
  try {
    sk = YAML.parse(skaffold.render(repo));
    if (JSON.stringify(sk) !== JSON.stringify(skaffold.skaffoldConfig(repo)))
      p.push("the generated YAML does not parse back to the config");
  } catch (e) {
    p.push(`generated config: ${e.message}`);
  }
  const base = join(repo, dirname(skaffold.OUTPUT)); // the generated config's paths are relative to its folder
  const rel = sk?.deploy?.helm?.releases?.[0];
  if (sk && !rel) p.push("generated config: no deploy.helm release");
  if (rel && resolve(base, rel.chartPath) !== chart) p.push(`chartPath ${rel.chartPath} is not charts/lmc-platform`);
  const images = (sk?.build?.artifacts ?? []).map((a) => a.image);
  for (const n of WORKLOADS) if (!images.includes(`lmc/${n}`)) p.push(`no artifact lmc/${n}`);
  const sets = [];
  for (const a of sk?.build?.artifacts ?? []) {
    const svc = a.image.replace(/^lmc\//, "");
    const key = a.image.replace(/[^A-Za-z0-9]/g, "_");
    const context = resolve(base, a.context);
    if (context !== repo) p.push(`${a.image}: context ${a.context} is not the repository root`);
    const df = join(context, a.docker?.dockerfile ?? "-");
    if (!existsSync(df)) p.push(`${a.image}: Dockerfile ${a.docker?.dockerfile} missing`);
    const { SERVICE_DIR: dir, PROJECT: project } = a.docker?.buildArgs ?? {};
    if (!existsSync(join(repo, `${dir}/${project}.csproj`))) p.push(`${a.image}: no ${dir}/${project}.csproj`);
    const m = MANIFESTS.find((x) => x.name === svc);
    if (m && (dir !== `services/${svc}` || project !== m.project))
      p.push(`${a.image}: build args ${dir} ${project}, manifest's services/${svc} ${m.project}`);
    if (!defaults.some((o) => o.kind === "Deployment" && o.metadata.name === `lmc-${svc}`))
      p.push(`${a.image}: no chart service ${svc}`);
    const t = rel?.setValueTemplates ?? {};
    if (t[`services.${svc}.image.repository`] !== `{{.IMAGE_REPO_${key}}}`)
      p.push(`${a.image}: setValueTemplates lacks its repository`);
    if (t[`services.${svc}.image.tag`] !== `{{.IMAGE_TAG_${key}}}`)
      p.push(`${a.image}: setValueTemplates lacks its tag`);
    sets.push(`services.${svc}.image.repository=registry.local/${a.image}`, `services.${svc}.image.tag=0abc123`);
  }
  // The one Dockerfile.
  const dockerfile = readFileSync(join(repo, "Dockerfile"), "utf8");
  for (const must of [
    "# syntax=docker/dockerfile:1",
    "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build",
    "ARG SERVICE_DIR",
    "ARG PROJECT",
    "COPY --parents services/**/*.csproj ./",
    'RUN dotnet restore "${SERVICE_DIR}/${PROJECT}.csproj"',
    "COPY services/ services/",
    "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled",
    "EXPOSE 8080 8081",
    "USER $APP_UID",
    'ENTRYPOINT ["dotnet", "/app/entrypoint.dll"]',
  ])
    if (!dockerfile.includes(must)) p.push(`Dockerfile: lacks ${must}`);
  if (dockerfile.indexOf("dotnet restore") > dockerfile.indexOf("COPY services/ services/"))
    p.push("Dockerfile: restores after copying the sources");
  const stray = [
    ...readdirSync(join(repo, "services")).map((n) => `services/${n}/Dockerfile`),
    "gateway/Dockerfile",
  ].filter((f) => existsSync(join(repo, f)));
  if (stray.length) p.push(`Dockerfiles besides the root one: ${stray.join(", ")}`);
  const ignore = readFileSync(join(repo, ".dockerignore"), "utf8").split("\n");
  for (const must of ["**/bin/", "**/obj/"]) if (!ignore.includes(must)) p.push(`.dockerignore lacks ${must}`);

  const prof = (sk?.profiles ?? []).find((x) => x.name === "dev");
  if (!prof) p.push("generated config: no dev profile");
  const files = (prof?.patches ?? [])
    .filter((x) => x.path.endsWith("/valuesFiles"))
    .flatMap((x) => x.value)
    .map((f) => resolve(base, f));
  const setValues = (prof?.patches ?? [])
    .filter((x) => x.path.endsWith("/setValues"))
    .flatMap((x) => Object.entries(x.value))
    .map(([k, v]) => `${k}=${v}`);
  try {
    const objs = render(files, [...setValues, "global.image.registry=", ...sets]);
    p.push(...schemaProblems(objs), ...securityProblems(objs), ...networkPolicyProblems(objs), ...imageProblems(objs));
    if (!objs.some((o) => o.kind === "StatefulSet" && o.metadata.name === "lmc-postgresql"))
      p.push("dev profile: no in-cluster PostgreSQL");
    if (!objs.some((o) => o.kind === "StatefulSet" && o.metadata.name === "lmc-rabbitmq"))
      p.push("dev profile: no in-cluster RabbitMQ");
    if (!objs.some((o) => o.kind === "Service" && o.metadata.name === "lmc-gateway"))
      p.push("dev profile: no gateway Service to port-forward");
    if (!objs.some((o) => o.kind === "Deployment" && o.metadata.name === `lmc-${ISSUER}`))
      p.push(`dev profile: ${ISSUER} does not run in-cluster`);
    p.push(...identityProblems(objs).map((x) => `dev profile: ${x}`));
    const idnCm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === `lmc-${ISSUER}`)?.data ?? {};
    if (idnCm.Identity__Issuer !== `http://lmc-${ISSUER}:8080/`)
      p.push(
        `dev profile: Identity__Issuer is ${idnCm.Identity__Issuer}, not the in-cluster http://lmc-${ISSUER}:8080/`,
      );
    if (idnCm[SEED] !== "true")
      p.push(`dev profile: ${ISSUER} does not seed the development clients (${SEED}=${idnCm[SEED]})`);
    const others = seedFlags(objs).filter(
      (x) => !x.startsWith(`ConfigMap/lmc-${ISSUER}:`) && !x.startsWith(`Job/lmc-${ISSUER}-migrate`),
    );
    if (others.length) p.push(`dev profile: ${SEED} outside ${ISSUER}: ${others.join("; ")}`);
    for (const d of objs.filter(
      (o) => o.kind === "Deployment" && o.metadata.labels?.["app.kubernetes.io/component"] === "server",
    ))
      if (!d.spec.template.spec.containers[0].image.endsWith(":0abc123"))
        p.push(`dev profile: ${id(d)} does not run the image skaffold built`);
  } catch (e) {
    p.push(`dev profile render: ${String(e.stderr ?? e.message).trim()}`);
  }
  // The seed flag appears in the dev profile only (not in the base release nor another profile).
  const base2 = JSON.stringify({ build: sk?.build, deploy: sk?.deploy, manifests: sk?.manifests });
  if (base2.includes(SEED) || rootText.includes(SEED)) p.push(`skaffold: ${SEED} outside the dev profile`);
  for (const pr of sk?.profiles ?? [])
    if (pr.name !== "dev" && JSON.stringify(pr).includes(SEED)) p.push(`skaffold: profile ${pr.name} sets ${SEED}`);
  check(
    `skaffold: skaffold.yaml requires ${skaffold.OUTPUT}, whose artifacts (${images.length}) cover every manifest, one Dockerfile, dev profile`,
    p,
  );
}

// Guards that must refuse to render, each for its reason.
const refused = (sets, why) => {
  const err = renderError([], sets);
  return !err
    ? [`${sets.join(" ")}: rendered`]
    : why.test(err)
      ? []
      : [`${sets.join(" ")}: refused for another reason: ${err}`];
};
check(
  "a 'latest' image tag is refused",
  renderFails([], ["services.projects.image.tag=latest"]) && renderFails([], ["default.image.tag=latest"])
    ? []
    : ["rendered"],
);
check("a typo in a service entry or in default is refused (schema)", [
  ...refused(["services.projects.replicaz=3"], /additional properties 'replicaz' not allowed/),
  ...refused(["default.replicaz=3"], /additional properties 'replicaz' not allowed/),
]);
check("a service's calls, database and broker come from its manifest, not from values (schema)", [
  ...refused(["services.projects.dependsOn={meetings}"], /'dependsOn' not allowed/),
  ...refused(["services.projects.rabbitmq=false"], /'rabbitmq' not allowed/),
  ...refused(["services.projects.database.enabled=false"], /'enabled' not allowed/),
]);
check(
  "services.<name> of no manifest (and not the gateway) is refused",
  refused(["services.projcts.enabled=false"], /services\.projcts: no such service/),
);
check(
  "the issuer disabled without global.auth.authority is refused",
  refused([`services.${ISSUER}.enabled=false`], /global\.auth\.authority is required/),
);
check(
  "a service called by an enabled one cannot be switched off alone",
  refused(
    MANIFESTS.filter((m) => m.calls.length)
      .slice(0, 1)
      .map((m) => `services.${m.calls[0]}.enabled=false`),
    /calls ".*" \(its manifest's calls\)/,
  ),
);
check(
  "an authority without the trailing '/' is refused",
  renderFails([], ["global.auth.authority=https://login.lmc.example"]) ? [] : ["rendered"],
);
check(
  "Identity__Issuer / Auth__Authority in services.<name>.env are refused",
  renderFails([], [`services.${ISSUER}.env.Identity__Issuer=http://x/`]) &&
    renderFails([], ["services.projects.env.Auth__Authority=http://x/"])
    ? []
    : ["rendered"],
);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
