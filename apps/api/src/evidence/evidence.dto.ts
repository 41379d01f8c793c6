import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { EvidenceFileView, EvidenceList } from '@rectiflow/contracts';

/** The text fields of the multipart upload; the files come as `files` parts. */
export class EvidenceUploadDto {
  @ApiProperty({ description: '佐证材料说明', maxLength: 2000 })
  @IsString()
  @IsNotEmpty({ message: 'description 不能为空' })
  @MaxLength(2000)
  description!: string;

  @ApiProperty({
    example: '2026-12-20',
    description: '生效日期（佐证材料证明的事项生效的日期，区别于上传时间）',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'effectiveDate 不是有效日期' })
  effectiveDate!: string;
}

export class EvidenceRecordRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '2026-12-20' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ example: { userId: 12, name: '张三' } }) addedBy!: { userId: number; name: string };
}

export class EvidenceFileDto implements EvidenceFileView {
  @ApiProperty({ description: '文件编号 (fileId)' }) id!: number;
  @ApiProperty({ description: '原文件名（已清理路径与控制字符）' }) name!: string;
  @ApiProperty({ description: '字节数' }) size!: number;
  @ApiProperty({ description: '内容的 SHA-256（十六进制），可用于事后核验提交的文件' }) sha256!: string;
  @ApiProperty({ description: '按内容识别的 MIME 类型' }) mimeType!: string;
  @ApiProperty({ nullable: true, type: String, description: '按内容识别的类型：pdf, ofd, docx, …' })
  detectedType!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty() downloadable!: boolean;
  @ApiProperty({ type: EvidenceRecordRefDto, description: '所属的佐证材料记录' })
  evidence!: EvidenceRecordRefDto;
  @ApiProperty({ example: { download: '/api/v1/rectifications/…/evidence/1/download' } }) links!: {
    download: string;
  };
}

export class EvidenceListDto implements EvidenceList {
  @ApiProperty({ type: [EvidenceFileDto] }) items!: EvidenceFileDto[];
}
