// Vitest setup: every UI language's catalogue is loaded before a test runs (the app loads Japanese on first use).
import { loadLang } from '../../../src/i18n';

await loadLang('ja');
