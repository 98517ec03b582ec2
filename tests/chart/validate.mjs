// Renders the lmc-platform chart with each charts/lmc-platform/ci/*.yaml values file (and a few
// variations) and checks every object: Kubernetes schema (kubernetes-models), the platform's
// security and operations policies, network policy coverage, and the shape of the operator CRDs.
// Usage: node validate.mjs <helm-binary>. Prints PASS/FAIL lines and "N passed, M failed".
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
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

function render(valuesFiles, sets = []) {
  const args = ["template", "lmc", chart, "--namespace", "lmc"];
  for (const f of valuesFiles) args.push("-f", f);
  for (const s of sets) args.push("--set", s);
  const out = execFileSync(helm, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return YAML.parseAllDocuments(out)
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === "object");
}

function renderFails(valuesFiles, sets) {
  try {
    render(valuesFiles, sets);
    return false;
  } catch {
    return true;
  }
}

const id = (o) => `${o.kind}/${o.metadata?.name}`;
const WORKLOADS = new Set(["Deployment", "StatefulSet", "Job", "Pod"]);
const podSpecOf = (o) => (o.kind === "Pod" ? o.spec : o.spec?.template?.spec);
const podLabelsOf = (o) => (o.kind === "Pod" ? o.metadata?.labels : o.spec?.template?.metadata?.labels) ?? {};
const containersOf = (o) => {
  const s = podSpecOf(o) ?? {};
  return [...(s.initContainers ?? []).map((c) => ({ c, init: true })), ...(s.containers ?? []).map((c) => ({ c, init: false }))];
};

// --- Kubernetes schema ------------------------------------------------------------------------
const CRDS = {
  "rabbitmq.com/v1beta1/RabbitmqCluster": (o, all) => {
    const p = [];
    if (!Number.isInteger(o.spec?.replicas) || o.spec.replicas < 1) p.push(`${id(o)}: spec.replicas must be a positive integer`);
    if (o.spec?.image && !pinned(o.spec.image)) p.push(`${id(o)}: spec.image ${o.spec.image} is not pinned`);
    if (!o.spec?.resources?.requests || !o.spec?.resources?.limits) p.push(`${id(o)}: spec.resources requests+limits required`);
    return p;
  },
  "postgresql.cnpg.io/v1/Cluster": (o, all) => {
    const p = [];
    if (!Number.isInteger(o.spec?.instances) || o.spec.instances < 1) p.push(`${id(o)}: spec.instances must be a positive integer`);
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
    else if (!(cl.spec?.managed?.roles ?? []).some((r) => r.name === o.spec.owner)) p.push(`${id(o)}: owner ${o.spec.owner} is not a managed role`);
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
      p.push(`${id(o)}: ${String(e.message ?? e).split("\n").slice(0, 4).join(" ")}`);
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
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind)))
    for (const { c } of containersOf(o))
      for (const kind of ["requests", "limits"])
        for (const r of ["cpu", "memory"])
          if (c.resources?.[kind]?.[r] === undefined) p.push(`${id(o)} container ${c.name}: resources.${kind}.${r} missing`);
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
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind))) {
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
      if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault") p.push(`${where}: seccompProfile RuntimeDefault`);
      if (sc.readOnlyRootFilesystem === true && !(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp"))
        p.push(`${where}: read-only root filesystem without a /tmp mount`);
    }
  }
  return p;
}

function imageProblems(objects) {
  const p = [];
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind)))
    for (const { c } of containersOf(o)) if (!c.image || !pinned(c.image)) p.push(`${id(o)} container ${c.name}: image ${c.image} has no pinned tag`);
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
    (np) => (np.spec.policyTypes ?? []).includes("Ingress") && (np.spec.policyTypes ?? []).includes("Egress") && !np.spec.ingress?.length && !np.spec.egress?.length,
  );
  if (!denyAll) p.push("no default deny-all NetworkPolicy (Ingress and Egress, no rules)");
  const dns = policies.find((np) => (np.spec.egress ?? []).some((r) => (r.ports ?? []).some((x) => x.port === 53 && x.protocol === "UDP")));
  if (!dns) p.push("no NetworkPolicy allows DNS egress");
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind))) {
    const labels = podLabelsOf(o);
    const selecting = policies.filter((np) => selectorMatches(np.spec.podSelector, labels));
    if (selecting.length === 0) p.push(`${id(o)}: selected by no NetworkPolicy`);
    if (denyAll && !selectorMatches(denyAll.spec.podSelector, labels)) p.push(`${id(o)}: not covered by the default deny-all`);
    if (dns && !selectorMatches(dns.spec.podSelector, labels)) p.push(`${id(o)}: not allowed DNS`);
  }
  return p;
}

