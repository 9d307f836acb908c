import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { createKafka } from '../kafka/kafka-client';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingRuntime, type MessagingOptions } from './messaging-runtime';
import { KAFKA, MESSAGING_OPTIONS } from './messaging.tokens';

/** Messaging for a NestJS service: inject `OutboxWriter` to publish in a transaction; the rest runs itself. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: () => MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS, LOGGER],
          useFactory: ({ service, brokers }: MessagingOptions, logger: Logger) =>
            createKafka({ brokers, clientId: service, logger }),
        },
        {
          provide: OutboxWriter,
          inject: [MESSAGING_OPTIONS],
          useFactory: ({ service }: MessagingOptions) => new OutboxWriter(service),
        },
        MessagingRuntime,
      ],
      exports: [OutboxWriter, KAFKA],
    };
  }
}
