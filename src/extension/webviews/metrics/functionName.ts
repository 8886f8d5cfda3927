// Function name from a name, a full ARN or a partial ARN (a qualifier is dropped: the metrics
// view reads the function's log group, which every version shares).
export function functionNameOf(ref: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(ref);
  return m ? m[1] : ref.split(':')[0];
}
