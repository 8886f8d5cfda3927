// ASL definitions of a chosen size for layout tests and benchmarks: a chain of Tasks with
// Choices, Catch handlers, Parallel states with three branches and Maps with an item processor,
// nested one level deep — the shapes the course's machines use, at 20 to 200 states.
type State = Record<string, unknown>;

export function syntheticMachine(stateCount: number): { definition: Record<string, unknown>; stateCount: number } {
  let made = 0;
  const top: Record<string, State> = {};
  const names: string[] = [];
  const name = (prefix: string) => `${prefix}${++made}`;

  const branch = (size: number): { StartAt: string; States: Record<string, State> } => {
    const states: Record<string, State> = {};
    const ids = Array.from({ length: size }, () => name('Step'));
    ids.forEach(
      (id, i) =>
        (states[id] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          ...(i + 1 < size ? { Next: ids[i + 1] } : { End: true }),
        }),
    );
    return { StartAt: ids[0], States: states };
  };

  while (made < stateCount - 2) {
    const i = made;
    const id =
      i % 25 === 10 ? name('Fanout') : i % 30 === 20 ? name('EachItem') : i % 7 === 3 ? name('Decide') : name('Work');
    names.push(id);
    if (id.startsWith('Fanout')) top[id] = { Type: 'Parallel', Branches: [branch(3), branch(3), branch(2)] };
    else if (id.startsWith('EachItem'))
      top[id] = {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...branch(4) },
      };
    else if (id.startsWith('Decide')) top[id] = { Type: 'Choice', Choices: [] };
    else
      top[id] = {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:000000000000:function:work',
        Retry: [{ ErrorEquals: ['States.Timeout'] }],
      };
  }
  const handler = name('HandleError');
  const done = name('Done');
  top[handler] = { Type: 'Fail', Error: 'Failed', Cause: 'A step failed.' };
  top[done] = { Type: 'Succeed' };
  names.forEach((id, i) => {
    const next = names[i + 1] ?? done;
    const s = top[id];
    if (s.Type === 'Choice') {
      s.Choices = [{ Variable: '$.skip', BooleanEquals: true, Next: names[i + 2] ?? done }];
      s.Default = next;
    } else {
      s.Next = next;
      if (s.Type === 'Task' || s.Type === 'Parallel') s.Catch = [{ ErrorEquals: ['States.ALL'], Next: handler }];
    }
  });
  return { definition: { Comment: `synthetic, ${made} states`, StartAt: names[0], States: top }, stateCount: made };
}
