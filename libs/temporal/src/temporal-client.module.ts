import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@rectiflow/config';
import { buildTemporalTls } from './temporal-tls';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

/**
 * One lazy gRPC connection per process: it connects on first use and reconnects by itself, so an outage of
 * the Temporal server after boot shows up as 503 / not-ready rather than a crash.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        Connection.lazy({
          address: config.temporal.address,
          tls: buildTemporalTls(config),
          // Reconnect within seconds once Temporal is back, instead of gRPC's default backoff of up to 2 minutes.
          channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5000 },
        }),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, AppConfig],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.temporal.namespace }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
