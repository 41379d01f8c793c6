import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { resolve } from 'node:path';
import { AppConfig } from '@rectiflow/config';
import { RecheckActivityService } from '@rectiflow/documents';
import { DailyDigestService } from '@rectiflow/notifications';
import {
  EvaluationLifecycleService,
  IssuePageService,
  NotificationRequestService,
  RectificationProjectionService,
} from '@rectiflow/rectification';
import { ProbeService } from '@rectiflow/system';
import { buildTemporalTls } from '@rectiflow/temporal';
import { createActivities } from './create-activities';

let runtimeInstalled = false;

/**
 * Hosts the Temporal worker inside the Nest app context. Shutdown (SIGTERM) stops polling, lets in-flight
 * activities finish within the grace time, then closes the connection — before Nest closes the DB and queues.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly probes: ProbeService,
    private readonly projection: RectificationProjectionService,
    private readonly notifications: NotificationRequestService,
    private readonly evaluations: EvaluationLifecycleService,
    private readonly issuePages: IssuePageService,
    private readonly digests: DailyDigestService,
    private readonly rechecks: RecheckActivityService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      runtimeInstalled = true;
      // Core (Rust) logs are forwarded into our structured logger instead of raw lines on stderr.
      Runtime.install({
        logger: new NestRuntimeLogger(),
        shutdownSignals: [],
        telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
      });
    }
    const { temporal } = this.config;
    this.connection = await NativeConnection.connect({
      address: temporal.address,
      tls: buildTemporalTls(this.config),
    });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      ...(temporal.workflowBundlePath
        ? { workflowBundle: { codePath: resolve(temporal.workflowBundlePath) } }
        : { workflowsPath: require.resolve('../../../workflows/src') }),
      activities: createActivities({
        probes: this.probes,
        projection: this.projection,
        notifications: this.notifications,
        evaluations: this.evaluations,
        issuePages: this.issuePages,
        digests: this.digests,
        rechecks: this.rechecks,
      }),
      maxCachedWorkflows: temporal.worker.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: temporal.worker.maxConcurrentWorkflowTasks,
      maxConcurrentActivityTaskExecutions: temporal.worker.maxConcurrentActivities,
      shutdownGraceTime: '20 seconds',
    });
    this.running = this.worker.run().catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      throw err;
    });
    this.logger.log(`Temporal worker polling ${temporal.namespace}/${temporal.taskQueue}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  /** For tests and diagnostics. */
  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }
}

/** Routes the SDK's core logs into Nest's (pino) logger instead of stderr noise. */
class NestRuntimeLogger {
  private readonly logger = new Logger('TemporalSDK');
  log(level: string, message: string, meta?: Record<string, unknown>): void {
    if (level === 'ERROR') this.logger.error({ ...meta }, message);
    else if (level === 'WARN') this.logger.warn({ ...meta }, message);
  }
  trace(): void {}
  debug(): void {}
  info(): void {}
  warn(message: string, meta?: Record<string, unknown>): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: Record<string, unknown>): void {
    this.log('ERROR', message, meta);
  }
}
