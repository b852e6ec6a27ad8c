// Tiny DOM helpers that only ever set text (never HTML), so data and URL text cannot inject markup.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-')) node.setAttribute(k, v);
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
