// Tiny DOM helpers that only ever set text (never HTML), so data and URL text cannot inject markup.

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'class') node.className = v;
    // CSS custom properties are set through the CSSOM (allowed by a style-src policy without 'unsafe-inline');
    // the stylesheet uses them (`background: var(--swatch)`). A `style` attribute is never written.
    else if (k.startsWith('--')) node.style.setProperty(k, v);
    else if (k === 'style')
      throw new Error('el(): set CSS custom properties (--name) instead of a style attribute');
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Replace a node's children. */
export function setChildren(node: Element, ...children: Child[]): void {
  node.replaceChildren(
    ...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false),
  );
}

/** A safe external link: only http(s) URLs become links; anything else is shown as text. */
export function safeLink(url: string | undefined, text: string): Node {
  if (url && /^https?:\/\//i.test(url)) {
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
  }
  return document.createTextNode(text);
}
