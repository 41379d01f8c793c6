import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import type { PolicyDefaultsResponse } from '@rectiflow/contracts';
import { PolicyDefaultsService } from '@rectiflow/rectification';
import { PolicyDefaultsDto, PolicyDefaultsResponseDto } from './policy-defaults.dto';

/** 默认整改政策: what issuing uses when the 下发 wizard does not say otherwise. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/policy-defaults')
export class PolicyDefaultsController {
  constructor(private readonly policyDefaults: PolicyDefaultsService) {}

  @Get()
  @RequiresPermission('readPolicyDefaults')
  @ApiOperation({ summary: '默认整改政策（管理员设置的，未设置时为环境变量），及其来源和最后修改' })
  @ApiOkResponse({ type: PolicyDefaultsResponseDto })
  get(): Promise<PolicyDefaultsResponse> {
    return this.policyDefaults.effective();
  }

  @Put()
  @RequiresPermission('editPolicyDefaults')
  @ApiOperation({ summary: '修改默认整改政策（整体替换，规则同下发时的策略，记入审计日志）' })
  @ApiOkResponse({ type: PolicyDefaultsResponseDto })
  @ApiBadRequestResponse({ description: '天数无效、提醒未递减或督办升级未递增等（原因以中文说明）' })
  put(
    @Body() body: PolicyDefaultsDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<PolicyDefaultsResponse> {
    return this.policyDefaults.put(body, user, ip);
  }
}
