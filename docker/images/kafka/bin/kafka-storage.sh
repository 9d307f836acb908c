#!/bin/sh
# As Apache Kafka's script of the same name: the storage tool (format, info, random-uuid).
exec java -Djava.awt.headless=true -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  -cp '/opt/kafka/libs/*' kafka.tools.StorageTool "$@"
