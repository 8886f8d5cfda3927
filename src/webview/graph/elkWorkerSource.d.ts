// The text of elkjs/lib/elk-worker.min.js (see elkWorkerSource.js).
declare const source: string;
export default source;
