import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { attachmentDisposition } from '@rectiflow/common';
import type { RectificationState } from '@rectiflow/contracts';
import { EvidenceQueryService, EvidenceUploadService } from '@rectiflow/evidence';
import { RequestId } from '../rectifications/request-id.decorator';
import { StepRoute } from '../rectifications/step-route.decorator';
import { EvidenceListDto, EvidenceUploadDto } from './evidence.dto';
import { EvidenceUploadInterceptor, MAX_FILES_PER_UPLOAD } from './evidence-upload.interceptor';

/** 佐证材料 of one rectification: upload (a department step), list with hashes, download. */
@ApiTags('rectifications')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: '整改事项或文件不存在，或不在本单位范围内' })
@Controller('rectifications/:id')
export class EvidenceController {
  constructor(
    private readonly uploads: EvidenceUploadService,
    private readonly queries: EvidenceQueryService,
  ) {}

  @StepRoute(
    'addEvidence',
    `类型按文件内容（magic bytes）判定，默认允许 pdf, ofd, docx, xlsx, doc, xls, jpg, png, zip（UPLOAD_ALLOWED_TYPES）；` +
      `保存和下载的文件名使用判定类型的扩展名；可执行程序一律拒绝（415）。单个文件与单次请求的大小上限见 ` +
      `UPLOAD_MAX_FILE_BYTES / UPLOAD_MAX_REQUEST_BYTES（413）。每次最多 ${MAX_FILES_PER_UPLOAD} 个文件。`,
  )
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files', 'description', 'effectiveDate'],
      properties: {
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
        description: { type: 'string' },
        effectiveDate: { type: 'string', example: '2026-12-20' },
      },
    },
  })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE / REQUEST_TOO_LARGE / TOO_MANY_FILES' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'EXECUTABLE / TYPE_NOT_ALLOWED（details.detectedType）/ 非 multipart',
  })
  upload(
    @Param('id') id: string,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body() dto: EvidenceUploadDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    const incoming = (files ?? []).map((f) => ({ originalName: f.originalname, content: f.buffer }));
    return this.uploads.upload(
      user,
      id,
      { files: incoming, description: dto.description, effectiveDate: dto.effectiveDate },
      requestId,
      ip,
    );
  }

  @Get('evidence')
  @ApiOperation({ summary: '佐证材料文件列表（含 SHA-256，便于核验提交内容）' })
  @ApiOkResponse({ type: EvidenceListDto })
  async list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<EvidenceListDto> {
    return { items: await this.queries.list(user, id) };
  }

  @Get('evidence/:fileId/download')
  @ApiOperation({ summary: '下载佐证材料文件（X-Content-SHA256 为内容摘要）' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: '原文件字节；Content-Disposition 携带中文文件名（RFC 5987）' })
  async download(
    @Param('id') id: string,
    @Param('fileId', ParseIntPipe) fileId: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.queries.openDownload(user, id, fileId);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, {
      type: file.mimeType,
      length: file.size,
      disposition: attachmentDisposition(file.name),
    });
  }
}
