// A reason the local cloud cannot start that the user can act on (a damaged or busy state
// dir): the CLI prints its message alone, without a stack, and exits 1.
export class LocalCloudStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalCloudStartError';
  }
}
