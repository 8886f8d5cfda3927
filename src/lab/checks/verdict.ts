// A check's answer before it gets its id and title.
export interface Verdict {
  passed: boolean;
  message: string;
}
