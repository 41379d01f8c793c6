// Response types only (no runtime code): the web imports this barrel by path, as `@contracts/api`.
export * from './evaluation-detail.response';
export * from './evaluation-progress.response';
export * from './evaluation-summary.response';
export * from './evaluation.response';
export * from './evidence-file.response';
export * from './finding.response';
export * from './ledger-item.response';
export * from './ledger-page.response';
export * from './me.response';
export * from './page.response';
export * from './recommendation.response';
export * from './rectification-detail.response';
export * from './rectification-link.response';
export * from './source-text.response';
export * from './timeline-entry.response';
export * from './unit.response';
export * from './user.response';
