import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { hostname } from 'node:os';
import { QUEUES } from '@rectiflow/contracts';
import { ProbeJobData, ProbeService } from './probe.service';

@Processor(QUEUES.probe)
export class ProbeProcessor extends WorkerHost {
  constructor(private readonly probes: ProbeService) {
    super();
  }

  async process(job: Job<ProbeJobData>): Promise<void> {
    await this.probes.markConsumed(job.data.probeId, `${hostname()}:${process.pid}`);
  }
}
