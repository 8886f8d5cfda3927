"""The Python runtime of the local cloud's execution environments.

Speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API, imports _HANDLER (module.function)
from LAMBDA_TASK_ROOT, passes a context object like AWS's, sets up logging in AWS's format
and reports errors in AWS's shapes. Standard library only, so any python3 runs it.
"""
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HANDLER = os.environ.get("_HANDLER", "")
TASK_ROOT = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
# The end-of-output marker the local cloud reads (OUTPUT_MARKER in runtime/outputLines.ts).
MARKER = "\x1eHOC-FLUSH "
HOST, PORT = API.split(":")
_conn = None
_request_id = None


def call(method, path, body=None, headers=None):
    """One request to the Runtime API over a kept-alive connection."""
    global _conn
    for attempt in (0, 1):
        try:
            if _conn is None:
                _conn = http.client.HTTPConnection(HOST, int(PORT))
            _conn.request(method, path, body=body, headers=headers or {})
            res = _conn.getresponse()
            return res.status, dict((k.lower(), v) for k, v in res.getheaders()), res.read()
        except (ConnectionError, http.client.HTTPException, OSError):
            _conn = None
            if attempt == 1:
                raise


class LambdaLogHandler(logging.Handler):
    """[LEVEL]\\t2024-01-01T12:00:00.000Z\\trequest-id\\tmessage, one line per record."""

    def emit(self, record):
        try:
            message = self.format(record)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs
            line = "[%s]\t%s\t%s\t%s" % (record.levelname, stamp, _request_id or "", message)
            sys.stdout.write(line.replace("\n", "\r") + "\n")
            sys.stdout.flush()
        except Exception:
            self.handleError(record)


def setup_logging():
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(LambdaLogHandler())
    root.setLevel(logging.WARNING)


class LambdaContext:
    def __init__(self, headers, request_id):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.memory_limit_in_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"))
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))
        self.identity = _json_or_none(headers.get("lambda-runtime-cognito-identity"))
        self.client_context = _json_or_none(headers.get("lambda-runtime-client-context"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def _json_or_none(text):
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def error_shape(exc, error_type=None, message=None):
    # The user's frames only, as AWS shows them (not this bootstrap's).
    tb = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename != __file__] if exc is not None else []
    frames = traceback.format_list(tb)
    return {
        "errorMessage": message if message is not None else str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": _request_id or "",
        "stackTrace": frames,
    }


def log_error(shape):
    lines = ["[ERROR] %s: %s" % (shape["errorType"], shape["errorMessage"]), "Traceback (most recent call last):"] + [f.rstrip("\n") for f in shape["stackTrace"]]
    sys.stdout.write("\r".join(lines) + "\n")
    sys.stdout.flush()


def load_handler():
    if "." not in HANDLER:
        raise RuntimeErrorShape("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % HANDLER)
    module_name, function_name = HANDLER.rsplit(".", 1)
    module_name = module_name.replace("/", ".")
    sys.path.insert(0, TASK_ROOT)
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as e:
        raise RuntimeErrorShape("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e))
    except ImportError as e:
        raise RuntimeErrorShape("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e))
    fn = getattr(module, function_name, None)
    if fn is None or not callable(fn):
        raise RuntimeErrorShape("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return fn


class RuntimeErrorShape(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


class TrackedStream:
    """sys.stdout / sys.stderr, noting whether anything was written since the last marker."""

    def __init__(self, stream):
        self._stream = stream
        self.written = True

    def write(self, text):
        self.written = True
        return self._stream.write(text)

    def writelines(self, lines):
        self.written = True
        return self._stream.writelines(lines)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def flush_marker(request_id):
    """Marks the end of the output on each stream written since its last marker, and returns
    the header telling the local cloud how many markers to wait for (OUTPUT_MARKERS_HEADER)."""
    count = 0
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, TrackedStream) and not stream.written:
            continue
        stream.write(MARKER + request_id + "\n")
        stream.flush()
        if isinstance(stream, TrackedStream):
            stream.written = False
        count += 1
    return {"Hoc-Output-Markers": str(count)}


def main():
    global _request_id
    sys.stdout = TrackedStream(sys.stdout)
    sys.stderr = TrackedStream(sys.stderr)
    setup_logging()
    try:
        handler = load_handler()
    except Exception as e:  # noqa: BLE001 - every init failure is reported to Lambda
        shape = error_shape(e, getattr(e, "error_type", None))
        if isinstance(e, RuntimeErrorShape):
            shape["stackTrace"] = []
        log_error(shape)
        body = json.dumps(shape).encode()
        call("POST", "/2018-06-01/runtime/init/error", body, {"Lambda-Runtime-Function-Error-Type": shape["errorType"], "Content-Type": "application/json"})
        sys.exit(1)
    while True:
        try:
            status, headers, body = call("GET", "/2018-06-01/runtime/invocation/next")
        except OSError:
            sys.exit(0)  # the local cloud has gone away
        request_id = headers.get("lambda-runtime-aws-request-id")
        _request_id = request_id
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("lambda-runtime-trace-id", "")
        try:
            event = json.loads(body) if body else {}
            result = handler(event, LambdaContext(headers, request_id))
            try:
                payload = json.dumps(result).encode()
            except (TypeError, ValueError) as e:
                raise RuntimeErrorShape("Runtime.MarshalError", "Unable to marshal response: %s" % e)
            markers = flush_marker(request_id)
            call("POST", "/2018-06-01/runtime/invocation/%s/response" % request_id, payload, {"Content-Type": "application/json", **markers})
        except Exception as e:  # noqa: BLE001 - reported as the invocation's error
            shape = error_shape(e, getattr(e, "error_type", None))
            log_error(shape)
            markers = flush_marker(request_id)
            call("POST", "/2018-06-01/runtime/invocation/%s/error" % request_id, json.dumps(shape).encode(), {"Lambda-Runtime-Function-Error-Type": shape["errorType"], "Content-Type": "application/json", **markers})
        _request_id = None


if __name__ == "__main__":
    main()
