// The Japanese part of the UI, one lazy chunk: the message catalogue and the glossary (minerals, kinds, statuses).
export { ja } from './messages-ja';
export { KINDS_JA, MINERALS_JA, STATUSES_JA } from './glossary-ja';
