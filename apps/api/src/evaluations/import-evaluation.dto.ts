import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The JSON variant of POST /evaluations/import. (The multipart variant sends the document in a `file` part and
 * may be accompanied by nothing else.)
 */
export class ImportTextDto {
  @ApiPropertyOptional({ description: 'the text of a 绩效评价结果反馈表 (instead of a file upload)' })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    description: 'name to keep for the document; default pasted-text.txt',
    maxLength: 255,
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;
}
