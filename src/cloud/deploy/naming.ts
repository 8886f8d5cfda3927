// Physical names: `{lessonId}-{logicalId}` (plus `-{suffix}` for shared accounts), shaped to
// each service's rules, so a lesson's resources are found again without any saved state.

export function stackName(lessonId: string, suffix?: string): string {
  return suffix ? `${lessonId}-${suffix}` : lessonId;
}

export function physicalName(
  stack: string,
  logicalId: string,
  type: string,
  props: Record<string, unknown> = {},
): string {
  const base = `${stack}-${logicalId}`;
  switch (type) {
    case 'AWS::S3::Bucket':
      return base
        .toLowerCase()
        .replace(/[^a-z0-9.-]/g, '-')
        .slice(0, 63)
        .replace(/[-.]+$/, '');
    case 'AWS::SQS::Queue': {
      const fifo = props.FifoQueue === true || props.FifoQueue === 'true';
      return base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, fifo ? 75 : 80) + (fifo ? '.fifo' : '');
    }
    case 'AWS::Lambda::Function':
      return base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
    case 'AWS::StepFunctions::StateMachine':
      return base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80);
    default:
      return base.slice(0, 128);
  }
}
