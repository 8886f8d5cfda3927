// Lays out a state machine graph with ELK and returns the scene to draw. The ELK instance is
// given: the view runs it in a Web Worker (elkInWorker.ts), tests and benchmarks in-process.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { StateMachineGraph } from '../../asl';
import { stubbedEdges, toElkGraph, type ElkInputOptions, type Measure } from './elkInput';
import { sceneFromLayout, type Scene } from './scene';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export async function layoutGraph(
  elk: ElkLike,
  graph: StateMachineGraph,
  measure: Measure,
  options: ElkInputOptions = {},
): Promise<Scene> {
  const laidOut = await elk.layout(toElkGraph(graph, measure, options));
  return sceneFromLayout(graph, laidOut, options.allEdges ? new Set() : stubbedEdges(graph));
}

/** Measures text with the page's own fonts (a canvas, never attached to the document). */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const fonts = { title: `13px ${family}`, detail: `11px ${family}`, edge: `11px ${family}` };
  const cache = new Map<string, number>();
  return (text, style) => {
    const key = `${style}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        ctx.font = fonts[style];
        w = ctx.measureText(text).width;
      } else w = text.length * 7;
      cache.set(key, w);
    }
    return w;
  };
}

/** Identifies a layout: the definition and the layout code's version (FNV-1a, enough to tell edits apart). */
export function layoutKey(definition: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < definition.length; i++) {
    h ^= definition.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${LAYOUT_VERSION}:${definition.length}:${(h >>> 0).toString(16)}`;
}

/** Bump when elkInput or scene change what a layout looks like, so cached layouts are redone. */
const LAYOUT_VERSION = 1;
