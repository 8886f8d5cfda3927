// What can be wrong with a course's prerequisites: one that is not a lesson of the course, a
// lesson that needs itself, a cycle, or one listed after the lesson that needs it (the course
// runs and is shown in its listed order, so a prerequisite must come first).

export interface PrerequisiteProblem {
  /** Index of the lesson whose prerequisite is wrong, and of that prerequisite in its list. */
  index: number;
  prerequisite: number;
  message: string;
}

interface Node {
  name: string;
  prerequisites: string[];
}

/** The first cycle through `start`, as names (start … start), if there is one. */
function cycleThrough(start: string, edges: Map<string, string[]>): string[] | undefined {
  const path: string[] = [];
  const visited = new Set<string>();
  const walk = (n: string): boolean => {
    path.push(n);
    for (const next of edges.get(n) ?? []) {
      if (next === start) return (path.push(next), true);
      if (!visited.has(next)) {
        visited.add(next);
        if (walk(next)) return true;
      }
    }
    path.pop();
    return false;
  };
  return walk(start) ? path : undefined;
}

export function prerequisiteProblems(lessons: readonly Node[]): PrerequisiteProblem[] {
  // A lesson listed twice (reported elsewhere) counts where it is first listed.
  const position = new Map<string, number>();
  const edges = new Map<string, string[]>();
  lessons.forEach((l, i) => position.has(l.name) || position.set(l.name, i));
  lessons.forEach(
    (l) =>
      edges.has(l.name) ||
      edges.set(
        l.name,
        l.prerequisites.filter((p) => position.has(p) && p !== l.name),
      ),
  );
  const problems: PrerequisiteProblem[] = [];
  const inCycle = new Set<string>();
  lessons.forEach((l, index) => {
    l.prerequisites.forEach((p, prerequisite) => {
      const at = position.get(p);
      if (p === l.name)
        problems.push({ index, prerequisite, message: `lesson '${l.name}' cannot be its own prerequisite` });
      else if (at === undefined)
        problems.push({
          index,
          prerequisite,
          message: `prerequisite '${p}' of '${l.name}' is not a lesson of this course; add it to lessons or remove it`,
        });
      else if (at > index) {
        const cycle = inCycle.has(l.name) ? undefined : cycleThrough(l.name, edges);
        if (cycle) {
          cycle.forEach((n) => inCycle.add(n));
          problems.push({
            index,
            prerequisite,
            message: `prerequisites form a cycle: ${cycle.join(' → ')}; remove one of them`,
          });
        } else if (!inCycle.has(l.name))
          problems.push({
            index,
            prerequisite,
            message: `prerequisite '${p}' of '${l.name}' is listed after it; list '${p}' earlier (the course runs in the listed order)`,
          });
      }
    });
  });
  return problems;
}
