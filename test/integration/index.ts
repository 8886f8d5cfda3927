// Entry of the integration suite (the shape @vscode/test-electron runs: a module exporting
// run()). It executes inside the real extension host with the real `vscode` API; results go
// to the file HOC_INTEGRATION_RESULTS names.
import { runAll } from './runner';
import './extension.suite';

export async function run(): Promise<void> {
  const file = process.env.HOC_INTEGRATION_RESULTS;
  if (!file) throw new Error('Set HOC_INTEGRATION_RESULTS to the file the results should go to.');
  const results = await runAll(file);
  const failed = results.filter((r) => !r.ok);
  if (failed.length)
    throw new Error(`${failed.length} integration test(s) failed: ${failed.map((f) => f.name).join(', ')}`);
}
