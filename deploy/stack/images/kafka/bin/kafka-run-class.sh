#!/bin/bash
# kafka-run-class.sh <class> [arguments]: runs a class of the broker's jars, as Kafka's own script does.
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} ${KAFKA_OPTS:-} -Dlog4j.configuration=file:/opt/kafka/config/log4j.properties \
  -cp '/opt/kafka/libs/*' "$@"
