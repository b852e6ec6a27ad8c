// A guard against untranslated text: string literals with letters where the UI shows them (src/ui, src/app, src/map,
// src/url/notice.ts) must come from the message catalogue (src/i18n) instead. Uses the TypeScript compiler API.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');

/** Where the UI's text is written: every .ts file under these folders, and these files. */
const SCANNED_DIRS = ['src/ui', 'src/app', 'src/map'];
const SCANNED_FILES = ['src/url/notice.ts'];

/**
 * Files whose messages are all user-facing text (not DOM code): every literal with letters counts, except the
 * operands of comparisons, `case` labels, imports, locale arguments and property keys.
 */
const MESSAGE_FILES = new Set(['src/url/notice.ts']);

/**
 * Files not yet put into the catalogue (other work in progress), each expected to have findings: the test fails when
 * one has none any more, so the list only shrinks. Empty it once every file is converted.
 */
const PENDING_FILES: readonly string[] = [];

/** Literals that are right as they are in every language, each with its reason. */
const ALLOWED: Readonly<Record<string, string>> = {
  English: "a language's name in itself (the language switcher): the same in every UI language",
  日本語: "a language's name in itself (the language switcher): the same in every UI language",
};

/** Attributes (in el()'s attrs object or setAttribute) that people read or hear. */
const TEXT_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'text']);
/** DOM properties that people read or hear. */
const TEXT_PROPS = new Set(['textContent', 'title', 'placeholder', 'ariaLabel', 'innerText', 'alt']);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const hasLetters = (s: string) => /\p{L}/u.test(s);

/** The text a literal shows: a string, or a template's literal parts (its `${…}` parts are left out). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** The literals an expression can evaluate to: through `a ? b : c`, `a + b`, `a ?? b`, `a || b`, `a && b`, parens. */
function literalsIn(node: ts.Node): ts.Node[] {
  if (literalText(node) !== null) return [node];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalsIn(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const k = node.operatorToken.kind;
    if (
      k === ts.SyntaxKind.PlusToken ||
      k === ts.SyntaxKind.QuestionQuestionToken ||
      k === ts.SyntaxKind.BarBarToken
    )
      return [...literalsIn(node.left), ...literalsIn(node.right)];
    if (k === ts.SyntaxKind.AmpersandAmpersandToken) return literalsIn(node.right);
  }
  return [];
}

const propName = (n: ts.PropertyName): string | null =>
  ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : null;

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** In a message file, a literal that is code rather than text: compared, a case label, an import, a locale, a key. */
function isCodeLiteral(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind)) return true;
  if (ts.isCaseClause(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression)) {
    const method = p.expression.name.text;
    if (
      ['toLocaleString', 'toLocaleDateString', 'localeCompare', 'get', 'has', 'startsWith'].includes(method)
    )
      return true;
  }
  return false;
}

/** The user-facing literals with letters in one source file. */
export function scanSource(file: string, source: string, messageFile = false): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (messageFile && literalText(node) !== null && !isCodeLiteral(node)) found.push(node);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 'el') {
        const attrs = node.arguments[1];
        if (attrs && ts.isObjectLiteralExpression(attrs))
          for (const p of attrs.properties)
            if (ts.isPropertyAssignment(p) && TEXT_ATTRS.has(propName(p.name) ?? ''))
              found.push(...literalsIn(p.initializer));
        for (const child of node.arguments.slice(2)) found.push(...literalsIn(child));
      }
      if (name === 'setAttribute') {
        const [attr, value] = node.arguments;
        if (attr && value && TEXT_ATTRS.has(literalText(attr) ?? '')) found.push(...literalsIn(value));
      }
    }
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPS.has(node.left.name.text)
    )
      found.push(...literalsIn(node.right));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const seen = new Set<ts.Node>();
  return found
    .filter((n) => !seen.has(n) && seen.add(n))
    .map((n) => ({
      file,
      line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
      text: literalText(n) ?? '',
    }))
    .filter((f) => hasLetters(f.text) && !(f.text in ALLOWED))
    .sort((a, b) => a.line - b.line);
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const scanned = [...SCANNED_DIRS.flatMap(tsFiles), ...SCANNED_FILES].map((f) =>
  relative(ROOT, join(ROOT, f)),
);
const findings = new Map(
  scanned.map((f) => [f, scanSource(f, readFileSync(join(ROOT, f), 'utf8'), MESSAGE_FILES.has(f))]),
);
const listed = (fs: readonly Finding[]) =>
  fs.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`).join('\n');

describe('the guard itself', () => {
  test('finds literals in every checked position, and nothing else', () => {
    const src = `
      const a = el('p', { class: 'note', 'data-testid': 'x', title: 'Hover text' }, 'Hello', n, cond ? 'Yes' : '');
      node.textContent = \`\${n} sites\`;
      b.setAttribute('aria-label', 'Close');
      b.setAttribute('data-testid', 'close-button');
      input.placeholder = 'Search';
      c.title = '—';
      el('span', {}, '×', '12 %', t(lang).ok);
      el('option', { value: 'ja' }, '日本語');
    `;
    expect(scanSource('inline.ts', src).map((f) => f.text)).toEqual([
      'Hover text',
      'Hello',
      'Yes',
      ' sites',
      'Close',
      'Search',
    ]);
    expect(scanSource('inline.ts', src)[0]?.line).toBe(2);
  });

  test('a message file: its text counts, compared values and locales do not', () => {
    const src = "const s = key === 'unknown' ? `${n.toLocaleString('en-US')} more settings` : 'Ignored';";
    expect(scanSource('notice.ts', src, true).map((f) => f.text)).toEqual([' more settings', 'Ignored']);
  });

  test('it scans the UI: the folders have files and some of them use el()', () => {
    expect(scanned.length).toBeGreaterThan(30);
    expect(scanned).toContain('src/ui/legend.ts');
    expect(scanned).toContain('src/url/notice.ts');
  });
});

describe('untranslated UI text', () => {
  test('no file outside PENDING_FILES shows a literal with letters (use the catalogue in src/i18n)', () => {
    const bad = scanned.filter((f) => !PENDING_FILES.includes(f)).flatMap((f) => findings.get(f) ?? []);
    expect(listed(bad), 'literals to put into src/i18n/messages-*.ts').toBe('');
  });

  test('every pending file still has findings (remove converted files from PENDING_FILES)', () => {
    const done = PENDING_FILES.filter((f) => (findings.get(f)?.length ?? 0) === 0);
    expect(done, 'converted or missing: remove from PENDING_FILES').toEqual([]);
  });
});
