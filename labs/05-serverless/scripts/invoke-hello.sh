#!/usr/bin/env bash
# Invokes the hello function with the AWS CLI and prints the REPORT line of its log tail.
#   bash invoke-hello.sh 05-serverless-HelloFunction
set -euo pipefail
fn="${1:-${FUNCTION:?pass the function name}}"
out="$(mktemp)"
aws lambda invoke --function-name "$fn" \
  --cli-binary-format raw-in-base64-out --payload '{"name":"CLI"}' \
  --log-type Tail --query LogResult --output text "$out" | base64 -d | grep '^REPORT'
echo "result: $(cat "$out")"
rm -f "$out"
