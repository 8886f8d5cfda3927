"""Hello world in Python: the same handler as hello/index.ts, for boto3 users."""
import json
from datetime import datetime, timezone

# Module scope runs once per execution environment (the cold start).
STARTED_AT = datetime.now(timezone.utc).isoformat()
invocations = 0


def handler(event, context):
    global invocations
    invocations += 1
    print("event", json.dumps(event))
    name = (event or {}).get("name") or "world"
    return {
        "message": f"Hello, {name}!",
        "requestId": context.aws_request_id,
        "memoryLimitInMB": int(context.memory_limit_in_mb),
        "invocationsInThisEnvironment": invocations,
        "environmentStartedAt": STARTED_AT,
    }
