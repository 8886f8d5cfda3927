// Send a message: body, message attributes, FIFO group and deduplication ids, delay. The draft
// survives hide/show through the view state.
import { h, icon } from '../common/dom';
import { t } from '../common/l10n';
import type { SendParams } from '../../shared/webviewProtocolSqs';

type Field = HTMLElement & { value: string };
type AttrRow = { name: Field; type: Field; value: Field; el: HTMLElement };

export class SendForm {
  readonly el: HTMLElement;
  private readonly body = field('vscode-textarea', t('Message body'), {
    rows: 4,
    resize: 'vertical',
    placeholder: '{"hello": "world"}',
  });
  private readonly groupId = field('vscode-textfield', t('Message group id'), {
    placeholder: t('required on FIFO queues'),
  });
  private readonly dedupId = field('vscode-textfield', t('Deduplication id'), {
    placeholder: t('unless content-based deduplication is on'),
  });
  private readonly delay = field('vscode-textfield', t('Delay (seconds, 0–900)'), {
    type: 'number',
    min: 0,
    max: 900,
    placeholder: '0',
  });
  private readonly fifoFields: HTMLElement;
  private readonly attrList = h('div', { class: 'attr-list' });
  private attrs: AttrRow[] = [];

  constructor(
    draft: SendParams | undefined,
    private readonly send: (p: SendParams) => Promise<void>,
    private readonly saveDraft: (d: SendParams) => void,
  ) {
    this.fifoFields = h('div', { class: 'row' }, labelled(this.groupId), labelled(this.dedupId));
    const addAttr = h('vscode-button', { secondary: true }, icon('add'), ` ${t('Attribute')}`);
    addAttr.addEventListener('click', () => this.addAttr());
    const submit = h('vscode-button', {}, icon('send'), ` ${t('Send')}`);
    submit.addEventListener('click', () => void this.submit());
    this.el = h(
      'vscode-collapsible',
      { title: t('Send a message'), class: 'send-form' },
      h(
        'form',
        { class: 'form', 'aria-label': t('Send a message') },
        labelled(this.body),
        this.fifoFields,
        h('div', { class: 'row' }, labelled(this.delay)),
        this.attrList,
        h('div', { class: 'row' }, addAttr, submit),
      ),
    );
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.submit();
    });
    this.el.addEventListener('input', () => this.saveDraft(this.params()));
    if (draft) this.load(draft);
    this.setFifo(false);
  }

  setFifo(fifo: boolean): void {
    this.fifoFields.hidden = !fifo;
  }

  private load(d: SendParams): void {
    this.body.value = d.body;
    this.groupId.value = d.groupId ?? '';
    this.dedupId.value = d.deduplicationId ?? '';
    this.delay.value = d.delaySeconds ? String(d.delaySeconds) : '';
    for (const a of d.attributes) this.addAttr(a);
  }

  private addAttr(a?: SendParams['attributes'][number]): void {
    const name = field('vscode-textfield', t('Attribute name'), { placeholder: t('name') });
    const type = h(
      'vscode-single-select',
      { 'aria-label': t('Data type') },
      ...['String', 'Number', 'Binary'].map((t) => h('vscode-option', { value: t }, t)),
    ) as unknown as Field;
    const value = field('vscode-textfield', t('Attribute value'), { placeholder: t('value (base64 for Binary)') });
    const remove = h('vscode-button', { secondary: true, 'aria-label': t('Remove attribute') }, icon('close'));
    const row: AttrRow = { name, type, value, el: h('div', { class: 'row attr' }, name, type, value, remove) };
    remove.addEventListener('click', () => {
      this.attrs = this.attrs.filter((r) => r !== row);
      row.el.remove();
      this.saveDraft(this.params());
    });
    if (a) {
      name.value = a.name;
      value.value = a.value;
      queueMicrotask(() => (type.value = a.dataType));
    }
    this.attrs.push(row);
    this.attrList.append(row.el);
  }

  private params(): SendParams {
    const delay = Number(this.delay.value);
    return {
      body: this.body.value,
      attributes: this.attrs
        .filter((r) => r.name.value.trim())
        .map((r) => ({
          name: r.name.value.trim(),
          dataType: (r.type.value || 'String') as 'String' | 'Number' | 'Binary',
          value: r.value.value,
        })),
      groupId: this.fifoFields.hidden ? undefined : this.groupId.value.trim() || undefined,
      deduplicationId: this.fifoFields.hidden ? undefined : this.dedupId.value.trim() || undefined,
      delaySeconds: Number.isFinite(delay) && delay > 0 ? delay : undefined,
    };
  }

  private async submit(): Promise<void> {
    const p = this.params();
    if (!p.body) {
      this.body.focus();
      return;
    }
    await this.send(p);
  }
}

function field(tag: string, label: string, attrs: Record<string, string | number>): Field {
  return h(tag, { 'aria-label': label, ...attrs, 'data-label': label }) as Field;
}

function labelled(f: Field): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, f.getAttribute('data-label') ?? ''), f);
}
