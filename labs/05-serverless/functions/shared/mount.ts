// Where the shared file system is mounted. On AWS it is the LocalMountPath (/mnt/shared);
// where the runtime cannot mount there, it names the real folder in HOC_MOUNT_PATH.
export function mountPath(): string {
  return process.env.HOC_MOUNT_PATH ?? process.env.LOCAL_MOUNT_PATH ?? '/mnt/shared';
}
