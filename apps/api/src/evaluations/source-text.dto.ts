import { ApiProperty } from '@nestjs/swagger';
import type { SourceSpan, SourceText } from '@rectiflow/contracts';

export class SourceSpanDto implements SourceSpan {
  @ApiProperty({ description: 'seq of the finding / recommendation' })
  seq!: number;

  @ApiProperty({ description: 'UTF-16 offset of the first character in `text`' })
  start!: number;

  @ApiProperty({ description: 'UTF-16 offset just past the last character' })
  end!: number;
}

/** GET /evaluations/:id/source-text */
export class SourceTextDto implements SourceText {
  @ApiProperty({ description: 'the text the importer extracted (spans point into it)' })
  text!: string;

  @ApiProperty({ description: 'txt | html | docx | doc | pdf | png | jpg' })
  format!: string;

  @ApiProperty({ description: 'read by OCR from a scan or image (less reliable)' })
  ocr!: boolean;

  @ApiProperty({ nullable: true, type: Number, description: 'pages of a PDF' })
  pages!: number | null;

  @ApiProperty({ type: [SourceSpanDto] })
  findings!: SourceSpanDto[];

  @ApiProperty({ type: [SourceSpanDto] })
  recommendations!: SourceSpanDto[];
}