// Each enabled service: Deployment, Service, ServiceAccount, ConfigMap, NetworkPolicy; probes on the
// health endpoints; the conventions' environment.
function conventionProblems(objects) {
  const p = [];
  for (const d of objects.filter((x) => x.kind === "Deployment" && x.metadata.labels?.["app.kubernetes.io/component"] === "server")) {
    const name = d.metadata.labels["app.kubernetes.io/name"];
    for (const kind of ["Service", "ServiceAccount", "ConfigMap", "NetworkPolicy"])
      if (!objects.some((o) => o.kind === kind && o.metadata.name === d.metadata.name)) p.push(`${id(d)}: no ${kind} ${d.metadata.name}`);
    const c = d.spec.template.spec.containers[0];
    if (c.readinessProbe?.httpGet?.path !== "/health/ready") p.push(`${id(d)}: readiness probe is not /health/ready`);
    if (c.livenessProbe?.httpGet?.path !== "/health/live") p.push(`${id(d)}: liveness probe is not /health/live`);
    const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)?.data ?? {};
    for (const k of ["Ports__Http", "Ports__Grpc", "Auth__Authority", "Auth__Audience", "Auth__RequireHttpsMetadata", "OTEL_SERVICE_NAME"])
      if (!cm[k]) p.push(`${id(d)}: ConfigMap lacks ${k}`);
    if (cm.Auth__Authority?.startsWith("http://") !== (cm.Auth__RequireHttpsMetadata === "false")) p.push(`${id(d)}: Auth__RequireHttpsMetadata does not follow the authority's scheme`);
    const env = (c.env ?? []).map((e) => e.name);
    if (!env.includes("OTEL_RESOURCE_ATTRIBUTES")) p.push(`${id(d)}: no OTEL_RESOURCE_ATTRIBUTES`);
    const job = objects.find((o) => o.kind === "Job" && o.metadata.labels?.["app.kubernetes.io/name"] === name);
    if (env.includes(`ConnectionStrings__${name}`)) {
      if (cm.Database__MigrateOnStartup !== "false") p.push(`${id(d)}: Database__MigrateOnStartup must be "false"`);
      if (!job) p.push(`${id(d)}: uses a database but has no migration Job`);
      else {
        if (!(job.spec.template.spec.containers[0].args ?? []).includes("--migrate-only")) p.push(`${id(job)}: does not run --migrate-only`);
        if (job.spec.template.spec.containers[0].image !== c.image) p.push(`${id(job)}: image differs from the service's`);
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
  return (np?.spec.ingress ?? []).some((r) => portAllowed(r, port) && (r.from ?? []).some((f) => !f.namespaceSelector && !f.ipBlock && selectorMatches(f.podSelector, fromLabels)));
}
function egressAllows(np, toLabels, port) {
  return (np?.spec.egress ?? []).some((r) => portAllowed(r, port) && (r.to ?? []).some((t) => !t.namespaceSelector && !t.ipBlock && selectorMatches(t.podSelector, toLabels)));
}

// The issuer: identity issues as Identity__Issuer; every service (identity too) trusts
// Auth__Authority; all of them one identical string ending in "/" (OpenIddict's iss has the slash
// and JwtBearer compares strings). With identity in the release: the gateway knows where it is
// (services__identity__*), and the gateway and every service may reach it.
function identityProblems(objects) {
  const p = [];
  const servers = objects.filter((x) => x.kind === "Deployment" && x.metadata.labels?.["app.kubernetes.io/component"] === "server");
  const cmOf = (d) => objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)?.data ?? {};
  const authorities = new Set(servers.map((d) => cmOf(d).Auth__Authority));
  if (authorities.size !== 1) p.push(`services trust different authorities: ${[...authorities].join(", ")}`);
  for (const a of authorities) if (!a?.endsWith("/")) p.push(`authority ${a} does not end with "/"`);
  const idn = servers.find((d) => d.metadata.labels["app.kubernetes.io/name"] === "identity");
  if (!idn) return p;
  const cm = cmOf(idn);
  if (!cm.Identity__Issuer) p.push("identity: ConfigMap lacks Identity__Issuer");
  for (const d of servers)
    if (cmOf(d).Auth__Authority !== cm.Identity__Issuer) p.push(`${id(d)}: Auth__Authority ${cmOf(d).Auth__Authority} differs from identity's Identity__Issuer ${cm.Identity__Issuer}`);
  const mig = objects.find((o) => o.kind === "Job" && o.metadata.labels?.["app.kubernetes.io/name"] === "identity");
  const migIssuer = mig?.spec.template.spec.containers[0].env?.find((e) => e.name === "Identity__Issuer")?.value;
  if (mig && migIssuer !== cm.Identity__Issuer) p.push(`${id(mig)}: Identity__Issuer ${migIssuer} differs from the Deployment's`);
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
      if (!egressAllows(np, idnLabels, port)) p.push(`${name} may not reach identity on ${port} (egress)`);
      if (!ingressAllows(idnNp, labels, port)) p.push(`identity does not admit ${name} on ${port} (ingress)`);
    }
    if (name === "gateway") {
      const gcm = cmOf(d);
      if (gcm.services__identity__http__0 !== `http://${idn.metadata.name}:${httpPort}`) p.push(`gateway: services__identity__http__0 is ${gcm.services__identity__http__0}`);
      if (gcm.services__identity__grpc__0 !== `http://${idn.metadata.name}:${grpcPort}`) p.push(`gateway: services__identity__grpc__0 is ${gcm.services__identity__grpc__0}`);
    }
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
    if (WORKLOADS.has(o.kind))
      for (const { c } of containersOf(o)) for (const e of c.env ?? []) if (e.name === SEED) found.push(`${id(o)} container ${c.name}: ${SEED}=${e.value}`);
  }
  return found;
}
const SEED_ALLOWED = new Set(["dev-values.yaml"]);

