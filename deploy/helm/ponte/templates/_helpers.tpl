{{/*
Names. A release's objects are "<fullname>-<role>"; names are cut at 63 characters (DNS labels).
*/}}
{{- define "ponte.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ponte.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* "<fullname>-<role>": needs (dict "root" $ "role" $role) */}}
{{- define "ponte.roleName" -}}
{{- printf "%s-%s" (include "ponte.fullname" .root | trunc 50 | trimSuffix "-") .role }}
{{- end }}

{{- define "ponte.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ponte.labels" -}}
helm.sh/chart: {{ include "ponte.chart" . }}
app.kubernetes.io/name: {{ include "ponte.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one role: needs (dict "root" $ "role" $role) */}}
{{- define "ponte.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ponte.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "ponte.roleLabels" -}}
{{ include "ponte.labels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "ponte.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ponte.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ponte.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The roles Ponte knows (`ponte start --roles`); a values key outside this list is an error. */}}
{{- define "ponte.knownRoles" -}}
authz holder payments receiver jobs operator
{{- end }}

{{- define "ponte.checkRoles" -}}
{{- $known := splitList " " (include "ponte.knownRoles" .) }}
{{- range $role, $_ := .Values.roles }}
{{- if not (has $role $known) }}
{{- fail (printf "roles.%s: unknown role (known roles: %s)" $role (join ", " $known)) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Secret holding DATABASE_URL (the existing one, or the one this chart creates). */}}
{{- define "ponte.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else if .Values.secrets.create }}
{{- printf "%s-secrets" (include "ponte.fullname" .) }}
{{- else }}
{{- fail "database.existingSecret is required (a Secret holding DATABASE_URL), or set secrets.create with secrets.databaseUrl" }}
{{- end }}
{{- end }}

{{- define "ponte.masterKeySecretName" -}}
{{- if .Values.masterKey.existingSecret }}
{{- .Values.masterKey.existingSecret }}
{{- else if .Values.secrets.create }}
{{- printf "%s-secrets" (include "ponte.fullname" .) }}
{{- else }}
{{- fail "masterKey.existingSecret is required (a Secret holding the master key), or set secrets.create with secrets.masterKey" }}
{{- end }}
{{- end }}

{{- define "ponte.configMapName" -}}
{{- default (printf "%s-installation" (include "ponte.fullname" .)) .Values.installation.existingConfigMap }}
{{- end }}

{{/* Where the pieces are mounted inside the containers. */}}
{{- define "ponte.configPath" -}}
/etc/ponte/installation/{{ .Values.installation.key }}
{{- end }}

{{- define "ponte.masterKeyPath" -}}
/run/ponte/keys/master.key
{{- end }}

{{/*
Environment shared by every role and the migration job. DATABASE_URL and the ${VAR} secrets of
the installation file come from Secrets, never from values in clear.
*/}}
{{- define "ponte.env" -}}
- name: PONTE_CONFIG
  value: {{ include "ponte.configPath" . | quote }}
- name: PONTE_SIM
  value: "false"
- name: PONTE_HOME
  value: /var/lib/ponte
- name: PONTE_HTTP_HOST
  value: "0.0.0.0"
- name: PONTE_HTTP_PORT
  value: {{ .Values.ports.operator | quote }}
- name: PONTE_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: PONTE_MASTER_KEY_FILE
  value: {{ include "ponte.masterKeyPath" . | quote }}
- name: PONTE_TRUST_PROXY
  value: {{ .Values.ingress.enabled | quote }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "ponte.databaseSecretName" . }}
      key: {{ .Values.database.key }}
{{- range .Values.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- if .Values.otel.enabled }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ required "otel.endpoint is required when otel.enabled" .Values.otel.endpoint | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ .Values.otel.protocol | quote }}
{{- with .Values.otel.resourceAttributes }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "ponte.containerSecurityContext" -}}
{{ toYaml .Values.containerSecurityContext }}
{{- end }}

{{/*
Copies the master key out of its Secret volume into a memory-backed emptyDir as 0600, owned by
the process. Kubernetes mounts Secret files root-owned; with fsGroup they become group-readable
(0440), which Ponte refuses for a key file (src/platform/crypto/master-key-file.ts), and without
fsGroup the unprivileged process cannot read them at all.
*/}}
{{- define "ponte.masterKeyInit" -}}
- name: master-key
  image: {{ include "ponte.image" . }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command: ["install", "-m", "0600", "/etc/ponte/master-key/{{ .Values.masterKey.key }}", {{ include "ponte.masterKeyPath" . | quote }}]
  securityContext:
    {{- include "ponte.containerSecurityContext" . | nindent 4 }}
  resources:
    {{- toYaml .Values.initResources | nindent 4 }}
  volumeMounts:
    - name: master-key-secret
      mountPath: /etc/ponte/master-key
      readOnly: true
    - name: keys
      mountPath: /run/ponte/keys
{{- end }}

{{- define "ponte.volumes" -}}
- name: installation
  configMap:
    name: {{ include "ponte.configMapName" . }}
- name: master-key-secret
  secret:
    secretName: {{ include "ponte.masterKeySecretName" . }}
    defaultMode: 0400
    items:
      - key: {{ .Values.masterKey.key }}
        path: {{ .Values.masterKey.key }}
- name: keys
  emptyDir:
    medium: Memory
    sizeLimit: 1Mi
- name: home
  emptyDir:
    sizeLimit: {{ .Values.homeSizeLimit }}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- range .Values.certificates }}
- name: cert-{{ .name }}
  secret:
    secretName: {{ .secretName }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{- define "ponte.volumeMounts" -}}
- name: installation
  mountPath: /etc/ponte/installation
  readOnly: true
- name: keys
  mountPath: /run/ponte/keys
  readOnly: true
- name: home
  mountPath: /var/lib/ponte
- name: tmp
  mountPath: /tmp
{{- range .Values.certificates }}
- name: cert-{{ .name }}
  mountPath: /etc/ponte/certs/{{ .name }}
  readOnly: true
{{- end }}
{{- end }}
