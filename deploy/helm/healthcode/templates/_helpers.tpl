{{/*
The prefix of every object's name: the release name if it says healthcode, else
<release>-healthcode; short enough for "-scan-checkpoint-service" to fit a 63-character name.
*/}}
{{- define "healthcode.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 38 | trimSuffix "-" -}}
{{- else if contains "healthcode" .Release.Name -}}
{{- .Release.Name | trunc 38 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-healthcode" .Release.Name | trunc 38 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object, with the release (instance) label. */}}
{{- define "healthcode.labels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "healthcode.commonLabels" . }}
{{- end -}}

{{/* Labels of every object but the release's: for objects that add selectorLabels (which have it). */}}
{{- define "healthcode.commonLabels" -}}
app.kubernetes.io/part-of: healthcode
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
healthcode.org/province: {{ .Values.province.code | quote }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "name" "gateway") */}}
{{- define "healthcode.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{- define "healthcode.kafkaName" -}}
{{ include "healthcode.fullname" . }}
{{- end -}}

{{- define "healthcode.kafkaBootstrap" -}}
{{ include "healthcode.kafkaName" . }}-kafka-bootstrap:9092
{{- end -}}

{{- define "healthcode.postgresName" -}}
{{ include "healthcode.fullname" . }}-postgres
{{- end -}}

{{- define "healthcode.keycloakName" -}}
{{ include "healthcode.fullname" . }}-keycloak
{{- end -}}

{{/* The realm's URL inside the cluster: services ask Keycloak directly, not through the ingress. */}}
{{- define "healthcode.oidcUrl" -}}
http://{{ include "healthcode.keycloakName" . }}:8080/realms/healthcode
{{- end -}}

{{/*
One service's settings: serviceDefaults overridden by its own entry, key by key at every depth.
(Sprig's mergeOverwrite would not let an entry's false or 0 override a default.) (dict "root" $ "name" n)
*/}}
{{- define "healthcode.service" -}}
{{- $merged := deepCopy .root.Values.serviceDefaults -}}
{{- include "healthcode.merge" (dict "dst" $merged "src" (deepCopy (index .root.Values.services .name))) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Sets every key of src into dst, merging maps found in both. (dict "dst" d "src" s) */}}
{{- define "healthcode.merge" -}}
{{- $dst := .dst -}}
{{- range $key, $value := .src -}}
{{- $existing := index $dst $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $existing) -}}
{{- include "healthcode.merge" (dict "dst" $existing "src" $value) -}}
{{- else -}}
{{- $_ := set $dst $key $value -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "healthcode.image" -}}
{{ .image.repository }}:{{ .image.tag | default .appVersion }}
{{- end -}}