const names = (objects) => objects.map(id);
const svcObjects = (objects, svc) =>
  objects.filter((o) => o.metadata?.labels?.["app.kubernetes.io/name"] === svc || o.metadata?.name === `lmc-${svc}` || o.metadata?.name?.startsWith(`lmc-${svc}-`));

// --- run --------------------------------------------------------------------------------------
const ciDir = join(chart, "ci");
const ciFiles = readdirSync(ciDir).filter((f) => f.endsWith(".yaml")).sort();
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
  check(`${f}: one issuer (Identity__Issuer = Auth__Authority, trailing "/"), identity reachable`, identityProblems(objects));
  if (!SEED_ALLOWED.has(f)) check(`${f}: no ${SEED} (production-like)`, seedFlags(objects));
}

// One service alone: no gateway, no identity, only projects' workloads.
const aloneFile = ciFiles.find((f) => f.includes("alone"));
if (aloneFile && rendered[aloneFile]) {
  const objs = rendered[aloneFile];
  const p = [];
  if (svcObjects(objs, "gateway").length) p.push(`gateway objects rendered: ${names(svcObjects(objs, "gateway")).join(", ")}`);
  if (objs.some((o) => o.kind === "Ingress")) p.push("an Ingress is rendered without the gateway");
  const deps = objs.filter((o) => o.kind === "Deployment").map((o) => o.metadata.name);
  if (deps.join() !== "lmc-projects") p.push(`Deployments: ${deps.join(", ")}`);
  const np = objs.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "lmc-projects");
  if (!np) p.push("no NetworkPolicy for projects");
  else if (JSON.stringify(np).includes('"gateway","app.kubernetes.io/instance":"lmc"')) p.push("projects' NetworkPolicy refers to an in-release gateway");
  check(`${aloneFile}: only projects, no gateway`, p);
} else check("a ci values file installs one service alone", ["no ci/*alone*.yaml rendered"]);

// Switching a service off removes all its objects, and nothing else refers to it.
const defaults = render([]);
for (const svc of ["gateway", "identity", "projects", "meetings", "health-surveillance", "funding"]) {
  const sets = [`services.${svc}.enabled=false`];
  if (svc === "identity") sets.push("global.auth.authority=https://login.lmc.example/");
  // funding depends on projects (dependsOn): the chart refuses projects off while funding needs it.
  if (svc === "projects") sets.push("services.funding.enabled=false");
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
  check(`services.${svc}.enabled=false removes all its objects`, p);
}

check(`chart defaults: no ${SEED}`, seedFlags(defaults));
check("chart defaults: one issuer, identity reachable", identityProblems(defaults));

