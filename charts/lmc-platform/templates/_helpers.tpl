{{/*
Shared named templates. Every per-service object of the chart is rendered from these, inside one
range loop per kind over the workloads of "lmc.services" (the manifests and the gateway); there is no
per-service copy of any template.
Calling convention for per-service templates: (dict "root" $ "name" $name "svc" $svc "services" $services).
*/}}

{{/*
The chart's workloads as JSON, name -> values: one per services/<name>/service.json (the chart's services/
is a symlink to the repository's; .helmignore keeps only the manifests), and the gateway, which has none.
A service's values are .Values.default, then its manifest's "chart" block, then .Values.services.<name>
(the operator's overrides); then what its manifest says: database.enabled (database), database.name
(default: the name with "_" for "-"), rabbitmq (broker), dependsOn (calls) and issuesTokens.
Use: {{- $services := include "lmc.services" . | fromJson }} (root context).
*/}}
{{- define "lmc.services" -}}
{{- $root := . -}}
{{- $overrides := .Values.services | default dict -}}
{{- $valueKeys := list "enabled" "image" "replicas" "resources" "ports" "database" "env" "extraIngressFrom" "autoscaling" "pdb" -}}
{{- $out := dict -}}
{{- range $path, $_ := .Files.Glob "services/*/service.json" -}}
{{- $m := $root.Files.Get $path | fromJson -}}
{{- if hasKey $m "Error" -}}
{{- fail (printf "%s: %s" $path $m.Error) -}}
{{- end -}}
{{- $folder := base (dir $path) -}}
{{- if ne (toString $m.name) $folder -}}
{{- fail (printf "%s: the name %q is not its folder's, %q" $path (toString $m.name) $folder) -}}
{{- end -}}
{{- if eq $folder "gateway" -}}
{{- fail (printf "%s: \"gateway\" is the chart's name for the gateway" $path) -}}
{{- end -}}
{{- $chart := $m.chart | default dict -}}
{{- range $k, $_ := $chart -}}
{{- if not (has $k $valueKeys) -}}
{{- fail (printf "%s: chart.%s is not a service value (%s)" $path $k (join ", " $valueKeys)) -}}
{{- end -}}
{{- end -}}
{{- $svc := mergeOverwrite (deepCopy $root.Values.default) (deepCopy $chart) (deepCopy (index $overrides $folder | default dict)) -}}
{{- $image := $svc.image | default dict -}}
{{- if not $image.repository -}}
{{- $_ := set $image "repository" (printf "lmc/%s" $folder) -}}
{{- end -}}
{{- $db := $svc.database | default dict -}}
{{- $_ := set $db "enabled" ($m.database | default false) -}}
{{- $_ := set $db "extensions" ($m.extensions | default list) -}}
{{- if not $db.name -}}
{{- $_ := set $db "name" ($folder | replace "-" "_") -}}
{{- end -}}
{{- $_ := set $svc "image" $image -}}
{{- $_ := set $svc "database" $db -}}
{{- $_ := set $svc "rabbitmq" ($m.broker | default false) -}}
{{- $_ := set $svc "dependsOn" ($m.calls | default list) -}}
{{- $_ := set $svc "issuesTokens" ($m.issuesTokens | default false) -}}
{{- $_ := set $out $folder $svc -}}
{{- end -}}
{{- $gw := mergeOverwrite (deepCopy .Values.default) (deepCopy (index $overrides "gateway" | default dict)) -}}
{{- $image := $gw.image | default dict -}}
{{- if not $image.repository -}}
{{- $_ := set $image "repository" "lmc/gateway" -}}
{{- end -}}
{{- $_ := set $gw "image" $image -}}
{{- $_ := set $gw "database" (dict "enabled" false) -}}
{{- $_ := set $gw "rabbitmq" false -}}
{{- $_ := set $gw "dependsOn" list -}}
{{- $_ := set $gw "issuesTokens" false -}}
{{- $_ := set $out "gateway" $gw -}}
{{- range $n, $_ := $overrides -}}
{{- if not (hasKey $out $n) -}}
{{- fail (printf "services.%s: no such service (no services/%s/service.json in the chart) and not the gateway" $n $n) -}}
{{- end -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{/* The token issuer: the service whose manifest has issuesTokens (identity), or "". (dict services) */}}
{{- define "lmc.issuer" -}}
{{- $names := list -}}
{{- range $n, $s := .services -}}
{{- if $s.issuesTokens -}}{{- $names = append $names $n -}}{{- end -}}
{{- end -}}
{{- if gt (len $names) 1 -}}
{{- fail (printf "more than one manifest has issuesTokens: %s" (join ", " $names)) -}}
{{- end -}}
{{- first $names | default "" -}}
{{- end -}}

{{- define "lmc.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "lmc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object of the release carries (root context). */}}
{{- define "lmc.commonLabels" -}}
helm.sh/chart: {{ include "lmc.chart" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: lmc-platform
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* The pods the release's default deny-all applies to (root context). */}}
{{- define "lmc.releasePodSelector" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: lmc-platform
{{- end -}}

{{/* Object name of a service: <release>-<name>. (dict root name) */}}
{{- define "lmc.svc.fullname" -}}
{{- printf "%s-%s" (include "lmc.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels selecting every pod of a service: its server pods and its migration job pods. */}}
{{- define "lmc.svc.podLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: lmc-platform
{{- end -}}

{{/* Labels selecting the server pods of a service (Deployment, Service, PDB). */}}
{{- define "lmc.svc.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{- define "lmc.svc.labels" -}}
{{ include "lmc.commonLabels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Image reference of a service; the tag defaults to the chart's appVersion, never latest. */}}
{{- define "lmc.svc.image" -}}
{{- $tag := default .root.Chart.AppVersion .svc.image.tag | toString -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail (printf "services.%s.image.tag: a pinned tag is required (not %q)" .name $tag) -}}
{{- end -}}
{{- $registry := .root.Values.global.image.registry | default "" | trimSuffix "/" -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .svc.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .svc.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
The OIDC issuer every service trusts (env Auth__Authority) and the token issuer (the service whose
manifest has issuesTokens: identity) issues as (env Identity__Issuer), as one exact string ending in
"/": OpenIddict puts "http://host:8080/" in `iss` and the discovery document, and JwtBearer compares
them with the configured value as strings. (dict root services)
*/}}
{{- define "lmc.authority" -}}
{{- $auth := .root.Values.global.auth -}}
{{- if $auth.authority -}}
{{- if not (hasSuffix "/" $auth.authority) -}}
{{- fail (printf "global.auth.authority %q must end with \"/\" (the issuer exactly as in the tokens' iss)" $auth.authority) -}}
{{- end -}}
{{- $auth.authority -}}
{{- else -}}
{{- $issuer := include "lmc.issuer" . -}}
{{- $s := index .services $issuer | default dict -}}
{{- if and $issuer $s.enabled -}}
{{- printf "http://%s:%v/" (include "lmc.svc.fullname" (dict "root" .root "name" $issuer)) $s.ports.http -}}
{{- else if $issuer -}}
{{- fail (printf "global.auth.authority is required when the token issuer, services.%s, is not enabled in this release" $issuer) -}}
{{- else -}}
{{- fail "global.auth.authority is required: no service's manifest has issuesTokens" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Pod-level securityContext (dict uid fsGroup). */}}
{{- define "lmc.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 1654 }}
runAsGroup: {{ .uid | default 1654 }}
fsGroup: {{ .fsGroup | default .uid | default 1654 }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container-level securityContext (dict uid). */}}
{{- define "lmc.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 1654 }}
runAsGroup: {{ .uid | default 1654 }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Name of the Secret holding a service's database connection string. */}}
{{- define "lmc.svc.dbSecretName" -}}
{{- if and (eq .root.Values.postgresql.mode "external") .svc.database.existingSecret -}}
{{- .svc.database.existingSecret -}}
{{- else -}}
{{- printf "%s-db" (include "lmc.svc.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* In-cluster PostgreSQL host (root context). */}}
{{- define "lmc.postgresql.host" -}}
{{- if eq .Values.postgresql.mode "cnpg" -}}
{{- printf "%s-postgresql-rw" (include "lmc.fullname" .) -}}
{{- else -}}
{{- printf "%s-postgresql" (include "lmc.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* In-cluster RabbitMQ host (root context). */}}
{{- define "lmc.rabbitmq.host" -}}
{{- printf "%s-rabbitmq" (include "lmc.fullname" .) -}}
{{- end -}}

{{/*
Services reachable by this service: those its manifest calls (dependsOn), and for the gateway every
enabled service. Returns a YAML map name -> {http, grpc} of URLs, in-release or external.
*/}}
{{- define "lmc.svc.peers" -}}
{{- $root := .root -}}
{{- $services := .services -}}
{{- $names := list -}}
{{- if eq .name "gateway" -}}
{{- range $n, $s := $services -}}
{{- if and $s.enabled (ne $n "gateway") -}}{{- $names = append $names $n -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- range .svc.dependsOn -}}{{- $names = append $names . -}}{{- end -}}
{{- range $n := $names | uniq | sortAlpha }}
{{- $s := index $services $n | default dict }}
{{- if $s.enabled }}
{{ $n }}:
  http: {{ printf "http://%s:%v" (include "lmc.svc.fullname" (dict "root" $root "name" $n)) $s.ports.http | quote }}
  grpc: {{ printf "http://%s:%v" (include "lmc.svc.fullname" (dict "root" $root "name" $n)) $s.ports.grpc | quote }}
{{- else if hasKey $root.Values.global.externalServices $n }}
{{- $e := index $root.Values.global.externalServices $n }}
{{ $n }}:
  {{- with $e.http }}
  http: {{ . | quote }}
  {{- end }}
  {{- with $e.grpc }}
  grpc: {{ . | quote }}
  {{- end }}
{{- else }}
{{- fail (printf "%s calls %q (its manifest's calls), which is neither enabled in this release nor listed in global.externalServices" $.name $n) }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
Non-secret configuration of a service, as a YAML map of strings: the service's ConfigMap data,
and the environment of its migration job (which may run before the ConfigMap exists).
*/}}
{{- define "lmc.svc.config" -}}
{{- $root := .root -}}
{{- $g := $root.Values.global -}}
{{- $authority := include "lmc.authority" . -}}
ASPNETCORE_ENVIRONMENT: {{ $g.aspnetcoreEnvironment | quote }}
DOTNET_ENVIRONMENT: {{ $g.aspnetcoreEnvironment | quote }}
Ports__Http: {{ .svc.ports.http | quote }}
Ports__Grpc: {{ .svc.ports.grpc | quote }}
Auth__Authority: {{ $authority | quote }}
Auth__Audience: {{ $g.auth.audience | quote }}
Auth__RequireHttpsMetadata: {{ ternary "false" "true" (hasPrefix "http://" $authority) | quote }}
{{- if .svc.issuesTokens }}
Identity__Issuer: {{ $authority | quote }}
{{- end }}
{{- if $root.Values.ingress.enabled }}
{{- /* The gateway's public address, for links a service puts in what it sends out (webhooks' dataschema). */}}
Platform__PublicUrl: {{ printf "%s://%s/" (ternary "https" "http" $root.Values.ingress.tls.enabled) $root.Values.ingress.host | quote }}
{{- end }}
{{- if .svc.database.enabled }}
Database__MigrateOnStartup: "false"
{{- end }}
OTEL_SERVICE_NAME: {{ .name | quote }}
{{- if $g.otel.endpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $g.otel.endpoint | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: {{ $g.otel.protocol | quote }}
{{- end }}
{{- range $n, $urls := include "lmc.svc.peers" . | fromYaml }}
{{- with $urls.http }}
services__{{ $n }}__http__0: {{ . | quote }}
{{- end }}
{{- with $urls.grpc }}
services__{{ $n }}__grpc__0: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $k, $v := .svc.env }}
{{- if has $k (list "Auth__Authority" "Identity__Issuer") }}
{{- fail (printf "services.%s.env.%s: set global.auth.authority instead (every service and the issuer must get the same one)" $.name $k) }}
{{- end }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/* Environment of a service's containers that comes from Secrets and the downward API. With
.job set (the migration job) the broker Secret is optional: migrating needs only the database. */}}
{{- define "lmc.svc.env" -}}
{{- $root := .root -}}
{{- $g := $root.Values.global -}}
- name: K8S_POD_NAME
  valueFrom: {fieldRef: {fieldPath: metadata.name}}
- name: K8S_NAMESPACE_NAME
  valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
- name: K8S_NODE_NAME
  valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
{{- $attrs := list (printf "deployment.environment=%s" $g.environment) "k8s.namespace.name=$(K8S_NAMESPACE_NAME)" "k8s.pod.name=$(K8S_POD_NAME)" "k8s.node.name=$(K8S_NODE_NAME)" (printf "service.namespace=lmc-platform") (printf "service.version=%s" (default $root.Chart.AppVersion .svc.image.tag)) }}
{{- range $k, $v := $g.otel.resourceAttributes }}
{{- $attrs = append $attrs (printf "%s=%v" $k $v) }}
{{- end }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ join "," $attrs | quote }}
{{- if .svc.database.enabled }}
- name: ConnectionStrings__{{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "lmc.svc.dbSecretName" . }}
      key: {{ .svc.database.secretKey | default "connection-string" }}
{{- end }}
{{- if .svc.rabbitmq }}
{{- $mode := $root.Values.rabbitmq.mode }}
{{- if eq $mode "external" }}
- name: ConnectionStrings__rabbitmq
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.rabbitmq.external.existingSecret }}
      key: {{ $root.Values.rabbitmq.external.secretKey }}
      {{- if .job }}
      optional: true
      {{- end }}
{{- else if eq $mode "operator" }}
- name: LMC_RABBITMQ_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ printf "%s-default-user" (include "lmc.rabbitmq.host" $root) }}, key: username{{ if .job }}, optional: true{{ end }}}
- name: LMC_RABBITMQ_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ printf "%s-default-user" (include "lmc.rabbitmq.host" $root) }}, key: password{{ if .job }}, optional: true{{ end }}}
- name: ConnectionStrings__rabbitmq
  value: {{ printf "amqp://$(LMC_RABBITMQ_USERNAME):$(LMC_RABBITMQ_PASSWORD)@%s:5672" (include "lmc.rabbitmq.host" $root) | quote }}
{{- else }}
- name: ConnectionStrings__rabbitmq
  valueFrom:
    secretKeyRef: {name: {{ include "lmc.rabbitmq.host" $root }}, key: uri{{ if .job }}, optional: true{{ end }}}
{{- end }}
{{- end }}
{{- end -}}

{{/*
When the migration job of a service runs. External database: before install and before upgrade
(the connection Secret already exists). In-cluster database (cnpg/dev): the server and the
chart-generated Secret are release objects that do not exist before the first install, so the
first migration runs post-install; once the service's Secret exists, pre-upgrade.
*/}}
{{- define "lmc.svc.migrationHook" -}}
{{- if eq .root.Values.postgresql.mode "external" -}}
pre-install,pre-upgrade
{{- else if lookup "v1" "Secret" .root.Release.Namespace (include "lmc.svc.dbSecretName" .) -}}
pre-upgrade
{{- else -}}
post-install,post-upgrade
{{- end -}}
{{- end -}}

{{/* NetworkPolicy peers ("to"/"from" list items) of a peer spec {ipBlocks, namespaceSelector, podSelector}. */}}
{{- define "lmc.np.peers" -}}
{{- if .ipBlocks }}
{{- range .ipBlocks }}
- ipBlock:
    {{- toYaml . | nindent 4 }}
{{- end }}
{{- else if or (hasKey . "namespaceSelector") (hasKey . "podSelector") }}
{{- $p := dict }}
{{- if hasKey . "namespaceSelector" }}{{- $_ := set $p "namespaceSelector" (.namespaceSelector | default dict) }}{{- end }}
{{- if hasKey . "podSelector" }}{{- $_ := set $p "podSelector" (.podSelector | default dict) }}{{- end }}
{{- list $p | toYaml | nindent 0 }}
{{- else }}
{{- fail "a network peer needs ipBlocks, namespaceSelector or podSelector" }}
{{- end }}
{{- end -}}

{{/* NetworkPolicy ports list of a list of port numbers (TCP). */}}
{{- define "lmc.np.ports" -}}
{{- range . }}
- protocol: TCP
  port: {{ . }}
{{- end }}
{{- end -}}

{{/* The emptyDir /tmp every container gets (its root filesystem is read-only). */}}
{{- define "lmc.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}
{{- define "lmc.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}

{{/* Init container waiting for the in-cluster PostgreSQL; in dev mode it also creates the service's
role and database (idempotent). (dict root name svc) */}}
{{- define "lmc.svc.waitForDatabase" -}}
{{- $root := .root -}}
{{- $pg := $root.Values.postgresql -}}
- name: wait-for-database
  image: {{ printf "%s:%s" $pg.dev.image.repository $pg.dev.image.tag | quote }}
  imagePullPolicy: IfNotPresent
  command: ["/bin/sh", "-ec"]
  args:
    - |
      until pg_isready -q -h "$PGHOST" -p 5432; do echo "waiting for $PGHOST"; sleep 3; done
      {{- if eq $pg.mode "dev" }}
      psql -v ON_ERROR_STOP=1 -d postgres -v role="$DB_USER" -v pw="$DB_PASSWORD" <<'SQL'
      SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
      ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
      SQL
      psql -v ON_ERROR_STOP=1 -d postgres -v role="$DB_USER" -v db="$DB_NAME" <<'SQL'
      SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
      SQL
      {{- range .svc.database.extensions }}
      psql -v ON_ERROR_STOP=1 -d "$DB_NAME" -c 'CREATE EXTENSION IF NOT EXISTS {{ . }}'
      {{- end }}
      {{- end }}
  env:
    - name: PGHOST
      value: {{ include "lmc.postgresql.host" $root | quote }}
    {{- if eq $pg.mode "dev" }}
    - name: PGUSER
      value: postgres
    - name: PGPASSWORD
      valueFrom:
        secretKeyRef: {name: {{ include "lmc.postgresql.host" $root }}, key: postgres-password}
    - name: DB_NAME
      value: {{ .svc.database.name | quote }}
    - name: DB_USER
      valueFrom:
        secretKeyRef: {name: {{ include "lmc.svc.dbSecretName" . }}, key: username}
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: {{ include "lmc.svc.dbSecretName" . }}, key: password}
    {{- end }}
  resources:
    {{- toYaml $root.Values.helperImages.resources | nindent 4 }}
  securityContext:
    {{- include "lmc.containerSecurityContext" (dict "uid" 1654) | nindent 4 }}
  volumeMounts:
    {{- include "lmc.tmpVolumeMount" . | nindent 4 }}
{{- end -}}
