// The share dialog (a lazy chunk): copy a link (this camera or fitted to the data), an iframe snippet, live embed preview.
import { linkTo } from '../url/state';
import type { AppState } from '../state/store';
import { el, setChildren } from './dom';

export const EMBED_PRESETS = [
  { id: 'small', label: 'Small 400 × 300', width: '400', height: '300' },
  { id: 'medium', label: 'Medium 640 × 480', width: '640', height: '480' },
  { id: 'large', label: 'Large 800 × 600', width: '800', height: '600' },
  { id: 'wide', label: 'Full width × 480', width: '100%', height: '480' },
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
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    field.select(); // clipboard blocked (e.g. not a secure context): leave it selected for Ctrl+C
    button.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => (button.textContent = 'Copy'), 2000);
}

export function openShareDialog(dialog: HTMLDialogElement, s: AppState, title: string): void {
  const base = `${location.origin}${location.pathname}`;
  let fit = false;
  let preset: (typeof EMBED_PRESETS)[number] = EMBED_PRESETS[1];
  const linkField = el('input', {
    type: 'text',
    readonly: '',
    'data-testid': 'share-link',
    'aria-label': 'Link to this view',
  });
  const snippetField = el('textarea', {
    readonly: '',
    rows: '3',
    'data-testid': 'embed-snippet',
    'aria-label': 'Embed snippet',
  });
  const preview = el('iframe', {
    title: 'Embed preview',
    'data-testid': 'embed-preview',
    class: 'embed-preview',
  });
  const copyLink = el('button', { type: 'button', 'data-testid': 'copy-link' }, 'Copy');
  const copySnippet = el('button', { type: 'button', 'data-testid': 'copy-snippet' }, 'Copy');
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
    el('legend', {}, 'Camera'),
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'share-camera', value: 'exact', checked: '' }),
      ' this exact view',
    ),
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'share-camera', value: 'fit', 'data-testid': 'share-fit' }),
      ' fit to the data',
    ),
  );
  cameraChoice.addEventListener('change', (e) => {
    fit = (e.target as HTMLInputElement).value === 'fit';
    update();
  });
  const sizeChoice = el(
    'select',
    { 'data-testid': 'embed-size', 'aria-label': 'Embed size' },
    ...EMBED_PRESETS.map((p) => el('option', { value: p.id }, p.label)),
  );
  sizeChoice.value = preset.id;
  sizeChoice.addEventListener('change', () => {
    preset = EMBED_PRESETS.find((p) => p.id === sizeChoice.value) ?? EMBED_PRESETS[1];
    update();
  });
  copyLink.addEventListener('click', () => void copy(linkField.value, copyLink, linkField));
  copySnippet.addEventListener('click', () => void copy(snippetField.value, copySnippet, snippetField));
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => dialog.close());
  setChildren(
    dialog,
    close,
    el('h2', {}, 'Share this view'),
    el('p', { class: 'muted' }, title),
    cameraChoice,
    el('h3', {}, 'Link'),
    el('div', { class: 'copy-row' }, linkField, copyLink),
    el('h3', {}, 'Embed in a page or report'),
    el('div', { class: 'copy-row' }, sizeChoice),
    el('div', { class: 'copy-row' }, snippetField, copySnippet),
    el('h3', {}, 'Preview'),
    el(
      'div',
      { class: 'preview-box', tabindex: '0', role: 'region', 'aria-label': 'Embed preview' },
      preview,
    ),
  );
  update();
  dialog.showModal();
}
