// Prebuilds every lesson's function and script bundles into labs/<lesson>/.build (git-ignored,
// shipped in the VSIX), so an installed extension deploys and runs them without node_modules.
// `npm run package` runs it before vsce; `hoc pack` does the same for the lessons it packs.
// Usage: npx tsx scripts/prebuild-lessons.ts [LABS_DIR=labs]
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { prebuildLessonBundles } from '../src/cloud/packaging/lessonBundles';
import { formatDiagnostic, validateLesson } from '../src/lab';

async function main(labs: string): Promise<number> {
  let failed = false;
  for (const name of readdirSync(labs).sort()) {
    const dir = join(labs, name);
    if (!existsSync(join(dir, 'lesson.yaml'))) continue;
    const r = validateLesson(dir);
    if (!r.lesson || !r.template || r.diagnostics.length) {
      for (const d of r.diagnostics) console.error(join(dir, formatDiagnostic(d)));
      failed = true;
      continue;
    }
    const started = Date.now();
    const s = await prebuildLessonBundles(dir, r.lesson, r.template);
    console.log(
      `${dir}: ${s.bundles} bundles, ${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const skipped of s.skipped)
      console.warn(`warning: ${dir}/${skipped} — not prebuilt; it needs its npm imports installed where it runs`);
  }
  return failed ? 1 : 0;
}

main(process.argv[2] ?? 'labs').then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.message);
    process.exit(1);
  },
);
