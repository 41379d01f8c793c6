import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import {
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UserQueryDto,
} from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@RequiresPermission('readAcrossUnits')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '用户列表 (paged; filter by unit, role, active, text)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '用户详情' })
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @RequiresPermission('manageAccounts')
  @ApiOperation({ summary: '新建用户 (bureau_admin), with an initial password' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'DUPLICATE: the username is taken' })
  create(
    @Body() dto: CreateUserDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UserDto> {
    return this.users.create(dto, actor, ip);
  }

  @Patch(':id')
  @RequiresPermission('manageAccounts')
  @ApiOperation({ summary: '修改用户 (bureau_admin): name, role, unit, contact, active, unit head' })
  @ApiOkResponse({ type: UserDto })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UserDto> {
    return this.users.update(id, dto, actor, ip);
  }

  @Post(':id/reset-password')
  @RequiresPermission('manageAccounts')
  @HttpCode(204)
  @ApiOperation({ summary: '重置密码 (bureau_admin): also unlocks the account and ends its sessions' })
  @ApiNoContentResponse()
  resetPassword(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResetPasswordDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<void> {
    return this.users.resetPassword(id, dto.password, actor, ip);
  }

  @Post(':id/unlock')
  @RequiresPermission('manageAccounts')
  @HttpCode(200)
  @ApiOperation({ summary: '解除锁定 (bureau_admin): clears the failed-login count and the account lock' })
  @ApiOkResponse({ type: UserDto })
  unlock(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UserDto> {
    return this.users.unlock(id, actor, ip);
  }
}
