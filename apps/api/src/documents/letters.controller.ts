import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { attachmentDisposition } from '@rectiflow/common';
import { FileDownload, LetterQueryService, LetterReplyService, LetterView } from '@rectiflow/documents';
import { LetterReplyInterceptor } from './letter-reply.interceptor';

/** 督办文书 of one rectification (one per rung reached, with 文号) and the unit's replies to them. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: '整改事项或文书不存在，或不在本单位范围内' })
@Controller('rectifications/:id/letters')
export class LettersController {
  constructor(
    private readonly letters: LetterQueryService,
    private readonly replies: LetterReplyService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '督办文书列表（提醒函 / 督办通知书 / 约谈通知书 / 通报，含文号、SHA-256 与回复）',
  })
  list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<LetterView[]> {
    return this.letters.list(user, id);
  }

  @Get(':letterId/download')
  @ApiOperation({ summary: '下载督办文书（.docx）' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async download(
    @Param('id') id: string,
    @Param('letterId', ParseIntPipe) letterId: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serve(res, await this.letters.openLetter(user, id, letterId));
  }

  @Get(':letterId/replies/:replyId/download')
  @ApiOperation({ summary: '下载单位对督办文书的回复材料' })
  async downloadReply(
    @Param('id') id: string,
    @Param('letterId', ParseIntPipe) letterId: number,
    @Param('replyId', ParseIntPipe) replyId: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serve(res, await this.letters.openReply(user, id, letterId, replyId));
  }

  @Post(':letterId/replies')
  @HttpCode(201)
  @UseInterceptors(LetterReplyInterceptor)
  @ApiOperation({
    summary: '上传单位对督办文书的书面回复（回复/说明），按内容判定类型，规则同佐证材料',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async reply(
    @Param('id') id: string,
    @Param('letterId', ParseIntPipe) letterId: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<LetterView> {
    await this.replies.upload(
      user,
      id,
      letterId,
      file ? { originalName: file.originalname, content: file.buffer } : undefined,
      ip,
    );
    const all = await this.letters.list(user, id);
    return all.find((l) => l.id === letterId) as LetterView;
  }
}

function serve(res: Response, file: FileDownload): StreamableFile {
  res.setHeader('X-Content-SHA256', file.sha256);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.stream, {
    type: file.mimeType,
    length: file.size,
    disposition: attachmentDisposition(file.name),
  });
}
