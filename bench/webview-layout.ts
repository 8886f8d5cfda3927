// Graph view layout time and webview bundle sizes.
//   npx tsx bench/webview-layout.ts [--rounds N]
// Layout: synthetic state machines of 20, 100 and 200 states (chains with Choices, Parallel with
// three branches, Maps, one shared Catch handler — test/webview/syntheticMachine.ts), laid out
// in this process by elkjs (the same bundled build the webview runs). Three configurations in
// the same run, median of N rounds each:
//   ours      compound boxes per Parallel branch / Map processor, shared-handler catches as stubs
//   all-edges ours, but every catch edge laid out (what the stubs save)
//   plain     ELK layered with its default options, every node at the top level, every edge
// Bundles: each src/webview/<view>/main.ts built minified (as `--production` ships it) into a
// temporary folder; raw and gzip sizes, and the largest inputs.
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { toGraph } from '../src/asl';
import { approximateMeasure, toElkGraph } from '../src/webview/graph/elkInput';
import { sceneFromLayout } from '../src/webview/graph/scene';
import { stubbedEdges } from '../src/webview/graph/elkInput';
import { syntheticMachine } from '../test/webview/syntheticMachine';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 7;
const elk = new ELK();

function plainOptions(node: ElkNode): ElkNode {
  return {
    ...node,
    layoutOptions: node.id === '#root' ? { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN' } : undefined,
    children: node.children?.map(plainOptions),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function layoutBench(): Promise<void> {
  // Warm the JIT once so the first size does not pay for it.
  await elk.layout(toElkGraph(toGraph(syntheticMachine(50).definition), approximateMeasure));
  console.log(
    `Graph layout (elkjs ${JSON.parse(readFileSync('node_modules/elkjs/package.json', 'utf8')).version}), median of ${rounds} rounds, ms`,
  );
  console.log('(the three configurations take turns within each round, so a busy machine slows them alike)');
  console.log('states  edges  ours     all-edges  plain     all-edges/ours  plain/ours');
  for (const n of [20, 100, 200]) {
    const { definition, stateCount } = syntheticMachine(n);
    const graph = toGraph(definition);
    const runs = {
      ours: async () =>
        sceneFromLayout(graph, await elk.layout(toElkGraph(graph, approximateMeasure)), stubbedEdges(graph)),
      allEdges: () => elk.layout(toElkGraph(graph, approximateMeasure, { allEdges: true })),
      plain: () => elk.layout(plainOptions(toElkGraph(graph, approximateMeasure, { flat: true, allEdges: true }))),
    };
    const samples: Record<keyof typeof runs, number[]> = { ours: [], allEdges: [], plain: [] };
    for (let r = 0; r < rounds; r++) {
      for (const key of Object.keys(runs) as Array<keyof typeof runs>) samples[key].push(await timed(runs[key]));
    }
    const [ours, allEdges, plain] = [median(samples.ours), median(samples.allEdges), median(samples.plain)];
    const row = [
      String(stateCount).padEnd(7),
      String(graph.edges.length).padEnd(6),
      ours.toFixed(0).padEnd(8),
      allEdges.toFixed(0).padEnd(10),
      plain.toFixed(0).padEnd(9),
      `${(allEdges / ours).toFixed(2)}×`.padEnd(15),
      `${(plain / ours).toFixed(2)}×`,
    ];
    console.log(row.join(' '));
  }
}

async function bundleBench(): Promise<void> {
  const root = 'src/webview';
  const entries = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'main.ts')))
    .map((d) => d.name);
  const out = mkdtempSync(join(tmpdir(), 'hoc-webview-bench-'));
  try {
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(entries.map((e) => [e, join(root, e, 'main.ts')])),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      outdir: out,
      loader: { '.ttf': 'file', '.css': 'css' },
      metafile: true,
      logLevel: 'error',
      legalComments: 'none',
    });
    console.log('\nWebview bundles (minified as shipped), KB');
    console.log('view          js      js.gz   css     largest inputs');
    for (const e of entries) {
      const js = readFileSync(join(out, `${e}.js`));
      const css = existsSync(join(out, `${e}.css`)) ? readFileSync(join(out, `${e}.css`)).length : 0;
      const output = result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith(`/${e}.js`))!];
      const byPackage = new Map<string, number>();
      for (const [path, info] of Object.entries(output.inputs)) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'own code';
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
      }
      const top = [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([p, b]) => `${p} ${(b / 1024).toFixed(0)}`)
        .join(', ');
      console.log(
        `${e.padEnd(13)} ${(js.length / 1024).toFixed(0).padEnd(7)} ${(gzipSync(js).length / 1024).toFixed(0).padEnd(7)} ${(css / 1024).toFixed(0).padEnd(7)} ${top}`,
      );
    }
    console.log(
      "(css: codicons; one codicon font, 123 KB, serves every view. graph carries ELK as its worker's source text.)",
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

(async () => {
  await layoutBench();
  await bundleBench();
})();
