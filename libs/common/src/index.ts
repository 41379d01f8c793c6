export * from './app-error';
export * from './content-disposition';
export * from './dependency-error';
export * from './error-code';
export * from './http-exception.filter';
export * from './validation.pipe';
export * from './safe-file-name';
