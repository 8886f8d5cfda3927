// ELK running in a Web Worker: a 200-state layout takes its second or so off the view's thread,
// so the view keeps scrolling, answering keys and polling meanwhile. Needs `worker-src blob:`.
import ELK from 'elkjs/lib/elk-api';
import source from './elkWorkerSource';

export function elkInWorker(): InstanceType<typeof ELK> {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new ELK({ workerFactory: () => new Worker(url) });
}
