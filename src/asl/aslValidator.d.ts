// asl-validator ships no types; this is the part we call.
declare module 'asl-validator' {
  interface AslError {
    'Error code': string;
    Message: string;
  }
  function validator(
    definition: unknown,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ): { isValid: boolean; errors: AslError[] };
  export = validator;
}
