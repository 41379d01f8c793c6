import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { type AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import {
  EvaluationHeaderService,
  EvaluationImportService,
  EvaluationQueryService,
  ManualDraftService,
} from '@rectiflow/evaluations';
import { attachmentDisposition } from '@rectiflow/common';
import { EvaluationDetailDto } from './evaluation-detail.dto';
import { EvaluationPageDto, ListEvaluationsQueryDto } from './evaluation-list.dto';
import { ImportTextDto } from './import-evaluation.dto';
import { importRequestFrom } from './import-input';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { UpdateEvaluationDto } from './update-evaluation.dto';
import { CreateEvaluationDto } from './create-evaluation.dto';
import { ManualDraftUploadInterceptor } from './manual-draft-upload.interceptor';
import { SourceTextDto } from './source-text.dto';

/**
 * Evaluations (绩效评价): import a feedback form as a draft, read, correct the draft's header.
 * Reads are open to every signed-in role and scoped by the service (404 outside one's scope).
 */
@ApiTags('evaluations')
@ApiBearerAuth()
@ApiExtraModels(ImportTextDto)
@Controller('evaluations')
export class EvaluationsController {
  constructor(
    private readonly imports: EvaluationImportService,
    private readonly queries: EvaluationQueryService,
    private readonly headers: EvaluationHeaderService,
    private readonly manual: ManualDraftService,
  ) {}

  @Post()
  @RequiresPermission('editEvaluations')
  @UseInterceptors(ManualDraftUploadInterceptor)
  @ApiOperation({
    summary: '手工新建评价草稿 (create a draft by hand, e.g. when a document cannot be read)',
    description:
      'JSON header facts (projectName required), or the same as multipart/form-data fields with an optional `file` ' +
      'part stored as the source document even when it cannot be read (then a SOURCE_NOT_READ warning says why). ' +
      'Findings and recommendations are added with the draft-edit routes. 409 DUPLICATE when the file was imported.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiCreatedResponse({ type: EvaluationDetailDto })
  @ApiConflictResponse({ description: 'DUPLICATE: the attached document (SHA-256) is stored already' })
  @ApiPayloadTooLargeResponse({
    description: 'PAYLOAD_TOO_LARGE: the attached file is over the import limit',
  })
  create(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: CreateEvaluationDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    return this.manual.create({
      header: dto,
      file: file ? { content: file.buffer, filename: file.originalname } : null,
      actor,
      ip,
    });
  }

  @Post('import')
  @RequiresPermission('editEvaluations')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary: '导入绩效评价结果反馈表，生成草稿 (import a feedback form as a draft evaluation)',
    description:
      'multipart/form-data with a `file` part (.txt UTF-8/GBK, .html, .docx, .doc, PDF; scanned PDF/PNG/JPEG by OCR ' +
      'when installed), or JSON `{ text, filename? }`. 400 empty/undecodable/damaged, 415 binary or unsupported ' +
      'format, 413 over the size limit or DECOMPRESSED_TOO_LARGE (zip bomb), 422 not a feedback form or ' +
      'NO_TEXT_LAYER (a scan while OCR is unavailable) ' +
      '(details.reason = the importer code); 409 DUPLICATE with details.evaluationId when already imported.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        { $ref: getSchemaPath(ImportTextDto) },
      ],
    },
  })
  @ApiCreatedResponse({ type: EvaluationDetailDto })
  @ApiConflictResponse({ description: 'DUPLICATE: the same document (SHA-256) was imported before' })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE (reason TOO_LARGE)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'BINARY_FILE / UNSUPPORTED_FORMAT / wrong Content-Type' })
  @ApiUnprocessableEntityResponse({ description: 'NO_STRUCTURE: not a feedback form' })
  import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportTextDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    return this.imports.importDocument(importRequestFrom(file, body, actor, ip));
  }

  @Get()
  @ApiOperation({ summary: '评价列表 (paged; filters: status, grade, q)' })
  @ApiOkResponse({ type: EvaluationPageDto })
  list(@Query() query: ListEvaluationsQueryDto, @CurrentUser() user: AuthUser): Promise<EvaluationPageDto> {
    return this.queries.list(query, user);
  }

  @Get(':id')
  @ApiOperation({
    summary: '评价详情 (header facts, findings with points and pairing, recommendations, warnings)',
  })
  @ApiOkResponse({ type: EvaluationDetailDto })
  get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<EvaluationDetailDto> {
    return this.queries.getDetail(id, user);
  }

  @Get(':id/source-text')
  @ApiOperation({
    summary: '原文文本与出处 (the extracted text, and the span each finding / recommendation came from)',
    description: '404 SOURCE_TEXT_MISSING for a hand-made draft or a document whose text was not kept.',
  })
  @ApiOkResponse({ type: SourceTextDto })
  sourceText(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SourceTextDto> {
    return this.queries.getSourceText(id, user);
  }

  @Get(':id/source')
  @ApiOperation({ summary: '下载原始文件 (the document as uploaded)' })
  @ApiProduces(
    'text/plain',
    'text/html',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/msword',
    'application/pdf',
    'image/png',
    'image/jpeg',
  )
  @ApiOkResponse({ description: 'the original bytes; Content-Disposition carries the name (RFC 5987)' })
  async source(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const file = await this.queries.openSource(id, user);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: attachmentDisposition(file.originalName),
    });
  }

  @Patch(':id')
  @RequiresPermission('editEvaluations')
  @HttpCode(200)
  @ApiOperation({ summary: '修正草稿表头 (correct header facts of a draft)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  @ApiConflictResponse({
    description: 'TRANSITION_NOT_ALLOWED (not a draft) or CONFLICT (stale expectedVersion)',
  })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateEvaluationDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...patch } = dto;
    return this.headers.update(id, patch, { actor, ip, expectedVersion });
  }
}
