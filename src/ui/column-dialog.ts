// The column dialog: which of the file's columns holds each field, for sites or flows; resolves the reader's choice.
import { more } from '../i18n/more';
import {
  FLOW_FIELDS,
  REQUIRED_FLOW_FIELDS,
  REQUIRED_SITE_FIELDS,
  SITE_FIELDS,
  type Field,
  type Mapping,
  type UserDataKind,
} from '../derive/user-data/columns';
import { type Lang } from '../i18n';
import { el } from './dom';

export interface ColumnChoice {
  kind: UserDataKind;
  mapping: Mapping;
}

const FIELDS: Readonly<Record<UserDataKind, readonly Field[]>> = { sites: SITE_FIELDS, flows: FLOW_FIELDS };
const REQUIRED: Readonly<Record<UserDataKind, readonly Field[]>> = {
  sites: REQUIRED_SITE_FIELDS,
  flows: REQUIRED_FLOW_FIELDS,
};

/**
 * Shows the dialog over `host` for a file with `headers`, starting from `mapping` (the guess) and `kind`; resolves
 * the chosen columns, or null when the reader closes it. Field names are the file format's own words (name, lat...).
 */
export function chooseColumns(
  host: HTMLElement,
  lang: Lang,
  fileName: string,
  headers: readonly string[],
  mapping: Mapping,
  kind: UserDataKind,
): Promise<ColumnChoice | null> {
  const m = more(lang).userData;
  const fieldset = el('div', { class: 'column-fields' });
  const kindSelect = el(
    'select',
    { name: 'kind', 'data-testid': 'column-kind', 'aria-label': m.kindLegend },
    el('option', { value: 'sites' }, m.sites),
    el('option', { value: 'flows' }, m.flows),
  );
  kindSelect.value = kind;
  const current: Mapping = { ...mapping };
  const fill = () => {
    const k = kindSelect.value as UserDataKind;
    fieldset.replaceChildren(
      ...FIELDS[k].map((field) => {
        const select = el(
          'select',
          { name: field, 'data-testid': `column-${field}` },
          el('option', { value: '' }, m.none),
          ...headers.map((h) => el('option', { value: h }, h)),
        );
        select.value = current[field] ?? '';
        select.addEventListener('change', () => {
          if (select.value) current[field] = select.value;
          else delete current[field];
        });
        return el(
          'label',
          {},
          el('code', {}, `${field}${REQUIRED[k].includes(field) ? ' *' : ''}`),
          ' ',
          select,
        );
      }),
    );
  };
  kindSelect.addEventListener('change', fill);
  fill();
  const apply = el('button', { type: 'submit', 'data-testid': 'column-apply' }, m.apply);
  const close = el('button', { type: 'button', value: 'cancel' }, m.close);
  const form = el(
    'form',
    {},
    el('h2', {}, m.dialogTitle),
    el('p', {}, m.dialogIntro(fileName)),
    el('label', {}, `${m.kindLegend} `, kindSelect),
    fieldset,
    el('div', { class: 'dialog-buttons' }, apply, ' ', close),
  );
  const dialog = el('dialog', { class: 'column-dialog', 'data-testid': 'column-dialog' }, form);
  host.append(dialog);
  return new Promise((resolve) => {
    let choice: ColumnChoice | null = null;
    // Submitted by hand (no navigation, whatever the page's form-action policy says).
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const k = kindSelect.value as UserDataKind;
      const chosen: Mapping = {};
      for (const f of FIELDS[k]) if (current[f]) chosen[f] = current[f];
      choice = { kind: k, mapping: chosen };
      dialog.close();
    });
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(choice);
    });
    dialog.showModal();
  });
}