// skaffold.yaml: one artifact per image built from the repo root with an existing Dockerfile, each
// bound to its chart service through setValueTemplates; the dev profile's values render cleanly.
{
  const p = [];
  const repo = resolve(here, "../..");
  let sk;
  try {
    sk = YAML.parse(readFileSync(join(repo, "skaffold.yaml"), "utf8"));
  } catch (e) {
    p.push(`skaffold.yaml: ${e.message}`);
  }
  const rel = sk?.deploy?.helm?.releases?.[0];
  if (sk && !rel) p.push("skaffold.yaml: no deploy.helm release");
  const sets = [];
  for (const a of sk?.build?.artifacts ?? []) {
    const svc = a.image.replace(/^lmc\//, "");
    const key = a.image.replace(/[^A-Za-z0-9]/g, "_");
    if (a.context !== ".") p.push(`${a.image}: context must be the repository root`);
    if (!existsSync(join(repo, a.docker?.dockerfile ?? "-"))) p.push(`${a.image}: Dockerfile ${a.docker?.dockerfile} missing`);
    if (!defaults.some((o) => o.kind === "Deployment" && o.metadata.name === `lmc-${svc}`)) p.push(`${a.image}: no chart service ${svc}`);
    const t = rel?.setValueTemplates ?? {};
    if (t[`services.${svc}.image.repository`] !== `{{.IMAGE_REPO_${key}}}`) p.push(`${a.image}: setValueTemplates lacks its repository`);
    if (t[`services.${svc}.image.tag`] !== `{{.IMAGE_TAG_${key}}}`) p.push(`${a.image}: setValueTemplates lacks its tag`);
    sets.push(`services.${svc}.image.repository=registry.local/${a.image}`, `services.${svc}.image.tag=0abc123`);
    const df = existsSync(join(repo, a.docker?.dockerfile ?? "-")) ? readFileSync(join(repo, a.docker.dockerfile), "utf8") : "";
    for (const must of ["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "USER $APP_UID", "ENTRYPOINT [\"dotnet\""])
      if (df && !df.includes(must)) p.push(`${a.docker.dockerfile}: lacks ${must}`);
  }
  const prof = (sk?.profiles ?? []).find((x) => x.name === "dev");
  if (!prof) p.push("skaffold.yaml: no dev profile");
  const files = (prof?.patches ?? []).filter((x) => x.path.endsWith("/valuesFiles")).flatMap((x) => x.value).map((f) => join(repo, f));
  const setValues = (prof?.patches ?? []).filter((x) => x.path.endsWith("/setValues")).flatMap((x) => Object.entries(x.value)).map(([k, v]) => `${k}=${v}`);
  try {
    const objs = render(files, [...setValues, "global.image.registry=", ...sets]);
    p.push(...schemaProblems(objs), ...securityProblems(objs), ...networkPolicyProblems(objs), ...imageProblems(objs));
    if (!objs.some((o) => o.kind === "StatefulSet" && o.metadata.name === "lmc-postgresql")) p.push("dev profile: no in-cluster PostgreSQL");
    if (!objs.some((o) => o.kind === "StatefulSet" && o.metadata.name === "lmc-rabbitmq")) p.push("dev profile: no in-cluster RabbitMQ");
    if (!objs.some((o) => o.kind === "Service" && o.metadata.name === "lmc-gateway")) p.push("dev profile: no gateway Service to port-forward");
    if (!objs.some((o) => o.kind === "Deployment" && o.metadata.name === "lmc-identity")) p.push("dev profile: identity does not run in-cluster");
    p.push(...identityProblems(objs).map((x) => `dev profile: ${x}`));
    const idnCm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === "lmc-identity")?.data ?? {};
    if (idnCm.Identity__Issuer !== "http://lmc-identity:8080/") p.push(`dev profile: Identity__Issuer is ${idnCm.Identity__Issuer}, not the in-cluster http://lmc-identity:8080/`);
    if (idnCm[SEED] !== "true") p.push(`dev profile: identity does not seed the development clients (${SEED}=${idnCm[SEED]})`);
    const others = seedFlags(objs).filter((x) => !x.startsWith("ConfigMap/lmc-identity:") && !x.startsWith("Job/lmc-identity-migrate"));
    if (others.length) p.push(`dev profile: ${SEED} outside identity: ${others.join("; ")}`);
  } catch (e) {
    p.push(`dev profile render: ${String(e.stderr ?? e.message).trim()}`);
  }
  // The seed flag appears in the dev profile only (not in the base release nor another profile).
  const base = JSON.stringify({ build: sk?.build, deploy: sk?.deploy, manifests: sk?.manifests });
  if (base.includes(SEED)) p.push(`skaffold.yaml: ${SEED} outside the dev profile`);
  for (const pr of sk?.profiles ?? []) if (pr.name !== "dev" && JSON.stringify(pr).includes(SEED)) p.push(`skaffold.yaml: profile ${pr.name} sets ${SEED}`);
  check("skaffold.yaml artifacts, Dockerfiles and dev profile", p);
}

// Guards that must refuse to render.
check("a 'latest' image tag is refused", renderFails([], ["services.projects.image.tag=latest"]) ? [] : ["rendered"]);
check("a typo in a service entry is refused (schema)", renderFails([], ["services.projects.replicaz=3"]) ? [] : ["rendered"]);
check("identity disabled without global.auth.authority is refused", renderFails([], ["services.identity.enabled=false"]) ? [] : ["rendered"]);
check("an authority without the trailing '/' is refused", renderFails([], ["global.auth.authority=https://login.lmc.example"]) ? [] : ["rendered"]);
check("Identity__Issuer / Auth__Authority in services.<name>.env are refused", renderFails([], ["services.identity.env.Identity__Issuer=http://x/"]) && renderFails([], ["services.projects.env.Auth__Authority=http://x/"]) ? [] : ["rendered"]);
check("an unknown dependsOn is refused", renderFails([], ["services.projects.dependsOn={nowhere}"]) ? [] : ["rendered"]);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
