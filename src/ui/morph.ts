// Bring a shown subtree in line with a freshly built one in place: matching nodes are kept, only differences written.
import type { Child } from './dom';

/**
 * Make `root`'s children equal to `children` (built with `el()` as for a replacement) by changing the live nodes:
 * the n-th child is kept when it is the same kind of node (same tag, or both text), its attributes, form state and
 * text are brought in line and its own children morphed the same way; only where kinds differ is a node replaced.
 * For the browser a re-render that changes a few numbers is then a few text changes, not a new subtree to style,
 * lay out and paint; focus, scroll positions and an opened <details> stay. Listeners on the old nodes stay too, so
 * it suits sections that listen on their root (event delegation), as every panel here does.
 * A child that is already one of `root`'s own nodes (the caller keeps it between renders and updates it itself) is
 * left as it is, only moved into its place.
 */
export function morphChildren(root: Element, ...children: Child[]): void {
  const next = children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false);
  morphList(
    root,
    next.map((c) => (typeof c === 'string' ? document.createTextNode(c) : c)),
  );
}

function morphList(parent: Node, next: readonly Node[]): void {
  let cur = parent.firstChild;
  for (const want of next) {
    if (want === cur) {
      cur = cur.nextSibling;
      continue;
    }
    if (want.parentNode === parent) {
      // One of the parent's own nodes that the caller keeps between renders (a long <select>): moved, never morphed.
      parent.insertBefore(want, cur);
      continue;
    }
    if (cur && sameKind(cur, want)) {
      morphNode(cur, want);
      cur = cur.nextSibling;
    } else if (cur) {
      parent.replaceChild(want, cur);
      cur = want.nextSibling;
    } else parent.appendChild(want);
  }
  while (cur) {
    const gone = cur;
    cur = cur.nextSibling;
    parent.removeChild(gone);
  }
}

const sameKind = (a: Node, b: Node): boolean =>
  a.nodeType === b.nodeType && (a.nodeType !== Node.ELEMENT_NODE || a.nodeName === b.nodeName);

function morphNode(old: Node, want: Node): void {
  if (!(old instanceof Element) || !(want instanceof Element)) {
    if (old.nodeValue !== want.nodeValue) old.nodeValue = want.nodeValue;
    return;
  }
  for (const name of old.getAttributeNames())
    if (!want.hasAttribute(name) && !keepsOwn(old, name)) old.removeAttribute(name);
  for (const name of want.getAttributeNames()) {
    const v = want.getAttribute(name) as string;
    if (old.getAttribute(name) === v) continue;
    // Inline styles only ever hold custom properties set through the CSSOM (see el()): copied the same way.
    if (name === 'style' && old instanceof HTMLElement && want instanceof HTMLElement)
      old.style.cssText = want.style.cssText;
    else old.setAttribute(name, v);
  }
  morphList(old, [...want.childNodes]);
  // Form state lives in properties (el() callers set .checked/.value after building); a select's value after its
  // options are in place.
  if (old instanceof HTMLInputElement && want instanceof HTMLInputElement) {
    if (old.checked !== want.checked) old.checked = want.checked;
    if (old.value !== want.value) old.value = want.value;
  } else if (old instanceof HTMLSelectElement && want instanceof HTMLSelectElement) {
    if (old.value !== want.value) old.value = want.value;
  }
}

/** Attributes that are the reader's state, not the render's: whether they opened a <details>. */
const keepsOwn = (e: Element, name: string): boolean => name === 'open' && e instanceof HTMLDetailsElement;
