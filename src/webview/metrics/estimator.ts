// The cost estimator: a request rate and the services each request touches → a monthly bill,
// projected by the host from the dated price table. Inputs are prefilled from the measurements.
import { h } from '../common/dom';
import { t } from '../common/l10n';
import { count, usd } from '../common/format';
import { DEFAULT_ESTIMATE, type CostProjection, type EstimateParams } from '../../shared/webviewProtocolMetrics';

type Field = HTMLElement & { value: string; checked?: boolean };

const NUMBER_FIELDS: Array<[keyof EstimateParams, string, string]> = [
  ['requestsPerMonth', t('Requests per month'), t('e.g. 1000000 (≈ 0.39 per second)')],
  ['durationMs', t('Lambda billed duration (ms)'), t('measured mean')],
  ['memoryMb', t('Lambda memory (MB)'), '128–10240'],
  ['sqsRequestsPerRequest', t('SQS requests per request'), t('send + receive + delete = 3')],
  ['stateTransitionsPerRequest', t('Step Functions transitions per request'), t('standard workflows')],
  ['s3PutsPerRequest', t('S3 PUTs per request'), ''],
  ['s3GetsPerRequest', t('S3 GETs per request'), ''],
  ['s3StorageGb', t('S3 storage (GB-month)'), ''],
];

export class Estimator {
  readonly el: HTMLElement;
  private readonly fields = new Map<keyof EstimateParams, Field>();
  private readonly result = h('div', { class: 'estimate-result', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    saved: Partial<EstimateParams> | undefined,
    private readonly project: (p: EstimateParams) => Promise<CostProjection>,
    private readonly save: (p: EstimateParams) => void,
  ) {
    const values = { ...DEFAULT_ESTIMATE, ...saved };
    const inputs = NUMBER_FIELDS.map(([key, label, hint]) => {
      const f = h('vscode-textfield', {
        type: 'number',
        min: 0,
        step: 'any',
        'aria-label': label,
        placeholder: hint,
        value: String(values[key]),
      }) as Field;
      f.value = String(values[key]);
      this.fields.set(key, f);
      return h('label', { class: 'field' }, h('span', {}, label), f);
    });
    const select = (key: keyof EstimateParams, label: string, options: Array<[string, string]>) => {
      const f = h(
        'vscode-single-select',
        { 'aria-label': label },
        ...options.map(([v, t]) => h('vscode-option', { value: v, selected: v === String(values[key]) }, t)),
      ) as Field;
      this.fields.set(key, f);
      return h('label', { class: 'field' }, h('span', {}, label), f);
    };
    const checkbox = (key: keyof EstimateParams, label: string) => {
      const f = h('vscode-checkbox', { label, checked: Boolean(values[key]) }) as Field;
      this.fields.set(key, f);
      return f;
    };
    this.el = h(
      'section',
      { class: 'estimator', 'aria-label': t('Cost estimator') },
      h('h2', {}, t('Monthly cost estimate')),
      h(
        'div',
        { class: 'grid' },
        ...inputs,
        select('architecture', t('Lambda architecture'), [
          ['x86_64', 'x86_64'],
          ['arm64', 'arm64 (Graviton)'],
        ]),
        select('api', t('API in front'), [
          ['none', t('none / function URL')],
          ['rest', 'API Gateway REST API'],
          ['http', 'API Gateway HTTP API'],
        ]),
      ),
      h('div', { class: 'row' }, checkbox('sqsFifo', t('SQS queue is FIFO'))),
      this.result,
    );
    this.el.addEventListener('input', () => this.schedule());
    this.el.addEventListener('change', () => this.schedule());
  }

  /** Measured figures replace the Lambda inputs (duration, memory, architecture). */
  prefill(p: Partial<EstimateParams>): void {
    for (const [k, v] of Object.entries(p)) {
      const f = this.fields.get(k as keyof EstimateParams);
      // Whole numbers: billing counts whole milliseconds, and the fields step by one.
      if (f && v !== undefined && Number.isFinite(Number(v))) f.value = String(Math.ceil(Number(v)));
      else if (f && typeof v === 'string') f.value = v;
    }
    this.schedule();
  }

  private params(): EstimateParams {
    const num = (k: keyof EstimateParams) => Math.max(0, Number(this.fields.get(k)?.value) || 0);
    return {
      requestsPerMonth: num('requestsPerMonth'),
      durationMs: num('durationMs'),
      memoryMb: num('memoryMb') || 128,
      architecture: this.fields.get('architecture')?.value === 'arm64' ? 'arm64' : 'x86_64',
      sqsRequestsPerRequest: num('sqsRequestsPerRequest'),
      sqsFifo: Boolean(this.fields.get('sqsFifo')?.checked),
      stateTransitionsPerRequest: num('stateTransitionsPerRequest'),
      api: (['rest', 'http'].includes(this.fields.get('api')?.value ?? '')
        ? this.fields.get('api')!.value
        : 'none') as EstimateParams['api'],
      s3PutsPerRequest: num('s3PutsPerRequest'),
      s3GetsPerRequest: num('s3GetsPerRequest'),
      s3StorageGb: num('s3StorageGb'),
    };
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 200);
  }

  private async update(): Promise<void> {
    const p = this.params();
    this.save(p);
    try {
      this.render(await this.project(p));
    } catch (e) {
      this.result.replaceChildren(h('p', { class: 'error' }, (e as Error).message));
    }
  }

  private render(c: CostProjection): void {
    const rows = c.lines.map((l) =>
      h(
        'tr',
        {},
        h('td', {}, l.service),
        h('td', {}, l.item),
        h('td', { class: 'num' }, `${count(Math.round(l.quantity * 100) / 100)} ${l.unit}`),
        h('td', { class: 'num' }, usd(l.unitPriceUsd)),
        h('td', { class: 'num' }, usd(l.monthlyUsd)),
      ),
    );
    this.result.replaceChildren(
      h(
        'table',
        { class: 'cost' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t('Service'), t('Item'), t('Quantity'), t('Unit price'), t('Per month')].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h('tbody', {}, ...rows),
        h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'row', colspan: 4 }, t('Total per month')),
            h('td', { class: 'num total' }, usd(c.totalUsd)),
          ),
        ),
      ),
      h(
        'p',
        { class: 'note' },
        `${t('Prices for {0} as of {1}.', c.prices.region, c.prices.asOf)} `,
        ...c.notes.map((n) => `${n} `),
      ),
    );
  }
}
