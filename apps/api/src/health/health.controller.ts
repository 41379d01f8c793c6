import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@rectiflow/auth';
import { RedisHealthIndicator } from './redis.health';
import { TemporalHealthIndicator } from './temporal.health';

/** Public: load balancers and orchestrators probe these without credentials. */
@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mysql: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Get('health')
  @ApiOperation({ summary: '存活检查 (liveness): the process answers' })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: '就绪检查 (readiness): MySQL, Redis and Temporal each reported; 503 naming the failing one',
  })
  readiness() {
    return this.health.check([
      () => this.mysql.pingCheck('mysql', { timeout: 2000 }),
      () => this.redis.check('redis'),
      () => this.temporal.check('temporal'),
    ]);
  }
}
