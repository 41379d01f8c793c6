import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  RECTIFICATION_STATUSES,
  RECTIFICATION_TYPES,
  RectificationStatus,
  RectificationType,
} from '@rectiflow/contracts';
import { LEDGER_ORDERS, LEDGER_SORTS, LedgerFilter, LedgerOrder, LedgerSort } from '@rectiflow/ledger';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `status=a&status=b` and `status=a,b` both mean [a, b]. */
const list = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** The ledger's filters and order (GET /rectifications and /rectifications/export.xlsx). Unknown parameters are a 400. */
export class LedgerFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: '评价' })
  @IsOptional()
  @IsUUID('all')
  evaluationId?: string;

  @ApiPropertyOptional({ description: '责任单位（含其下级单位）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({
    enum: RECTIFICATION_STATUSES,
    isArray: true,
    description: '可多选：status=a&status=b 或 status=a,b',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(RECTIFICATION_STATUSES.length)
  @IsIn(RECTIFICATION_STATUSES, { each: true })
  status?: RectificationStatus[];

  @ApiPropertyOptional({ enum: RECTIFICATION_TYPES, isArray: true, description: '整改类型，可多选' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(RECTIFICATION_TYPES.length)
  @IsIn(RECTIFICATION_TYPES, { each: true })
  type?: RectificationType[];

  @ApiPropertyOptional({ type: Boolean, description: '是否逾期' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue 须为 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 4,
    description: '督办级别（精确）：0 无, 1 提醒函, 2 督办, 3 约谈, 4 通报',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4)
  escalationLevel?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, description: '督办级别不低于' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4)
  minEscalationLevel?: number;

  @ApiPropertyOptional({ example: '2027-01-01', description: '当前整改时限不早于（含）' })
  @IsOptional()
  @Matches(DATE, { message: 'deadlineFrom 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'deadlineFrom 不是有效日期' })
  deadlineFrom?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: '当前整改时限不晚于（含）' })
  @IsOptional()
  @Matches(DATE, { message: 'deadlineTo 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'deadlineTo 不是有效日期' })
  deadlineTo?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description:
      '关键词：在问题标题、责任单位与评价项目名称中查找（每相邻两字都须出现；空格分隔的词须都出现）',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: LEDGER_SORTS, default: 'deadline' })
  @IsOptional()
  @IsIn(LEDGER_SORTS)
  sort: LedgerSort = 'deadline';

  @ApiPropertyOptional({ enum: LEDGER_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(LEDGER_ORDERS)
  order: LedgerOrder = 'asc';
}

/** The list adds paging; the export has none (it streams every matching row). */
export class LedgerListQueryDto extends LedgerFilterDto {
  @ApiPropertyOptional({
    default: 1,
    minimum: 1,
    maximum: 10000,
    description: '页码；只能翻到前 10000 条（page × pageSize ≤ 10000 + pageSize），更多请缩小筛选或导出',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

export function toLedgerFilter(dto: LedgerFilterDto): LedgerFilter {
  return {
    evaluationId: dto.evaluationId,
    unitId: dto.unitId,
    status: dto.status,
    type: dto.type,
    overdue: dto.overdue,
    escalationLevel: dto.escalationLevel,
    minEscalationLevel: dto.minEscalationLevel,
    deadlineFrom: dto.deadlineFrom,
    deadlineTo: dto.deadlineTo,
    q: dto.q,
    sort: dto.sort,
    order: dto.order,
  };
}
