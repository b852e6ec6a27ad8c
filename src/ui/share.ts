// The share dialog (a lazy chunk): copy a link (this camera or fitted to the data), an iframe snippet, live embed preview.
import { more } from '../i18n/more';
import { type Messages } from '../i18n';
import { linkTo } from '../url/state';
import type { AppState } from '../state/store';
import { el, setChildren } from './dom';

/** The embed sizes; each one's label is the catalogue's `share.presets[id]`. */
export const EMBED_PRESETS = [
  { id: 'small', width: '400', height: '300' },
  { id: 'medium', width: '640', height: '480' },
  { id: 'large', width: '800', height: '600' },
  { id: 'wide', width: '100%', height: '480' },
] as const;

/** The iframe snippet; the URL is attribute-escaped (it only holds URL-safe characters, but be strict anyway). */
export function iframeSnippet(url: string, width: string, height: string, title: string): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(url)}" width="${attr(width)}" height="${attr(height)}" title="${attr(title)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}

async function copy(
  text: string,
  button: HTMLButtonElement,
  field: HTMLInputElement | HTMLTextAreaElement,
  m: Messages['share'],
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = m.copied;
  } catch {
    field.select(); // clipboard blocked (e.g. not a secure context): leave it selected for Ctrl+C
    button.textContent = m.pressCtrlC;
  }
  setTimeout(() => (button.textContent = m.copy), 2000);
}

export function openShareDialog(dialog: HTMLDialogElement, s: AppState, title: string): void {
  const m = more(s.lang).share;
  const base = `${location.origin}${location.pathname}`;
  let fit = false;
  let preset: (typeof EMBED_PRESETS)[number] = EMBED_PRESETS[1];
  const linkField = el('input', {
    type: 'text',
    readonly: '',
    'data-testid': 'share-link',
    'aria-label': m.linkLabel,
  });
  const snippetField = el('textarea', {
    readonly: '',
    rows: '3',
    'data-testid': 'embed-snippet',
    'aria-label': m.snippetLabel,
  });
  const preview = el('iframe', {
    title: m.previewLabel,
    'data-testid': 'embed-preview',
    class: 'embed-preview',
  });
  const copyLink = el('button', { type: 'button', 'data-testid': 'copy-link' }, m.copy);
  const copySnippet = el('button', { type: 'button', 'data-testid': 'copy-snippet' }, m.copy);
  const update = () => {
    linkField.value = linkTo(s, base, { fit, embed: false });
    const embedUrl = linkTo(s, base, { fit, embed: true });
    snippetField.value = iframeSnippet(embedUrl, preset.width, preset.height, title);
    if (preview.getAttribute('src') !== embedUrl) preview.setAttribute('src', embedUrl);
    preview.style.width = preset.width === '100%' ? '100%' : `${preset.width}px`;
    preview.style.height = `${preset.height}px`;
  };
  const cameraChoice = el(
    'fieldset',
    {},
    el('legend', {}, m.camera),
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'share-camera', value: 'exact', checked: '' }),
      m.exact,
    ),
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'share-camera', value: 'fit', 'data-testid': 'share-fit' }),
      m.fit,
    ),
  );
  cameraChoice.addEventListener('change', (e) => {
    fit = (e.target as HTMLInputElement).value === 'fit';
    update();
  });
  const sizeChoice = el(
    'select',
    { 'data-testid': 'embed-size', 'aria-label': m.sizeLabel },
    ...EMBED_PRESETS.map((p) => el('option', { value: p.id }, m.presets[p.id])),
  );
  sizeChoice.value = preset.id;
  sizeChoice.addEventListener('change', () => {
    preset = EMBED_PRESETS.find((p) => p.id === sizeChoice.value) ?? EMBED_PRESETS[1];
    update();
  });
  copyLink.addEventListener('click', () => void copy(linkField.value, copyLink, linkField, m));
  copySnippet.addEventListener('click', () => void copy(snippetField.value, copySnippet, snippetField, m));
  const close = el('button', { type: 'button', class: 'close', 'aria-label': m.close }, '×');
  close.addEventListener('click', () => dialog.close());
  setChildren(
    dialog,
    close,
    el('h2', {}, m.title),
    // The view's title is composed in English for now (derive/describe.ts): marked so in another language.
    el('p', { class: 'muted', lang: s.lang === 'en' ? undefined : 'en' }, title),
    // The reader's own files never travel in a link: said plainly where the link is made.
    s.userData.files.length > 0 &&
      el('p', { class: 'share-local', 'data-testid': 'share-local-note' }, more(s.lang).userData.shareNote),
    cameraChoice,
    el('h3', {}, m.link),
    el('div', { class: 'copy-row' }, linkField, copyLink),
    el('h3', {}, m.embed),
    el('div', { class: 'copy-row' }, sizeChoice),
    el('div', { class: 'copy-row' }, snippetField, copySnippet),
    el('h3', {}, m.preview),
    el('div', { class: 'preview-box', tabindex: '0', role: 'region', 'aria-label': m.previewLabel }, preview),
  );
  update();
  dialog.showModal();
}
