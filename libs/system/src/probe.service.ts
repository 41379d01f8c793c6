import { AuditContext, AuditService } from '@rectiflow/audit';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { NotFoundError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { PROBE_WORKFLOW_TYPE, ProbeInput, ProbeResult, QUEUES, probeWorkflowId } from '@rectiflow/contracts';
import { SystemProbeEntity } from '@rectiflow/persistence';

export interface ProbeJobData {
  probeId: string;
}

@Injectable()
export class ProbeService {
  constructor(
    @InjectRepository(SystemProbeEntity) private readonly probes: Repository<SystemProbeEntity>,
    @InjectQueue(QUEUES.probe) private readonly queue: Queue<ProbeJobData>,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Starts the diagnostic workflow; the id is returned at once, the row appears when the activity ran. */
  async start(message: string, by?: AuditContext): Promise<{ probeId: string; workflowId: string }> {
    const probeId = randomUUID();
    const workflowId = probeWorkflowId(probeId);
    await this.temporal.workflow.start(PROBE_WORKFLOW_TYPE, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [{ probeId, message } satisfies ProbeInput],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    await this.audit.record({
      actor: by?.actor ?? null,
      action: 'system.probe.start',
      entityType: 'system_probe',
      entityId: probeId,
      ip: by?.ip,
      payload: { workflowId },
    });
    return { probeId, workflowId };
  }

  /**
   * Activity body. Idempotent: the row is upserted by id and the job id is derived from the probe id, so a
   * retry after a crash between the two steps neither duplicates the row nor enqueues twice.
   */
  async record(input: ProbeInput & { workflowId: string }): Promise<ProbeResult> {
    await this.probes
      .createQueryBuilder()
      .insert()
      .values({ id: input.probeId, workflowId: input.workflowId, message: input.message, status: 'recorded' })
      .orIgnore()
      .execute();
    const jobId = `probe-${input.probeId}`;
    await this.queue.add('consume', { probeId: input.probeId }, { jobId });
    return { probeId: input.probeId, jobId };
  }

  async markConsumed(probeId: string, consumer: string): Promise<void> {
    await this.probes.update(
      { id: probeId, status: 'recorded' },
      { status: 'consumed', consumedAt: new Date(), consumedBy: consumer },
    );
  }

  async get(probeId: string): Promise<SystemProbeEntity> {
    const probe = await this.probes.findOneBy({ id: probeId });
    if (!probe) throw new NotFoundError('探针', probeId);
    return probe;
  }
}
