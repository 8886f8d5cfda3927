"""Lists the notes the writer function appended to the shared file system (EFS)."""
import os


def mount_path():
    # The runtime names the mount in HOC_MOUNT_PATH when it cannot mount at LocalMountPath.
    return os.environ.get("HOC_MOUNT_PATH") or os.environ.get("LOCAL_MOUNT_PATH", "/mnt/shared")


def handler(event, context):
    path = os.path.join(mount_path(), "notes.txt")
    if not os.path.exists(path):
        return {"notes": [], "file": path, "hint": "Invoke the writer first."}
    with open(path, encoding="utf-8") as f:
        notes = [line.rstrip("\n") for line in f if line.strip()]
    return {"notes": notes, "count": len(notes), "file": path}
