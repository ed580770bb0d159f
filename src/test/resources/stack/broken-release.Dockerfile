# A release that starts and is healthy, but refuses every request body over 20 bytes: its smoke test fails.
ARG FROM
FROM ${FROM}
ENV RAGLINE_LIMITS_REQUEST_BYTES=20B
