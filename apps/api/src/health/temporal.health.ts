import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { AppConfig } from '@rectiflow/config';
import { TEMPORAL_CONNECTION } from '@rectiflow/temporal';

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'temporal') {
    const indicator = this.health.check(key);
    try {
      // describeNamespace proves both the frontend and our namespace, with a short deadline so /ready stays fast.
      await this.connection.withDeadline(Date.now() + 2000, () =>
        this.connection.workflowService.describeNamespace({ namespace: this.config.temporal.namespace }),
      );
      return indicator.up({ namespace: this.config.temporal.namespace });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
