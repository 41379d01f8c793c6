import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { CreateUnitDto, UnitDto, UnitTreeNodeDto, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@RequiresPermission('readAcrossUnits')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '单位列表 (all units, flat, with parentId)' })
  @ApiOkResponse({ type: [UnitDto] })
  list(): Promise<UnitDto[]> {
    return this.units.list();
  }

  @Get('tree')
  @ApiOperation({ summary: '单位树 (the units nested by parent)' })
  @ApiOkResponse({ type: [UnitTreeNodeDto] })
  tree(): Promise<UnitTreeNodeDto[]> {
    return this.units.tree();
  }

  @Get(':id')
  @ApiOperation({ summary: '单位详情' })
  @ApiOkResponse({ type: UnitDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Post()
  @RequiresPermission('manageAccounts')
  @ApiOperation({ summary: '新建单位 (bureau_admin)' })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'DUPLICATE: the code is taken' })
  create(
    @Body() dto: CreateUnitDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UnitDto> {
    return this.units.create(dto, user, ip);
  }

  @Patch(':id')
  @RequiresPermission('manageAccounts')
  @ApiOperation({ summary: '修改单位 (bureau_admin): name, code, kind, parent, contacts, webhook, active' })
  @ApiOkResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'DUPLICATE: the code is taken' })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateUnitDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UnitDto> {
    return this.units.update(id, dto, user, ip);
  }
}
