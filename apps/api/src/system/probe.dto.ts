import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class StartProbeDto {
  @ApiPropertyOptional({ description: '附言 (free text echoed back)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class ProbeStartedDto {
  @ApiProperty() probeId!: string;
  @ApiProperty() workflowId!: string;
}

export class ProbeDto {
  @ApiProperty() id!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['recorded', 'consumed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) consumedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) consumedBy!: string | null;
  @ApiProperty() createdAt!: Date;
}
