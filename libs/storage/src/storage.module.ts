import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@rectiflow/config';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';

/**
 * Provides `FileStore` everywhere (global) as a LocalFileStore under `config.storage.dir`. Another back end
 * (S3, OSS) would be chosen here; consumers only ever inject the abstract `FileStore`.
 */
@Global()
@Module({
  providers: [
    {
      provide: FileStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig): FileStore => new LocalFileStore(config.storage.dir),
    },
  ],
  exports: [FileStore],
})
export class StorageModule {}
