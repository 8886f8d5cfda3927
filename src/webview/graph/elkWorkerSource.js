// ELK's web-worker build as text, so the view can start it from a blob: (webviews cannot start
// workers from their resource URLs). A .js file because TypeScript's module setting rejects the
// import attribute; esbuild inlines the text.
import source from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };

export default source;
