{{/* Names, labels, images and the pieces every workload shares. */}}

{{- define "homeroom.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* "homeroom.name" (dict "root" $ "app" "cases") → <fullname>-cases */}}
{{- define "homeroom.name" -}}
{{- printf "%s-%s" (include "homeroom.fullname" .root) .app -}}
{{- end -}}

{{- define "homeroom.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: homeroom
{{ include "homeroom.selectorLabels" . }}
{{- end -}}

{{- define "homeroom.selectorLabels" -}}
app.kubernetes.io/name: homeroom
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .app }}
{{- end -}}

{{/* The image of a Homeroom app: <registry>/<repository>:<tag or appVersion>. */}}
{{- define "homeroom.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .values.image.repository $tag -}}
{{- end -}}

{{/* The URLs the platform derives from its hosts. */}}
{{- define "homeroom.publicUrl" -}}
{{- printf "https://%s" .Values.publicHost -}}
{{- end -}}
{{- define "homeroom.portalUrl" -}}
{{- printf "https://%s" (default .Values.publicHost .Values.portalHost) -}}
{{- end -}}

{{- define "homeroom.migrationStrategy" -}}
{{- if eq .Values.migrations.strategy "auto" -}}
{{- if eq .Values.mode "evaluation" }}initContainer{{ else }}hook{{ end -}}
{{- else -}}
{{- .Values.migrations.strategy -}}
{{- end -}}
{{- end -}}

{{/* A secretKeyRef env entry: (dict "name" VAR "secret" NAME "key" KEY) */}}
{{- define "homeroom.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
{{- end -}}

{{/* DATABASE_URL of a service: from the external Secret, or built for the evaluation PostgreSQL. */}}
{{- define "homeroom.databaseEnv" -}}
{{- $root := .root -}}
{{- if eq $root.Values.mode "evaluation" -}}
{{ include "homeroom.secretEnv" (dict "name" "HOMEROOM_POSTGRES_PASSWORD" "secret" $root.Values.evaluation.postgresql.existingSecret "key" $root.Values.evaluation.postgresql.passwordKey) }}
- name: DATABASE_URL
  value: {{ printf "postgres://homeroom:$(HOMEROOM_POSTGRES_PASSWORD)@%s:5432/homeroom_%s" (include "homeroom.name" (dict "root" $root "app" "postgresql")) .app | quote }}
{{- else -}}
{{ include "homeroom.secretEnv" (dict "name" "DATABASE_URL" "secret" $root.Values.database.existingSecret "key" (index $root.Values.database.keys .app)) }}
{{- end -}}
{{- end -}}

{{/* Kafka's TLS and SASL settings (read by the apps' kafkaConfigShape, libs/platform/config). */}}
{{- define "homeroom.kafkaEnv" -}}
{{- $k := .Values.kafka -}}
{{- if $k.tls.enabled }}
- name: KAFKA_SSL
  value: "true"
{{- if $k.tls.caSecret.existingSecret }}
- name: KAFKA_SSL_CA_FILE
  value: /etc/homeroom/kafka-ca/{{ $k.tls.caSecret.key }}
{{- end }}
{{- end }}
{{- if $k.sasl.mechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $k.sasl.mechanism | quote }}
{{ include "homeroom.secretEnv" (dict "name" "KAFKA_SASL_USERNAME" "secret" $k.sasl.existingSecret "key" $k.sasl.usernameKey) }}
{{ include "homeroom.secretEnv" (dict "name" "KAFKA_SASL_PASSWORD" "secret" $k.sasl.existingSecret "key" $k.sasl.passwordKey) }}
{{- end }}
{{- end -}}

{{- define "homeroom.kafkaBrokers" -}}
{{- if eq .Values.mode "evaluation" -}}
{{- printf "%s:9092" (include "homeroom.name" (dict "root" . "app" "kafka")) -}}
{{- else -}}
{{- join "," .Values.kafka.brokers -}}
{{- end -}}
{{- end -}}

{{/* Volumes for the CA certificates, when named. */}}
{{- define "homeroom.caVolumes" -}}
{{- if and (eq .Values.mode "external") .Values.database.caCert.existingSecret }}
- name: postgres-ca
  secret:
    secretName: {{ .Values.database.caCert.existingSecret | quote }}
    items: [{ key: {{ .Values.database.caCert.key | quote }}, path: {{ .Values.database.caCert.key | quote }} }]
{{- end }}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret.existingSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret.existingSecret | quote }}
    items: [{ key: {{ .Values.kafka.tls.caSecret.key | quote }}, path: {{ .Values.kafka.tls.caSecret.key | quote }} }]
{{- end }}
{{- end -}}

{{- define "homeroom.caMounts" -}}
{{- if and (eq .Values.mode "external") .Values.database.caCert.existingSecret }}
- name: postgres-ca
  mountPath: /etc/homeroom/postgres-ca
  readOnly: true
{{- end }}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret.existingSecret }}
- name: kafka-ca
  mountPath: /etc/homeroom/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "homeroom.probe" -}}
httpGet:
  path: {{ .probe.path }}
  port: http
periodSeconds: {{ .probe.periodSeconds | default 10 }}
failureThreshold: {{ .probe.failureThreshold | default 3 }}
timeoutSeconds: {{ .probe.timeoutSeconds | default 2 }}
{{- end -}}

{{/* Pod-level scheduling shared by every workload: (dict "root" $ "app" NAME) */}}
{{- define "homeroom.podScheduling" -}}
{{- $v := .root.Values -}}
{{- with $v.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . | quote }}
{{- end }}
{{- end }}
{{- with $v.priorityClassName }}
priorityClassName: {{ . | quote }}
{{- end }}
{{- with $v.nodeSelector }}
nodeSelector: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.affinity }}
affinity: {{- toYaml . | nindent 2 }}
{{- end }}
{{- if $v.topologySpread.enabled }}
topologySpreadConstraints:
{{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: {{ $v.topologySpread.maxSkew }}
    topologyKey: {{ $key }}
    whenUnsatisfiable: {{ $v.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels: {{- include "homeroom.selectorLabels" (dict "root" $.root "app" $.app) | nindent 8 }}
{{- end }}
{{- end }}
{{- end -}}
