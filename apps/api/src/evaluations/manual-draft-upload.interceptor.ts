import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rectiflow/config';
import { DocumentUploadInterceptor } from './document-upload.interceptor';

/** POST /evaluations: JSON header facts, or the same as multipart fields with an optional `file` part. */
@Injectable()
export class ManualDraftUploadInterceptor extends DocumentUploadInterceptor {
  constructor(config: AppConfig) {
    super(
      config,
      20,
      '请以 application/json 提交表头信息（如 { "projectName": "…" }），或以 multipart/form-data 提交表头字段并可附文件字段 file',
    );
  }
}
