import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rectiflow/config';
import { DocumentUploadInterceptor } from './document-upload.interceptor';

/** POST /evaluations/import: a `file` part, or JSON `{ text, filename? }`. */
@Injectable()
export class ImportUploadInterceptor extends DocumentUploadInterceptor {
  constructor(config: AppConfig) {
    super(
      config,
      5,
      '请以 multipart/form-data（文件字段 file）上传，或以 application/json 提交 { "text": "…" }',
    );
  }
}
