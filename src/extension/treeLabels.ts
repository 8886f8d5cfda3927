// How tree rows fit a narrow side bar (plain data, no `vscode`, unit-tested): a step's title
// split so its head stays readable, and a resource's lesson prefix left to the tooltip.

/** "Queues — standard and FIFO" → label "1. Queues", description "standard and FIFO". */
export function stepRow(index: number, title: string): { label: string; description?: string } {
  const m = /^(.{3,}?)\s+(?:—|–|-|:)\s+(.+)$/.exec(title);
  if (!m) return { label: `${index + 1}. ${title}` };
  return { label: `${index + 1}. ${m[1]}`, description: m[2] };
}

/**
 * A resource's name without the `{lessonId}-` prefix every lesson resource carries (physical
 * names are `{lessonId}-{logicalId}`), so the row's description (message counts, runtime) shows;
 * the full name stays in the tooltip. Names of no known lesson are left whole.
 */
export function shortResourceName(name: string, lessonIds: readonly string[]): { label: string; lessonId?: string } {
  const lessonId = [...lessonIds]
    .sort((a, b) => b.length - a.length)
    .find((id) => name.startsWith(`${id}-`) && name.length > id.length + 1);
  return lessonId ? { label: name.slice(lessonId.length + 1), lessonId } : { label: name };
}
