import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { TodoList, TodoService } from '@rectiflow/dashboard';

/** 我的待办 (every role; what is listed depends on the role, always within the caller's units). */
@ApiTags('todo')
@ApiBearerAuth()
@Controller('todo')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @Get()
  @ApiOperation({
    summary:
      '我的待办：责任单位为本单位在办事项（时限近者在前）；审核人员为待审方案、待认定、待审批延期；局领导为约谈、通报事项',
  })
  @ApiOkResponse({ description: 'TodoList' })
  list(@CurrentUser() user: AuthUser): Promise<TodoList> {
    return this.todo.list(user);
  }
}
