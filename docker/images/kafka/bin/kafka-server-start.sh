#!/bin/sh
# As Apache Kafka's script of the same name: the broker, with KAFKA_HEAP_OPTS (default -Xmx512m).
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several options
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' kafka.Kafka "$@"
